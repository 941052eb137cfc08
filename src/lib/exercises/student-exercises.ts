// One student's allegation map and timeline ordering beside the key, for their instructor's page:
// each claim sentence with the student's links, the key's and the overlap's verdict; each event
// with where the student put it and where it belongs. Pure: the page and its tests build on it.
import { scoreLinks, type LinkScore } from './map/scoring.ts';
import { scoreOrder } from './order/scoring.ts';

export interface MapRow {
	id: string;
	text: string;
	/** the student's allegations, in the article's order; [] is "none of them" */
	given: string[];
	key: string[];
	verdict: LinkScore['verdict'];
	/** the sentence's Jaccard overlap, 0 to 1 */
	score: number;
}

export interface StudentMap {
	rows: MapRow[];
	/** sentences linked exactly as the key does */
	exact: number;
	/** the sum of the overlaps, out of the number of sentences */
	score: number;
	total: number;
}

/**
 * The student's links against the key, sentence by sentence in reading order. A sentence the
 * stored links leave out (the letter changed since) counts as "none of them".
 */
export function studentMap(
	sentences: readonly { id: string; text: string }[],
	allegationOrder: readonly string[],
	links: Readonly<Record<string, readonly string[]>>,
	key: ReadonlyMap<string, readonly string[]>
): StudentMap {
	const inOrder = (list: readonly string[]) => allegationOrder.filter((a) => list.includes(a));
	const rows = sentences.map(({ id, text }): MapRow => {
		const given = inOrder(links[id] ?? []);
		const keyed = inOrder(key.get(id) ?? []);
		const s = scoreLinks(given, keyed);
		return { id, text, given, key: keyed, verdict: s.verdict, score: s.jaccard };
	});
	return {
		rows,
		exact: rows.filter((r) => r.verdict === 'exact').length,
		score: rows.reduce((n, r) => n + r.score, 0),
		total: rows.length
	};
}

export interface OrderRow {
	id: string;
	title: string;
	/** 1-based: where the student put the event and where it belongs */
	given: number;
	expected: number;
}

export interface StudentOrder {
	/** in the student's order */
	rows: OrderRow[];
	pairs: { right: number; total: number };
	exact: number;
}

/** The student's order against the true one; null when it no longer holds the exercise's events. */
export function studentOrder(
	events: readonly { id: string; title: string }[],
	correct: readonly string[],
	given: readonly string[]
): StudentOrder | null {
	let score;
	try {
		score = scoreOrder(given, correct);
	} catch {
		return null;
	}
	const titles = new Map(events.map((e) => [e.id, e.title]));
	const byId = new Map(score.perEvent.map((e) => [e.id, e]));
	return {
		rows: given.map((id) => ({
			id,
			title: titles.get(id) ?? id,
			given: byId.get(id)!.given,
			expected: byId.get(id)!.expected
		})),
		pairs: score.pairs,
		exact: score.exact.right
	};
}
