// The timeline ordering exercise, scored: the true order of the chosen events, the scrambled order
// students start from, and the score of a given order (pairs in the right relative order, events
// in exactly the right place). The grader loads the events on the server and trusts nothing else
// the client sends.
import { toInterval } from '../../content/dates.ts';
import type { Precision } from '../../content/vocabulary.ts';

/** What the exercise needs of an event (a TimelineEvent fits). */
export interface OrderEvent {
	id: string;
	start: string;
	end?: string;
	precision: Precision;
}

/**
 * The events' ids in time order. Their intervals must not overlap (each ends before the next
 * starts), otherwise no order is right; an event list that breaks this is an authoring error.
 */
export function correctOrder(events: readonly OrderEvent[]): string[] {
	const timed = events
		.map((e) => ({ id: e.id, interval: toInterval(e.start, e.precision, e.end) }))
		.sort((a, b) => +a.interval.start - +b.interval.start);
	timed.forEach((e, i) => {
		const next = timed[i + 1];
		if (next && next.interval.start < e.interval.end) {
			throw new Error(`events ${e.id} and ${next.id} overlap in time: they have no single order`);
		}
	});
	return timed.map((e) => e.id);
}

/** A small deterministic random generator (mulberry32), seeded from a string. */
function seeded(seed: string): () => number {
	let h = 1779033703;
	for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
	return () => {
		h = (h + 0x6d2b79f5) | 0;
		let t = Math.imul(h ^ (h >>> 15), 1 | h);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The order students start from: the same for everyone (so the server-rendered page and the
 * browser agree) and with no event in its right place (Sattolo's shuffle makes one cycle).
 */
export function scrambledOrder(correct: readonly string[]): string[] {
	const items = [...correct];
	const random = seeded(items.join(','));
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * i);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}

export interface EventScore {
	id: string;
	/** 1-based positions: where the student put it and where it belongs */
	given: number;
	expected: number;
	exact: boolean;
}

export interface OrderScore {
	/** pairs of events in the right relative order, out of n(n-1)/2 */
	pairs: { right: number; total: number };
	/** events in exactly the right position, out of n */
	exact: { right: number; total: number };
	/** Kendall's tau: 1 for the right order, -1 for the reverse, about 0 for a random one */
	tau: number;
	/** 0 to 1: the share of pairs in the right order (credit for a nearly right answer) */
	score: number;
	perEvent: EventScore[];
}

/**
 * Scores an order against the right one: the count of pairs in the right relative order (as
 * Kendall's tau counts them), plus the count of events exactly in place. Throws when `given` is
 * not a rearrangement of `correct`, which the body schema already rules out.
 */
export function scoreOrder(given: readonly string[], correct: readonly string[]): OrderScore {
	const n = correct.length;
	if (
		given.length !== n ||
		new Set(given).size !== n ||
		!given.every((id) => correct.includes(id))
	) {
		throw new Error('the given order must contain each event exactly once');
	}
	const rank = new Map(correct.map((id, i) => [id, i]));
	let right = 0;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			if (rank.get(given[i]!)! < rank.get(given[j]!)!) right++;
		}
	}
	const total = (n * (n - 1)) / 2;
	const perEvent = correct.map((id, i) => {
		const at = given.indexOf(id);
		return { id, given: at + 1, expected: i + 1, exact: at === i };
	});
	return {
		pairs: { right, total },
		exact: { right: perEvent.filter((e) => e.exact).length, total: n },
		tau: total === 0 ? 1 : (2 * right - total) / total,
		score: total === 0 ? 1 : right / total,
		perEvent
	};
}
