// Scoring, partial credit and discernment are pure functions of tags and a key.
import { describe, expect, it } from 'vitest';
import {
	balancedScore,
	creditFor,
	discernment,
	discernmentAdvice
} from '../../src/lib/exercises/tag/scoring';
import { totalsOf } from '../../src/lib/exercises/credit';
import type { Tag } from '../../src/lib/content/schemas';

describe('creditFor', () => {
	const key = { tag: 'deflection' as Tag, alsoDefensible: ['evidence' as Tag] };
	it('gives 1 for the primary tag', () => expect(creditFor('deflection', key)).toBe(1));
	it('gives 0.5 for an also-defensible tag', () => expect(creditFor('evidence', key)).toBe(0.5));
	it('gives 0 otherwise', () => expect(creditFor('assertion', key)).toBe(0));
});

describe('totalsOf', () => {
	it('adds credit and counts full and partial items', () => {
		expect(totalsOf([1, 0.5, 0, 1])).toEqual({
			score: 2.5,
			graded: 4,
			full: 2,
			partial: 1,
			unanswered: 0,
			ratio: 0.625
		});
	});

	it('scores items handed in unanswered as nothing, out of every item', () => {
		expect(totalsOf([1, 0.5], 2)).toEqual({
			score: 1.5,
			graded: 2,
			full: 1,
			partial: 1,
			unanswered: 2,
			ratio: 0.375
		});
	});
	it('is zero for nothing graded', () => {
		expect(totalsOf([]).ratio).toBe(0);
	});
});

describe('discernment', () => {
	const keyTags: Tag[] = [
		'evidence',
		'evidence',
		'assertion',
		'assertion',
		'deflection',
		'deflection'
	];

	it('gives perfect precision and recall to a perfect tagger', () => {
		const rows = discernment(keyTags.map((t) => ({ given: t, key: t })));
		for (const row of rows) {
			expect(row.precision).toBe(1);
			expect(row.recall).toBe(1);
		}
		expect(balancedScore(rows)).toBe(1);
	});

	it('shows that tagging everything "deflection" scores poorly', () => {
		const rows = discernment(keyTags.map((t) => ({ given: 'deflection' as Tag, key: t })));
		const byTag = Object.fromEntries(rows.map((r) => [r.tag, r]));
		expect(byTag.deflection).toMatchObject({ given: 6, hits: 2, falseAlarms: 4, recall: 1 });
		expect(byTag.deflection?.precision).toBeCloseTo(1 / 3);
		expect(byTag.evidence).toMatchObject({ given: 0, precision: null, recall: 0, misses: 2 });
		expect(byTag.assertion?.recall).toBe(0);
		// F1 for deflection is 0.5, for the two others 0: average 1/6
		expect(balancedScore(rows)).toBeCloseTo(1 / 6);
		const advice = discernmentAdvice(rows, 6).join(' ');
		expect(advice).toContain('You tagged 6 of 6 sentences “deflection”');
		expect(advice).toContain('You found none of the 2 sentences the key tags “evidence”');
	});

	it('counts hits, false alarms and misses per tag', () => {
		const rows = discernment([
			{ given: 'evidence', key: 'evidence' },
			{ given: 'evidence', key: 'assertion' },
			{ given: 'assertion', key: 'evidence' }
		]);
		const evidence = rows.find((r) => r.tag === 'evidence');
		expect(evidence).toMatchObject({ given: 2, inKey: 2, hits: 1, falseAlarms: 1, misses: 1 });
		expect(evidence?.precision).toBe(0.5);
		expect(evidence?.recall).toBe(0.5);
		expect(rows.find((r) => r.tag === 'deflection')).toMatchObject({
			precision: null,
			recall: null
		});
	});
});
