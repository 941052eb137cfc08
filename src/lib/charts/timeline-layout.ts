// The timeline's layout as pure functions of the events and a width: lanes by asserter, every
// mark's place on the time axis, sub-rows packed so that no marks or labels collide (at every zoom),
// where a mark and its label are drawn under a zoom, and the roving focus between events. D3
// computes here; Svelte components only draw what these functions return.
import { intervalOf, type Interval } from '../content/dates.ts';
import { ASSERTERS, idNumber, type Asserter, type Precision } from '../content/vocabulary.ts';
import { textWidth } from './text.ts';
import { timeAxis, type TimeAxis } from './time-axis.ts';
import { densestView, panToShow, ZOOM_IDENTITY, zoomX, type ZoomState } from './zoom.ts';

/** E2 before E10. One collator for every comparison: `localeCompare` with options builds a new
 * one per call, which made this sort most of the layout's cost when a phone hydrates the chart. */
const compareIds = new Intl.Collator('en', { numeric: true }).compare;

/** The lanes, top to bottom. An event asserted by several parties is drawn in each of their lanes. */
export const LANES: readonly Asserter[] = ASSERTERS;

/** What the layout needs of an event (a TimelineEvent fits). */
export interface LayoutEvent {
	id: string;
	start: string;
	end?: string;
	precision: Precision;
	assertedBy: Asserter[];
}

export interface Mark {
	/** unique per mark: the event id and the lane */
	key: string;
	id: string;
	lane: Asserter;
	/**
	 * The primary mark sits in the first lane (in LANES order) among the event's asserters; it
	 * carries the label and the keyboard focus. The others are echoes: the same event, drawn in
	 * the lanes of the other parties who assert it, labelled with its number only.
	 */
	primary: boolean;
	interval: Interval;
	/** the interval's pixel positions at no zoom */
	x0: number;
	x1: number;
	/** 0-based sub-row within the lane */
	row: number;
	/** vertical centre of the mark */
	y: number;
	/** label text and its estimated width in pixels */
	label: string;
	labelWidth: number;
	/** left-aligned under the mark, or right-aligned when it would run off the plot's right edge */
	labelAnchor: 'start' | 'end';
}

export interface Lane {
	lane: Asserter;
	/** top of the lane band and its height */
	y: number;
	height: number;
	rows: number;
	/** primary marks in the lane */
	count: number;
}

export interface TimelineLayout {
	width: number;
	height: number;
	plot: { left: number; right: number };
	axis: TimeAxis;
	/** baseline of the axis */
	axisY: number;
	lanes: Lane[];
	marks: Mark[];
	/** event ids in time order: the order of keyboard navigation */
	order: string[];
	/** geometry constants the components draw with */
	metrics: typeof METRICS;
}

export const METRICS = {
	padding: 16,
	laneHeader: 26,
	laneGap: 10,
	rowHeight: 36,
	/** mark centre below the row's top */
	markY: 10,
	/** label baseline below the row's top */
	labelY: 28,
	radius: 6,
	fontSize: 13,
	/** horizontal gap kept between items in one row */
	gap: 10,
	/** spans narrower than this are drawn as points */
	minSpan: 8,
	axisHeight: 34
} as const;

/** The horizontal extent of a mark itself: its span, or a point's disc. */
export function markExtent(x0: number, x1: number): [number, number] {
	const centre = (x0 + x1) / 2;
	return [Math.min(x0, centre - METRICS.radius), Math.max(x1, centre + METRICS.radius)];
}

/** Where a mark, its label and its hit area are drawn under a zoom. */
export interface MarkGeometry {
	/** the span under the zoom */
	x0: number;
	x1: number;
	centre: number;
	/** wide enough to draw as a bar; narrower spans are drawn as points */
	isSpan: boolean;
	/** the mark's extent (markExtent) under the zoom */
	left: number;
	right: number;
	/** the label's anchor point and baseline */
	labelX: number;
	labelY: number;
	/** the extent of the mark and its label, for the hit area */
	hitLeft: number;
	hitRight: number;
}

/**
 * The geometry of one mark under a zoom: the same extent the packing reserved (markExtent and
 * itemExtent), so what is drawn never collides where the packing found room.
 */
