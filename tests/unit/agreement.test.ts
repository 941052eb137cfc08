// Agreement statistics against worked examples from the literature, and their edge cases.
import { describe, expect, it } from 'vitest';
import {
	byContestedness,
	distribution,
	fleissKappa,
	itemAgreement,
	kappaCaveat,
	krippendorffAlpha,
	landisKoch,
	type StudentTags
} from '../../src/lib/exercises/agreement';

/**
 * Fleiss (1971), as worked in Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters each,
 * 5 categories. Each row: how many of the 14 raters put the subject in categories 1..5.
 */
const FLEISS_1971 = [
	[0, 0, 0, 0, 14],
	[0, 2, 6, 4, 2],
	[0, 0, 3, 5, 6],
	[0, 3, 9, 2, 0],
	[2, 2, 8, 1, 1],
	[7, 7, 0, 0, 0],
	[3, 2, 6, 3, 0],
	[2, 5, 3, 2, 2],
	[6, 5, 2, 1, 0],
	[0, 2, 2, 3, 7]
];

describe('Fleiss kappa: the worked example of Fleiss (1971) / Wikipedia', () => {
	const result = fleissKappa(FLEISS_1971);

	it('has 14 ratings per subject and 140 in all', () => {
		expect(FLEISS_1971.every((row) => row.reduce((a, b) => a + b) === 14)).toBe(true);
		expect(result.raters).toEqual({ min: 14, max: 14, ratings: 140 });
		expect(result.items).toBe(10);
		expect(result.excluded).toBe(0);
	});

	it('reproduces p_j for every category', () => {
		const expected = [0.143, 0.2, 0.279, 0.15, 0.229];
		result.shares.forEach((p, j) => expect(p).toBeCloseTo(expected[j]!, 3));
		expect(result.shares.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
	});

	it('reproduces P_i for every subject', () => {
		const expected = [1.0, 0.253, 0.308, 0.44, 0.33, 0.462, 0.242, 0.176, 0.286, 0.286];
		result.perItem.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 3));
		// subject 2 by hand: (0 + 2*1 + 6*5 + 4*3 + 2*1) / (14*13) = 46/182
		expect(result.perItem[1]).toBeCloseTo(46 / 182, 12);
	});

	it('reproduces P̄ ≈ 0.378, P̄e ≈ 0.213 and kappa ≈ 0.210', () => {
		expect(result.observed).toBeCloseTo(0.378, 3);
		expect(result.expected).toBeCloseTo(0.213, 3);
		expect(result.kappa).toBeCloseTo(0.21, 3);
		// exact: P̄e = (20² + 28² + 39² + 21² + 32²) / 140²
		expect(result.expected).toBeCloseTo(4170 / 19600, 12);
	});

	it('reads as "fair" agreement, labelled as a convention', () => {
		const reading = landisKoch(result.kappa!);
		expect(reading.label).toBe('fair');
		expect(reading.band).toBe('0.21 to 0.40');
		expect(reading.convention).toMatch(/Landis and Koch \(1977\).*convention/);
	});
});

