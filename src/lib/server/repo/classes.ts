// Classes and assignments as instructors see them, and the class's work per assignment: the typed
// query layer the class pages, the exports and the instructor dashboard build on.
// Authorization: every function taking an instructorId filters by it; the others take ids that the
// caller has already resolved through getClassForInstructor (and getAssignment for that class).
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { ExerciseSet, FeedbackMode, Tag, Technique } from '$lib/content/vocabulary';
import { classChanged } from './class-events';
import { newJoinCode } from '$lib/server/auth/codes';
import { database } from '$lib/server/db/client';
import { isUniqueViolation } from '$lib/server/db/errors';
import {
	assignments,
	attempts,
	classes,
	lessonProgress,
	students,
	type Assignment,
	type Class
} from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';

export type { Assignment, Class };

export interface ClassSummary extends Class {
	studentCount: number;
	assignmentCount: number;
}

/** The settings an instructor chooses for an assignment. */
export interface AssignmentSettings {
	feedbackMode: FeedbackMode;
	dueAt: Date | null;
	lessonLock: boolean;
	showDistribution: boolean;
	boosterReleased: boolean;
}

export interface AttemptSummary {
	set: ExerciseSet;
	tags: Record<string, Tag>;
	techniques: Record<string, Technique>;
	committed: string[];
	/** sum of credit over the committed items */
	score: number;
	updatedAt: Date;
	/** when the set was handed in (whole, or with items open); null while open */
	handedInAt: Date | null;
}

export interface StudentWork {
	studentId: string;
	nickname: string;
	joinedAt: Date;
	/** at most one per set: the student's current answers */
	attempts: AttemptSummary[];
	/** slugs of the lessons the student marked done */
	lessonsDone: string[];
}

/** Creates a class with a fresh, unique join code. */
export async function createClass(instructorId: string, name: string): Promise<Class> {
	const db = await database();
	for (let tries = 0; ; tries++) {
		try {
			const [row] = await db
				.insert(classes)
				.values({ instructorId, name, joinCode: newJoinCode() })
				.returning();
			return row!;
		} catch (error) {
			// 32^8 codes: a collision is rare, two in a row rarer still
			if (tries < 5 && isUniqueViolation(error, 'classes_join_code_unique')) continue;
			throw error;
		}
	}
}

/** The instructor's classes, newest first, with how many students and assignments each has. */
export async function listClassesForInstructor(instructorId: string): Promise<ClassSummary[]> {
	const db = await database();
	const rows = await db
		.select()
		.from(classes)
		.where(eq(classes.instructorId, instructorId))
		.orderBy(asc(classes.createdAt));
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const studentCounts = await db
		.select({ classId: students.classId, n: count() })
		.from(students)
		.where(inArray(students.classId, ids))
		.groupBy(students.classId);
	const assignmentCounts = await db
		.select({ classId: assignments.classId, n: count() })
		.from(assignments)
		.where(inArray(assignments.classId, ids))
		.groupBy(assignments.classId);
	const s = new Map(studentCounts.map((r) => [r.classId, r.n]));
	const a = new Map(assignmentCounts.map((r) => [r.classId, r.n]));
	return rows
		.map((r) => ({ ...r, studentCount: s.get(r.id) ?? 0, assignmentCount: a.get(r.id) ?? 0 }))
		.reverse();
}

/** The class if it exists and belongs to this instructor; null otherwise (show a 404). */
export async function getClassForInstructor(
	instructorId: string,
	classId: string
): Promise<Class | null> {
	if (!isUuid(classId) || !isUuid(instructorId)) return null;
	const db = await database();
	const [row] = await db
		.select()
		.from(classes)
		.where(and(eq(classes.id, classId), eq(classes.instructorId, instructorId)));
	return row ?? null;
}

/** Deletes the class and, by cascade, its assignments, students, their sessions, attempts and
 * lesson progress. False when there was no such class of this instructor. */
export async function deleteClassForInstructor(
	instructorId: string,
	classId: string
): Promise<boolean> {
	if (!isUuid(classId) || !isUuid(instructorId)) return false;
	const db = await database();
	const deleted = await db
		.delete(classes)
		.where(and(eq(classes.id, classId), eq(classes.instructorId, instructorId)))
		.returning({ id: classes.id });
	return deleted.length > 0;
}

