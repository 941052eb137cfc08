// The timeline's pure geometry: dates to intervals, the time scale and its axis break, lanes and
// packing without collisions (also under zoom), ticks, zoom steps and roving focus; the words
// shown beside the shapes; and the real timeline as the content loader resolves it.
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';
import { axisTicks, mergeIntervals, tickLabel, timeAxis } from '../../src/lib/charts/time-axis';
import {
	constrainZoom,
	densestView,
	panToShow,
	visibleBreaks,
	visibleSpan,
	rescale,
	ZOOM_IDENTITY,
	zoomKey,
	zoomStep,
	zoomX,
	type ZoomState
} from '../../src/lib/charts/zoom';
import {
	clusterMarks,
	itemExtent,
	layoutTimeline,
	markGeometry,
	markExtent,
	openingView,
	packLane,
	rovingTarget,
	type LayoutEvent,
	type Mark
} from '../../src/lib/charts/timeline-layout';
import { AGE_GAP_HEIGHT, layoutAgeGap } from '../../src/lib/charts/age-gap-layout';
import {
	asserters,
	chartLabel,
	eventName,
	spanWords,
	statusNote
} from '../../src/lib/charts/timeline-labels';
import { describeWhen, parseIsoDate, toInterval, yearsBetween } from '../../src/lib/content/dates';
import type { TimelineEvent } from '../../src/lib/content/schemas';

const utc = (y: number, m = 1, d = 1) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('dates and precision', () => {
	it('reads YYYY, YYYY-MM and YYYY-MM-DD as UTC instants', () => {
		expect(parseIsoDate('2014')).toEqual(utc(2014));
		expect(parseIsoDate('2014-03')).toEqual(utc(2014, 3));
		expect(parseIsoDate('2014-03-31')).toEqual(utc(2014, 3, 31));
		expect(() => parseIsoDate('31/03/2014')).toThrow(/YYYY/);
	});

	it('turns a date and its precision into a half-open interval', () => {
		const day = toInterval('2020-05-06', 'day');
		expect([iso(day.start), iso(day.end)]).toEqual(['2020-05-06', '2020-05-07']);
		const month = toInterval('2019-12', 'month');
		expect([iso(month.start), iso(month.end)]).toEqual(['2019-12-01', '2020-01-01']);
		const year = toInterval('1971', 'year');
		expect([iso(year.start), iso(year.end)]).toEqual(['1971-01-01', '1972-01-01']);
	});

	it('covers whole units at both ends of a range', () => {
		const reports = toInterval('2010', 'year', '2016');
		expect([iso(reports.start), iso(reports.end)]).toEqual(['2010-01-01', '2017-01-01']);
		const visit = toInterval('2014-03-30', 'day', '2014-04-01');
		expect([iso(visit.start), iso(visit.end)]).toEqual(['2014-03-30', '2014-04-02']);
		const tenure = toInterval('2016-02', 'month', '2019-07');
		expect([iso(tenure.start), iso(tenure.end)]).toEqual(['2016-02-01', '2019-08-01']);
	});

	it('rounds a finer date down to the precision and refuses a coarser one or a backward range', () => {
		expect(iso(toInterval('2016-06-20', 'year').start)).toBe('2016-01-01');
		expect(() => toInterval('2016', 'day')).toThrow(/too coarse/);
		expect(() => toInterval('2016', 'year', '2010')).toThrow(/before it starts/);
	});

	it('measures years between the middles of two intervals', () => {
		const newest = toInterval('2016', 'year');
		const oldest = toInterval('2010-02', 'month');
		const article = toInterval('2020-05-06', 'day');
		expect(yearsBetween(newest, article)).toBeCloseTo(3.85, 1);
		expect(Math.round(yearsBetween(oldest, article))).toBe(10);
		expect(yearsBetween(article, newest)).toBeLessThan(0);
	});
});

