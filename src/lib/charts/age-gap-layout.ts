// The figure of the question about the age of the sources, as a pure function of its events and a
// width: the span of the reports the article rests on, the article's date, the later events, and
// two brackets measuring the gap from the newest and from the oldest report to the article. The
// component draws what this returns.
import { describeWhen, intervalOf, yearsBetween } from '../content/dates.ts';
import { CONFIDENCE_LABEL, type Confidence } from '../content/vocabulary.ts';
import { textWidth } from './text.ts';
import { axisTicks, timeAxis, type Tick } from './time-axis.ts';
import { ZOOM_IDENTITY } from './zoom.ts';

/** What the figure needs of an event (a TimelineEvent fits). */
export interface AgeGapEvent {
	id: string;
	title: string;
	start: string;
	end?: string;
	precision: 'day' | 'month' | 'year';
	dateUncertain: boolean;
	confidence: Confidence;
}

export interface AgeGapInput {
	reports: AgeGapEvent;
	oldest: AgeGapEvent;
	newest: AgeGapEvent;
	article: AgeGapEvent;
	later: readonly AgeGapEvent[];
}

export interface GapBracket {
	/** from the report's middle to the article */
	from: number;
	to: number;
	/** the bracket's top */
	y: number;
	/** whole years, rounded */
	years: number;
	label: string;
	/** the label's centre, kept inside the figure */
	labelX: number;
	labelY: number;
}

export interface AgeGapLayout {
	width: number;
	height: number;
	/** narrow: shorter labels */
	small: boolean;
	article: { x: number; label: string };
	reports: { x0: number; x1: number; label: string };
	laterLabel: string;
	/** a bar for a span wide enough to see, else a point */
	later: { id: string; x0: number; x1: number; cx: number; bar: boolean; uncertain: boolean }[];
	newest: GapBracket;
	oldest: GapBracket;
	/** the axis baseline and its ticks */
	baselineY: number;
	plot: { left: number; right: number };
	ticks: Tick[];
}

export const AGE_GAP_HEIGHT = 228;
const PAD = 16;
const SMALL_BELOW = 480;

/** Lays the figure out for a width. */
export function layoutAgeGap(input: AgeGapInput, options: { width: number }): AgeGapLayout {
	const { reports, oldest, newest, article, later } = input;
	const width = options.width;
	const plot = { left: PAD, right: width - PAD };
	const axis = timeAxis([reports, article, ...later].map(intervalOf), {
		...plot,
		breakRatio: Infinity,
		margin: 0.03
	});
	const x = (d: Date) => axis.scale(d);
	const mid = (e: AgeGapEvent) => {
		const i = intervalOf(e);
		return (x(i.start) + x(i.end)) / 2;
	};
	const small = width < SMALL_BELOW;
	const articleX = mid(article);
	const r = intervalOf(reports);
	/** a centred label's x, kept inside the figure */
	const inside = (at: number, text: string) => {
		const half = textWidth(text) / 2;
		return Math.min(Math.max(at, PAD + half), width - PAD - half);
	};
	const bracket = (event: AgeGapEvent, which: string, y: number): GapBracket => {
		const years = Math.round(yearsBetween(intervalOf(event), intervalOf(article)));
		const label = `${which}: about ${years} years`;
		const from = mid(event);
		return {
			from,
			to: articleX,
			y,
			years,
			label,
			labelX: inside((from + articleX) / 2, label),
			labelY: y + 24
		};
	};
	const confidence = CONFIDENCE_LABEL[reports.confidence];
	return {
		width,
		height: AGE_GAP_HEIGHT,
		small,
		article: { x: articleX, label: `The article (${describeWhen(article)})` },
		reports: {
			x0: x(r.start),
			x1: x(r.end),
			label: small
				? `The reports (${confidence})`
				: `The reports (${describeWhen(reports)}, ${confidence})`
		},
		laterLabel: small ? 'Later events' : 'Later events, all newer than the reports',
		later: later.map((e) => {
			const i = intervalOf(e);
			const x0 = x(i.start);
			const x1 = x(i.end);
			return { id: e.id, x0, x1, cx: mid(e), bar: x1 - x0 >= 8, uncertain: e.dateUncertain };
		}),
		newest: bracket(newest, 'newest', 128),
		oldest: bracket(oldest, 'oldest', 162),
		baselineY: AGE_GAP_HEIGHT - 24,
		plot,
		ticks: axisTicks(axis, ZOOM_IDENTITY, plot, small ? 60 : 70)
	};
}
