// A piecewise-linear UTC time scale: the timeline's axis maps each drawn stretch of time linearly
// onto its pixels and each break onto a fixed width, so it is a polylinear map from instants to
// positions and back. (d3-scale's scaleUtc computes the same map, and the unit tests check that
// the two agree, but in the browser it brings colour interpolation and number and date formatting
// the axis never uses: 12.7 KB gzip, a seventh of the timeline page.)

export interface TimeScale {
	/** the position of an instant; beyond the ends the first or last piece goes on */
	(date: Date): number;
	/** the instant at a position */
	invert(x: number): Date;
	/** the breakpoints, in time order */
	domain(): Date[];
	/** their positions, left to right */
	range(): number[];
	/** the same breakpoints onto other positions (as under a zoom) */
	withRange(range: number[]): TimeScale;
}

/** Maps `from` (ascending) onto `to` piece by piece; a piece of no length maps to its middle. */
function polylinear(from: number[], to: number[]): (value: number) => number {
	const last = Math.min(from.length, to.length) - 1;
	if (last < 1) throw new Error('a piecewise scale needs at least two breakpoints');
	return (value) => {
		// the piece the value falls in (the first or last beyond the ends); an axis has a few pieces
		let i = 0;
		while (i < last - 1 && value >= from[i + 1]!) i++;
		const a = from[i]!;
		const b = from[i + 1]!;
		const t = b === a ? 0.5 : (value - a) / (b - a);
		return to[i]! + t * (to[i + 1]! - to[i]!);
	};
}

export function piecewiseTimeScale(domain: Date[], range: number[]): TimeScale {
	const times = domain.map((d) => d.getTime());
	const positions = [...range];
	const forward = polylinear(times, positions);
	const backward = polylinear(positions, times);
	const scale = (date: Date) => forward(date.getTime());
	scale.invert = (x: number) => new Date(backward(x));
	scale.domain = () => times.map((t) => new Date(t));
	scale.range = () => [...positions];
	scale.withRange = (next: number[]) => piecewiseTimeScale(domain, next);
	return scale;
}