describe('the time scale', () => {
	const plot = { left: 10, right: 1010 };

	it('maps the extent onto the plot, ends included, at one rate', () => {
		const axis = timeAxis(
			[toInterval('2010', 'year', '2013'), toInterval('2015', 'year', '2019')],
			{
				...plot,
				margin: 0
			}
		);
		expect(axis.breaks).toEqual([]);
		expect(axis.scale(utc(2010))).toBeCloseTo(10);
		expect(axis.scale(utc(2020))).toBeCloseTo(1010);
		expect(axis.scale(utc(2015))).toBeCloseTo(510);
	});

	it('adds a margin of time so marks at the ends are not cut', () => {
		const axis = timeAxis([toInterval('2010', 'year', '2019')], { ...plot, margin: 0.05 });
		expect(axis.scale(utc(2010))).toBeGreaterThan(plot.left);
		expect(axis.scale(utc(2020))).toBeLessThan(plot.right);
	});

	it('squeezes a long empty gap into a break and keeps one rate elsewhere', () => {
		const intervals = [toInterval('1971', 'year'), toInterval('2010', 'year', '2019')];
		const axis = timeAxis(intervals, { ...plot, margin: 0, breakWidth: 20 });
		expect(axis.breaks).toHaveLength(1);
		const [gap] = axis.breaks;
		expect(iso(gap!.start)).toBe('1972-01-01');
		expect(iso(gap!.end)).toBe('2010-01-01');
		expect(gap!.x1 - gap!.x0).toBeCloseTo(20);
		// 11 drawn years share 980 pixels: 1971 is as wide as 2015
		const yearWidth = (y: number) => axis.scale(utc(y + 1)) - axis.scale(utc(y));
		expect(yearWidth(1971)).toBeCloseTo(yearWidth(2015), 6);
		expect(yearWidth(2015)).toBeCloseTo(980 / 11, 0);
		// dates inside the gap fall inside the break, in order
		const x1990 = axis.scale(utc(1990));
		expect(x1990).toBeGreaterThan(gap!.x0);
		expect(x1990).toBeLessThan(gap!.x1);
	});

	it('does not break when asked not to', () => {
		const intervals = [toInterval('1971', 'year'), toInterval('2010', 'year', '2019')];
		expect(timeAxis(intervals, { ...plot, breakRatio: Infinity }).breaks).toEqual([]);
	});

	it('merges overlapping and touching intervals', () => {
		const merged = mergeIntervals([
			toInterval('2014', 'year'),
			toInterval('2010', 'year', '2012'),
			toInterval('2013', 'year')
		]);
		expect(merged.map((i) => [iso(i.start), iso(i.end)])).toEqual([['2010-01-01', '2015-01-01']]);
	});
});

describe('ticks', () => {
	const axis = timeAxis([toInterval('2010', 'year', '2020')], {
		left: 0,
		right: 1100,
		margin: 0
	});
	const plot = { left: 0, right: 1100 };

	it('labels ticks at the coarsest unit they fall on', () => {
		expect(tickLabel(utc(2014))).toBe('2014');
		expect(tickLabel(utc(2014, 3))).toBe('Mar');
		expect(tickLabel(utc(2014, 3, 30))).toBe('30 Mar');
	});

	it('chooses fewer ticks for a narrow width', () => {
		const wide = axisTicks(axis, ZOOM_IDENTITY, plot, 72);
		const narrow = axisTicks(axis, ZOOM_IDENTITY, plot, 300);
		expect(wide.map((t) => t.label)).toContain('2015');
		expect(wide.every((t) => t.major)).toBe(true);
		expect(narrow.length).toBeLessThan(wide.length);
		expect(narrow.length).toBeGreaterThanOrEqual(2);
	});

	it('drops ticks whose labels would touch, even across an axis break', () => {
		const broken = timeAxis([toInterval('1971', 'year'), toInterval('2010', 'year', '2020')], {
			left: 0,
			right: 300
		});
		const ticks = axisTicks(broken, ZOOM_IDENTITY, { left: 0, right: 300 }, 40);
		expect(ticks.length).toBeGreaterThanOrEqual(3);
		ticks.slice(1).forEach((tick, i) => {
			expect(tick.x - ticks[i]!.x).toBeGreaterThanOrEqual(30);
		});
	});

	it('places ticks where the scale puts their dates', () => {
		for (const tick of axisTicks(axis, ZOOM_IDENTITY, plot)) {
			expect(tick.x).toBeCloseTo(axis.scale(tick.date));
		}
	});

	it('switches to months when zoomed in, and keeps only visible ticks', () => {
		const t = constrainZoom({ k: 12, x: -12 * 500 }, plot);
		const ticks = axisTicks(axis, t, plot);
		expect(ticks.some((tick) => /^[A-Z][a-z]{2}$/.test(tick.label))).toBe(true);
		expect(ticks.every((tick) => tick.x >= plot.left - 0.5 && tick.x <= plot.right + 0.5)).toBe(
			true
		);
	});
});

