// Due dates: due by the end of the day in UTC; what a student reads ("due in 2 days", "due today",
// "overdue"), a past date refused when it is set (an unchanged one kept), and late hand-ins.
import { describe, expect, it } from 'vitest';
import {
	dueDateAllowed,
	dueStatus,
	dueWords,
	endOfDueDay,
	isLate
} from '../../src/lib/exercises/due-date';
import { AssignmentSettingsForm } from '../../src/lib/server/forms/classes';

const at = (iso: string) => new Date(iso);
const due = endOfDueDay('2026-03-14')!;

describe('endOfDueDay', () => {
	it('is 23:59:59 UTC of the day', () => {
		expect(due.toISOString()).toBe('2026-03-14T23:59:59.000Z');
	});
	it('is null for what is no day', () => {
		for (const bad of ['2026-02-30', '2026-13-01', '14/03/2026', '', '2026-3-14']) {
			expect(endOfDueDay(bad), bad).toBeNull();
		}
	});
	it('is what the settings form stores, and the form refuses a non-date', () => {
		const parsed = AssignmentSettingsForm.safeParse({ feedbackMode: 'set', dueAt: '2026-03-14' });
		expect(parsed.data?.dueAt).toEqual(due);
		const bad = AssignmentSettingsForm.safeParse({ feedbackMode: 'set', dueAt: '2026-02-30' });
		expect(bad.error?.issues[0]?.message).toBe(
			'enter a date such as 2026-03-14, or leave it empty'
		);
	});
});

describe('dueStatus and dueWords', () => {
	const words = (now: string) => dueWords(dueStatus(due, at(now)));
	it('counts whole UTC days to the due day', () => {
		expect(words('2026-03-12T00:00:00Z')).toBe('due in 2 days');
		expect(words('2026-03-12T23:59:59Z')).toBe('due in 2 days');
		expect(words('2026-03-13T00:00:00Z')).toBe('due tomorrow');
		expect(words('2026-02-14T12:00:00Z')).toBe('due in 28 days');
	});
	it('is due today from 00:00 to 23:59:59 UTC of the day', () => {
		expect(words('2026-03-14T00:00:00Z')).toBe('due today');
		expect(words('2026-03-14T23:59:59Z')).toBe('due today');
	});
	it('is overdue once the day has ended', () => {
		expect(words('2026-03-15T00:00:00Z')).toBe('overdue');
		expect(words('2027-01-01T00:00:00Z')).toBe('overdue');
		expect(dueStatus(due, at('2026-03-15T00:00:00Z'))).toEqual({ kind: 'overdue' });
	});
});

describe('dueDateAllowed', () => {
	const now = at('2026-03-14T12:00:00Z');
	it('allows no date, today and later', () => {
		expect(dueDateAllowed(null, now)).toBe(true);
		expect(dueDateAllowed(endOfDueDay('2026-03-14'), now)).toBe(true);
		expect(dueDateAllowed(endOfDueDay('2026-04-01'), now)).toBe(true);
	});
	it('refuses a day that has ended, such as 2020 or yesterday', () => {
		expect(dueDateAllowed(endOfDueDay('2026-03-13'), now)).toBe(false);
		expect(dueDateAllowed(endOfDueDay('2020-05-08'), now)).toBe(false);
		// another past date than the one the assignment has is still refused
		expect(dueDateAllowed(endOfDueDay('2026-03-01'), now, endOfDueDay('2026-03-02'))).toBe(false);
	});
	it("keeps an assignment's own past date when another setting changes", () => {
		expect(dueDateAllowed(endOfDueDay('2026-03-01'), now, endOfDueDay('2026-03-01'))).toBe(true);
	});
});

describe('isLate', () => {
	it('is late only when handed in after the end of the due day', () => {
		expect(isLate(at('2026-03-14T23:59:59Z'), due)).toBe(false);
		expect(isLate(at('2026-03-15T00:00:00Z'), due)).toBe(true);
		expect(isLate(null, due)).toBe(false);
		expect(isLate(at('2030-01-01T00:00:00Z'), null)).toBe(false);
	});
});
