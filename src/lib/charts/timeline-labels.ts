// The words the timeline shows beside its shapes: who asserts an event, how well it is confirmed,
// when it happened. One place, so the chart, its table, the details panel and the legend agree,
// and no status is ever shown by colour or shape alone.
import { describeWhen, formatDate } from '../content/dates.ts';
import { listWords } from '../content/words.ts';
import type { Asserter, TimelineEvent } from '../content/schemas.ts';
import { ASSERTER_INFO, CONFIDENCE_LABEL, idNumber } from '../content/vocabulary.ts';

/** "the article and independent sources" */
export function asserters(list: readonly Asserter[]): string {
	return listWords(list.map((a) => ASSERTER_INFO[a].phrase));
}

/** The status words a mark carries beside its label, when there is anything to warn about. */
export function statusNote(event: Pick<TimelineEvent, 'confidence' | 'dateUncertain'>): string {
	const notes: string[] = [];
	if (event.confidence !== 'multiple') notes.push(CONFIDENCE_LABEL[event.confidence]);
	if (event.dateUncertain) notes.push('date uncertain');
	return notes.join(', ');
}

/** The label drawn on the chart: "6. Joint declaration, CBTC deal", or "6" where space is short. */
export function chartLabel(event: TimelineEvent, compact: boolean): string {
	const note = statusNote(event);
	const name = compact
		? idNumber(event.id)
		: `${idNumber(event.id)}. ${event.label ?? event.title}`;
	return note ? `${name} · ${note}` : name;
}

/** The accessible name of an event's mark: everything the shape says, in words. */
export function eventName(event: TimelineEvent, highlightedBy?: string): string {
	const parts = [
		`${idNumber(event.id)}. ${event.title}`,
		describeWhen(event),
		`asserted by ${asserters(event.assertedBy)}`,
		CONFIDENCE_LABEL[event.confidence]
	];
	if (event.dateUncertain) parts.push('date uncertain');
	if (highlightedBy) parts.push(`invoked by sentence ${idNumber(highlightedBy)}`);
	return parts.join('; ');
}

/**
 * A stretch of time in words, as precise as its length needs: "March to October 2019",
 * "October 2019 to May 2020", "1979 to 2020" (longer than three years: years only).
 */
export function spanWords(start: Date, end: Date): string {
	const month = (d: Date) => d.toISOString().slice(0, 7);
	const [y0, y1] = [start.getUTCFullYear(), end.getUTCFullYear()];
	if (end.getTime() - start.getTime() > 3 * 365.25 * 864e5) {
		return y0 === y1 ? String(y0) : `${y0} to ${y1}`;
	}
	if (month(start) === month(end)) return formatDate(month(start));
	if (y0 === y1) return `${formatDate(month(start)).split(' ')[0]} to ${formatDate(month(end))}`;
	return `${formatDate(month(start))} to ${formatDate(month(end))}`;
}