describe('zoom', () => {
	const plot = { left: 20, right: 980 };
	const axis = timeAxis([toInterval('2010', 'year', '2020')], { ...plot, margin: 0 });

	it('rescales: a date lands at zoomX of its unzoomed position', () => {
		const t: ZoomState = { k: 3, x: -900 };
		const zoomed = rescale(axis.scale, t);
		for (const date of [utc(2011), utc(2014, 6, 15), utc(2019, 12)]) {
			expect(zoomed(date)).toBeCloseTo(zoomX(axis.scale(date), t));
			expect(+zoomed.invert(zoomed(date))).toBeCloseTo(+date, -3);
		}
		// the original scale is untouched
		expect(axis.scale(utc(2010))).toBeCloseTo(plot.left);
	});

	it('never zooms out past the extent nor pans off its ends', () => {
		expect(constrainZoom({ k: 0.5, x: 100 }, plot)).toEqual(ZOOM_IDENTITY);
		expect(constrainZoom({ k: 2, x: 500 }, plot)).toEqual({ k: 2, x: -20 });
		expect(constrainZoom({ k: 2, x: -5000 }, plot)).toEqual({ k: 2, x: -980 });
		expect(constrainZoom({ k: 1000, x: 0 }, plot, 48).k).toBe(48);
	});

	it('steps in and out around a centre that stays put', () => {
		const centre = 500;
		const zin = zoomStep(ZOOM_IDENTITY, 'in', centre, plot, 2);
		expect(zin.k).toBe(2);
		expect(zoomX(centre, zin)).toBeCloseTo(centre * 2 + zin.x);
		expect((centre - zin.x) / zin.k).toBeCloseTo(centre);
		const back = zoomStep(zin, 'out', centre, plot, 2);
		expect(back).toEqual(ZOOM_IDENTITY);
		expect(zoomStep(ZOOM_IDENTITY, 'out', centre, plot)).toEqual(ZOOM_IDENTITY);
	});

	it('pans just enough to show an event', () => {
		const t = { k: 4, x: -1500 };
		const shown = panToShow(t, 50, 60, plot, 10);
		expect(shown.k).toBe(4);
		expect(zoomX(50, shown)).toBeCloseTo(30);
		expect(panToShow(t, 400, 410, plot, 10)).toBe(t);
	});

	it('maps keys to zoom actions', () => {
		expect(zoomKey('+')).toBe('in');
		expect(zoomKey('=')).toBe('in');
		expect(zoomKey('-')).toBe('out');
		expect(zoomKey('0')).toBe('reset');
		expect(zoomKey('a')).toBeNull();
	});
});

describe('the opening view', () => {
	const plot = { left: 0, right: 300 };
	it('zooms onto the narrowest stretch holding half the marks, centred, with a margin', () => {
		const view = densestView([10, 20, 200, 210, 220, 230], plot);
		// 3 of 6 marks: 200 to 220 (20 wide) is the narrowest; 30 in view: k = 10, centred on 210
		expect(view).toEqual({ k: 10, x: 150 - 210 * 10 });
		expect(constrainZoom(view, plot)).toEqual(view);
	});
	it('shows everything when the marks are spread or too few, and keeps to the ends', () => {
		expect(densestView([0, 300], plot)).toEqual(ZOOM_IDENTITY);
		expect(densestView([10], plot)).toEqual(ZOOM_IDENTITY);
		expect(densestView([], plot)).toEqual(ZOOM_IDENTITY);
		expect(densestView([10, 290, 299, 300], plot)).toEqual({ k: 48, x: 300 * (1 - 48) });
	});
});

