// A class student's work on the exercises besides tagging (the allegation map, the timeline
// ordering, the truth sandwich): one row per student, assignment and exercise, written once when
// the student hands it in and locked from then on (a second hand-in keeps the first), so feedback
// seen in 'immediate' mode cannot be used to hand in again. The instructor's rubric scores and
// comment are written beside it. The class's live pages are told of every hand-in.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { assignmentChanged } from './class-events';
import { database } from '$lib/server/db/client';
import { exerciseWork, type ExerciseWork, type WorkExercise } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';

export interface WorkOwner {
	studentId: string;
	assignmentId: string;
	exercise: WorkExercise;
}

const keyOf = (owner: WorkOwner) =>
	and(
		eq(exerciseWork.studentId, owner.studentId),
		eq(exerciseWork.assignmentId, owner.assignmentId),
		eq(exerciseWork.exercise, owner.exercise)
	);

/** The student's handed-in work on one exercise of an assignment, or null before it. */
export async function getExerciseWork(owner: WorkOwner): Promise<ExerciseWork | null> {
	if (!isUuid(owner.studentId) || !isUuid(owner.assignmentId)) return null;
	const db = await database();
	const [row] = await db.select().from(exerciseWork).where(keyOf(owner));
	return row ?? null;
}

/**
 * Hands the work in: stores it unless the student already handed this exercise in, and returns
 * the stored row (the first hand-in wins; a repeated one is harmless).
 */
export async function handInExerciseWork(
	owner: WorkOwner,
	answer: unknown,
	score: number | null
): Promise<ExerciseWork> {
	const db = await database();
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(exerciseWork)
			.values({ ...owner, answer, score })
			.onConflictDoNothing()
			.returning();
		if (inserted[0]) {
			await tx.execute(assignmentChanged(owner.assignmentId));
			return inserted[0];
		}
		const [stored] = await tx.select().from(exerciseWork).where(keyOf(owner));
		return stored!;
	});
}

/**
 * Every handed-in piece of work of an assignment's students (for the instructor); with
 * `exercises`, those exercises' only (the dashboard's class views need the maps and orders, not
 * every truth sandwich's text).
 */
export async function assignmentExerciseWork(
	assignmentId: string,
	exercises?: readonly WorkExercise[]
): Promise<ExerciseWork[]> {
	if (!isUuid(assignmentId)) return [];
	const db = await database();
	return db
		.select()
		.from(exerciseWork)
		.where(
			and(
				eq(exerciseWork.assignmentId, assignmentId),
				exercises ? inArray(exerciseWork.exercise, [...exercises]) : undefined
			)
		)
		.orderBy(asc(exerciseWork.exercise), asc(exerciseWork.handedInAt));
}

/**
 * The instructor's rubric scores and comment on a piece of work; false when the student has not
 * handed it in. The caller has checked that the student is in the instructor's class.
 */
export async function reviewExerciseWork(
	owner: WorkOwner,
	review: Record<string, number>,
	comment: string
): Promise<boolean> {
	if (!isUuid(owner.studentId) || !isUuid(owner.assignmentId)) return false;
	const db = await database();
	const updated = await db
		.update(exerciseWork)
		.set({ review, reviewComment: comment.trim() || null, reviewedAt: new Date() })
		.where(keyOf(owner))
		.returning({ studentId: exerciseWork.studentId });
	return updated.length > 0;
}