describe('Krippendorff alpha: the worked example of Krippendorff (2011)', () => {
	// "Computing Krippendorff's alpha-reliability", section C: 4 observers, 12 units, values 1..5,
	// with missing data (unit 12 has a single value and so is unpairable). alpha_nominal = 0.743.
	const observers: (number | null)[][] = [
		[1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
		[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
		[null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
		[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
	];
	const counts = Array.from({ length: 12 }, (_, u) => {
		const row = [0, 0, 0, 0, 0];
		for (const o of observers) {
			const v = o[u];
			if (v != null) row[v - 1]! += 1;
		}
		return row;
	});

	it('gives alpha = 0.743 for nominal data', () => {
		expect(krippendorffAlpha(counts)).toBeCloseTo(0.743, 3);
	});

	it('lets Fleiss kappa use the same table with varying raters, leaving out the unpairable unit', () => {
		const result = fleissKappa(counts);
		expect(result.items).toBe(11);
		expect(result.excluded).toBe(1);
		expect(result.raters).toEqual({ min: 2, max: 4, ratings: 40 });
		expect(result.perItem[11]).toBeNull();
		// unit 6 (1, 2, 3, 4): four raters, no two agree
		expect(result.perItem[5]).toBe(0);
		expect(result.kappa).toBeGreaterThan(0.7);
		expect(result.kappa).toBeLessThan(0.8);
	});
});

describe('two raters: Fleiss kappa is Scott pi', () => {
	// Wikipedia's "Cohen's kappa" example: 50 grant proposals, two readers. Both yes 20, A yes and
	// B no 5, A no and B yes 10, both no 15. Cohen's kappa is 0.4; Scott's pi pools the readers'
	// marginals: p(yes) = 55/100, P̄e = 0.55² + 0.45² = 0.505, P̄ = 35/50 = 0.7, pi = 0.195/0.495.
	const rows = [
		...Array.from({ length: 20 }, () => [2, 0]),
		...Array.from({ length: 15 }, () => [1, 1]),
		...Array.from({ length: 15 }, () => [0, 2])
	];

	it('gives pi = 0.394', () => {
		const result = fleissKappa(rows);
		expect(result.observed).toBeCloseTo(0.7, 12);
		expect(result.expected).toBeCloseTo(0.505, 12);
		expect(result.kappa).toBeCloseTo(0.195 / 0.495, 12);
		expect(result.kappa).toBeCloseTo(0.394, 3);
	});

	it('gives alpha slightly above pi, by the small-sample correction (n - 1)/n', () => {
		// alpha = 1 - (n - 1) D_o / D_e; with 100 pairable values it is 1 - 99/100 * (1 - pi)
		const pi = 0.195 / 0.495;
		expect(krippendorffAlpha(rows)).toBeCloseTo(1 - (99 / 100) * (1 - pi), 12);
	});

	it('gives P_i of 1 or 0 per item', () => {
		expect(itemAgreement([2, 0])).toBe(1);
		expect(itemAgreement([1, 1])).toBe(0);
	});
});

describe('edge cases', () => {
	it('perfect agreement over several categories gives kappa 1', () => {
		const result = fleissKappa([
			[5, 0, 0],
			[0, 5, 0],
			[0, 0, 5],
			[5, 0, 0]
		]);
		expect(result.kappa).toBe(1);
		expect(result.observed).toBe(1);
		expect(
			krippendorffAlpha([
				[5, 0, 0],
				[0, 5, 0]
			])
		).toBe(1);
	});

	it('every rater choosing one category for every item gives null with a reason (P̄e = 1)', () => {
		const result = fleissKappa([
			[0, 4, 0],
			[0, 4, 0],
			[0, 4, 0]
		]);
		expect(result.kappa).toBeNull();
		expect(result.expected).toBe(1);
		expect(result.observed).toBe(1);
		expect(result.reason).toMatch(/same tag.*undefined/);
		expect(krippendorffAlpha([[0, 4, 0]])).toBeNull();
	});

	it('no item with two raters gives null with a reason', () => {
		const result = fleissKappa([
			[1, 0, 0],
			[0, 0, 0]
		]);
		expect(result.kappa).toBeNull();
		expect(result.reason).toMatch(/two students/);
		expect(result.items).toBe(0);
		expect(result.excluded).toBe(2);
		expect(fleissKappa([]).kappa).toBeNull();
		expect(krippendorffAlpha([[1, 0, 0]])).toBeNull();
	});

	it('systematic disagreement gives a negative kappa, read as "poor"', () => {
		const result = fleissKappa([
			[1, 1],
			[1, 1],
			[1, 1]
		]);
		expect(result.kappa).toBe(-1);
		expect(landisKoch(-1).label).toBe('poor');
	});

	it('reads the Landis & Koch bands at two decimals', () => {
		expect(landisKoch(0).label).toBe('slight');
		expect(landisKoch(0.2).label).toBe('slight');
		expect(landisKoch(0.204).label).toBe('slight');
		expect(landisKoch(0.206).label).toBe('fair');
		expect(landisKoch(0.4).label).toBe('fair');
		expect(landisKoch(0.41).label).toBe('moderate');
		expect(landisKoch(0.61).label).toBe('substantial');
		expect(landisKoch(0.8).label).toBe('substantial');
		expect(landisKoch(0.81).label).toBe('almost perfect');
		expect(landisKoch(1).label).toBe('almost perfect');
	});

	it('warns about small classes and short sets', () => {
		expect(kappaCaveat(4, 24)).toMatch(/only 4 students, kappa is unstable.*rough guide/);
		expect(kappaCaveat(30, 6)).toMatch(/only 6 sentences/);
		expect(kappaCaveat(1, 1)).toMatch(/only 1 student and 1 sentence/);
		expect(kappaCaveat(10, 10)).toBeNull();
	});
});

describe('distribution of the class tags', () => {
	const ids = ['L2', 'L3', 'L4', 'L5'];
	const key = new Map([
		['L2', 'evidence'],
		['L3', 'assertion'],
		['L4', 'deflection'],
		['L5', 'evidence']
	] as const);
	const students: StudentTags[] = [
		{ L2: 'evidence', L3: 'assertion', L4: 'deflection', L5: 'evidence' },
		{ L2: 'evidence', L3: 'deflection', L4: 'deflection', L5: 'assertion' },
		{ L2: 'evidence', L3: 'evidence', L4: 'deflection', L5: 'deflection' },
		{ L2: 'assertion', L3: 'assertion', L4: 'deflection' },
		// an id outside the set is ignored
		{ L2: 'evidence', L99: 'evidence' }
	];
	const result = distribution(students, ids, key);

	it('counts each tag per item, in the order given', () => {
		expect(result.items.map((i) => i.id)).toEqual(ids);
		expect(result.items[0]!.counts).toEqual({ evidence: 4, assertion: 1, deflection: 0 });
		expect(result.items[0]!.total).toBe(5);
		expect(result.items[3]!.counts).toEqual({ evidence: 1, assertion: 1, deflection: 1 });
		expect(result.counts[3]).toEqual([1, 1, 1]);
	});

	it('gives the share agreeing with the key and the modal tags', () => {
		expect(result.items[0]!.keyShare).toBeCloseTo(0.8, 12);
		expect(result.items[1]!.keyShare).toBeCloseTo(0.5, 12);
		expect(result.items[2]!.keyShare).toBe(1);
		expect(result.items[0]!.modal).toEqual(['evidence']);
		expect(result.items[3]!.modal).toEqual(['evidence', 'assertion', 'deflection']);
		expect(distribution(students, ids).items[0]!.keyShare).toBeNull();
		expect(distribution(students, ids, { L2: 'assertion' }).items[0]!.keyShare).toBeCloseTo(0.2);
	});

	it('puts the most contested items first: lowest P_i, then highest entropy', () => {
		// L5: 3 answers, all different, P_i 0, entropy 1; L3: 2,1,1 of 4, P_i 2/12;
		// L2: 4,1 of 5, P_i 12/20; L4: all agree, P_i 1
		expect(result.contested.map((i) => i.id)).toEqual(['L5', 'L3', 'L2', 'L4']);
		expect(result.items[3]!.entropy).toBeCloseTo(1, 12);
		expect(result.items[2]!.entropy).toBe(0);
		expect(result.items[1]!.agreement).toBeCloseTo(2 / 12, 12);
	});

	it('breaks ties by entropy, then by the share agreeing with the key, then by order', () => {
		const tied = distribution(
			[
				{ A1: 'evidence', A2: 'evidence', A3: 'evidence', A4: 'evidence' },
				{ A1: 'assertion', A2: 'assertion', A3: 'deflection', A4: 'assertion' }
			],
			['A1', 'A2', 'A3', 'A4', 'A5'],
			{ A1: 'evidence', A2: 'deflection', A3: 'evidence', A4: 'deflection' }
		);
		// all four answered items have P_i 0 and entropy log2/log3; A2 and A4 have key share 0,
		// A1 and A3 have 0.5; A5 has no answers and comes last
		expect(tied.contested.map((i) => i.id)).toEqual(['A2', 'A4', 'A1', 'A3', 'A5']);
		expect(byContestedness(tied.items)).toEqual(tied.contested);
	});

	it('feeds kappa: the class table gives the same kappa as by hand', () => {
		const kappa = fleissKappa(result.counts);
		// shares over 16 ratings: evidence 6, assertion 4, deflection 6
		const pe = (36 + 16 + 36) / 256;
		const pBar = (12 / 20 + 2 / 12 + 1 + 0) / 4;
		expect(kappa.kappa).toBeCloseTo((pBar - pe) / (1 - pe), 12);
	});

	it('handles an empty class', () => {
		const empty = distribution([], ids, key);
		expect(empty.items.every((i) => i.total === 0 && i.agreement === null)).toBe(true);
		expect(empty.items[0]!.keyShare).toBeNull();
		expect(empty.items[0]!.modal).toEqual([]);
		expect(fleissKappa(empty.counts).kappa).toBeNull();
	});
});
