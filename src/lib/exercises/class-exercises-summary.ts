// The class's allegation map and timeline ordering at a glance, for the dashboard: for each claim
// sentence, how many students linked it to each allegation (or to none), beside the key's links;
// and the events the class misplaced most (mean distance from their true position). Pure: computed
// from the work handed in and the key.

export const NONE_COLUMN = 'none';

export interface MapClassRow {
	id: string;
	/** allegation id (or "none") → students who linked the sentence to it */
	counts: Record<string, number>;
	/** the key's links; [] is "none of them" */
	key: string[];
	/** students whose links for this sentence are exactly the key's */
	exact: number;
}

export interface MapClassView {
	/** students who handed the map in */
	students: number;
	/** the columns: the allegations in the article's order, then "none" */
	columns: string[];
	rows: MapClassRow[];
}

/** How the class linked each sentence, counted over the maps handed in. */
export function mapClassView(
	sentenceIds: readonly string[],
	allegationIds: readonly string[],
	key: ReadonlyMap<string, readonly string[]>,
	maps: readonly Readonly<Record<string, readonly string[]>>[]
): MapClassView {
	const columns = [...allegationIds, NONE_COLUMN];
	const rows = sentenceIds.map((id): MapClassRow => {
		const counts = Object.fromEntries(columns.map((c) => [c, 0]));
		const keyed = allegationIds.filter((a) => (key.get(id) ?? []).includes(a));
		let exact = 0;
		for (const links of maps) {
			const given = allegationIds.filter((a) => (links[id] ?? []).includes(a));
			if (given.length === 0) counts[NONE_COLUMN]! += 1;
			for (const a of given) counts[a]! += 1;
			if (given.length === keyed.length && given.every((a) => keyed.includes(a))) exact += 1;
		}
		return { id, counts, key: keyed, exact };
	});
	return { students: maps.length, columns, rows };
}

export interface MisplacedEvent {
	id: string;
	/** the event's true position, from 1 */
	expected: number;
	/** students who put it somewhere else */
	misplaced: number;
	/** the mean distance between where students put it and where it belongs */
	meanDistance: number;
}

/**
 * The events the class misplaced most: the largest mean distance from the true position first (on
 * a tie, more students misplacing it, then the true order); events everyone placed right are left
 * out. Orders that do not hold exactly the exercise's events are not counted.
 */
export function mostMisplaced(
	correct: readonly string[],
	orders: readonly (readonly string[])[],
	limit = 5
): { students: number; events: MisplacedEvent[] } {
	const valid = orders.filter(
		(o) => o.length === correct.length && correct.every((id) => o.includes(id))
	);
	const events = correct.map((id, i): MisplacedEvent => {
		let distance = 0;
		let misplaced = 0;
		for (const order of valid) {
			const d = Math.abs(order.indexOf(id) - i);
			distance += d;
			if (d > 0) misplaced += 1;
		}
		return {
			id,
			expected: i + 1,
			misplaced,
			meanDistance: valid.length ? distance / valid.length : 0
		};
	});
	return {
		students: valid.length,
		events: events
			.filter((e) => e.misplaced > 0)
			.sort(
				(a, b) =>
					b.meanDistance - a.meanDistance || b.misplaced - a.misplaced || a.expected - b.expected
			)
			.slice(0, limit)
	};
}

/** What the dashboard shows of the map and the ordering (the texts and titles are public). */
export interface ClassExerciseViews {
	map: MapClassView & { texts: Record<string, string> };
	/** null for a module without an ordering exercise */
	order: { students: number; events: (MisplacedEvent & { title: string })[] } | null;
}
