// The authorization rules of classes as pure functions: who sees a class, whose work a student
// sees, when the key and the class distribution may be shown, the booster, the lesson-order lock.
import { describe, expect, it } from 'vitest';
import {
	actorOf,
	assignmentApplies,
	canOpenBooster,
	canSeeDistribution,
	canSeeKey,
	canViewClass,
	canViewStudentWork,
	lessonBlockedBy,
	type Actor,
	type AssignmentRules
} from '../../src/lib/server/auth/authorization';

const ada: Actor = { kind: 'instructor', instructorId: 'ada' };
const bob: Actor = { kind: 'instructor', instructorId: 'bob' };
const sam: Actor = { kind: 'student', studentId: 'sam', classId: 'c1' };
const kim: Actor = { kind: 'student', studentId: 'kim', classId: 'c2' };
const anonymous: Actor = { kind: 'anonymous' };

const assignment = (over: Partial<AssignmentRules> = {}): AssignmentRules => ({
	classId: 'c1',
	feedbackMode: 'set',
	revealedAt: null,
	showDistribution: true,
	boosterReleased: false,
	lessonLock: false,
	...over
});
const all = { committed: 10, total: 10 };

describe('actorOf', () => {
	it('reads the session in locals', () => {
		expect(actorOf({ instructor: { id: 'ada' }, student: null })).toEqual(ada);
		expect(actorOf({ instructor: null, student: { id: 'sam', classId: 'c1' } })).toEqual(sam);
		expect(actorOf({ instructor: null, student: null })).toEqual(anonymous);
	});
});

describe('canViewClass', () => {
	const cls = { id: 'c1', instructorId: 'ada' };
	it('lets only the instructor who owns the class in', () => {
		expect(canViewClass(ada, cls)).toBe(true);
		expect(canViewClass(bob, cls)).toBe(false);
	});
	it('never lets students or anonymous visitors in, even of their own class', () => {
		expect(canViewClass(sam, cls)).toBe(false);
		expect(canViewClass(anonymous, cls)).toBe(false);
	});
	it('refuses a class that does not exist', () => {
		expect(canViewClass(ada, null)).toBe(false);
	});
});

describe('canViewStudentWork and assignmentApplies', () => {
	it('shows a student only their own work', () => {
		expect(canViewStudentWork(sam, { studentId: 'sam' })).toBe(true);
		expect(canViewStudentWork(kim, { studentId: 'sam' })).toBe(false);
		expect(canViewStudentWork(ada, { studentId: 'sam' })).toBe(false);
	});
	it('applies an assignment only to students of its class', () => {
		expect(assignmentApplies(sam, assignment())).toBe(true);
		expect(assignmentApplies(kim, assignment())).toBe(false);
		expect(assignmentApplies(ada, assignment())).toBe(false);
		expect(assignmentApplies(sam, null)).toBe(false);
	});
});

describe('canSeeKey', () => {
	it('shows the key in self-study and in immediate and set modes', () => {
		expect(canSeeKey(null)).toBe(true);
		expect(canSeeKey(assignment({ feedbackMode: 'immediate' }))).toBe(true);
		expect(canSeeKey(assignment({ feedbackMode: 'set' }))).toBe(true);
	});
	it('holds the key back in reveal mode until the instructor reveals it', () => {
		expect(canSeeKey(assignment({ feedbackMode: 'reveal' }))).toBe(false);
		expect(canSeeKey(assignment({ feedbackMode: 'reveal', revealedAt: new Date() }))).toBe(true);
	});
});

describe('canSeeDistribution', () => {
	it('shows the distribution to a student of the class who committed the whole set', () => {
		expect(canSeeDistribution(sam, assignment(), all)).toBe(true);
	});
	it('not before the student has committed every item (commit before you see)', () => {
		expect(canSeeDistribution(sam, assignment(), { committed: 9, total: 10 })).toBe(false);
		expect(canSeeDistribution(sam, assignment(), { committed: 0, total: 0 })).toBe(false);
	});
	it('not when the instructor has not turned it on', () => {
		expect(canSeeDistribution(sam, assignment({ showDistribution: false }), all)).toBe(false);
	});
	it('not to students of another class, instructors via this rule, or self-study', () => {
		expect(canSeeDistribution(kim, assignment(), all)).toBe(false);
		expect(canSeeDistribution(ada, assignment(), all)).toBe(false);
		expect(canSeeDistribution(sam, null, all)).toBe(false);
	});
	it('in reveal mode, only after the reveal', () => {
		expect(canSeeDistribution(sam, assignment({ feedbackMode: 'reveal' }), all)).toBe(false);
		expect(
			canSeeDistribution(sam, assignment({ feedbackMode: 'reveal', revealedAt: new Date() }), all)
		).toBe(true);
	});
});

describe('canOpenBooster', () => {
	it('is open for self-study and once released for a class', () => {
		expect(canOpenBooster(null)).toBe(true);
		expect(canOpenBooster(assignment())).toBe(false);
		expect(canOpenBooster(assignment({ boosterReleased: true }))).toBe(true);
	});
});

describe('lessonBlockedBy', () => {
	const lessons = [1, 2, 3, 4].map((n) => ({ slug: `l${n}`, number: n }));
	it('opens every lesson without the lock', () => {
		expect(lessonBlockedBy(lessons, 'l4', [], false)).toBeNull();
	});
	it('with the lock, names the first earlier lesson not done', () => {
		expect(lessonBlockedBy(lessons, 'l1', [], true)).toBeNull();
		expect(lessonBlockedBy(lessons, 'l2', [], true)?.number).toBe(1);
		expect(lessonBlockedBy(lessons, 'l4', ['l1', 'l3'], true)?.number).toBe(2);
		expect(lessonBlockedBy(lessons, 'l4', ['l1', 'l2', 'l3'], true)).toBeNull();
	});
	it('does not block a lesson it does not know', () => {
		expect(lessonBlockedBy(lessons, 'nope', [], true)).toBeNull();
	});
});
