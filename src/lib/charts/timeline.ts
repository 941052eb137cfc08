// The timeline's geometry as pure functions of the events and a width: dates to intervals, a time
// scale with a broken axis for long empty gaps, lanes by asserter, collision-free packing, ticks,
// zoom. D3 computes here; Svelte components only draw what these functions return.
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcMonth, utcTicks, utcYear } from 'd3-time';
import { toInterval, type Interval } from '../content/dates.ts';
import { ASSERTERS, type Asserter, type Precision } from '../content/vocabulary.ts';

/** A stretch of time drawn at the common rate, or a gap left out of the axis. */
export interface TimeSegment {
	start: Date;
	end: Date;
	/** pixel positions at no zoom */
	x0: number;
	x1: number;
}

export interface TimeAxis {
	/** a piecewise-linear UTC scale: one linear piece per segment and one per break */
	scale: ScaleTime<number, number>;
	/** the stretches of time drawn to scale */
	segments: TimeSegment[];
	/** the gaps squeezed into a fixed width (draw them as an axis break) */
	breaks: TimeSegment[];
}

export interface TimeAxisOptions {
	/** first and last pixel of the plot */
	left: number;
	right: number;
	/**
	 * A gap with no event that is longer than this fraction of the whole extent is cut out of the
	 * axis and drawn as a break; Infinity never breaks.
	 */
	breakRatio?: number;
	/** pixels given to each break */
	breakWidth?: number;
	/** time added before and after each drawn stretch, as a fraction of all drawn time */
	margin?: number;
}

/** Joins intervals that overlap or touch into clusters, in time order. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
	const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
	const merged: Interval[] = [];
	for (const i of sorted) {
		const last = merged.at(-1);
		if (last && i.start <= last.end) {
			if (i.end > last.end) last.end = i.end;
		} else merged.push({ start: i.start, end: i.end });
	}
	return merged;
}

/**
 * A time scale (d3 scaleUtc) from the events' extent to [left, right]. Every drawn stretch of time
 * shares one rate (pixels per millisecond), so distances stay comparable; only gaps longer than
 * `breakRatio` of the extent are squeezed into `breakWidth` pixels,
 * which the chart must mark as a break.
 */
export function timeAxis(intervals: Interval[], options: TimeAxisOptions): TimeAxis {
	const { left, right, breakRatio = 0.4, breakWidth = 28, margin = 0.02 } = options;
	const clusters = mergeIntervals(intervals);
	const first = clusters[0];
	const last = clusters.at(-1);
	if (!first || !last) throw new Error('a timeline needs at least one event');
	const total = last.end.getTime() - first.start.getTime();

	// group clusters into drawn stretches, cutting the long gaps between them
	const stretches: Interval[] = [{ ...first }];
	for (const c of clusters.slice(1)) {
		const current = stretches.at(-1) as Interval;
		const gap = c.start.getTime() - current.end.getTime();
		if (gap > breakRatio * total) stretches.push({ ...c });
		else current.end = c.end;
	}
	const drawn = stretches.reduce((sum, s) => sum + s.end.getTime() - s.start.getTime(), 0);
	const pad = drawn * margin;
	const bounds = stretches.map((s) => [s.start.getTime(), s.end.getTime()] as const);
	bounds.forEach(([start, end], index) => {
		const previousEnd = bounds[index - 1]?.[1];
		const nextStart = bounds[index + 1]?.[0];
		// never pad into more than a quarter of a gap
		const before = previousEnd === undefined ? pad : Math.min(pad, (start - previousEnd) / 4);
		const after = nextStart === undefined ? pad : Math.min(pad, (nextStart - end) / 4);
		stretches[index] = { start: new Date(start - before), end: new Date(end + after) };
	});

	const breaksCount = stretches.length - 1;
	const drawnMs = stretches.reduce((sum, s) => sum + s.end.getTime() - s.start.getTime(), 0);
	const rate = Math.max(right - left - breaksCount * breakWidth, 1) / drawnMs;
	const segments: TimeSegment[] = [];
	const breaks: TimeSegment[] = [];
	let x = left;
	for (const [index, s] of stretches.entries()) {
		const width = (s.end.getTime() - s.start.getTime()) * rate;
		segments.push({ start: s.start, end: s.end, x0: x, x1: x + width });
		x += width;
		const next = stretches[index + 1];
		if (next) {
			breaks.push({ start: s.end, end: next.start, x0: x, x1: x + breakWidth });
			x += breakWidth;
		}
	}
	const domain = segments.flatMap((s) => [s.start, s.end]);
	const range = segments.flatMap((s) => [s.x0, s.x1]);
	return { scale: scaleUtc().domain(domain).range(range), segments, breaks };
}

/** A zoom along x only: a screen position is x * k + x-offset. */
export interface ZoomState {
	k: number;
	x: number;
}

export const ZOOM_IDENTITY: ZoomState = { k: 1, x: 0 };
export const MAX_ZOOM = 48;
export const ZOOM_STEP = 1.6;

/** Where a pixel position at no zoom lands under a zoom. */
export function zoomX(x: number, t: ZoomState): number {
	return x * t.k + t.x;
}

/**
 * The scale under a zoom (as d3-zoom's transform.rescaleX, but keeping the broken axis): the same
 * domain, the range moved by the zoom, so zoomedScale(date) = zoomX(scale(date), t).
 */
export function rescale(scale: ScaleTime<number, number>, t: ZoomState): ScaleTime<number, number> {
	return scale.copy().range(scale.range().map((r) => zoomX(r, t)));
}