describe('the view a chart opens on', () => {
	const events: LayoutEvent[] = [
		{ id: 'E1', start: '2001-01-01', precision: 'day', assertedBy: ['article'] },
		...[1, 2, 3, 4, 5].map((d) => ({
			id: `E${d + 1}`,
			start: `2020-05-0${d}`,
			precision: 'day' as const,
			assertedBy: ['letter' as const]
		})),
		{ id: 'E7', start: '2020-12-01', precision: 'day', assertedBy: ['independent'] }
	];
	const layout = layoutTimeline(events, { width: 340 });
	const centre = (id: string) => {
		const mark = layout.marks.find((m) => m.id === id && m.primary)!;
		return zoomX((mark.x0 + mark.x1) / 2, view);
	};
	let view = openingView(layout, true);
	it('is the whole span on a wide chart', () => {
		expect(openingView(layout, false, 'E3')).toEqual(ZOOM_IDENTITY);
	});
	it('on a phone, is the densest stretch, with the cluster of May 2020 in the plot', () => {
		view = openingView(layout, true);
		expect(view.k).toBeGreaterThan(1);
		for (const id of ['E3', 'E4', 'E5']) {
			expect(centre(id)).toBeGreaterThan(layout.plot.left);
			expect(centre(id)).toBeLessThan(layout.plot.right);
		}
		expect(centre('E1')).toBeLessThan(layout.plot.left); // 2001 is out of view
	});
	it('moves to show the event in focus, and ignores an unknown one', () => {
		view = openingView(layout, true, 'E1');
		expect(centre('E1')).toBeGreaterThanOrEqual(layout.plot.left);
		expect(centre('E1')).toBeLessThanOrEqual(layout.plot.right);
		expect(openingView(layout, true, 'E99')).toEqual(openingView(layout, true));
	});
});

describe('roving focus', () => {
	const order = ['E1', 'E2', 'E3'];
	it('steps with Left/Right, jumps with Home/End, stops at the ends', () => {
		expect(rovingTarget(order, 'E1', 'ArrowRight')).toBe('E2');
		expect(rovingTarget(order, 'E3', 'ArrowRight')).toBe('E3');
		expect(rovingTarget(order, 'E1', 'ArrowLeft')).toBe('E1');
		expect(rovingTarget(order, 'E2', 'Home')).toBe('E1');
		expect(rovingTarget(order, 'E1', 'End')).toBe('E3');
		expect(rovingTarget(order, 'E1', 'Enter')).toBeNull();
	});
});

function overlaps(a: [number, number], b: [number, number], gap = 0) {
	return !(a[1] + gap <= b[0] || b[1] + gap <= a[0]);
}

function zoomedExtent(m: Mark, t: ZoomState): [number, number] {
	// marks move with the zoom; discs and labels keep their pixel size
	return itemExtent(markExtent(zoomX(m.x0, t), zoomX(m.x1, t)), m.labelWidth, m.labelAnchor);
}

function expectNoCollisions(marks: Mark[], t: ZoomState = ZOOM_IDENTITY) {
	for (const a of marks) {
		for (const b of marks) {
			if (a === b || a.lane !== b.lane || a.row !== b.row) continue;
			expect(
				overlaps(zoomedExtent(a, t), zoomedExtent(b, t)),
				`${a.key} and ${b.key} overlap in row ${a.row}`
			).toBe(false);
		}
	}
}

