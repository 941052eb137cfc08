// The sessions table: a session is stored under the sha256 of its token (the cookie's value), so
// a leaked database cannot be replayed as cookies. How long a session lasts depends on its owner.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sha256 } from '$lib/server/auth/codes';
import { database } from '$lib/server/db/client';
import { classes, instructors, removedSessions, sessions, students } from '$lib/server/db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const INSTRUCTOR_SESSION_DAYS = 14;
/** a term: students come back for the booster weeks later */
export const STUDENT_SESSION_DAYS = 120;

export interface SignedInInstructor {
	id: string;
	email: string;
	displayName: string;
}

export interface SignedInStudent {
	id: string;
	nickname: string;
	classId: string;
	className: string;
}

export type SessionOwner = { instructorId: string } | { studentId: string };

export interface ResolvedSession {
	instructor: SignedInInstructor | null;
	student: SignedInStudent | null;
}

/** Starts a session; returns the token for the cookie and when it expires. */
export async function createSession(
	owner: SessionOwner
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const days = 'instructorId' in owner ? INSTRUCTOR_SESSION_DAYS : STUDENT_SESSION_DAYS;
	const expiresAt = new Date(Date.now() + days * DAY);
	const db = await database();
	await db.insert(sessions).values({ id: sha256(token), ...owner, expiresAt });
	// housekeeping: forget expired sessions now and then
	if (Math.random() < 0.05) await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
	return { token, expiresAt };
}

/**
 * Was this token's session ended because the instructor removed the student? True once: the record
 * is deleted as it is read (like the class cookie).
 */
export async function takeRemovedSession(token: string): Promise<boolean> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
	const db = await database();
	const rows = await db
		.delete(removedSessions)
		.where(and(eq(removedSessions.id, sha256(token)), gt(removedSessions.expiresAt, new Date())))
		.returning({ id: removedSessions.id });
	return rows.length > 0;
}

/** Who a session token belongs to; both null for an unknown or expired token. */
export async function resolveSession(token: string): Promise<ResolvedSession> {
	const none = { instructor: null, student: null };
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return none;
	const db = await database();
	const [row] = await db
		.select({
			instructorId: instructors.id,
			email: instructors.email,
			displayName: instructors.displayName,
			studentId: students.id,
			nickname: students.nickname,
			classId: classes.id,
			className: classes.name
		})
		.from(sessions)
		.leftJoin(instructors, eq(instructors.id, sessions.instructorId))
		.leftJoin(students, eq(students.id, sessions.studentId))
		.leftJoin(classes, eq(classes.id, students.classId))
		.where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
	if (!row) return none;
	if (row.instructorId && row.email && row.displayName !== null) {
		return {
			instructor: { id: row.instructorId, email: row.email, displayName: row.displayName },
			student: null
		};
	}
	if (row.studentId && row.nickname !== null && row.classId && row.className !== null) {
		return {
			instructor: null,
			student: {
				id: row.studentId,
				nickname: row.nickname,
				classId: row.classId,
				className: row.className
			}
		};
	}
	return none;
}

export async function deleteSession(token: string): Promise<void> {
	const db = await database();
	await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}