/** The class of a join code, or null. */
export async function findClassByJoinCode(code: string): Promise<Class | null> {
	const db = await database();
	const [row] = await db.select().from(classes).where(eq(classes.joinCode, code));
	return row ?? null;
}

/** Does a class with this id still exist? (False for an id that is not a uuid.) */
export async function classExists(classId: string): Promise<boolean> {
	if (!isUuid(classId)) return false;
	const db = await database();
	const [row] = await db.select({ id: classes.id }).from(classes).where(eq(classes.id, classId));
	return row !== undefined;
}

/** The class's assignments in the order they were made. */
export async function listAssignments(classId: string): Promise<Assignment[]> {
	if (!isUuid(classId)) return [];
	const db = await database();
	return db
		.select()
		.from(assignments)
		.where(eq(assignments.classId, classId))
		.orderBy(asc(assignments.createdAt), asc(assignments.moduleId));
}

/** One assignment of the class, or null (also when it belongs to another class). */
export async function getAssignment(
	classId: string,
	assignmentId: string
): Promise<Assignment | null> {
	if (!isUuid(classId) || !isUuid(assignmentId)) return null;
	const db = await database();
	const [row] = await db
		.select()
		.from(assignments)
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)));
	return row ?? null;
}

/** Assigns a module to the class; 'duplicate' when the class already has it. */
export async function createAssignment(
	classId: string,
	moduleId: string,
	settings: AssignmentSettings,
	/** an authored case's published version, kept by the class when the case is edited later */
	caseVersion: number | null = null
): Promise<Assignment | 'duplicate'> {
	const db = await database();
	try {
		const [row] = await db
			.insert(assignments)
			.values({ classId, moduleId, ...settings, caseVersion })
			.returning();
		await db.execute(classChanged(classId));
		return row!;
	} catch (error) {
		if (isUniqueViolation(error, 'assignments_class_module_unique')) return 'duplicate';
		throw error;
	}
}

/** Changes an assignment's settings; null when there is no such assignment in the class. */
export async function updateAssignment(
	classId: string,
	assignmentId: string,
	settings: Partial<AssignmentSettings>
): Promise<Assignment | null> {
	if (!isUuid(classId) || !isUuid(assignmentId)) return null;
	const db = await database();
	const [row] = await db
		.update(assignments)
		.set(settings)
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
		.returning();
	if (row) await db.execute(classChanged(classId));
	return row ?? null;
}

/** Reveals the key of an assignment now (keeps the first reveal time); null when not found. */
export async function revealAssignment(
	classId: string,
	assignmentId: string
): Promise<Assignment | null> {
	if (!isUuid(classId) || !isUuid(assignmentId)) return null;
	const db = await database();
	const [row] = await db
		.update(assignments)
		.set({ revealedAt: new Date() })
		.where(
			and(
				eq(assignments.id, assignmentId),
				eq(assignments.classId, classId),
				isNull(assignments.revealedAt)
			)
		)
		.returning();
	if (row) await db.execute(classChanged(classId));
	return row ?? getAssignment(classId, assignmentId);
}

/** Removes an assignment and its students' work on it. */
export async function deleteAssignment(classId: string, assignmentId: string): Promise<boolean> {
	if (!isUuid(classId) || !isUuid(assignmentId)) return false;
	const db = await database();
	const deleted = await db
		.delete(assignments)
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
		.returning({ id: assignments.id });
	if (deleted.length) await db.execute(classChanged(classId));
	return deleted.length > 0;
}

/** The class's students in the order they joined. */
export async function listStudents(
	classId: string
): Promise<{ studentId: string; nickname: string; joinedAt: Date }[]> {
	if (!isUuid(classId)) return [];
	const db = await database();
	return db
		.select({ studentId: students.id, nickname: students.nickname, joinedAt: students.createdAt })
		.from(students)
		.where(eq(students.classId, classId))
		.orderBy(asc(students.createdAt), asc(students.nickname));
}

