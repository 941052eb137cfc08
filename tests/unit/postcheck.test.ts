// The post-check covers every tag, and no single-tag strategy (tagging every item the same way)
// scores above half; the same strategies are run through the letter's key and their scores printed.
// The pre-check is parallel to it (loadCase checks that, naming the file and the field).
import { describe, expect, it } from 'vitest';
import { checkParallel, loadCase } from '../../src/lib/content/case';
import { ContentError } from '../../src/lib/content/errors';
import { readCaseFiles } from '../../src/lib/content/folder';
import { TAGS } from '../../src/lib/content/vocabulary';
import { singleTagScores } from '../../src/lib/exercises/tag/scoring';

const CASE = 'embassy-letter-2020';
const loaded = loadCase(CASE, readCaseFiles(`lessons/${CASE}`));
const postcheck = [...(loaded.keys.postcheck?.values() ?? [])];
const precheck = [...(loaded.keys.precheck?.values() ?? [])];
const letter = [...loaded.keys.letter.values()];

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('single-tag strategies', () => {
	it('scores each strategy by the credit rule (1 for the key, 0.5 for also defensible)', () => {
		const scores = singleTagScores([
			{ tag: 'evidence', alsoDefensible: [] },
			{ tag: 'deflection', alsoDefensible: ['evidence'] }
		]);
		expect(scores).toEqual([
			{ tag: 'evidence', score: 1.5, ratio: 0.75 },
			{ tag: 'assertion', score: 0, ratio: 0 },
			{ tag: 'deflection', score: 1, ratio: 0.5 }
		]);
	});

	it('prints every strategy on the post-check and on the letter; the post-check’s best is at most 50%', () => {
		const onPostcheck = singleTagScores(postcheck);
		const onLetter = singleTagScores(letter);
		for (const [name, scores, n] of [
			['post-check', onPostcheck, postcheck.length],
			['letter', onLetter, letter.length]
		] as const) {
			console.log(
				`${name} (${n} items): ${scores.map((s) => `all ${s.tag} ${s.score}/${n} = ${percent(s.ratio)}`).join('; ')}`
			);
		}
		expect(postcheck.length).toBeGreaterThanOrEqual(6);
		for (const tag of TAGS)
			expect(
				postcheck.some((k) => k.tag === tag),
				tag
			).toBe(true);
		expect(Math.max(...onPostcheck.map((s) => s.ratio))).toBeLessThanOrEqual(0.5);
	});
});

describe('the pre-check', () => {
	it('is parallel to the post-check: as many items, the same tags and techniques', () => {
		const mix = (keys: typeof postcheck) => keys.map((k) => `${k.tag}/${k.technique ?? ''}`).sort();
		expect(precheck.length).toBe(postcheck.length);
		expect(mix(precheck)).toEqual(mix(postcheck));
		expect(Math.max(...singleTagScores(precheck).map((s) => s.ratio))).toBeLessThanOrEqual(0.5);
	});

	it('uses other sentences than the post-check', () => {
		const post = new Set(loaded.case.postcheck?.items.map((i) => i.text));
		expect(loaded.case.precheck?.items.length).toBe(7);
		for (const item of loaded.case.precheck?.items ?? []) expect(post.has(item.text)).toBe(false);
	});

	it('keeps both keys off the public case', () => {
		const json = JSON.stringify(loaded.case);
		for (const key of [...precheck, ...postcheck]) expect(json).not.toContain(key.rationale);
	});
});

describe('checkParallel', () => {
	const entry = (tag: 'evidence' | 'assertion' | 'deflection', technique?: 'whataboutism') => ({
		tag,
		alsoDefensible: [],
		contested: false,
		rationale: 'A rationale of two sentences. It is here.',
		...(technique && { technique }),
		answers: []
	});
	const post = new Map([
		['C1', entry('evidence')],
		['C2', entry('deflection', 'whataboutism')]
	]);

	it('accepts the same mix in another order', () => {
		const pre = new Map([
			['Q1', entry('deflection', 'whataboutism')],
			['Q2', entry('evidence')]
		]);
		expect(() =>
			checkParallel('lessons/x/precheck.yaml', 'postcheck.yaml', pre, post)
		).not.toThrow();
	});

	it('names the file and the field when the tags or the count differ', () => {
		const pre = new Map([
			['Q1', entry('assertion')],
			['Q2', entry('evidence')],
			['Q3', entry('evidence')]
		]);
		let message = '';
		try {
			checkParallel('lessons/x/precheck.yaml', 'postcheck.yaml', pre, post);
		} catch (error) {
			expect(error).toBeInstanceOf(ContentError);
			message = String((error as Error).message);
		}
		expect(message).toContain('lessons/x/precheck.yaml');
		expect(message).toContain(
			'field "items": expected as many items as postcheck.yaml (2), found 3'
		);
		expect(message).toContain(
			'field "key.tag" of the items: expected the same mix as postcheck.yaml (1 deflection, 1 evidence), found 1 assertion, 2 evidence'
		);
		expect(message).toContain(
			'field "key.technique" of the items: expected the same mix as postcheck.yaml (1 whataboutism), found none'
		);
	});

	it('fails loading a case whose pre-check is not parallel', () => {
		const files = readCaseFiles('tests/fixtures/fictional-harbour-letter');
		const text = files['precheck.yaml']!.replace('tag: assertion', 'tag: evidence');
		expect(() => loadCase('fictional-harbour-letter', { ...files, 'precheck.yaml': text })).toThrow(
			/precheck\.yaml[\s\S]*key\.tag/
		);
	});
});