/**
 * Keeps a zoom within bounds: never zoomed out past the whole extent (k >= 1), never beyond
 * `maxK`, and never panned so far that an empty strip shows at either end of the plot.
 */
export function constrainZoom(
	t: ZoomState,
	plot: { left: number; right: number },
	maxK = MAX_ZOOM
): ZoomState {
	const k = Math.min(Math.max(t.k, 1), maxK);
	const x = Math.min(Math.max(t.x, plot.right * (1 - k)), plot.left * (1 - k));
	return { k, x: x === 0 ? 0 : x };
}

/**
 * One keyboard or button zoom step: multiply k by `factor` (or divide, for `out`) keeping the
 * point `centre` (a screen x) where it is, then constrain.
 */
export function zoomStep(
	t: ZoomState,
	direction: 'in' | 'out',
	centre: number,
	plot: { left: number; right: number },
	factor = ZOOM_STEP,
	maxK = MAX_ZOOM
): ZoomState {
	const k = Math.min(Math.max(direction === 'in' ? t.k * factor : t.k / factor, 1), maxK);
	const x = centre - ((centre - t.x) * k) / t.k;
	return constrainZoom({ k, x }, plot, maxK);
}

/** Pans (without zooming) the least needed to bring [x0, x1] (positions at no zoom) into view. */
export function panToShow(
	t: ZoomState,
	x0: number,
	x1: number,
	plot: { left: number; right: number },
	margin = 24
): ZoomState {
	const a = zoomX(x0, t);
	const b = zoomX(x1, t);
	let shift = 0;
	if (a < plot.left + margin) shift = plot.left + margin - a;
	else if (b > plot.right - margin)
		shift = Math.max(plot.right - margin - b, plot.left + margin - a);
	return shift === 0 ? t : constrainZoom({ k: t.k, x: t.x + shift }, plot);
}

/** What a key does to the chart's zoom: +/= zoom in, - zoom out, 0 resets; anything else nothing. */
export function zoomKey(key: string): 'in' | 'out' | 'reset' | null {
	if (key === '+' || key === '=' || key === 'Add') return 'in';
	if (key === '-' || key === '_' || key === 'Subtract') return 'out';
	if (key === '0') return 'reset';
	return null;
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

export interface Tick {
	date: Date;
	x: number;
	label: string;
	/** a year boundary: drawn stronger */
	major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A tick's label at the coarsest unit it falls on: "2014", "Mar", "30 Mar". */
export function tickLabel(date: Date): string {
	if (+utcYear.floor(date) === +date) return String(date.getUTCFullYear());
	const month = MONTHS[date.getUTCMonth()] ?? '';
	if (+utcMonth.floor(date) === +date) return month;
	return `${date.getUTCDate()} ${month}`;
}

/**
 * Axis ticks for the visible part of each drawn segment under a zoom, about one per `spacing`
 * pixels: d3-time picks the interval (years, quarters, months, weeks, days) for the time shown.
 * A tick whose label would touch the previous one is dropped.
 */
export function axisTicks(
	axis: TimeAxis,
	t: ZoomState,
	plot: { left: number; right: number },
	spacing = 72
): Tick[] {
	const ticks: Tick[] = [];
	const fits = (x: number, label: string) => {
		const last = ticks.at(-1);
		// centred labels: half of each width apart, plus a little air
		return !last || x - last.x >= (textWidth(last.label, 12) + textWidth(label, 12)) / 2 + 8;
	};
	for (const segment of axis.segments) {
		const a = Math.max(zoomX(segment.x0, t), plot.left);
		const b = Math.min(zoomX(segment.x1, t), plot.right);
		if (b - a < 8) continue;
		const scale = rescale(axis.scale, t);
		const from = scale.invert(a);
		const to = scale.invert(b);
		// at least two, so a short stretch (one year before a break) still shows its year
		const count = Math.max(2, Math.floor((b - a) / spacing));
		for (const date of utcTicks(from, to, count)) {
			const label = tickLabel(date);
			if (!fits(scale(date), label)) continue;
			ticks.push({
				date,
				x: scale(date),
				label,
				major: +utcYear.floor(date) === +date
			});
		}
	}
	return ticks;
}

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

/** An estimate of rendered text width, for packing: generous, so real text rarely exceeds it. */
export function textWidth(text: string, fontSize: number = METRICS.fontSize): number {
	return Math.ceil(text.length * fontSize * 0.56);
}

/** The horizontal extent of a mark itself at no zoom: its span, or a point's disc. */
export function markExtent(x0: number, x1: number): [number, number] {
	const centre = (x0 + x1) / 2;
	return [Math.min(x0, centre - METRICS.radius), Math.max(x1, centre + METRICS.radius)];
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
	const intervals = new Map(events.map((e) => [e.id, toInterval(e.start, e.precision, e.end)]));
	const axis = timeAxis([...intervals.values()], { ...plot, breakRatio: options.breakRatio });
	const order = [...events]
		.sort(
			(a, b) =>
				+intervals.get(a.id)!.start - +intervals.get(b.id)!.start ||
				+intervals.get(a.id)!.end - +intervals.get(b.id)!.end ||
				a.id.localeCompare(b.id, 'en', { numeric: true })
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
			const label = primary ? (options.label?.(e.id) ?? eventNumber(e.id)) : eventNumber(e.id);
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

/** "E12" -> "12": the number shown on marks and in the table. */
export function eventNumber(id: string): string {
	return id.replace(/^\D+/, '');
}
