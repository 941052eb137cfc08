// The instructor's class forms: a new class, a new assignment, an assignment's settings, and the
// confirmed actions on an assignment (reveal the key, take it back).
import { z } from 'zod';
import { FEEDBACK_MODES } from '$lib/content/vocabulary';
import { endOfDueDay } from '$lib/exercises/due-date';
import { checkbox } from './parse';

export const ClassForm = z.object({
	name: z
		.string({ message: 'enter a name for the class' })
		.trim()
		.min(1, 'enter a name for the class')
		.max(80, 'use at most 80 characters')
});
export const CLASS_LABELS = { name: 'Class name' };

/**
 * "2026-03-14" from a date input: the end of that day in UTC (due-date.ts), or nothing when left
 * empty. Whether the day has passed is the action's question (dueDateAllowed): it needs the clock
 * and the assignment's current date.
 */
const dueDate = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx) => {
		if (!value) return null;
		const date = endOfDueDay(value);
		if (!date) {
			ctx.addIssue({
				code: 'custom',
				message: 'enter a date such as 2026-03-14, or leave it empty'
			});
			return z.NEVER;
		}
		return date;
	});

const feedbackMode = z.enum(FEEDBACK_MODES, {
	message: 'choose when students see feedback'
});

export const AssignmentSettingsForm = z.object({
	feedbackMode,
	dueAt: dueDate,
	lessonLock: checkbox,
	showDistribution: checkbox,
	boosterReleased: checkbox
});

export const NewAssignmentForm = AssignmentSettingsForm.extend({
	moduleId: z
		.string({ message: 'choose a module' })
		.regex(/^[a-z0-9-]{1,80}$/, 'choose a module from the list')
});

export const ASSIGNMENT_LABELS = {
	moduleId: 'Module',
	feedbackMode: 'Feedback',
	dueAt: 'Due date',
	lessonLock: 'Lesson order',
	showDistribution: 'Class distribution',
	boosterReleased: 'Booster'
};

/** Which assignment a per-assignment button acts on. */
export const AssignmentRef = z.object({
	assignment: z.uuid({ message: 'the assignment is missing; reload the page' })
});

/** The one "reveal the key" action (class page and present mode): confirmed by a ticked box. */
export const RevealForm = AssignmentRef.extend({
	confirm: z.literal('yes', { message: 'tick the box to confirm that every student may see it' })
});

export const REVEAL_LABELS = { assignment: 'Assignment', confirm: 'Reveal the key' };

/** Taking an assignment back, with its students' work: confirmed by a ticked box. */
export const TakeBackForm = AssignmentRef.extend({
	confirm: z.literal('yes', {
		message: 'tick the box to confirm that the work on it may go (export it first)'
	})
});

export const TAKE_BACK_LABELS = { assignment: 'Assignment', confirm: 'Take the assignment back' };
