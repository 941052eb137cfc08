// The linking exercise: per-sentence set scoring, totals, per-allegation recall, the body schema's
// rejections (each with a message naming the field), and grading of the real letter.
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';
import { linkReason } from '../../src/lib/exercises/map/feedback';
import {
	allegationRecall,
	mapAdvice,
	mapTotals,
	scoreLinks
} from '../../src/lib/exercises/map/scoring';
import {
	describeMapError,
	incompleteMessage,
	linksFromForm,
	mapSubmissionSchema,
	missingSentences
} from '../../src/lib/exercises/map/submission';
import { linkField } from '../../src/lib/exercises/map/fields';
import { GradingError } from '../../src/lib/server/grading/errors';
import { grade } from '../../src/lib/server/grading/tag';
import { claimIds, gradeMap } from '../../src/lib/server/grading/map';
import { selfStudyTagging } from '../../src/lib/server/grading/visible-key';

describe('scoreLinks', () => {
	it('is exact when the sets are equal, in any order', () => {
		const s = scoreLinks(['A3', 'A1'], ['A1', 'A3']);
		expect(s).toMatchObject({ jaccard: 1, precision: 1, recall: 1, verdict: 'exact' });
		expect(s.missed).toEqual([]);
		expect(s.extra).toEqual([]);
	});

	it('counts "none of them" as right when the key has none', () => {
		expect(scoreLinks([], [])).toMatchObject({
			jaccard: 1,
			precision: null,
			recall: null,
			verdict: 'exact'
		});
	});

	it('scores "none of them" as wrong when the key links the sentence', () => {
		expect(scoreLinks([], ['A4'])).toMatchObject({
			jaccard: 0,
			precision: null,
			recall: 0,
			missed: ['A4'],
			verdict: 'wrong'
		});
	});

	it('scores a link where the key has none as wrong', () => {
		expect(scoreLinks(['A1'], [])).toMatchObject({
			jaccard: 0,
			precision: 0,
			recall: null,
			extra: ['A1'],
			verdict: 'wrong'
		});
	});

	it('gives the Jaccard overlap, precision and recall of a partial answer', () => {
		const s = scoreLinks(['A1', 'A2', 'A4'], ['A1', 'A2', 'A3']);
		expect(s.hits).toEqual(['A1', 'A2']);
		expect(s.missed).toEqual(['A3']);
		expect(s.extra).toEqual(['A4']);
		expect(s.jaccard).toBeCloseTo(2 / 4);
		expect(s.precision).toBeCloseTo(2 / 3);
		expect(s.recall).toBeCloseTo(2 / 3);
		expect(s.verdict).toBe('partial');
	});

	it('ignores repeated ids', () => {
		expect(scoreLinks(['A1', 'A1'], ['A1']).jaccard).toBe(1);
	});
});

describe('mapTotals', () => {
	it('adds overlaps and counts links and "none" answers over the letter', () => {
		const totals = mapTotals([
			scoreLinks(['A1'], ['A1']),
			scoreLinks(['A1', 'A2'], ['A1']),
			scoreLinks([], []),
			scoreLinks([], ['A4']),
			scoreLinks(['A3'], [])
		]);
		expect(totals).toMatchObject({
			sentences: 5,
			exact: 2,
			partial: 1,
			wrong: 2,
			score: 2.5,
			ratio: 0.5,
			links: { given: 4, inKey: 3, hits: 2, precision: 0.5 },
			none: { inKey: 2, found: 1, falseNone: 1 }
		});
		expect(totals.links.recall).toBeCloseTo(2 / 3);
	});

	it('is zero for nothing graded', () => {
		expect(mapTotals([])).toMatchObject({ ratio: 0, links: { precision: null, recall: null } });
	});
});

describe('allegationRecall', () => {
	it('lists, per allegation, the key sentences found and missed and the extra links', () => {
		const rows = [
			{ id: 'L4', given: ['A1', 'A2'], key: ['A1', 'A2'] },
			{ id: 'L5', given: ['A2'], key: ['A1'] },
			{ id: 'L6', given: [], key: [] }
		];
		expect(allegationRecall(['A1', 'A2', 'A3'], rows)).toEqual([
			{ id: 'A1', inKey: ['L4', 'L5'], found: ['L4'], missed: ['L5'], extra: [] },
			{ id: 'A2', inKey: ['L4'], found: ['L4'], missed: [], extra: ['L5'] },
			{ id: 'A3', inKey: [], found: [], missed: [], extra: [] }
		]);
	});
});

describe('mapAdvice', () => {
	it('warns a student who links everything to everything', () => {
		const scores = Array.from({ length: 10 }, (_, i) =>
			scoreLinks(['A1', 'A2', 'A3', 'A4'], i < 2 ? ['A1'] : [])
		);
		const advice = mapAdvice(mapTotals(scores));
		expect(advice.join(' ')).toContain('Only 2 of your 40 links are in the key');
		expect(advice.join(' ')).toContain('you said so for 0');
	});

	it('has nothing to say about a perfect answer', () => {
		expect(mapAdvice(mapTotals([scoreLinks(['A1'], ['A1']), scoreLinks([], [])]))).toEqual([]);
	});
});

