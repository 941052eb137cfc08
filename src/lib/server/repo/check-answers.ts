// What class students typed into the lessons' checks for understanding: one row per student,
// assignment, lesson and check, replaced on every save (an empty answer removes it). The lesson
// page reads a student's own answers; the instructor's pages read a whole assignment's.
import { and, asc, eq, sql } from 'drizzle-orm';
import { database } from '$lib/server/db/client';
import { checkAnswers, type CheckAnswer } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';

export interface CheckAnswerOwner {
	studentId: string;
	assignmentId: string;
	lessonSlug: string;
}

/** The student's answers to the checks of one lesson: check id → answer. */
export async function lessonCheckAnswers(owner: CheckAnswerOwner): Promise<Record<string, string>> {
	if (!isUuid(owner.studentId) || !isUuid(owner.assignmentId)) return {};
	const db = await database();
	const rows = await db
		.select({ checkId: checkAnswers.checkId, answer: checkAnswers.answer })
		.from(checkAnswers)
		.where(
			and(
				eq(checkAnswers.studentId, owner.studentId),
				eq(checkAnswers.assignmentId, owner.assignmentId),
				eq(checkAnswers.lessonSlug, owner.lessonSlug)
			)
		);
	return Object.fromEntries(rows.map((r) => [r.checkId, r.answer]));
}

/**
 * Stores the student's answer to one check, replacing the one before; an answer of only spaces
 * removes it. The caller has checked that the lesson has this check.
 */
export async function saveCheckAnswer(
	owner: CheckAnswerOwner,
	checkId: string,
	answer: string
): Promise<void> {
	const db = await database();
	const key = and(
		eq(checkAnswers.studentId, owner.studentId),
		eq(checkAnswers.assignmentId, owner.assignmentId),
		eq(checkAnswers.lessonSlug, owner.lessonSlug),
		eq(checkAnswers.checkId, checkId)
	);
	if (!answer.trim()) {
		await db.delete(checkAnswers).where(key);
		return;
	}
	await db
		.insert(checkAnswers)
		.values({ ...owner, checkId, answer })
		.onConflictDoUpdate({
			target: [
				checkAnswers.studentId,
				checkAnswers.assignmentId,
				checkAnswers.lessonSlug,
				checkAnswers.checkId
			],
			set: { answer, updatedAt: sql`now()` }
		});
}

/** Every answer of an assignment's students, by lesson and check (for the instructor). */
export async function assignmentCheckAnswers(assignmentId: string): Promise<CheckAnswer[]> {
	if (!isUuid(assignmentId)) return [];
	const db = await database();
	return db
		.select()
		.from(checkAnswers)
		.where(eq(checkAnswers.assignmentId, assignmentId))
		.orderBy(asc(checkAnswers.lessonSlug), asc(checkAnswers.checkId), asc(checkAnswers.updatedAt));
}
