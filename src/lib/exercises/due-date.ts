// Due dates, one rule everywhere: an assignment is due by the end of its day in UTC (23:59:59 UTC),
// the time the server compares with. Pure, so the words a student sees ("due in 2 days", "due
// today", "overdue"), the refusal of a past date and the late mark are tested without a clock.

const DAY_MS = 24 * 3600 * 1000;

/** The end (23:59:59.000 UTC) of a calendar day written YYYY-MM-DD; null if it is no such day. */
export function endOfDueDay(day: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
	const date = new Date(`${day}T23:59:59.000Z`);
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/** The UTC calendar day of an instant, as a count of days since 1970-01-01. */
const utcDay = (instant: Date) => Math.floor(instant.getTime() / DAY_MS);

export type DueStatus =
	| { kind: 'overdue' }
	| { kind: 'today' }
	| { kind: 'upcoming'; /** whole UTC days from today to the due day */ days: number };

/** Where a due date stands at `now`: past its end, on its day (UTC), or some days ahead. */
export function dueStatus(dueAt: Date, now: Date): DueStatus {
	if (now.getTime() > dueAt.getTime()) return { kind: 'overdue' };
	const days = utcDay(dueAt) - utcDay(now);
	return days <= 0 ? { kind: 'today' } : { kind: 'upcoming', days };
}

/** "overdue", "due today", "due tomorrow", "due in 3 days". */
export function dueWords(status: DueStatus): string {
	if (status.kind === 'overdue') return 'overdue';
	if (status.kind === 'today') return 'due today';
	return status.days === 1 ? 'due tomorrow' : `due in ${status.days} days`;
}

/** What the server says when a due date is refused (the field's message). */
export const PAST_DUE_DATE =
	'that day has already ended: choose today or a later day (a due date ends at 23:59 UTC, the time the server compares with)';

/**
 * May this due date be set now? A date that has already ended is refused, unless it is the one the
 * assignment already has (changing another setting of an assignment past its due date must work).
 */
export function dueDateAllowed(
	dueAt: Date | null,
	now: Date,
	current: Date | null = null
): boolean {
	if (!dueAt || dueAt.getTime() >= now.getTime()) return true;
	return current !== null && current.getTime() === dueAt.getTime();
}

/** Handed in after the due date? (Never late without a due date or before the hand-in.) */
export function isLate(
	handedInAt: Date | null | undefined,
	dueAt: Date | null | undefined
): boolean {
	return Boolean(handedInAt && dueAt && handedInAt.getTime() > dueAt.getTime());
}
