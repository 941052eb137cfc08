// The retelling exercise: its content (letter items quote sentence 3, its own key independent of
// the tagging key), the body schema (bad input described, never thrown), scoring, and grading that
// answers only a submission that sorted every item.
import { describe, expect, it } from 'vitest';
import { real } from './real-case';
import { RETELLING_CATEGORIES, TECHNIQUES } from '../../src/lib/content/vocabulary';
import { pileCredit, pileSummaries } from '../../src/lib/exercises/retelling/scoring';
import {
	describeRetellingError,
	pilesFromForm,
	retellingSubmissionSchema,
	unsortedItems
} from '../../src/lib/exercises/retelling/submission';
import { GradingError } from '../../src/lib/server/grading/errors';
import { gradeRetelling } from '../../src/lib/server/grading/retelling';

const { case: c, keys } = real;
const items = c.retelling?.items ?? [];
const ids = items.map((i) => i.id);

function form(fields: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
}
const parse = (fields: [string, string][]) =>
	retellingSubmissionSchema(ids).safeParse(pilesFromForm(form(fields)));

describe('the retelling content', () => {
	it('splits the letter’s opening sentence into its three claims, quoted verbatim', () => {
		const fromLetter = items.filter((i) => i.from === 'letter');
		expect(fromLetter).toHaveLength(3);
		const l3 = c.sentences.find((s) => s.id === 'L3')?.text ?? '';
		for (const item of fromLetter) {
			expect(item.sentence).toBe('L3');
			expect(l3).toContain(item.text);
		}
	});

	it('sorts what the letter left out: the vaccine maker, the 2010 and 2016 reports, the Ebola line, the caveats', () => {
		const leftOut = items
			.filter((i) => keys.retelling?.get(i.id)?.category === 'left-out')
			.map((i) => i.text)
			.join(' ');
		for (const word of [
			'GlaxoSmithKline',
			'February 2010',
			'2016',
			'Ebola',
			'pandemic',
			'weapons',
			'denied'
		]) {
			expect(leftOut, word).toContain(word);
		}
	});

	it('has a key of its own: every pile used, and no rationale gives a tag or technique of the letter', () => {
		const entries = [...(keys.retelling?.values() ?? [])];
		expect(entries).toHaveLength(items.length);
		for (const category of RETELLING_CATEGORIES) {
			expect(
				entries.some((e) => e.category === category),
				category
			).toBe(true);
		}
		const words = [
			/\b(evidence|assertion|deflection)\b/i,
			...TECHNIQUES.map((t) => new RegExp(t.replaceAll('-', '[ -]'), 'i'))
		];
		for (const entry of entries) {
			for (const text of [entry.rationale, entry.otherReading ?? '']) {
				for (const word of words) expect(text, `${word}`).not.toMatch(word);
			}
		}
		// the public items carry no key
		for (const item of items) expect(Object.keys(item).sort()).not.toContain('key');
	});

	it('marks the claim about the former director unverified, with what is unverified', () => {
		const r3 = keys.retelling?.get('R3');
		expect(r3?.confidence).toBe('unverified');
		expect(r3?.caveat).toMatch(/Unverified/);
	});
});

describe('the retelling body', () => {
	it('reads one pile per item from the radio fields', () => {
		const result = parse([
			['pile-R1', 'inflated'],
			['pile-R5', 'left-out']
		]);
		expect(result.success).toBe(true);
		expect(result.data).toEqual({ piles: { R1: 'inflated', R5: 'left-out' } });
	});

	it('describes an unknown pile, an unknown item and a repeated field, naming the field', () => {
		const pile = parse([['pile-R1', 'maybe']]);
		expect(pile.success).toBe(false);
		expect(describeRetellingError(pile.error!)).toMatch(
			/the pile for R1 should be one of "answered", "inflated", "left-out"/
		);
		const item = parse([['pile-R99', 'answered']]);
		expect(describeRetellingError(item.error!)).toMatch(
			/the field pile-R99 should name an item of this exercise, such as R1/
		);
		const twice = parse([
			['pile-R1', 'answered'],
			['pile-R1', 'inflated']
		]);
		expect(twice.success).toBe(false);
		// a field named after the prototype is no item: it sorts nothing (and pollutes nothing)
		const proto = parse([['pile-__proto__', 'answered']]);
		expect(proto.success ? Object.keys(proto.data.piles) : []).toEqual([]);
		expect(({} as Record<string, unknown>).answered).toBeUndefined();
	});

	it('lists the items not yet sorted', () => {
		expect(unsortedItems({ R1: 'answered' }, ['R1', 'R2', 'R3'])).toEqual(['R2', 'R3']);
	});
});

describe('scoring and grading', () => {
	it('gives 1 for the key’s pile, 0.5 for an also-defensible pile, 0 otherwise', () => {
		const key = { category: 'inflated' as const, alsoDefensible: ['answered' as const] };
		expect(pileCredit('inflated', key)).toBe(1);
		expect(pileCredit('answered', key)).toBe(0.5);
		expect(pileCredit('left-out', key)).toBe(0);
	});

	it('summarises each pile: the key’s items found there, and items put there wrongly', () => {
		expect(
			pileSummaries([
				{ given: 'answered', key: 'answered' },
				{ given: 'answered', key: 'left-out' },
				{ given: 'left-out', key: 'left-out' }
			])
		).toEqual([
			{ category: 'answered', inKey: 1, found: 1, extra: 1 },
			{ category: 'inflated', inKey: 0, found: 0, extra: 0 },
			{ category: 'left-out', inKey: 2, found: 1, extra: 0 }
		]);
	});

	it('refuses to grade until every item is sorted, so no part of the key leaks', () => {
		expect(() => gradeRetelling(c, keys, { R1: 'answered' })).toThrow(GradingError);
		expect(() => gradeRetelling(c, keys, { R1: 'answered' })).toThrow(
			new RegExp(`Sort every item before checking: ${ids.length - 1} left`)
		);
	});

	it('grades a full submission with the key’s piles, rationales and sources', () => {
		const allKey = Object.fromEntries(ids.map((id) => [id, keys.retelling!.get(id)!.category]));
		const perfect = gradeRetelling(c, keys, allKey);
		expect(perfect.totals.ratio).toBe(1);
		expect(perfect.feedback.every((f) => f.rationale.length > 0 && f.sources.length > 0)).toBe(
			true
		);
		const oneWay = gradeRetelling(c, keys, Object.fromEntries(ids.map((id) => [id, 'answered'])));
		expect(oneWay.totals.ratio).toBeLessThan(0.5);
		expect(oneWay.advice.length).toBeGreaterThan(0);
	});
});
