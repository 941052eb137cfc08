// A tagging exercise at a glance: students per score band (the ends of each band), and the items
// most missed, computed by hand from a class of four.
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../src/lib/content/vocabulary';
import { distribution } from '../../src/lib/exercises/agreement';
import type { StudentRow } from '../../src/lib/exercises/dashboard';
import { mostMissed, scoreBands } from '../../src/lib/exercises/dashboard-summary';
import type { KeyForScoring } from '../../src/lib/exercises/tag/scoring';

const row = (ratio: number | null): StudentRow =>
	({
		studentId: String(ratio),
		nickname: String(ratio),
		totals: ratio === null ? null : { ratio }
	}) as StudentRow;

describe('scoreBands', () => {
	it('counts students per band of 20 points, 100% in the last, nobody without a score', () => {
		const rows = [0, 0.19, 0.2, 0.5, 0.79999, 0.8, 1, null].map(row);
		expect(scoreBands(rows).map((b) => b.students)).toEqual([2, 1, 1, 1, 2]);
		expect(scoreBands(rows)[0]).toEqual({ from: 0, to: 0.2, students: 2 });
		expect(scoreBands([], 4).map((b) => [b.from, b.to, b.students])).toEqual([
			[0, 0.25, 0],
			[0.25, 0.5, 0],
			[0.5, 0.75, 0],
			[0.75, 1, 0]
		]);
	});
});

describe('mostMissed', () => {
	const key = new Map<string, KeyForScoring>([
		['A', { tag: 'evidence', alsoDefensible: [] }],
		['B', { tag: 'deflection', alsoDefensible: ['evidence'] }],
		['C', { tag: 'assertion', alsoDefensible: [] }],
		['D', { tag: 'assertion', alsoDefensible: [] }],
		['E', { tag: 'evidence', alsoDefensible: [] }]
	]);
	// four students; E answered by nobody
	const answers: Partial<Record<string, Tag>>[] = [
		{ A: 'evidence', B: 'evidence', C: 'deflection', D: 'assertion' },
		{ A: 'evidence', B: 'evidence', C: 'deflection', D: 'assertion' },
		{ A: 'assertion', B: 'deflection', C: 'assertion', D: 'assertion' },
		{ A: 'evidence', B: 'assertion', D: 'assertion' }
	];
	const items = distribution(answers, ['A', 'B', 'C', 'D', 'E']).items;

	it('orders by mean credit, lowest first, leaving out items all right or unanswered', () => {
		// A: 3 of 4 right = 0.75, 1 wrong; B: ½ + ½ + 1 + 0 = 2 / 4 = 0.5, 1 wrong;
		// C: 0 + 0 + 1 = 1 / 3, 2 wrong; D: all right; E: nobody
		expect(mostMissed(items, key)).toEqual([
			{ id: 'C', answered: 3, meanCredit: 1 / 3, wrong: 2 },
			{ id: 'B', answered: 4, meanCredit: 0.5, wrong: 1 },
			{ id: 'A', answered: 4, meanCredit: 0.75, wrong: 1 }
		]);
		expect(mostMissed(items, key, 1).map((m) => m.id)).toEqual(['C']);
	});
});
