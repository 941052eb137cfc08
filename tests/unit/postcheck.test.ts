// The post-check covers every tag, and no single-tag strategy (tagging every item the same way)
// scores above half; the same strategies are run through the letter's key and their scores printed.
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';
import { TAGS } from '../../src/lib/content/vocabulary';
import { singleTagScores } from '../../src/lib/exercises/tag/scoring';

const CASE = 'embassy-letter-2020';
const loaded = loadCase(CASE, readCaseFiles(`lessons/${CASE}`));
const postcheck = loaded.case.postcheck?.items.map((i) => i.key) ?? [];
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