describe('lane packing', () => {
	const plot = { left: 0, right: 1000 };

	it('keeps items that do not overlap in one row', () => {
		const placed = packLane(
			[
				{ mark: [0, 10], labelWidth: 50 },
				{ mark: [100, 110], labelWidth: 50 },
				{ mark: [200, 210], labelWidth: 50 }
			],
			plot
		);
		expect(placed.map((p) => p.row)).toEqual([0, 0, 0]);
	});

	it('stacks overlapping spans into sub-rows', () => {
		const placed = packLane(
			[
				{ mark: [0, 500], labelWidth: 40 },
				{ mark: [100, 200], labelWidth: 40 },
				{ mark: [300, 400], labelWidth: 40 },
				{ mark: [600, 700], labelWidth: 40 }
			],
			plot
		);
		expect(placed.map((p) => p.row)).toEqual([0, 1, 1, 0]);
	});

	it('lets two crowded labels share a row by pointing apart', () => {
		const placed = packLane(
			[
				{ mark: [500, 512], labelWidth: 200 },
				{ mark: [530, 542], labelWidth: 200 }
			],
			plot
		);
		expect(placed.map((p) => p.row)).toEqual([0, 0]);
		expect(placed.map((p) => p.anchor).sort()).toEqual(['end', 'start']);
	});

	it('turns a label at the right edge to end at its mark', () => {
		const [placed] = packLane([{ mark: [980, 990], labelWidth: 200 }], plot);
		expect(placed!.anchor).toBe('end');
	});

	const events: LayoutEvent[] = Array.from({ length: 200 }, (_, i) => ({
		id: `E${i + 1}`,
		start: `${2000 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}`,
		end: i % 7 === 0 ? `${2001 + (i % 20)}-01` : undefined,
		precision: 'month',
		assertedBy:
			i % 5 === 0 ? ['article', 'independent'] : [(['letter', 'independent'] as const)[i % 2]!]
	}));

	it('lays out 200 events with no collisions in any row, at any zoom', () => {
		const layout = layoutTimeline(events, { width: 900, label: (id) => `Event number ${id}` });
		expect(layout.order).toHaveLength(200);
		expectNoCollisions(layout.marks);
		expectNoCollisions(layout.marks, { k: 2.5, x: -700 });
		expectNoCollisions(layout.marks, { k: 30, x: -12000 });
	});

	it('draws an event once per asserter, with the label and focus on the first lane', () => {
		const layout = layoutTimeline(events.slice(0, 10), { width: 900 });
		const e1 = layout.marks.filter((m) => m.id === 'E1');
		expect(e1.map((m) => [m.lane, m.primary])).toEqual([
			['article', true],
			['independent', false]
		]);
		expect(layout.marks.filter((m) => m.primary)).toHaveLength(10);
	});

	it('stacks lanes top to bottom without overlap, the axis below them', () => {
		const layout = layoutTimeline(events.slice(0, 40), { width: 600 });
		const [a, b, c] = layout.lanes;
		expect(a!.y + a!.height).toBeLessThanOrEqual(b!.y);
		expect(b!.y + b!.height).toBeLessThanOrEqual(c!.y);
		expect(c!.y + c!.height).toBeLessThanOrEqual(layout.axisY);
		expect(layout.height).toBeGreaterThan(layout.axisY);
		for (const m of layout.marks) {
			const lane = layout.lanes.find((l) => l.lane === m.lane)!;
			expect(m.y).toBeGreaterThan(lane.y);
			expect(m.y).toBeLessThan(lane.y + lane.height);
		}
	});

	it('orders events by time for keyboard navigation', () => {
		const layout = layoutTimeline(
			[
				{ id: 'E2', start: '2016', precision: 'year', assertedBy: ['article'] },
				{ id: 'E1', start: '2010', end: '2016', precision: 'year', assertedBy: ['article'] },
				{ id: 'E3', start: '2010-02', precision: 'month', assertedBy: ['article'] }
			],
			{ width: 800 }
		);
		expect(layout.order).toEqual(['E1', 'E3', 'E2']);
	});
});

describe('the words beside the shapes', () => {
	const event: TimelineEvent = {
		id: 'E17',
		start: '2020-01',
		end: '2020-04',
		precision: 'month',
		title: 'A council quashes an entry ban',
		label: 'Ban quashed',
		description: 'A description.',
		assertedBy: ['letter', 'independent'],
		confidence: 'single',
		dateUncertain: true,
		caveat: 'The exact date is unverified.',
		sources: [
			{
				id: 'a-source',
				title: 'A source',
				publisher: 'Example News',
				url: 'https://example.org/',
				kind: 'newspaper',
				language: 'en',
				origin: 'a-source'
			}
		],
		about: 'fact',
		sentences: ['L25'],
		orderExercise: false
	};

	it('says when, in words, and that an uncertain date is only bounded', () => {
		expect(describeWhen(event)).toBe('between January 2020 and April 2020');
		expect(describeWhen({ ...event, dateUncertain: false })).toBe('January 2020 to April 2020');
		expect(describeWhen({ start: '2014-03-31', dateUncertain: false })).toBe('31 March 2014');
	});

	it('puts every status in the label and the accessible name, not in colour alone', () => {
		expect(statusNote(event)).toBe('one source, date uncertain');
		expect(statusNote({ confidence: 'multiple', dateUncertain: false })).toBe('');
		expect(statusNote({ confidence: 'unverified', dateUncertain: false })).toBe('unverified');
		expect(chartLabel(event, false)).toBe('17. Ban quashed · one source, date uncertain');
		expect(chartLabel(event, true)).toBe('17 · one source, date uncertain');
		expect(eventName(event, 'L25')).toBe(
			'17. A council quashes an entry ban; between January 2020 and April 2020; asserted by the letter and independent sources; one source; date uncertain; invoked by sentence 25'
		);
	});

	it('lists asserters as a phrase', () => {
		expect(asserters(['article'])).toBe('the article');
		expect(asserters(['article', 'letter', 'independent'])).toBe(
			'the article, the letter and independent sources'
		);
	});
});