/** The assignment's class's students in the order they joined, each with the lessons marked done. */
async function rosterWithLessons(
	assignmentId: string
): Promise<{ studentId: string; nickname: string; joinedAt: Date; lessonsDone: string[] }[]> {
	const db = await database();
	const roster = await db
		.select({ studentId: students.id, nickname: students.nickname, joinedAt: students.createdAt })
		.from(students)
		.innerJoin(assignments, eq(assignments.classId, students.classId))
		.where(eq(assignments.id, assignmentId))
		.orderBy(asc(students.createdAt), asc(students.nickname));
	if (roster.length === 0) return [];
	const progress = await db
		.select({ studentId: lessonProgress.studentId, slug: lessonProgress.lessonSlug })
		.from(lessonProgress)
		.where(eq(lessonProgress.assignmentId, assignmentId))
		.orderBy(asc(lessonProgress.lessonSlug));
	const byStudent = new Map(
		roster.map((s) => [s.studentId, { ...s, lessonsDone: [] as string[] }])
	);
	for (const p of progress) byStudent.get(p.studentId)?.lessonsDone.push(p.slug);
	return [...byStudent.values()];
}

/**
 * Every student of the assignment's class with their work on it: current answers per set and the
 * lessons marked done. Students who have not started appear with empty lists. The caller checks
 * that the assignment belongs to the signed-in instructor's class (getAssignment).
 */
export async function listStudentsWithAttempts(assignmentId: string): Promise<StudentWork[]> {
	if (!isUuid(assignmentId)) return [];
	const roster = await rosterWithLessons(assignmentId);
	if (roster.length === 0) return [];
	const db = await database();
	// the columns AttemptSummary holds, not the row's ids and creation time
	const work = await db
		.select({
			studentId: attempts.studentId,
			set: attempts.set,
			tags: attempts.tags,
			techniques: attempts.techniques,
			committed: attempts.committed,
			score: attempts.score,
			updatedAt: attempts.updatedAt,
			handedInAt: attempts.handedInAt
		})
		.from(attempts)
		.where(eq(attempts.assignmentId, assignmentId))
		.orderBy(asc(attempts.set));
	const byStudent = new Map<string, StudentWork>(
		roster.map((s) => [s.studentId, { ...s, attempts: [] }])
	);
	for (const { studentId, ...attempt } of work) byStudent.get(studentId)?.attempts.push(attempt);
	return [...byStudent.values()];
}

/** A student's answers to one set as the class's figures use them (ClassAnswers). */
export type SetAnswersSummary = Pick<AttemptSummary, 'set' | 'tags' | 'committed' | 'handedInAt'>;

/** A student with their answers to some sets of an assignment and the lessons marked done. */
export interface ClassAnswers {
	studentId: string;
	nickname: string;
	attempts: SetAnswersSummary[];
	lessonsDone: string[];
}

/**
 * What the class's figures read (the dashboard of one set, the learning gain, the class's
 * distribution): every student, with the tags, committed items and hand-in time of the given sets
 * only, and the lessons marked done. Every set's answers with their techniques and scores
 * (listStudentsWithAttempts) are several times more to read, and for a large class reading is
 * most of the dashboard's time.
 */
export async function listClassAnswers(
	assignmentId: string,
	sets: readonly ExerciseSet[]
): Promise<ClassAnswers[]> {
	if (!isUuid(assignmentId)) return [];
	const roster = await rosterWithLessons(assignmentId);
	if (roster.length === 0) return [];
	const db = await database();
	const work = await db
		.select({
			studentId: attempts.studentId,
			set: attempts.set,
			tags: attempts.tags,
			committed: attempts.committed,
			handedInAt: attempts.handedInAt
		})
		.from(attempts)
		.where(and(eq(attempts.assignmentId, assignmentId), inArray(attempts.set, [...sets])))
		.orderBy(asc(attempts.set));
	const byStudent = new Map<string, ClassAnswers>(
		roster.map(({ studentId, nickname, lessonsDone }) => [
			studentId,
			{ studentId, nickname, attempts: [], lessonsDone }
		])
	);
	for (const { studentId, ...answers } of work) byStudent.get(studentId)?.attempts.push(answers);
	return [...byStudent.values()];
}