const SENTENCES = ['L4', 'L5', 'L6'];
const ALLEGATIONS = ['A1', 'A2', 'A3', 'A4'];
const schema = mapSubmissionSchema(SENTENCES, ALLEGATIONS);

function form(fields: [string, string | Blob][]): FormData {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
}
const parse = (fields: [string, string | Blob][]) => schema.safeParse(linksFromForm(form(fields)));

describe('the linking body schema', () => {
	it('reads repeated links-<sentence> fields and writes "none of them" as []', () => {
		const result = parse([
			[linkField('L4'), 'A1'],
			[linkField('L4'), 'A3'],
			[linkField('L5'), 'none'],
			['unrelated', 'x']
		]);
		expect(result.success).toBe(true);
		expect(result.data).toEqual({ links: { L4: ['A1', 'A3'], L5: [] } });
	});

	it.each([
		[[['links-L4', 'A9']], 'the links for L4 should be A1, A2, A3, A4 or "none"'],
		[[['links-L4', '<b>']], 'the links for L4 should be A1, A2, A3, A4 or "none"'],
		[
			[
				['links-L4', 'A1'],
				['links-L4', 'none']
			],
			'the links for L4 should be either allegations or "none of them", not both'
		],
		[
			[
				['links-L4', 'A1'],
				['links-L4', 'A1']
			],
			'the links for L4 should be each of A1, A2, A3, A4 or "none" at most once'
		],
		[[['links-L99', 'A1']], 'the field links-L99 should name a claim sentence of the letter'],
		[[['links-L1', 'A1']], 'the field links-L1 should name a claim sentence of the letter'],
		[[['links-L4', new Blob(['A1'])]], 'the links for L4 should be A1, A2, A3, A4 or "none"']
	] as [[string, string | Blob][], string][])(
		'rejects %j with a message naming the field',
		(fields, message) => {
			const result = parse(fields);
			expect(result.success).toBe(false);
			if (!result.success) expect(describeMapError(result.error)).toContain(message);
		}
	);

	it('treats a field named links-__proto__ as nothing, never as a prototype', () => {
		const result = parse([
			['links-__proto__', 'A1'],
			['links-L4', 'A2']
		]);
		expect(result.data).toEqual({ links: { L4: ['A2'] } });
		expect(Object.hasOwn(result.data!.links, '__proto__')).toBe(false);
		expect(({} as Record<string, unknown>).A1).toBeUndefined();
	});

	it('rejects more values for a sentence than there are choices', () => {
		const fields = ['A1', 'A2', 'A3', 'A4', 'none', 'A1'].map(
			(v) => ['links-L4', v] as [string, string]
		);
		expect(parse(fields).success).toBe(false);
	});

	it('rejects a flood of fields without reading them all', () => {
		const fields = Array.from({ length: 2001 }, () => ['links-L4', 'A1'] as [string, string]);
		const result = parse(fields);
		expect(result.success).toBe(false);
		if (!result.success) expect(describeMapError(result.error)).toContain('the links should be');
	});

	it('names the sentences still to link', () => {
		expect(missingSentences({ L5: [] }, SENTENCES)).toEqual(['L4', 'L6']);
		expect(incompleteMessage(['L7', 'L8'])).toMatch(/^Link every sentence: 2 left \(L7, L8\)\./);
		expect(incompleteMessage(['L4', 'L5', 'L6', 'L7', 'L8', 'L9'])).toContain(
			'6 left (L4, L5, L6, L7, L8, ...)'
		);
	});
});