describe('the case timeline', () => {
	const CASE = 'embassy-letter-2020';
	const events = loadCase(CASE, readCaseFiles(`lessons/${CASE}`)).case.timeline?.events ?? [];
	const file = { events };
	const byId = new Map(file.events.map((e) => [e.id, e]));

	it('has every dated event once, listed in date order, with ids that never change', () => {
		expect(file.events.length).toBeGreaterThanOrEqual(30);
		const ids = file.events.map((e) => Number(e.id.slice(1)));
		expect(new Set(ids).size).toBe(ids.length);
		// the first 22 ids are the events saved work may refer to: none has gone
		for (let n = 1; n <= 22; n++) expect(ids, `E${n}`).toContain(n);
		const starts = file.events.map((e) => +toInterval(e.start, e.precision, e.end).start);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
	});

	it('links the sentences the brief names', () => {
		const invoking = (sentence: string) =>
			file.events.filter((e) => e.sentences.includes(sentence)).map((e) => e.id);
		expect(invoking('L4')).toEqual(['E3', 'E4', 'E7']);
		expect(invoking('L14')).toEqual(expect.arrayContaining(['E6', 'E26', 'E27']));
		expect(invoking('L16')).toEqual(['E14', 'E29']);
		expect(invoking('L9')).toEqual(['E23', 'E24', 'E25']);
		expect(invoking('L21')).toEqual(['E15', 'E30']);
		expect(invoking('L25')).toEqual(expect.arrayContaining(['E12', 'E17', 'E28']));
		expect(invoking('L22')).toEqual(['E15']);
		expect(byId.get('E3')).toMatchObject({ start: '2010', end: '2016', precision: 'year' });
	});

	it("dates Song's case as the sources do, and the ruling only by when it was reported", () => {
		expect(byId.get('E11')).toMatchObject({ start: '2019-07-30', precision: 'day' });
		expect(byId.get('E11')?.sources.length).toBeGreaterThanOrEqual(2);
		expect(byId.get('E11')?.confidence).toBe('multiple');
		expect(byId.get('E28')).toMatchObject({ dateUncertain: true });
		expect(byId.get('E12')).toMatchObject({ start: '2019-10-29', end: '2019-10-30' });
		expect(byId.get('E17')).toMatchObject({ end: '2020-04-17', dateUncertain: true });
		expect(byId.get('E17')?.caveat).toMatch(/17 April 2020/);
		expect(byId.get('E27')).toMatchObject({ confidence: 'unverified', assertedBy: ['letter'] });
	});

	it('gives the pandemic an independent source and says the article raised it', () => {
		const e15 = byId.get('E15')!;
		expect(e15.assertedBy).toEqual(['article', 'independent']);
		expect(e15.sources.some((s) => s.origin !== 'euobserver-article')).toBe(true);
		expect(e15.description).not.toMatch(/letter that brings the pandemic/);
	});

	it('opens a phone on its densest stretch (2019 to 2020), where the axis break is out of view', () => {
		const layout = layoutTimeline(file.events, { width: 360, label: (id) => id });
		const centres = layout.marks.filter((m) => m.primary).map((m) => (m.x0 + m.x1) / 2);
		const view = densestView(centres, layout.plot);
		expect(view.k).toBeGreaterThan(3);
		const date = (x: number) => rescale(layout.axis.scale, view).invert(x).getUTCFullYear();
		expect(date(layout.plot.left)).toBeGreaterThanOrEqual(2019);
		expect(date(layout.plot.right)).toBeLessThanOrEqual(2021);
		const shown = centres.filter((x) => {
			const at = zoomX(x, view);
			return at >= layout.plot.left && at <= layout.plot.right;
		});
		expect(shown.length).toBeGreaterThanOrEqual(centres.length / 2);
		expect(visibleBreaks(layout.axis.breaks, ZOOM_IDENTITY, layout.plot)).toHaveLength(1);
		expect(visibleBreaks(layout.axis.breaks, view, layout.plot)).toHaveLength(0);
	});

	it('lays out at 320 px and at 1600 px without collisions', () => {
		for (const width of [320, 1600]) {
			const layout = layoutTimeline(file.events, { width, label: (id) => byId.get(id)!.title });
			expectNoCollisions(layout.marks);
			expect(layout.axis.breaks).toHaveLength(1);
		}
	});
});

