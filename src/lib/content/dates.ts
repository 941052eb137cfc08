// Dates as the content writes them (YYYY, YYYY-MM or YYYY-MM-DD, with a precision): read as
// instants and intervals for the charts and the ordering exercise, and shown in words. Plain UTC
// calendar arithmetic, no chart code: every page that shows a date loads this module.
import type { Precision } from './vocabulary.ts';

/** A half-open time interval [start, end). */
export interface Interval {
	start: Date;
	end: Date;
}

/** The UTC instant of a calendar day (years 0-99 kept as written, unlike Date.UTC). */
function utcDate(year: number, monthIndex: number, day: number): Date {
	const date = new Date(Date.UTC(year, monthIndex, day));
	date.setUTCFullYear(year, monthIndex, day);
	return date;
}

/** The first instant of the day, month or year a date falls in, and of the one after it. */
const UNITS: Record<Precision, { floor(d: Date): Date; next(d: Date): Date }> = {
	day: {
		floor: (d) => utcDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
		next: (d) => utcDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
	},
	month: {
		floor: (d) => utcDate(d.getUTCFullYear(), d.getUTCMonth(), 1),
		next: (d) => utcDate(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
	},
	year: {
		floor: (d) => utcDate(d.getUTCFullYear(), 0, 1),
		next: (d) => utcDate(d.getUTCFullYear() + 1, 0, 1)
	}
};
/** How many dash-separated parts a date of each precision has: YYYY-MM-DD, YYYY-MM, YYYY. */
export const DATE_PARTS: Record<Precision, number> = { day: 3, month: 2, year: 1 };

/**
 * Reads a date written YYYY, YYYY-MM or YYYY-MM-DD as the first instant (UTC) of that day, month
 * or year. Throws on anything else, naming the value.
 */
export function parseIsoDate(iso: string): Date {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
	if (!match)
		throw new Error(`expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found "${iso}"`);
	const [, y, m, d] = match;
	return utcDate(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1);
}

/**
 * The interval an event covers: from the start of its first day, month or year to the end of its
 * last one (exclusive). A single date of precision month is the whole month; a range "2010" to
 * "2016" at precision year is [2010-01-01, 2017-01-01). A date written more finely than the
 * precision is rounded down to it; one written more coarsely is an error.
 */
export function toInterval(start: string, precision: Precision, end?: string): Interval {
	const unit = UNITS[precision];
	for (const value of end ? [start, end] : [start]) {
		if (value.split('-').length < DATE_PARTS[precision]) {
			throw new Error(`the date "${value}" is too coarse for precision ${precision}`);
		}
	}
	const first = unit.floor(parseIsoDate(start));
	const last = unit.floor(parseIsoDate(end ?? start));
	if (last < first) throw new Error(`the range ends (${end}) before it starts (${start})`);
	return { start: first, end: unit.next(last) };
}

/** What an interval needs of a dated item (a timeline event fits). */
export interface Dated {
	start: string;
	end?: string;
	precision: Precision;
}

/** The interval of a dated item. */
export const intervalOf = (d: Dated): Interval => toInterval(d.start, d.precision, d.end);

const YEAR_MS = 365.2425 * 24 * 3600 * 1000;

/** Years from the middle of one interval to the middle of another (negative if b is earlier). */
export function yearsBetween(a: Interval, b: Interval): number {
	const mid = (i: Interval) => (i.start.getTime() + i.end.getTime()) / 2;
	return (mid(b) - mid(a)) / YEAR_MS;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "8 May 2020", "May 2020", "2020". */
export function formatDate(iso: string): string {
	const [year, month, day] = iso.split('-');
	const monthName = month ? MONTHS[Number(month) - 1] : undefined;
	if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
	if (monthName) return `${monthName} ${year}`;
	return year ?? iso;
}

/** When it happened, in words: "31 March 2014", "2010 to 2016", "between January and April 2020". */
export function describeWhen(event: {
	start: string;
	end?: string;
	dateUncertain?: boolean;
}): string {
	if (!event.end) return formatDate(event.start);
	const range = [formatDate(event.start), formatDate(event.end)] as const;
	return event.dateUncertain ? `between ${range[0]} and ${range[1]}` : `${range[0]} to ${range[1]}`;
}
