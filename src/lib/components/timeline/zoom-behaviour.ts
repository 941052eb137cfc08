// d3-zoom on the timeline's SVG, reduced to reporting an x-only transform: D3 attaches its
// listeners (wheel, drag, touch, pinch) and nothing else; Svelte draws everything from the transform.
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { constrainZoom, MAX_ZOOM, ZOOM_IDENTITY, type ZoomState } from '$lib/charts/zoom';

export interface ChartZoom {
	/** move to a transform (reported back through onzoom, like a gesture) */
	set(t: ZoomState): void;
	/** remove the listeners */
	destroy(): void;
}

export function attachZoom(
	svg: SVGSVGElement,
	plot: { left: number; right: number },
	height: number,
	onzoom: (t: ZoomState) => void
): ChartZoom {
	const target = select(svg);
	const behaviour = zoom<SVGSVGElement, unknown>()
		.scaleExtent([1, MAX_ZOOM])
		.extent([
			[plot.left, 0],
			[plot.right, height]
		])
		// a click that moves less than this is still a click on an event
		.clickDistance(4)
		// x only, never past the ends: the same rule as the pure constrainZoom
		.constrain((t) => {
			const c = constrainZoom({ k: t.k, x: t.x }, plot);
			return zoomIdentity.translate(c.x, 0).scale(c.k);
		})
		.on('zoom', (e: { transform: { k: number; x: number } }) => {
			onzoom({ k: e.transform.k, x: e.transform.x });
		});
	// double-click is for selecting events, not zooming
	target.call(behaviour).on('dblclick.zoom', null);
	const set = (t: ZoomState) =>
		behaviour.transform(target, zoomIdentity.translate(t.x, 0).scale(t.k));
	// a new layout starts from the whole timeline
	set(ZOOM_IDENTITY);
	return { set, destroy: () => void target.on('.zoom', null) };
}