describe('cluster labels on a compact chart', () => {
	const plot = { left: 16, right: 344 };
	const at = (id: string, x: number, row = 0): Mark => ({
		key: `${id}-article`,
		id,
		lane: 'article',
		primary: true,
		interval: { start: utc(2020), end: utc(2020) },
		x0: x,
		x1: x,
		row,
		y: 40 + row * 36,
		label: id.slice(1),
		labelWidth: Math.ceil(id.slice(1).length * 13 * 0.56),
		labelAnchor: 'start'
	});

	it('labels a run of close marks once ("3 events") and a mark on its own by itself', () => {
		const marks = [at('E1', 100), at('E2', 122), at('E3', 144), at('E4', 300), at('E5', 122, 1)];
		const { labels, grouped } = clusterMarks(marks, ZOOM_IDENTITY, plot);
		expect(labels).toHaveLength(1);
		expect(labels[0]).toMatchObject({
			text: '3 events',
			marks: ['E1-article', 'E2-article', 'E3-article'],
			left: 94,
			right: 150,
			x: 122
		});
		expect([...grouped]).toEqual(['E1-article', 'E2-article', 'E3-article']);
	});

	it('gives the marks their own labels back once a zoom spreads them apart', () => {
		const marks = [at('E1', 100), at('E2', 122), at('E3', 144)];
		const { labels, grouped } = clusterMarks(marks, { k: 4, x: -300 }, plot);
		expect(labels).toEqual([]);
		expect(grouped.size).toBe(0);
	});

	it('keeps a group label inside the plot and leaves out marks out of view', () => {
		const marks = [at('E1', 18), at('E2', 40), at('E3', 400)];
		const { labels } = clusterMarks(marks, ZOOM_IDENTITY, plot);
		expect(labels.map((l) => l.marks)).toEqual([['E1-article', 'E2-article']]);
		expect(labels[0]!.x - 56 / 2).toBeGreaterThanOrEqual(plot.left - 1);
	});

	it('never lets two labels in a row overlap on the real case, and says "events" on a phone', () => {
		const CASE = 'embassy-letter-2020';
		const events = loadCase(CASE, readCaseFiles(`lessons/${CASE}`)).case.timeline?.events ?? [];
		const byId = new Map(events.map((e) => [e.id, e]));
		let groups = 0;
		for (const width of [320, 360, 390]) {
			const layout = layoutTimeline(events, {
				width,
				label: (id) => chartLabel(byId.get(id)!, true)
			});
			const centres = layout.marks.filter((m) => m.primary).map((m) => (m.x0 + m.x1) / 2);
			for (const t of [ZOOM_IDENTITY, densestView(centres, layout.plot)]) {
				const { labels, grouped } = clusterMarks(layout.marks, t, layout.plot);
				groups += labels.length;
				const rows = new Map<string, [number, number][]>();
				const add = (row: string, extent: [number, number]) =>
					rows.set(row, [...(rows.get(row) ?? []), extent]);
				for (const m of layout.marks) {
					const g = markGeometry(m, t);
					if (grouped.has(m.key) || g.right < layout.plot.left || g.left > layout.plot.right)
						continue;
					const from = m.labelAnchor === 'start' ? g.labelX : g.labelX - m.labelWidth;
					add(`${m.lane}:${m.row}`, [from, from + m.labelWidth]);
				}
				for (const l of labels) {
					const row = layout.marks.find((m) => m.key === l.marks[0])!;
					const w = l.text.length * 13 * 0.56;
					add(`${row.lane}:${row.row}`, [l.x - w / 2, l.x + w / 2]);
					expect(l.text).toMatch(/^\d+ events$/);
					expect(l.marks.length).toBeGreaterThanOrEqual(2);
				}
				for (const [row, extents] of rows) {
					const sorted = [...extents].sort((a, b) => a[0] - b[0]);
					for (let i = 1; i < sorted.length; i++) {
						expect(sorted[i]![0], `labels overlap in ${row} at ${width} px`).toBeGreaterThanOrEqual(
							sorted[i - 1]![1]
						);
					}
				}
			}
		}
		// the whole span squeezed into a phone groups some events
		expect(groups).toBeGreaterThan(0);
	});
});

