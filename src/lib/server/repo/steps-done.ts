// A class student's done steps in their module's path, from the server: lessons marked done and
// tagging sets handed in (whole, or with items left open: "hand in what you have"). (Steps the
// server does not record, such as the map, come from the student's browser, as in self-study.)
import { and, eq } from 'drizzle-orm';
import { itemIds, type Case, type ExercisePage } from '$lib/content/case';
import { stepsDoneInClass } from '$lib/content/module-steps';
import { EXERCISE_SET_INFO, type ExerciseSet } from '$lib/content/vocabulary';
import { database } from '$lib/server/db/client';
import { attempts } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';
import { lessonsDone } from './students';

/** Was the set handed in: with items left open (handedInAt set), or every item committed? */
export function handedIn(
	c: Case,
	set: ExerciseSet,
	committed: readonly string[],
	handedInAt: Date | null = null
): boolean {
	if (handedInAt) return true;
	const ids = itemIds(c, set);
	const done = new Set(committed);
	return ids.length > 0 && ids.every((id) => done.has(id));
}

/** The step ids ("lesson:<slug>", "exercise:tag") the student has done in this assignment. */
export async function classStepsDone(
	c: Case,
	studentId: string,
	assignmentId: string
): Promise<string[]> {
	if (!isUuid(studentId) || !isUuid(assignmentId)) return [];
	const db = await database();
	const work = await db
		.select({
			set: attempts.set,
			committed: attempts.committed,
			handedInAt: attempts.handedInAt
		})
		.from(attempts)
		.where(and(eq(attempts.studentId, studentId), eq(attempts.assignmentId, assignmentId)));
	const pages = work
		.filter((w) => handedIn(c, w.set, w.committed, w.handedInAt))
		.map((w) => EXERCISE_SET_INFO[w.set].slug as ExercisePage);
	return stepsDoneInClass(await lessonsDone(studentId, assignmentId), pages);
}