export function markGeometry(mark: Mark, t: ZoomState): MarkGeometry {
	const x0 = zoomX(mark.x0, t);
	const x1 = zoomX(mark.x1, t);
	const [left, right] = markExtent(x0, x1);
	const [hitLeft, hitRight] = itemExtent([left, right], mark.labelWidth, mark.labelAnchor);
	return {
		x0,
		x1,
		centre: (x0 + x1) / 2,
		isSpan: x1 - x0 >= METRICS.minSpan,
		left,
		right,
		labelX: mark.labelAnchor === 'start' ? left : right,
		labelY: mark.y + METRICS.labelY - METRICS.markY,
		hitLeft,
		hitRight
	};
}

/** The horizontal extent of a mark and its label, with the label anchored at one edge of the mark. */
export function itemExtent(
	mark: [number, number],
	labelWidth: number,
	anchor: 'start' | 'end'
): [number, number] {
	const [left, right] = mark;
	return anchor === 'start'
		? [left, Math.max(right, left + labelWidth)]
		: [Math.min(left, right - labelWidth), right];
}

export interface Placement {
	row: number;
	anchor: 'start' | 'end';
}

/**
 * Packs the items of one lane into sub-rows so that no two marks or labels in a row overlap
 * (keeping `gap` pixels between them). Greedy, in order of the marks' left edges: each item goes
 * into the first row where it fits with its label left-aligned under the mark ('start'), or else
 * right-aligned ('end'), so two crowded events can share a row with labels pointing apart. A label
 * never runs past the plot's edges when the other anchor avoids it.
 */
export function packLane(
	items: { mark: [number, number]; labelWidth: number }[],
	plot: { left: number; right: number },
	gap: number = METRICS.gap
): Placement[] {
	const order = items
		.map((_, i) => i)
		.sort((a, b) => items[a]!.mark[0] - items[b]!.mark[0] || a - b);
	const rows: [number, number][][] = [];
	const placements: Placement[] = items.map(() => ({ row: 0, anchor: 'start' }));
	const free = (row: [number, number][], [l, r]: [number, number]) =>
		row.every(([a, b]) => r + gap <= a || b + gap <= l);
	for (const i of order) {
		const { mark, labelWidth } = items[i]!;
		const fits = (anchor: 'start' | 'end') => {
			const [l, r] = itemExtent(mark, labelWidth, anchor);
			return l >= plot.left && r <= plot.right;
		};
		// prefer a label to the right, unless it would cover the next mark and the left is free
		const next = items[order[order.indexOf(i) + 1] ?? -1];
		const coversNext =
			next !== undefined && itemExtent(mark, labelWidth, 'start')[1] + gap > next.mark[0];
		const anchors: ('start' | 'end')[] = fits('start')
			? fits('end')
				? coversNext
					? ['end', 'start']
					: ['start', 'end']
				: ['start']
			: fits('end')
				? ['end']
				: [mark[0] - plot.left > plot.right - mark[1] ? 'end' : 'start'];
		let placed = false;
		for (let row = 0; row <= rows.length && !placed; row++) {
			const items = (rows[row] ??= []);
			for (const anchor of anchors) {
				const extent = itemExtent(mark, labelWidth, anchor);
				if (free(items, extent)) {
					items.push(extent);
					placements[i] = { row, anchor };
					placed = true;
					break;
				}
			}
		}
	}
	return placements;
}

export interface LayoutOptions {
	width: number;
	/** the label drawn for an event's primary mark; its number alone when absent */
	label?: (id: string) => string;
	breakRatio?: number;
}

/**
 * Lays out the timeline for a width: the axis, the lanes and every mark's position. Rows are
 * packed at no zoom; zooming in only spreads marks apart (labels keep their size), so a packing
 * without collisions stays without collisions at every k >= 1 and rows never jump while zooming.
 * Cost: O(n log n) for n events; a bench can call it with synthetic events.
 */
