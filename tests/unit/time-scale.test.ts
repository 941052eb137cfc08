// The timeline's piecewise-linear time scale against d3-scale's scaleUtc, which computes the same
// map (the chart drops it only for its weight in the browser), and the gesture maths of the zoom.
import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { piecewiseTimeScale } from '../../src/lib/charts/time-scale';
import {
	constrainZoom,
	MAX_ZOOM,
	panBy,
	pinch,
	wheelFactor,
	zoomAround,
	zoomX
} from '../../src/lib/charts/zoom';

const utc = (y: number, m = 0, d = 1) => new Date(Date.UTC(y, m, d));

describe('piecewiseTimeScale', () => {
	// two drawn stretches with a break between them, as the timeline's axis builds them
	const domain = [utc(2010), utc(2012), utc(2018), utc(2020, 6)];
	const range = [20, 300, 328, 940];
	const ours = piecewiseTimeScale(domain, range);
	const d3 = scaleUtc().domain(domain).range(range);

	it('maps instants as d3 scaleUtc does, inside, between and beyond the breakpoints', () => {
		for (const date of [
			utc(2009),
			utc(2010),
			utc(2011, 3, 17),
			utc(2012),
			utc(2015),
			utc(2018),
			utc(2019, 11, 31),
			utc(2020, 6),
			utc(2023)
		])
			expect(ours(date)).toBeCloseTo(d3(date), 9);
	});

	it('inverts positions as d3 does (to the millisecond: both round a fraction away)', () => {
		for (const x of [0, 20, 150.5, 300, 314, 328, 600, 940, 1000])
			expect(Math.abs(ours.invert(x).getTime() - d3.invert(x).getTime())).toBeLessThanOrEqual(1);
	});

	it('keeps its breakpoints and moves onto another range like a copy', () => {
		expect(ours.domain()).toEqual(domain);
		expect(ours.range()).toEqual(range);
		const moved = ours.withRange(range.map((r) => r * 2 + 5));
		expect(moved(utc(2015))).toBeCloseTo(ours(utc(2015)) * 2 + 5, 9);
		// the original is unchanged
		expect(ours.range()).toEqual(range);
	});

	it('maps a stretch of no length to its middle, and refuses fewer than two breakpoints', () => {
		const point = piecewiseTimeScale([utc(2020), utc(2020)], [10, 30]);
		expect(point(utc(2020))).toBe(20);
		expect(() => piecewiseTimeScale([utc(2020)], [10])).toThrow(/two breakpoints/);
	});
});

describe('gesture maths', () => {
	const plot = { left: 10, right: 610 };

	it('zoomAround keeps the point under the pointer in place', () => {
		const t = zoomAround({ k: 1, x: 0 }, 2, 200, plot);
		expect(t.k).toBe(2);
		// the position at no zoom that was under x = 200 is still there
		expect(zoomX(200, t)).toBeCloseTo(200 * 2 + t.x);
		expect(zoomX(200, t)).toBe(200 * 2 - 200);
		expect(zoomAround({ k: 40, x: -100 }, 4, 300, plot).k).toBe(MAX_ZOOM);
		expect(zoomAround({ k: 1, x: 0 }, 0.5, 300, plot)).toEqual({ k: 1, x: 0 });
	});

	it('panBy moves the view and stops at either end', () => {
		const zoomed = { k: 2, x: -300 };
		expect(panBy(zoomed, 50, plot)).toEqual({ k: 2, x: -250 });
		expect(panBy(zoomed, 5000, plot)).toEqual(constrainZoom({ k: 2, x: 4700 }, plot));
		expect(panBy({ k: 1, x: 0 }, 80, plot)).toEqual({ k: 1, x: 0 });
	});

	it('wheelFactor zooms in for a wheel turned away from the reader, as d3-zoom does', () => {
		expect(wheelFactor(-100, 0, false)).toBeCloseTo(2 ** 0.2);
		expect(wheelFactor(100, 0, false)).toBeCloseTo(2 ** -0.2);
		expect(wheelFactor(-3, 1, false)).toBeCloseTo(2 ** 0.15);
		expect(wheelFactor(-10, 0, true)).toBeCloseTo(2 ** 0.2);
	});

	it('pinch zooms by the change in spread around the midpoint, and pans with the midpoint', () => {
		const spread = pinch({ k: 1, x: 0 }, [200, 300], [150, 350], plot);
		expect(spread).toEqual(zoomAround({ k: 1, x: 0 }, 2, 250, plot));
		const moved = pinch({ k: 2, x: -300 }, [200, 300], [220, 320], plot);
		expect(moved).toEqual({ k: 2, x: -280 });
	});
});
