// The content's calendar arithmetic against d3-time's UTC intervals (which computed it before):
// the interval of a day, a month and a year, across month and year ends, a leap day and the
// years 0-99 that Date.UTC would move to the 1900s.
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toInterval } from '../../src/lib/content/dates';

const d3Interval = (start: string, precision: 'day' | 'month' | 'year', end?: string) => {
	const unit = { day: utcDay, month: utcMonth, year: utcYear }[precision];
	return {
		start: unit.floor(parseIsoDate(start)),
		end: unit.offset(unit.floor(parseIsoDate(end ?? start)), 1)
	};
};

describe('toInterval', () => {
	const cases: [string, 'day' | 'month' | 'year', string?][] = [
		['2020-05-08', 'day'],
		['2020-02-28', 'day'],
		['2020-02-29', 'day'],
		['2019-12-31', 'day'],
		['2020-01', 'month'],
		['2019-12', 'month'],
		['2019-12-15', 'month'],
		['2016', 'year'],
		['2016-07-04', 'year'],
		['2010', 'year', '2016'],
		['2019-11', 'month', '2020-02'],
		['0099', 'year'],
		['0045-12-31', 'day']
	];
	it.each(cases)('%s at precision %s (to %s) matches d3-time', (start, precision, end) => {
		expect(toInterval(start, precision, end)).toEqual(d3Interval(start, precision, end));
	});

	it('keeps years before 100 as written', () => {
		expect(parseIsoDate('0045').getUTCFullYear()).toBe(45);
		expect(toInterval('0099', 'year').end.getUTCFullYear()).toBe(100);
	});
});
