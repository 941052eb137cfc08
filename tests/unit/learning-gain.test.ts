// The learning gain's figures, computed by hand: a student's discernment on a finished set (macro
// F1 over the tags the key uses), the change, and the class's means over those with both.
import { describe, expect, it } from 'vitest';
import {
	classGain,
	percent,
	points,
	setDiscernment,
	studentGain
} from '../../src/lib/exercises/learning-gain';
import type { Tag } from '../../src/lib/content/vocabulary';

const key = new Map<string, { tag: Tag }>([
	['Q1', { tag: 'evidence' }],
	['Q2', { tag: 'assertion' }],
	['Q3', { tag: 'deflection' }],
	['Q4', { tag: 'deflection' }]
]);
const ids = ['Q1', 'Q2', 'Q3', 'Q4'];

describe('setDiscernment', () => {
	it('is the macro F1 of a finished set', () => {
		// evidence: given Q1, key Q1 -> P 1, R 1, F1 1
		// assertion: given Q4, key Q2 -> P 0, R 0, F1 0
		// deflection: given Q2 Q3, key Q3 Q4 -> P 1/2, R 1/2, F1 1/2
		// mean over the three tags the key uses: (1 + 0 + 0.5) / 3 = 0.5
		const attempt = {
			set: 'precheck',
			tags: { Q1: 'evidence', Q2: 'deflection', Q3: 'deflection', Q4: 'assertion' } as const,
			committed: ids
		};
		expect(setDiscernment(attempt, key, ids)).toBeCloseTo(0.5, 10);
	});

	it('is null while the set is unfinished, and for no attempt', () => {
		const attempt = { set: 'precheck', tags: { Q1: 'evidence' } as const, committed: ['Q1'] };
		expect(setDiscernment(attempt, key, ids)).toBeNull();
		expect(setDiscernment(undefined, key, ids)).toBeNull();
	});

	it('scores only the committed items of a set handed in with items open', () => {
		// Q1 committed as evidence (right); Q2 drafted, not committed; the rest open.
		// only evidence is in the key of the committed items: F1 1 over one tag = 1
		const attempt = {
			set: 'postcheck',
			tags: { Q1: 'evidence', Q2: 'evidence' } as const,
			committed: ['Q1'],
			handedInAt: new Date('2026-11-30T10:00:00Z')
		};
		expect(setDiscernment(attempt, key, ids)).toBe(1);
	});

	it('is null for a set handed in with nothing committed', () => {
		const attempt = { set: 'postcheck', tags: {}, committed: [], handedInAt: new Date() };
		expect(setDiscernment(attempt, key, ids)).toBeNull();
	});
});

describe('classGain', () => {
	it('averages over the students with both, and counts the others apart', () => {
		const gains = [
			studentGain(0.5, 1), // change +0.5
			studentGain(0.25, 0.5), // change +0.25
			studentGain(0.75, null), // pre only
			studentGain(null, 0.5) // post only
		];
		expect(gains.map((g) => g.change)).toEqual([0.5, 0.25, null, null]);
		// both: pre (0.5 + 0.25) / 2 = 0.375; post (1 + 0.5) / 2 = 0.75; change (0.5 + 0.25) / 2 = 0.375
		expect(classGain(gains)).toEqual({
			n: 2,
			preOnly: 1,
			postOnly: 1,
			meanPre: 0.375,
			meanPost: 0.75,
			meanChange: 0.375
		});
	});

	it('has no means without a student with both', () => {
		expect(classGain([studentGain(0.5, null)])).toEqual({
			n: 0,
			preOnly: 1,
			postOnly: 0,
			meanPre: null,
			meanPost: null,
			meanChange: null
		});
	});
});

describe('words', () => {
	it('reads a discernment as a percentage and a change in points', () => {
		expect(percent(0.625)).toBe('63%');
		expect(points(0.2)).toBe('+20 points');
		expect(points(-0.05)).toBe('−5 points');
		expect(points(0.01)).toBe('+1 point');
		expect(points(0.001)).toBe('no change');
	});
});