export function layoutTimeline(events: LayoutEvent[], options: LayoutOptions): TimelineLayout {
	const { padding, laneHeader, laneGap, rowHeight, markY, axisHeight } = METRICS;
	const width = Math.max(Math.round(options.width), 200);
	const plot = { left: padding, right: width - padding };
	const intervals = new Map(events.map((e) => [e.id, intervalOf(e)]));
	const axis = timeAxis([...intervals.values()], { ...plot, breakRatio: options.breakRatio });
	const order = [...events]
		.sort(
			(a, b) =>
				+intervals.get(a.id)!.start - +intervals.get(b.id)!.start ||
				+intervals.get(a.id)!.end - +intervals.get(b.id)!.end ||
				compareIds(a.id, b.id)
		)
		.map((e) => e.id);

	const lanes: Lane[] = [];
	const marks: Mark[] = [];
	let y = padding / 2;
	for (const lane of LANES) {
		const inLane = events.filter((e) => e.assertedBy.includes(lane));
		const laneMarks: Mark[] = inLane.map((e) => {
			const interval = intervals.get(e.id)!;
			const primary = LANES.find((l) => e.assertedBy.includes(l)) === lane;
			const label = primary ? (options.label?.(e.id) ?? idNumber(e.id)) : idNumber(e.id);
			const x0 = axis.scale(interval.start);
			const x1 = axis.scale(interval.end);
			return {
				key: `${e.id}-${lane}`,
				id: e.id,
				lane,
				primary,
				interval,
				x0,
				x1,
				row: 0,
				y: 0,
				label,
				labelWidth: textWidth(label),
				labelAnchor: 'start' as const
			};
		});
		const placements = packLane(
			laneMarks.map((m) => ({ mark: markExtent(m.x0, m.x1), labelWidth: m.labelWidth })),
			plot
		);
		laneMarks.forEach((m, i) => {
			const placement = placements[i] ?? { row: 0, anchor: 'start' };
			m.row = placement.row;
			m.labelAnchor = placement.anchor;
			m.y = y + laneHeader + m.row * rowHeight + markY;
		});
		const rowCount = Math.max(1, ...placements.map((p) => p.row + 1));
		const height = laneHeader + rowCount * rowHeight;
		lanes.push({
			lane,
			y,
			height,
			rows: rowCount,
			count: laneMarks.filter((m) => m.primary).length
		});
		marks.push(...laneMarks);
		y += height + laneGap;
	}
	const axisY = y;
	return {
		width,
		height: Math.ceil(axisY + axisHeight),
		plot,
		axis,
		axisY,
		lanes,
		marks,
		order,
		metrics: METRICS
	};
}

/** Marks closer than this (between their edges, in screen pixels) are labelled as one group. */
export const CLUSTER_GAP = 24;

/** One label for a group of marks that sit close together in a row: "3 events". */
export interface ClusterLabel {
	key: string;
	lane: Asserter;
	/** the grouped marks' keys, left to right */
	marks: string[];
	/** the group's extent on screen (the marks, not the label), for the bracket under them */
	left: number;
	right: number;
	/** the line the bracket is drawn on, and the label's middle and baseline */
	bracketY: number;
	x: number;
	y: number;
	text: string;
}

export interface Clusters {
	labels: ClusterLabel[];
	/** marks whose own label gives way to their group's */
	grouped: Set<string>;
}

/**
 * The view a chart opens on. A wide chart shows the whole span. A compact one (a phone) opens on
 * the densest stretch of events, the whole span squeezed into a phone's width being a row of
 * numbers, moved to show `focus` (the selected or the highlighted event) when there is one. A pure
 * function of the layout, so the server draws the same opening view that the browser hydrates.
 */
export function openingView(
	layout: TimelineLayout,
	compact: boolean,
	focus?: string | null
): ZoomState {
	if (!compact) return ZOOM_IDENTITY;
	const primary = layout.marks.filter((m) => m.primary);
	let view = densestView(
		primary.map((m) => (m.x0 + m.x1) / 2),
		layout.plot
	);
	const mark = focus ? primary.find((m) => m.id === focus) : undefined;
	if (mark) view = panToShow(view, mark.x0, mark.x1, layout.plot);
	return view;
}

