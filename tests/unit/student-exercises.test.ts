// One student's map and ordering beside the key (the instructor's per-student page), the class's
// map and most misplaced events (the dashboard), and the truth sandwich's rubric and forms: every
// figure computed by hand.
import { describe, expect, it } from 'vitest';
import { studentMap, studentOrder } from '../../src/lib/exercises/student-exercises';
import { mapClassView, mostMisplaced } from '../../src/lib/exercises/class-exercises-summary';
import {
	RUBRIC_MAX,
	SANDWICH_RUBRIC,
	criterionField,
	rubricTotal,
	wordCount
} from '../../src/lib/exercises/sandwich/rubric';
import { ReviewForm, SandwichForm } from '../../src/lib/exercises/sandwich/submission';

describe('studentMap', () => {
	const sentences = [
		{ id: 'L1', text: 'One.' },
		{ id: 'L2', text: 'Two.' },
		{ id: 'L3', text: 'Three.' },
		{ id: 'L4', text: 'Four.' }
	];
	const key = new Map<string, string[]>([
		['L1', ['A1']],
		['L2', ['A1', 'A2']],
		['L3', []],
		['L4', ['A3']]
	]);

	it('compares each sentence with the key, in the article order of allegations', () => {
		const map = studentMap(
			sentences,
			['A1', 'A2', 'A3'],
			// L2 given in reverse order; L4 left out of the stored links (counts as none)
			{ L1: ['A1'], L2: ['A2', 'A3'], L3: [] },
			key
		);
		expect(map.rows.map((r) => [r.id, r.given, r.key, r.verdict])).toEqual([
			['L1', ['A1'], ['A1'], 'exact'],
			['L2', ['A2', 'A3'], ['A1', 'A2'], 'partial'],
			['L3', [], [], 'exact'],
			['L4', [], ['A3'], 'wrong']
		]);
		// overlaps: 1 + 1/3 (A2 of A1, A2, A3) + 1 + 0
		expect(map.score).toBeCloseTo(7 / 3, 10);
		expect(map.exact).toBe(2);
		expect(map.total).toBe(4);
	});
});

describe('studentOrder', () => {
	const events = [
		{ id: 'a', title: 'First' },
		{ id: 'b', title: 'Second' },
		{ id: 'c', title: 'Third' }
	];

	it("lists the events in the student's order with where each belongs", () => {
		const order = studentOrder(events, ['a', 'b', 'c'], ['b', 'a', 'c'])!;
		expect(order.rows).toEqual([
			{ id: 'b', title: 'Second', given: 1, expected: 2 },
			{ id: 'a', title: 'First', given: 2, expected: 1 },
			{ id: 'c', title: 'Third', given: 3, expected: 3 }
		]);
		// pairs (b,a) wrong, (b,c) right, (a,c) right
		expect(order.pairs).toEqual({ right: 2, total: 3 });
		expect(order.exact).toBe(1);
	});

	it('is null for an order that no longer holds the exercise’s events', () => {
		expect(studentOrder(events, ['a', 'b', 'c'], ['a', 'b'])).toBeNull();
		expect(studentOrder(events, ['a', 'b', 'c'], ['a', 'b', 'x'])).toBeNull();
	});
});

describe('the truth sandwich rubric', () => {
	it('has five criteria of 0 to 2, ten points in all', () => {
		expect(SANDWICH_RUBRIC.map((c) => c.id)).toEqual([
			'fact',
			'warning',
			'fallacy',
			'fairness',
			'clarity'
		]);
		expect(RUBRIC_MAX).toBe(10);
		expect(
			rubricTotal({ fact: 2, warning: 1, fallacy: 0, fairness: 2, clarity: 1, extra: 9 })
		).toBe(6);
	});

	it('counts words as a reader does', () => {
		expect(wordCount('')).toBe(0);
		expect(wordCount("The embassy's letter, dated 8 May 2020 — well-known.")).toBe(8);
	});

	const levels = (values: number[]) =>
		Object.fromEntries(SANDWICH_RUBRIC.map((c, i) => [criterionField(c.id), String(values[i])]));

	it('reads a hand-in: the text trimmed, a level for every criterion', () => {
		const parsed = SandwichForm.parse({ text: '  Fact first.  ', ...levels([2, 1, 1, 2, 0]) });
		expect(parsed).toEqual({
			text: 'Fact first.',
			self: { fact: 2, warning: 1, fallacy: 1, fairness: 2, clarity: 0 }
		});
	});

	it('refuses an empty text, a missing level and an overlong comment, naming what is wrong', () => {
		const empty = SandwichForm.safeParse({ text: '   ', ...levels([2, 1, 1, 2, 0]) });
		expect(empty.error?.issues[0]?.message).toBe('write your truth sandwich');
		const missing = levels([2, 1, 1, 2, 0]);
		delete missing['rubric-fairness'];
		const noLevel = SandwichForm.safeParse({ text: 'x', ...missing });
		expect(noLevel.error?.issues[0]?.message).toBe('choose a level for “Fairness”: 0, 1 or 2');
		const three = SandwichForm.safeParse({ text: 'x', ...levels([3, 1, 1, 2, 0]) });
		expect(three.success).toBe(false);
		const long = ReviewForm.safeParse({ comment: 'x'.repeat(1001), ...levels([1, 1, 1, 1, 1]) });
		expect(long.error?.issues[0]?.message).toBe('at most 1000 characters');
		expect(ReviewForm.parse({ ...levels([1, 1, 1, 1, 1]) }).comment).toBe('');
	});
});

describe("the class's map and ordering (dashboard)", () => {
	it('counts each sentence’s links per allegation and "none", beside the key', () => {
		const key = new Map<string, string[]>([
			['L1', ['A1']],
			['L2', []]
		]);
		const view = mapClassView(['L1', 'L2'], ['A1', 'A2'], key, [
			{ L1: ['A1'], L2: [] },
			{ L1: ['A1', 'A2'], L2: ['A2'] },
			{ L1: [], L2: [] }
		]);
		expect(view.students).toBe(3);
		expect(view.columns).toEqual(['A1', 'A2', 'none']);
		expect(view.rows).toEqual([
			{ id: 'L1', counts: { A1: 2, A2: 1, none: 1 }, key: ['A1'], exact: 1 },
			{ id: 'L2', counts: { A1: 0, A2: 1, none: 2 }, key: [], exact: 2 }
		]);
	});

	it('lists the most misplaced events by mean distance, leaving out those always right', () => {
		// true order a b c d; three students
		const result = mostMisplaced(
			['a', 'b', 'c', 'd'],
			[
				['a', 'b', 'c', 'd'],
				['d', 'b', 'c', 'a'], // a and d off by 3
				['b', 'a', 'c', 'd'], // a and b off by 1
				['a', 'b'] // not counted: not the exercise's events
			]
		);
		expect(result.students).toBe(3);
		// a: (0+3+1)/3 = 4/3, 2 students; d: 3/3 = 1; b: 1/3; c never misplaced
		expect(result.events.map((e) => [e.id, e.expected, e.misplaced])).toEqual([
			['a', 1, 2],
			['d', 4, 1],
			['b', 2, 1]
		]);
		expect(result.events[0]!.meanDistance).toBeCloseTo(4 / 3, 10);
		expect(result.events[1]!.meanDistance).toBe(1);
		expect(result.events[2]!.meanDistance).toBeCloseTo(1 / 3, 10);
	});
});
