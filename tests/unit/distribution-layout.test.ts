// The class-distribution chart's geometry: stacked bars that fill the plot, in TAGS order, with
// labels only where they fit and the key's tag marked even when nobody gave it.
import { describe, expect, it } from 'vitest';
import {
	layoutDistribution,
	notePlacement,
	percent,
	rowAt,
	rowTarget
} from '../../src/lib/charts/distribution-layout';
import { TAG_INFO, TAGS } from '../../src/lib/content/vocabulary';

const rows = [
	{ id: 'L7', counts: { evidence: 2, assertion: 1, deflection: 1 }, keyTag: 'deflection' as const },
	{ id: 'L3', counts: { evidence: 0, assertion: 4, deflection: 0 }, keyTag: 'evidence' as const },
	{ id: 'L9', counts: { evidence: 0, assertion: 0, deflection: 0 } }
];

describe('layoutDistribution', () => {
	const layout = layoutDistribution(rows, {
		width: 600,
		rowHeight: 40,
		labelWidth: 50,
		noteWidth: 150,
		axisHeight: 20,
		minLabelWidth: 60,
		padding: 0.25
	});

	it('puts the plot between the label column and the note column', () => {
		expect(layout.plot).toEqual({ left: 50, right: 450, top: 20, bottom: 140 });
		expect(layout.height).toBe(148);
		expect(layout.noteX).toBe(460);
	});

	it('keeps the rows in the order given, one band each', () => {
		expect(layout.rows.map((r) => r.id)).toEqual(['L7', 'L3', 'L9']);
		const [a, b, c] = layout.rows;
		expect(b!.y - a!.y).toBeCloseTo(c!.y - b!.y, 10);
		// paddingInner 0.25, paddingOuter 0.125: step = 120 / (3 - 0.25 + 0.25) = 40
		expect(b!.y - a!.y).toBeCloseTo(40, 10);
		expect(a!.height).toBeCloseTo(30, 10);
		expect(a!.y).toBeCloseTo(20 + 0.125 * 40, 10);
		expect(a!.mid).toBeCloseTo(a!.y + 15, 10);
	});

	it('stacks shares left to right in TAGS order and fills the plot', () => {
		const [row] = layout.rows;
		expect(row!.total).toBe(4);
		expect(row!.segments.map((s) => s.tag)).toEqual(['evidence', 'assertion', 'deflection']);
		expect(row!.segments.map((s) => [s.x0, s.x1])).toEqual([
			[50, 250],
			[250, 350],
			[350, 450]
		]);
		expect(row!.segments.map((s) => s.share)).toEqual([0.5, 0.25, 0.25]);
	});

	it('labels a segment with its tag letter and count when it fits', () => {
		const [row] = layout.rows;
		expect(row!.segments.map((s) => s.label)).toEqual(['E 2', 'A 1', 'D 1']);
		expect(row!.segments.map((s) => s.labelled)).toEqual([true, true, true]);
		const narrow = layoutDistribution(rows, { width: 300, labelWidth: 50, noteWidth: 150 });
		// 100 px plot: 25 px for one of four answers is below the default 38 px
		expect(narrow.rows[0]!.segments.map((s) => s.labelled)).toEqual([true, false, false]);
		expect(TAGS.map((t) => TAG_INFO[t].letter)).toEqual(['E', 'A', 'D']);
	});

	it('marks the key segment', () => {
		const [row] = layout.rows;
		expect(row!.segments.filter((s) => s.isKey).map((s) => s.tag)).toEqual(['deflection']);
		expect(row!.key).toEqual({ tag: 'deflection', x0: 350, x1: 450, count: 1 });
	});

	it('marks the key at a zero-width point when nobody gave the key tag', () => {
		const row = layout.rows[1]!;
		expect(row.segments.map((s) => s.tag)).toEqual(['assertion']);
		expect(row.segments.some((s) => s.isKey)).toBe(false);
		expect(row.key).toEqual({ tag: 'evidence', x0: 50, x1: 50, count: 0 });
	});

	it('draws no segment and no key for a sentence nobody tagged without a key', () => {
		const row = layout.rows[2]!;
		expect(row.total).toBe(0);
		expect(row.segments).toEqual([]);
		expect(row.key).toBeNull();
	});

	it('ticks at round percentages across the plot', () => {
		expect(layout.ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
		expect(layout.ticks.map((t) => t.x)).toEqual([50, 150, 250, 350, 450]);
	});

	it('keeps a minimum plot on a very narrow width and handles no rows', () => {
		const tiny = layoutDistribution(rows, { width: 100, labelWidth: 50, noteWidth: 150 });
		expect(tiny.plot.right - tiny.plot.left).toBe(40);
		const none = layoutDistribution([], { width: 600, axisHeight: 20 });
		expect(none.rows).toEqual([]);
		expect(none.plot.bottom).toBe(20);
	});
});

describe('percent', () => {
	it('writes shares as whole percentages, a dash for null', () => {
		expect(percent(0.5)).toBe('50%');
		expect(percent(2 / 3)).toBe('67%');
		expect(percent(null)).toBe('–');
	});
});

describe('reading a bar: the row under the pointer, the note with its sentence, the keys', () => {
	const layout = layoutDistribution(rows, { width: 600, rowHeight: 40, axisHeight: 20 });
	const [a, b, c] = layout.rows;

	it('finds the row under a position, the gap between bars split between its neighbours', () => {
		expect(rowAt(layout, a!.mid)?.id).toBe('L7');
		expect(rowAt(layout, b!.y - 1)?.id).toBe('L3');
		expect(rowAt(layout, a!.y + a!.height + 1)?.id).toBe('L7');
		expect(rowAt(layout, c!.mid)?.id).toBe('L9');
		expect(rowAt(layout, 0)).toBeNull();
		expect(rowAt(layout, layout.height + 50)).toBeNull();
	});

	it('puts the note under a bar in the upper half, above one in the lower half', () => {
		expect(notePlacement(layout, a!)).toEqual({ top: a!.y + a!.height + 4 });
		expect(notePlacement(layout, c!)).toEqual({ bottom: layout.height - c!.y + 4 });
	});

	it('moves between bars with Up, Down, Home and End, and stops at the ends', () => {
		const ids = ['L7', 'L3', 'L9'];
		expect(rowTarget(ids, 'L7', 'ArrowDown')).toBe('L3');
		expect(rowTarget(ids, 'L7', 'ArrowUp')).toBe('L7');
		expect(rowTarget(ids, 'L3', 'End')).toBe('L9');
		expect(rowTarget(ids, 'L9', 'ArrowDown')).toBe('L9');
		expect(rowTarget(ids, 'L9', 'Home')).toBe('L7');
		expect(rowTarget(ids, 'L7', 'Enter')).toBeNull();
	});
});
