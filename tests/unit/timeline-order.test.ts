// The ordering exercise: the true order, the scrambled start, the form body's schema (bad input is
// described, never thrown), and the score (pairs in order, events in place, Kendall's tau).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TimelineFile } from '../../src/lib/content/schemas';
import { correctOrder, scoreOrder, scrambledOrder } from '../../src/lib/exercises/order/scoring';
import { describeOrderError, orderBodySchema } from '../../src/lib/exercises/order/submission';
import { positionField } from '../../src/lib/exercises/order/fields';

const ids = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];

describe('scoring an order', () => {
	it('gives full marks for the right order', () => {
		const s = scoreOrder(ids, ids);
		expect(s.pairs).toEqual({ right: 15, total: 15 });
		expect(s.exact).toEqual({ right: 6, total: 6 });
		expect(s.tau).toBe(1);
		expect(s.score).toBe(1);
	});

	it('gives nothing for the reverse order', () => {
		const s = scoreOrder([...ids].reverse(), ids);
		expect(s.pairs.right).toBe(0);
		expect(s.exact.right).toBe(0);
		expect(s.tau).toBe(-1);
		expect(s.score).toBe(0);
	});

	it('gives partial credit for one swap of neighbours', () => {
		const s = scoreOrder(['E1', 'E3', 'E2', 'E4', 'E5', 'E6'], ids);
		expect(s.pairs).toEqual({ right: 14, total: 15 });
		expect(s.exact.right).toBe(4);
		expect(s.perEvent.find((e) => e.id === 'E2')).toEqual({
			id: 'E2',
			given: 3,
			expected: 2,
			exact: false
		});
	});

	it('credits the relative order even when no event is in place', () => {
		// everything shifted by one: only the pairs involving E6 are wrong
		const s = scoreOrder(['E6', 'E1', 'E2', 'E3', 'E4', 'E5'], ids);
		expect(s.exact.right).toBe(0);
		expect(s.pairs.right).toBe(10);
		expect(s.score).toBeCloseTo(10 / 15);
	});

	it('refuses an order that is not a rearrangement of the events', () => {
		expect(() => scoreOrder(['E1', 'E1', 'E2', 'E3', 'E4', 'E5'], ids)).toThrow(/exactly once/);
		expect(() => scoreOrder(['E1'], ids)).toThrow();
		expect(() => scoreOrder(['E1', 'E2', 'E3', 'E4', 'E5', 'E9'], ids)).toThrow();
	});
});

describe('the form body', () => {
	const schema = orderBodySchema(ids);
	const body = (positions: number[]) =>
		Object.fromEntries(ids.map((id, i) => [positionField(id), String(positions[i])]));

	it('parses positions into the order the student gave', () => {
		const result = schema.safeParse(body([2, 1, 3, 6, 5, 4]));
		expect(result.success && result.data).toEqual(['E2', 'E1', 'E3', 'E6', 'E5', 'E4']);
	});

	it('names the field of a missing, out-of-range or non-numeric position', () => {
		for (const bad of [
			{ ...body([1, 2, 3, 4, 5, 6]), [positionField('E3')]: '9' },
			{ ...body([1, 2, 3, 4, 5, 6]), [positionField('E3')]: 'first' },
			{ ...body([1, 2, 3, 4, 5, 6]), [positionField('E3')]: '2.5' }
		]) {
			const result = schema.safeParse(bad);
			expect(result.success).toBe(false);
			if (!result.success) {
				expect(describeOrderError(result.error)).toBe(
					'Field "position-E3": expected a position from 1 to 6.'
				);
			}
		}
		const missing = body([1, 2, 3, 4, 5, 6]);
		delete missing[positionField('E5')];
		const result = schema.safeParse(missing);
		expect(!result.success && describeOrderError(result.error)).toMatch(/"position-E5"/);
	});

	it('refuses a position given twice, naming both events', () => {
		const result = schema.safeParse(body([1, 2, 2, 4, 5, 6]));
		expect(!result.success && describeOrderError(result.error)).toBe(
			'Field "position-E3": expected a position no other event has (2 is also given to E2).'
		);
	});

	it('refuses fields of other events', () => {
		const result = schema.safeParse({ ...body([1, 2, 3, 4, 5, 6]), 'position-E99': '1' });
		expect(!result.success && describeOrderError(result.error)).toMatch(
			/Unknown field "position-E99"/
		);
	});

	it('refuses a body that is not an object', () => {
		expect(schema.safeParse(null).success).toBe(false);
		expect(schema.safeParse('E1,E2').success).toBe(false);
	});
});

describe('the events and their starting order', () => {
	it('orders events by time and refuses overlapping ones', () => {
		expect(
			correctOrder([
				{ id: 'B', start: '2016', precision: 'year' },
				{ id: 'A', start: '2014-03-31', precision: 'day' },
				{ id: 'C', start: '2019-11-17', end: '2019-11-22', precision: 'day' }
			])
		).toEqual(['A', 'B', 'C']);
		expect(() =>
			correctOrder([
				{ id: 'A', start: '2010', end: '2016', precision: 'year' },
				{ id: 'B', start: '2016', precision: 'year' }
			])
		).toThrow(/overlap/);
	});

	it('scrambles deterministically with no event in its right place', () => {
		for (let n = 2; n <= 8; n++) {
			const correct = ids.concat(['E7', 'E8']).slice(0, n);
			const start = scrambledOrder(correct);
			expect(start).toEqual(scrambledOrder(correct));
			expect([...start].sort()).toEqual([...correct].sort());
			start.forEach((id, i) => expect(id).not.toBe(correct[i]));
		}
	});

	it('uses 5 or 6 events of the case that have a single right order', () => {
		const file = TimelineFile.parse(
			parse(readFileSync('lessons/embassy-letter-2020/timeline.yaml', 'utf8'))
		);
		const chosen = file.events.filter((e) => e.orderExercise);
		expect(chosen.length).toBeGreaterThanOrEqual(5);
		expect(chosen.length).toBeLessThanOrEqual(6);
		expect(correctOrder(chosen)).toHaveLength(chosen.length);
	});
});