/**
 * Where labels are bare numbers (a compact chart), marks that sit close together in a row under
 * the zoom get one label, "3 events", instead of a run of numbers; zooming in spreads them and
 * they get their own labels back. A group grows while its label would collide with a neighbour's
 * (another group's or a single mark's), so no two labels in a row ever overlap. Pure: the same
 * marks and zoom always give the same groups.
 */
export function clusterMarks(
	marks: readonly Mark[],
	t: ZoomState,
	plot: { left: number; right: number },
	gap: number = CLUSTER_GAP
): Clusters {
	const rows = new Map<string, Mark[]>();
	for (const m of marks) {
		const row = `${m.lane}:${m.row}`;
		rows.set(row, [...(rows.get(row) ?? []), m]);
	}
	const labels: ClusterLabel[] = [];
	const grouped = new Set<string>();
	for (const inRow of rows.values()) {
		// marks out of view are clipped: they neither get a label nor join a group
		const placed = inRow
			.map((mark) => ({ mark, g: markGeometry(mark, t) }))
			.filter(({ g }) => g.right >= plot.left && g.left <= plot.right)
			.sort((a, b) => a.g.left - b.g.left);
		// runs of marks whose edges are closer than `gap`
		let groups: (typeof placed)[] = [];
		for (const item of placed) {
			const last = groups.at(-1);
			const lastRight = last ? Math.max(...last.map((i) => i.g.right)) : -Infinity;
			if (last && item.g.left - lastRight < gap) last.push(item);
			else groups.push([item]);
		}
		// a group's label is "n events" centred under it (kept inside the plot); a single mark's is
		// its own. Neighbours whose labels would touch merge, until none do.
		const extent = (group: typeof placed): [number, number] => {
			if (group.length === 1) return [group[0]!.g.hitLeft, group[0]!.g.hitRight];
			const left = Math.min(...group.map((i) => i.g.left));
			const right = Math.max(...group.map((i) => i.g.right));
			const width = textWidth(eventsLabel(group.length));
			const x = Math.min(
				Math.max((left + right) / 2, plot.left + width / 2),
				plot.right - width / 2
			);
			return [Math.min(left, x - width / 2), Math.max(right, x + width / 2)];
		};
		let merged = true;
		while (merged) {
			merged = false;
			for (let i = 0; i + 1 < groups.length; i++) {
				if (extent(groups[i]!)[1] + METRICS.gap / 2 > extent(groups[i + 1]!)[0]) {
					groups = [
						...groups.slice(0, i),
						[...groups[i]!, ...groups[i + 1]!],
						...groups.slice(i + 2)
					];
					merged = true;
					break;
				}
			}
		}
		for (const group of groups) {
			if (group.length < 2) continue;
			const first = group[0]!;
			const left = Math.min(...group.map((i) => i.g.left));
			const right = Math.max(...group.map((i) => i.g.right));
			const text = eventsLabel(group.length);
			const width = textWidth(text);
			labels.push({
				key: first.mark.key,
				lane: first.mark.lane,
				marks: group.map((i) => i.mark.key),
				left,
				right,
				bracketY: first.mark.y + METRICS.radius + 2,
				x: Math.min(Math.max((left + right) / 2, plot.left + width / 2), plot.right - width / 2),
				y: first.g.labelY + 3,
				text
			});
			for (const i of group) grouped.add(i.mark.key);
		}
	}
	return { labels, grouped };
}

/** "3 events" */
export function eventsLabel(count: number): string {
	return count === 1 ? '1 event' : `${count} events`;
}

/**
 * Roving focus between events in time order: Left/Right step, Home/End jump to the ends. Returns
 * the id to focus, or null when the key is not a navigation key.
 */
export function rovingTarget(
	order: readonly string[],
	current: string,
	key: string
): string | null {
	const index = Math.max(order.indexOf(current), 0);
	const last = order.length - 1;
	const to =
		key === 'ArrowRight'
			? Math.min(index + 1, last)
			: key === 'ArrowLeft'
				? Math.max(index - 1, 0)
				: key === 'Home'
					? 0
					: key === 'End'
						? last
						: null;
	return to === null ? null : (order[to] ?? null);
}
