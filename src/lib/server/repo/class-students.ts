// The instructor's side of a class's students: one student of a class, renamed, removed with their
// work, or given a new resume code. Every function takes the class id the caller resolved for the
// signed-in instructor (requireOwnClass) and touches a student only within that class, so a student
// id from another class finds nothing.
import { and, eq, lt } from 'drizzle-orm';
import { classChanged } from './class-events';
import { nicknameKey } from './nickname';
import { hashResumeCode, newResumeCode } from '$lib/server/auth/codes';
import { database } from '$lib/server/db/client';
import { isUniqueViolation } from '$lib/server/db/errors';
import { removedSessions, sessions, students, type Student } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';

const inClass = (classId: string, studentId: string) =>
	and(eq(students.id, studentId), eq(students.classId, classId));

/** The student, if they are in this class; null otherwise. */
export async function getClassStudent(classId: string, studentId: string): Promise<Student | null> {
	if (!isUuid(classId) || !isUuid(studentId)) return null;
	const db = await database();
	const [row] = await db.select().from(students).where(inClass(classId, studentId));
	return row ?? null;
}

/**
 * Gives the student another nickname (already validated as the join validates it): 'taken' when
 * another student of the class uses it (compared as at the join), null when there is no such
 * student in the class.
 */
export async function renameStudent(
	classId: string,
	studentId: string,
	nickname: string
): Promise<Student | 'taken' | null> {
	if (!isUuid(classId) || !isUuid(studentId)) return null;
	const db = await database();
	const key = nicknameKey(nickname);
	const [other] = await db
		.select({ id: students.id })
		.from(students)
		.where(and(eq(students.classId, classId), eq(students.nicknameKey, key)));
	if (other && other.id !== studentId) return 'taken';
	try {
		const [row] = await db
			.update(students)
			.set({ nickname, nicknameKey: key })
			.where(inClass(classId, studentId))
			.returning();
		if (row) await db.execute(classChanged(classId));
		return row ?? null;
	} catch (error) {
		if (isUniqueViolation(error, 'students_class_nickname_unique')) return 'taken';
		throw error;
	}
}

/**
 * Removes the student and, by cascade, all their work (attempts, lesson progress, check answers)
 * and their sessions. False when there is no such student in the class.
 */
export async function removeStudent(classId: string, studentId: string): Promise<boolean> {
	if (!isUuid(classId) || !isUuid(studentId)) return false;
	const db = await database();
	const deleted = await db.transaction(async (tx) => {
		// the student's open sessions are remembered (their ids only), so that a browser that still
		// has the cookie is told it was removed, not that its session expired
		const open = await tx
			.select({ id: sessions.id, expiresAt: sessions.expiresAt })
			.from(sessions)
			.innerJoin(students, eq(students.id, sessions.studentId))
			.where(inClass(classId, studentId));
		if (open.length) await tx.insert(removedSessions).values(open).onConflictDoNothing();
		await tx.delete(removedSessions).where(lt(removedSessions.expiresAt, new Date()));
		return tx.delete(students).where(inClass(classId, studentId)).returning({ id: students.id });
	});
	if (deleted.length) await db.execute(classChanged(classId));
	return deleted.length > 0;
}

/**
 * A new resume code for the student, returned once (only its hash is stored): the old code stops
 * working, and every device signed in as the student is signed out. Null when there is no such
 * student in the class.
 */
export async function resetResumeCode(classId: string, studentId: string): Promise<string | null> {
	if (!isUuid(classId) || !isUuid(studentId)) return null;
	const db = await database();
	for (let tries = 0; ; tries++) {
		const resumeCode = newResumeCode();
		try {
			const [row] = await db
				.update(students)
				.set({ resumeCodeHash: hashResumeCode(resumeCode) })
				.where(inClass(classId, studentId))
				.returning({ id: students.id });
			if (!row) return null;
			await db.delete(sessions).where(eq(sessions.studentId, row.id));
			return resumeCode;
		} catch (error) {
			// 32^10 codes: a collision is rare, two in a row rarer still
			if (tries < 5 && isUniqueViolation(error, 'students_resume_code_unique')) continue;
			throw error;
		}
	}
}
