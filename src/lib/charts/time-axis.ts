// The timeline's time axis as pure functions: a UTC time scale from the events' extent to the
// plot, with one common rate for every drawn stretch of time and a break for each long empty gap,
// and the ticks (with labels that never touch) for the visible part under a zoom.
import { utcMonth, utcTicks, utcYear } from 'd3-time';
import type { Interval } from '../content/dates.ts';
import { textWidth } from './text.ts';
import { piecewiseTimeScale, type TimeScale } from './time-scale.ts';
import { rescale, zoomX, type ZoomState } from './zoom.ts';

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
	scale: TimeScale;
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
 * A piecewise-linear UTC time scale from the events' extent to [left, right]. Every drawn stretch of time
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
	return { scale: piecewiseTimeScale(domain, range), segments, breaks };
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
