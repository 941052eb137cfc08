// Students: joining a class with its code and a nickname, resuming on another device with the
// resume code, and the student's own view of their class, assignments and lesson progress.
// Every function here is scoped to one student (or to the join code they typed).
import { and, asc, eq } from 'drizzle-orm';
import type { ExerciseSet } from '$lib/content/vocabulary';
import { assignmentChanged, classChanged } from './class-events';
import { hashResumeCode, newResumeCode } from '$lib/server/auth/codes';
import { database } from '$lib/server/db/client';
import { isUniqueViolation } from '$lib/server/db/errors';
import {
	assignments,
	attempts,
	classes,
	lessonProgress,
	students,
	type Assignment,
	type Class,
	type Student
} from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';
import { nicknameKey } from './nickname';

export type JoinResult =
	| {
			ok: true;
			student: Student;
			class: Class;
			/** shown once, stored only hashed */ resumeCode: string;
	  }
	| { ok: false; reason: 'no-class' | 'nickname-taken' };

/** Adds a student to the class of the join code (already normalised) under a nickname. */
export async function joinClass(joinCode: string, nickname: string): Promise<JoinResult> {
	const db = await database();
	const [found] = await db.select().from(classes).where(eq(classes.joinCode, joinCode));
	if (!found) return { ok: false, reason: 'no-class' };
	const key = nicknameKey(nickname);
	const [taken] = await db
		.select({ id: students.id })
		.from(students)
		.where(and(eq(students.classId, found.id), eq(students.nicknameKey, key)));
	if (taken) return { ok: false, reason: 'nickname-taken' };
	for (let tries = 0; ; tries++) {
		const resumeCode = newResumeCode();
		try {
			const [student] = await db
				.insert(students)
				.values({
					classId: found.id,
					nickname,
					nicknameKey: key,
					resumeCodeHash: hashResumeCode(resumeCode)
				})
				.returning();
			await db.execute(classChanged(found.id));
			return { ok: true, student: student!, class: found, resumeCode };
		} catch (error) {
			if (isUniqueViolation(error, 'students_class_nickname_unique')) {
				return { ok: false, reason: 'nickname-taken' }; // joined a moment ago by someone else
			}
			if (tries < 5 && isUniqueViolation(error, 'students_resume_code_unique')) continue;
			throw error;
		}
	}
}

/** The student a resume code belongs to, with their class; null for an unknown code. */
export async function findStudentByResumeCode(
	code: string
): Promise<{ student: Student; class: Class } | null> {
	const db = await database();
	const [row] = await db
		.select({ student: students, class: classes })
		.from(students)
		.innerJoin(classes, eq(classes.id, students.classId))
		.where(eq(students.resumeCodeHash, hashResumeCode(code)));
	return row ?? null;
}

/** A student with their class. */
export async function getStudent(
	studentId: string
): Promise<{ student: Student; class: Class } | null> {
	if (!isUuid(studentId)) return null;
	const db = await database();
	const [row] = await db
		.select({ student: students, class: classes })
		.from(students)
		.innerJoin(classes, eq(classes.id, students.classId))
		.where(eq(students.id, studentId));
	return row ?? null;
}

/** The assignment of this module in the student's class, if there is one. */
export async function assignmentForModule(
	classId: string,
	moduleId: string
): Promise<Assignment | null> {
	if (!isUuid(classId)) return null;
	const db = await database();
	const [row] = await db
		.select()
		.from(assignments)
		.where(and(eq(assignments.classId, classId), eq(assignments.moduleId, moduleId)));
	return row ?? null;
}

/** The student's class's assignments, with what the student has done on each. */
export async function studentAssignments(studentId: string, classId: string) {
	const db = await database();
	const rows = await db
		.select()
		.from(assignments)
		.where(eq(assignments.classId, classId))
		.orderBy(asc(assignments.createdAt), asc(assignments.moduleId));
	const work = await db
		.select({
			assignmentId: attempts.assignmentId,
			set: attempts.set,
			committed: attempts.committed
		})
		.from(attempts)
		.where(eq(attempts.studentId, studentId));
	const done = await db
		.select({ assignmentId: lessonProgress.assignmentId, slug: lessonProgress.lessonSlug })
		.from(lessonProgress)
		.where(eq(lessonProgress.studentId, studentId));
	return rows.map((a) => ({
		assignment: a,
		/** items committed per set */
		committed: Object.fromEntries(
			work.filter((w) => w.assignmentId === a.id).map((w) => [w.set, w.committed.length])
		) as Partial<Record<ExerciseSet, number>>,
		lessonsDone: done.filter((d) => d.assignmentId === a.id).map((d) => d.slug)
	}));
}

/** The lessons of an assignment the student has marked done. */
export async function lessonsDone(studentId: string, assignmentId: string): Promise<string[]> {
	const db = await database();
	const rows = await db
		.select({ slug: lessonProgress.lessonSlug })
		.from(lessonProgress)
		.where(
			and(eq(lessonProgress.studentId, studentId), eq(lessonProgress.assignmentId, assignmentId))
		);
	return rows.map((r) => r.slug);
}

/** Records a lesson as done (again is harmless). */
export async function markLessonDone(
	studentId: string,
	assignmentId: string,
	lessonSlug: string
): Promise<void> {
	const db = await database();
	const added = await db
		.insert(lessonProgress)
		.values({ studentId, assignmentId, lessonSlug })
		.onConflictDoNothing()
		.returning({ slug: lessonProgress.lessonSlug });
	if (added.length) await db.execute(assignmentChanged(assignmentId));
}
