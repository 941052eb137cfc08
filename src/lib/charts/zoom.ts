// Zooming the timeline along x, as pure functions of a transform { k, x }: where a position lands,
// the rescaled time scale, the bounds (never out past the whole, never an empty strip at an end),
// a step around a point, a wheel or pinch around a point, the least pan that shows a mark, and what
// a key does. The gestures (components/timeline/pan-zoom.ts) only report movements; these decide.
import type { TimeScale } from './time-scale.ts';

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
export function rescale(scale: TimeScale, t: ZoomState): TimeScale {
	return scale.withRange(scale.range().map((r) => zoomX(r, t)));
}

/** The dates at the plot's two edges under a zoom: the stretch of time the reader sees. */
export function visibleSpan(
	scale: TimeScale,
	t: ZoomState,
	plot: { left: number; right: number }
): { start: Date; end: Date } {
	return {
		start: scale.invert((plot.left - t.x) / t.k),
		end: scale.invert((plot.right - t.x) / t.k)
	};
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
	return zoomAround(t, direction === 'in' ? factor : 1 / factor, centre, plot, maxK);
}

/**
 * Multiplies k by `factor` keeping the point `centre` (a screen x) where it is, then constrains:
 * a zoom step, a mouse-wheel notch or a pinch.
 */
export function zoomAround(
	t: ZoomState,
	factor: number,
	centre: number,
	plot: { left: number; right: number },
	maxK = MAX_ZOOM
): ZoomState {
	const k = Math.min(Math.max(t.k * factor, 1), maxK);
	const x = centre - ((centre - t.x) * k) / t.k;
	return constrainZoom({ k, x }, plot, maxK);
}

/** Moves the view by `dx` screen pixels (a drag), within bounds. */
export function panBy(t: ZoomState, dx: number, plot: { left: number; right: number }): ZoomState {
	return constrainZoom({ k: t.k, x: t.x + dx }, plot);
}

/**
 * How much one wheel event zooms (as d3-zoom's default): a line- or page-based wheel moves more
 * per unit than a pixel-based one, and a pinch on a trackpad (ctrlKey) ten times as fast.
 */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
	const perUnit = deltaMode === 1 ? 0.05 : deltaMode ? 1 : 0.002;
	return 2 ** (-deltaY * perUnit * (ctrlKey ? 10 : 1));
}

/**
 * A two-finger gesture from one pair of positions to the next: zoom by the change in the fingers'
 * distance around their midpoint, and pan by the midpoint's move.
 */
export function pinch(
	t: ZoomState,
	before: [number, number],
	after: [number, number],
	plot: { left: number; right: number }
): ZoomState {
	const spread = (p: [number, number]) => Math.max(Math.abs(p[1] - p[0]), 1);
	const middle = (p: [number, number]) => (p[0] + p[1]) / 2;
	const zoomed = zoomAround(t, spread(after) / spread(before), middle(before), plot);
	return panBy(zoomed, middle(after) - middle(before), plot);
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

/** The axis breaks (positions at no zoom) that show in the plot under a zoom, where they land. */
export function visibleBreaks<B extends { x0: number; x1: number }>(
	breaks: readonly B[],
	t: ZoomState,
	plot: { left: number; right: number }
): (B & { screenX0: number; screenX1: number })[] {
	return breaks
		.map((b) => ({ ...b, screenX0: zoomX(b.x0, t), screenX1: zoomX(b.x1, t) }))
		.filter((b) => b.screenX1 > plot.left && b.screenX0 < plot.right);
}

/**
 * The view a chart opens on: zoomed onto the narrowest stretch of the plot that holds `share` of
 * the marks (their centres at no zoom), with `margin` times its width in view, so a chart whose
 * events crowd into a few years opens there instead of on the whole span squeezed. Ties go to the
 * earliest stretch; with fewer than two marks, or a stretch already as wide as the plot, the
 * whole plot.
 */
export function densestView(
	centres: readonly number[],
	plot: { left: number; right: number },
	share = 0.5,
	margin = 1.5,
	maxK = MAX_ZOOM
): ZoomState {
	const xs = [...centres].sort((a, b) => a - b);
	const n = Math.max(2, Math.ceil(xs.length * share));
	if (xs.length < n) return ZOOM_IDENTITY;
	let best = { from: xs[0]!, to: xs[xs.length - 1]! };
	for (let i = 0; i + n - 1 < xs.length; i++) {
		const from = xs[i]!;
		const to = xs[i + n - 1]!;
		if (to - from < best.to - best.from) best = { from, to };
	}
	const plotWidth = plot.right - plot.left;
	const k = Math.min(Math.max(plotWidth / Math.max((best.to - best.from) * margin, 1), 1), maxK);
	if (k === 1) return ZOOM_IDENTITY;
	// the stretch's middle at the middle of the plot
	const middle = (best.from + best.to) / 2;
	const centre = (plot.left + plot.right) / 2;
	return constrainZoom({ k, x: centre - middle * k }, plot, maxK);
}