describe('gradeMap on the real letter', () => {
	const CASE = 'embassy-letter-2020';
	const { case: c, keys } = loadCase(CASE, readCaseFiles(`lessons/${CASE}`));
	const ids = claimIds(c);
	const keyLinks = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)?.answers ?? []]));

	it('grades the key itself as exact everywhere', () => {
		const result = gradeMap(c, keys, { links: keyLinks });
		expect(result.feedback.map((f) => f.id)).toEqual(ids);
		expect(result.totals).toMatchObject({ sentences: ids.length, exact: ids.length, ratio: 1 });
		expect(result.advice).toEqual([]);
		expect(result.allegations.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
	});

	it('returns link feedback only: nothing of the tagging key without committed tags', () => {
		const none = Object.fromEntries(ids.map((id) => [id, []]));
		for (const links of [keyLinks, none]) {
			const result = gradeMap(c, keys, { links });
			const json = JSON.stringify(result);
			expect(result.feedback.every((f) => f.tagging === undefined)).toBe(true);
			for (const id of ids) {
				const entry = keys.letter.get(id)!;
				expect(json).not.toContain(entry.rationale.slice(0, 40));
				if (entry.otherReading) expect(json).not.toContain(entry.otherReading.slice(0, 40));
				if (entry.technique) expect(json).not.toContain(`"${entry.technique}"`);
			}
			expect(json).not.toMatch(/"(tag|technique|rationale|otherReading|contested)"/);
			// the key's links are there, per sentence and per allegation
			expect(result.feedback.map((f) => f.score.key)).toEqual(ids.map((id) => keyLinks[id]));
			expect(result.recall.map((r) => r.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
		}
	});

	it('adds the tagging key only for the sentences whose tag was committed', () => {
		const [first, second] = [ids[3]!, ids[7]!];
		const tags = { [first]: keys.letter.get(first)!.tag, [second]: 'evidence' as const };
		const tagged = grade(c, keys, 'letter', {
			mode: 'immediate',
			tags,
			techniques: {},
			committed: [first, second]
		}).feedback;
		const result = gradeMap(c, keys, { links: keyLinks }, tagged);
		const withTagging = result.feedback.filter((f) => f.tagging).map((f) => f.id);
		expect(withTagging).toEqual([first, second]);
		const one = result.feedback.find((f) => f.id === second)!;
		expect(one.tagging).toMatchObject({
			tag: keys.letter.get(second)!.tag,
			rationale: keys.letter.get(second)!.rationale
		});
		const others = JSON.stringify(result.feedback.filter((f) => !f.tagging));
		for (const id of ids.filter((x) => x !== first && x !== second)) {
			expect(others).not.toContain(keys.letter.get(id)!.rationale.slice(0, 40));
		}
	});

	it('grades the tagging answers a self-study map form carries, committed items only', () => {
		const [a, b] = [ids[2]!, ids[9]!];
		const form = new FormData();
		form.append(`tag-${a}`, keys.letter.get(a)!.tag);
		form.append(`tag-${b}`, 'assertion'); // tagged, not committed
		form.append('committed', a);
		form.append(linkField(a), 'none');
		expect(selfStudyTagging(c, keys, form).map((f) => f.id)).toEqual([a]);

		const none = new FormData();
		none.append(`tag-${b}`, 'assertion');
		expect(selfStudyTagging(c, keys, none)).toEqual([]);

		// committed without a tag, or an item the letter no longer has (stale storage): nothing
		const untagged = new FormData();
		untagged.append('committed', b);
		expect(selfStudyTagging(c, keys, untagged)).toEqual([]);
		const unknown = new FormData();
		unknown.append('committed', 'L999');
		unknown.append('tag-L999', 'evidence');
		unknown.append('committed', a);
		unknown.append(`tag-${a}`, keys.letter.get(a)!.tag);
		expect(selfStudyTagging(c, keys, unknown).map((f) => f.id)).toEqual([a]);
		const bad = new FormData();
		bad.append(`tag-${a}`, 'opinion');
		bad.append('committed', a);
		expect(() => selfStudyTagging(c, keys, bad)).toThrow(GradingError);
		expect(() => selfStudyTagging(c, keys, bad)).toThrow(
			`the tag for ${a} should be evidence, assertion or deflection`
		);
	});

	it('refuses to grade until every sentence is linked', () => {
		const rest = Object.fromEntries(
			Object.entries(keyLinks).filter(([id]) => id !== 'L7' && id !== 'L9')
		);
		expect(() => gradeMap(c, keys, { links: rest })).toThrow(GradingError);
		expect(() => gradeMap(c, keys, { links: rest })).toThrow(
			'Link every sentence: 2 left (L7, L9)'
		);
	});

	it('scores "none of them" everywhere by how many sentences the key leaves unlinked', () => {
		const none = Object.fromEntries(ids.map((id) => [id, []]));
		const result = gradeMap(c, keys, { links: none });
		const unlinked = ids.filter((id) => keyLinks[id]!.length === 0).length;
		expect(result.totals.exact).toBe(unlinked);
		expect(result.totals.none).toEqual({
			inKey: unlinked,
			found: unlinked,
			falseNone: ids.length - unlinked
		});
	});
});

describe('linkReason', () => {
	const score = (key: string[]) => scoreLinks([], key);
	it('says whether and how a sentence answers, from its tag', () => {
		expect(linkReason({ tag: 'evidence', score: score(['A4']) })).toMatch(
			/^It responds to A4 with something a reader can check/
		);
		expect(linkReason({ tag: 'assertion', score: score(['A1', 'A2', 'A3']) })).toMatch(
			/^It responds to A1, A2 and A3, but only with a claim offered without support/
		);
		expect(
			linkReason({ tag: 'deflection', technique: 'straw-man', score: score(['A1']) })
		).toContain('moving attention away from what was alleged (straw man)');
		expect(linkReason({ tag: 'deflection', technique: 'red-herring', score: score([]) })).toBe(
			'It responds to none of the allegations: it moves attention elsewhere (red herring).'
		);
	});
});