describe('the age-gap figure', () => {
	const CASE = 'embassy-letter-2020';
	const question = loadCase(CASE, readCaseFiles(`lessons/${CASE}`)).case.timeline?.ageQuestion;

	it('places the article after every report and every label inside the figure, at 320 and 1200 px', () => {
		expect(question).toBeDefined();
		const q = question!;
		for (const width of [320, 1200]) {
			const layout = layoutAgeGap(q, { width });
			expect(layout.height).toBe(AGE_GAP_HEIGHT);
			expect(layout.small).toBe(width < 480);
			expect(layout.reports.x0).toBeLessThanOrEqual(layout.reports.x1);
			expect(layout.article.x).toBeGreaterThan(layout.reports.x1);
			expect(layout.later).toHaveLength(q.later.length);
			for (const b of [layout.newest, layout.oldest]) {
				expect(b.to).toBe(layout.article.x);
				expect(b.from).toBeLessThan(b.to);
				const half = (b.label.length * 13 * 0.56) / 2;
				expect(b.labelX - half).toBeGreaterThanOrEqual(layout.plot.left - 1);
				expect(b.labelX + half).toBeLessThanOrEqual(layout.plot.right + 1);
			}
			for (const t of layout.ticks) {
				expect(t.x).toBeGreaterThanOrEqual(layout.plot.left);
				expect(t.x).toBeLessThanOrEqual(layout.plot.right);
			}
		}
	});

	it('measures the gaps in whole years, the oldest at least as long as the newest', () => {
		const layout = layoutAgeGap(question!, { width: 720 });
		expect(layout.newest.label).toBe(`newest: about ${layout.newest.years} years`);
		expect(layout.oldest.years).toBeGreaterThanOrEqual(layout.newest.years);
		expect(layout.newest.years).toBeGreaterThan(0);
		expect(layout.reports.label).toMatch(/^The reports \(.+, .+\)$/);
		expect(layoutAgeGap(question!, { width: 320 }).laterLabel).toBe('Later events');
	});
});

describe('the stretch of time in view, in words', () => {
	it('says the span as precisely as its length needs', () => {
		expect(spanWords(utc(2019, 3, 5), utc(2019, 10, 20))).toBe('March to October 2019');
		expect(spanWords(utc(2019, 10, 1), utc(2020, 5, 31))).toBe('October 2019 to May 2020');
		expect(spanWords(utc(2020, 5, 2), utc(2020, 5, 9))).toBe('May 2020');
		expect(spanWords(utc(1979, 1, 1), utc(2020, 12, 31))).toBe('1979 to 2020');
	});

	it('reads the dates at the plot edges under a zoom', () => {
		const axis = timeAxis([toInterval('2010', 'year', '2020')], { left: 0, right: 1000 });
		const plot = { left: 0, right: 1000 };
		const whole = visibleSpan(axis.scale, ZOOM_IDENTITY, plot);
		// the whole span, with the axis's small margin at each end
		expect(whole.start.getTime()).toBeLessThanOrEqual(utc(2010).getTime());
		expect(whole.end.getTime()).toBeGreaterThanOrEqual(utc(2020).getTime());
		expect(spanWords(whole.start, whole.end)).toMatch(/^20(09|10) to 202[01]$/);
		// zoomed ×4 onto the plot's middle: about a quarter of the span, around its centre
		const t: ZoomState = { k: 4, x: -1500 };
		const { start, end } = visibleSpan(axis.scale, t, plot);
		expect(zoomX(axis.scale(start), t)).toBeCloseTo(0, 3);
		expect(zoomX(axis.scale(end), t)).toBeCloseTo(1000, 3);
		expect(end.getTime() - start.getTime()).toBeLessThan(
			(whole.end.getTime() - whole.start.getTime()) / 3
		);
	});
});
