// Drag, wheel and pinch on the timeline's SVG, reported as zoom transforms: this module only reads
// pointer positions (in the SVG's own units) and hands them to the pure zoom maths
// (charts/zoom.ts), which decide; Svelte draws everything from the transform. Pointer Events
// cover mouse, pen and touch; the SVG's `touch-action: pan-y` leaves vertical scrolling to the
// page and gives horizontal drags and pinches to the chart.
import { panBy, pinch, wheelFactor, zoomAround, type ZoomState } from '$lib/charts/zoom';

export interface PanZoomOptions {
	/** the plot's first and last pixel: the zoom keeps the whole timeline within them */
	plot: { left: number; right: number };
	get: () => ZoomState;
	set: (t: ZoomState) => void;
}

/** a press that moves less than this is still a click on an event */
const CLICK_DISTANCE = 4;

/** Listens on `svg` until the returned function is called. */
export function attachPanZoom(svg: SVGSVGElement, { plot, get, set }: PanZoomOptions): () => void {
	/** the pointers down on the chart: where each was at the last move */
	const pointers = new Map<number, number>();
	let pressedAt = 0;
	let dragging = false;

	const xOf = (e: { clientX: number; clientY: number }) => {
		const matrix = svg.getScreenCTM();
		return matrix ? new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse()).x : 0;
	};

	function wheel(e: WheelEvent) {
		const t = get();
		const next = zoomAround(t, wheelFactor(e.deltaY, e.deltaMode, e.ctrlKey), xOf(e), plot);
		// at either end of the zoom the wheel scrolls the page as usual
		if (next.k === t.k) return;
		e.preventDefault();
		set(next);
	}

	function down(e: PointerEvent) {
		if (e.pointerType === 'mouse' && (e.button !== 0 || e.ctrlKey)) return;
		pointers.set(e.pointerId, xOf(e));
		if (pointers.size === 1) {
			pressedAt = xOf(e);
			dragging = false;
		}
	}

	function move(e: PointerEvent) {
		const last = pointers.get(e.pointerId);
		if (last === undefined) return;
		const x = xOf(e);
		const other = [...pointers].find(([id]) => id !== e.pointerId)?.[1];
		if (other !== undefined) {
			set(pinch(get(), [last, other], [x, other], plot));
			dragging = true;
		} else {
			if (!dragging && Math.abs(x - pressedAt) <= CLICK_DISTANCE) return;
			if (!dragging) {
				dragging = true;
				// from here on the drag follows the pointer outside the chart too
				svg.setPointerCapture(e.pointerId);
			}
			set(panBy(get(), x - last, plot));
		}
		pointers.set(e.pointerId, x);
	}

	function up(e: PointerEvent) {
		if (!pointers.delete(e.pointerId)) return;
		if (pointers.size > 0 || !dragging) return;
		// the click that ends a drag does not select the event under the pointer
		const swallow = (click: MouseEvent) => {
			click.preventDefault();
			click.stopPropagation();
		};
		svg.addEventListener('click', swallow, { capture: true, once: true });
		setTimeout(() => svg.removeEventListener('click', swallow, { capture: true }), 0);
		dragging = false;
	}

	// links in the chart are not dragged out as links
	const noNativeDrag = (e: DragEvent) => e.preventDefault();

	svg.addEventListener('wheel', wheel, { passive: false });
	svg.addEventListener('pointerdown', down);
	svg.addEventListener('pointermove', move);
	svg.addEventListener('pointerup', up);
	svg.addEventListener('pointercancel', up);
	svg.addEventListener('dragstart', noNativeDrag);
	return () => {
		svg.removeEventListener('wheel', wheel);
		svg.removeEventListener('pointerdown', down);
		svg.removeEventListener('pointermove', move);
		svg.removeEventListener('pointerup', up);
		svg.removeEventListener('pointercancel', up);
		svg.removeEventListener('dragstart', noNativeDrag);
	};
}
