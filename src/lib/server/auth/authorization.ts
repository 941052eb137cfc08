// The authorization rules of classes, as pure functions of who is asking and what they ask for,
// so they can be tested without a database. Routes call these; queries also filter by owner.
import type { FeedbackMode } from '$lib/content/vocabulary';

export type Actor =
	| { kind: 'instructor'; instructorId: string }
	| { kind: 'student'; studentId: string; classId: string }
	| { kind: 'anonymous' };

export interface ClassRef {
	id: string;
	instructorId: string;
}

export interface AssignmentRules {
	classId: string;
	feedbackMode: FeedbackMode;
	revealedAt: Date | null;
	showDistribution: boolean;
	boosterReleased: boolean;
	lessonLock: boolean;
}

/** An actor from the session in event.locals. */
export function actorOf(locals: {
	instructor: { id: string } | null;
	student: { id: string; classId: string } | null;
}): Actor {
	if (locals.instructor) return { kind: 'instructor', instructorId: locals.instructor.id };
	if (locals.student) {
		return { kind: 'student', studentId: locals.student.id, classId: locals.student.classId };
	}
	return { kind: 'anonymous' };
}

/** Only the instructor who made a class sees or changes it (others get a 404). */
export function canViewClass(actor: Actor, cls: ClassRef | null): boolean {
	return cls !== null && actor.kind === 'instructor' && actor.instructorId === cls.instructorId;
}

/** A student sees only their own work. */
export function canViewStudentWork(actor: Actor, work: { studentId: string }): boolean {
	return actor.kind === 'student' && actor.studentId === work.studentId;
}

/** An assignment applies to a student only in their own class. */
export function assignmentApplies(actor: Actor, assignment: { classId: string } | null): boolean {
	return actor.kind === 'student' && assignment !== null && assignment.classId === actor.classId;
}

/** May the key (rationales, credit) of committed items be shown yet? */
export function canSeeKey(assignment: Pick<AssignmentRules, 'feedbackMode' | 'revealedAt'> | null) {
	if (!assignment) return true; // self-study
	return assignment.feedbackMode !== 'reveal' || assignment.revealedAt !== null;
}

/**
 * May a student see the class's distribution of tags? Only in their own class, when the instructor
 * turned it on, once the student has committed the whole set (commit before you see), and in
 * 'reveal' mode only after the reveal.
 */
export function canSeeDistribution(
	actor: Actor,
	assignment: AssignmentRules | null,
	work: { committed: number; total: number }
): boolean {
	if (!assignment || !assignmentApplies(actor, assignment)) return false;
	if (!assignment.showDistribution) return false;
	if (work.total === 0 || work.committed < work.total) return false;
	return canSeeKey(assignment);
}

/** The booster is open to self-study, and to a class once the instructor released it. */
export function canOpenBooster(assignment: Pick<AssignmentRules, 'boosterReleased'> | null) {
	return assignment === null || assignment.boosterReleased;
}

/**
 * With the lesson-order lock on, the first earlier lesson not yet done (the one to finish first);
 * null when the lesson is open.
 */
export function lessonBlockedBy<L extends { slug: string }>(
	lessons: L[],
	slug: string,
	done: Iterable<string>,
	lessonLock: boolean
): L | null {
	if (!lessonLock) return null;
	const finished = new Set(done);
	const index = lessons.findIndex((l) => l.slug === slug);
	if (index <= 0) return null;
	return lessons.slice(0, index).find((l) => !finished.has(l.slug)) ?? null;
}
