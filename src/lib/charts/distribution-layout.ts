// The geometry of the class-distribution chart as a pure function of the counts and a width: one
// stacked horizontal bar per sentence (share of the class giving each tag), d3 band and linear
// scales, in-bar labels where they fit, and the key's primary tag marked; which bar is under the
// pointer, where the note with a bar's sentence goes, and the keyboard moves between bars. Svelte
// only draws it.
import { scaleBand, scaleLinear } from 'd3-scale';
import { TAG_INFO, TAGS, type Tag } from '../content/vocabulary.ts';

/** Gridlines at quarters read more easily as shares of a class than d3's 20% steps. */
const QUARTERS = [0, 0.25, 0.5, 0.75, 1];

export interface DistributionInput {
	id: string;
	counts: Record<Tag, number>;
	/** the key's primary tag; null or absent when the key is not shown */
	keyTag?: Tag | null;
}

export interface BarSegment {
	tag: Tag;
	count: number;
	/** count / the row's total */
	share: number;
	x0: number;
	x1: number;
	/** "E 5", drawn only when `labelled` */
	label: string;
	/** wide enough for its label */
	labelled: boolean;
	isKey: boolean;
}

export interface DistributionRow {
	id: string;
	/** top of the bar and its height (the band) */
	y: number;
	height: number;
	/** the vertical middle of the bar, for text */
	mid: number;
	total: number;
	/** non-empty segments in TAGS order, left to right */
	segments: BarSegment[];
	/** the key's tag and where its segment is (x0 === x1 when nobody gave it) */
	key: { tag: Tag; x0: number; x1: number; count: number } | null;
}

export interface DistributionLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	rows: DistributionRow[];
	/** gridlines at round percentages */
	ticks: { x: number; label: string }[];
	/** where the per-row total and key note are written (right of the plot) */
	noteX: number;
}

export interface DistributionOptions {
	width: number;
	/** distance from one bar to the next */
	rowHeight?: number;
	/** room on the left for the sentence id */
	labelWidth?: number;
	/** room on the right for "n = 14" and the key note */
	noteWidth?: number;
	/** room at the top for the percentage ticks */
	axisHeight?: number;
	/** the narrowest segment that gets a label, in pixels */
	minLabelWidth?: number;
	/** the gap between bars, as a fraction of rowHeight */
	padding?: number;
}

/**
 * Lays out stacked bars, one per input row, in the order given. Each bar is 100% of the students
 * who tagged that sentence (the total is written beside it), so sentences tagged by different
 * numbers of students stay comparable.
 */
export function layoutDistribution(
	inputs: readonly DistributionInput[],
	options: DistributionOptions
): DistributionLayout {
	const {
		width,
		rowHeight = 36,
		labelWidth = 52,
		noteWidth = 132,
		axisHeight = 24,
		minLabelWidth = 38,
		padding = 0.25
	} = options;
	const left = labelWidth;
	const right = Math.max(left + 40, width - noteWidth);
	const top = axisHeight;
	const bottom = top + inputs.length * rowHeight;
	const y = scaleBand<string>()
		.domain(inputs.map((r) => r.id))
		.range([top, bottom])
		.paddingInner(padding)
		.paddingOuter(padding / 2);
	const x = scaleLinear().domain([0, 1]).range([left, right]);

	const rows = inputs.map((input): DistributionRow => {
		const total = TAGS.reduce((s, t) => s + input.counts[t], 0);
		let cumulative = 0;
		const segments: BarSegment[] = [];
		const starts = new Map<Tag, number>();
		for (const tag of TAGS) {
			const count = input.counts[tag];
			const start = total ? cumulative / total : 0;
			starts.set(tag, x(start));
			if (count === 0) continue;
			cumulative += count;
			const x0 = x(start);
			const x1 = x(cumulative / total);
			segments.push({
				tag,
				count,
				share: count / total,
				x0,
				x1,
				label: `${TAG_INFO[tag].letter} ${count}`,
				labelled: x1 - x0 >= minLabelWidth,
				isKey: input.keyTag === tag
			});
		}
		const keyTag = input.keyTag ?? null;
		const keySegment = segments.find((s) => s.tag === keyTag);
		const keyAt = keyTag ? (starts.get(keyTag) ?? left) : left;
		const barTop = y(input.id) ?? 0;
		const height = y.bandwidth();
		return {
			id: input.id,
			y: barTop,
			height,
			mid: barTop + height / 2,
			total,
			segments,
			key: keyTag
				? {
						tag: keyTag,
						x0: keySegment?.x0 ?? keyAt,
						x1: keySegment?.x1 ?? keyAt,
						count: keySegment?.count ?? 0
					}
				: null
		};
	});

	return {
		width,
		height: bottom + 8,
		plot: { left, right, top, bottom },
		rows,
		ticks: QUARTERS.map((t) => ({ x: x(t), label: `${Math.round(t * 100)}%` })),
		noteX: right + 10
	};
}

/** One sentence's class figures, as the dashboard's chart, table and note receive them. */
export interface SentenceDistribution extends DistributionInput {
	/** the sentence (or practice item) text */
	text: string;
	/** students who tagged it */
	total: number;
	/** share giving the key's primary tag; null when the key is hidden or nobody answered */
	keyShare: number | null;
	/** P_i, the chance two students agree; null with fewer than two answers */
	agreement: number | null;
}

/** A share as a whole percentage; a dash for "not defined". */
export function percent(value: number | null): string {
	return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** The row under a vertical position (a pointer over the chart), or null between and off the bars. */
export function rowAt(layout: DistributionLayout, y: number): DistributionRow | null {
	const step = layout.rows.length > 1 ? layout.rows[1]!.y - layout.rows[0]!.y : Infinity;
	const gap = Number.isFinite(step) ? (step - (layout.rows[0]?.height ?? 0)) / 2 : 0;
	return layout.rows.find((r) => y >= r.y - gap && y < r.y + r.height + gap) ?? null;
}

/**
 * Where the note naming a row's sentence goes: just under the bar, or just above it when the bar
 * is in the lower half of the chart (so a note for the last rows does not hang off its bottom).
 * Positions in the chart's own pixels, from its top (`top`) or from its bottom (`bottom`).
 */
export function notePlacement(
	layout: DistributionLayout,
	row: DistributionRow,
	gap = 4
): { top: number } | { bottom: number } {
	return row.mid < layout.height / 2
		? { top: row.y + row.height + gap }
		: { bottom: layout.height - row.y + gap };
}

/** Up/Down step between rows, Home/End jump to the ends; null for any other key. */
export function rowTarget(ids: readonly string[], current: string, key: string): string | null {
	const index = Math.max(ids.indexOf(current), 0);
	const last = ids.length - 1;
	const to =
		key === 'ArrowDown'
			? Math.min(index + 1, last)
			: key === 'ArrowUp'
				? Math.max(index - 1, 0)
				: key === 'Home'
					? 0
					: key === 'End'
						? last
						: null;
	return to === null ? null : (ids[to] ?? null);
}
