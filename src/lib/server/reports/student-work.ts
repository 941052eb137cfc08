// One student's work on every assignment of their class, for their instructor's page: each tagging
// set's answers beside the key (student-answers.ts), the lessons marked done, and what they typed
// into the lessons' checks for understanding. The caller has checked that the class is the signed-in
// instructor's and the student is in it (requireOwnClass, getClassStudent).
import { setItems, setsOf } from '$lib/content/case';
import { SETS_IN_ORDER, type ExerciseSet, type FeedbackMode } from '$lib/content/vocabulary';
import { studentAnswers, type SetAnswers } from '$lib/exercises/student-answers';
import { getKeys } from '$lib/server/content';
import { getAttempt } from '$lib/server/repo/attempts';
import { assignmentCheckAnswers } from '$lib/server/repo/check-answers';
import { listAssignments } from '$lib/server/repo/classes';
import { assignmentCase } from '$lib/server/modules';
import { lessonsDone } from '$lib/server/repo/students';

export interface StudentLesson {
	slug: string;
	number: number;
	title: string;
	done: boolean;
	/** each check of the lesson with what the student typed (null: nothing) */
	checks: { id: string; question: string; answer: string | null }[];
}

export interface StudentAssignmentWork {
	assignmentId: string;
	moduleId: string;
	title: string;
	feedbackMode: FeedbackMode;
	revealed: boolean;
	sets: ({ set: ExerciseSet } & SetAnswers)[];
	lessons: StudentLesson[];
}

export async function studentWork(
	classId: string,
	studentId: string
): Promise<StudentAssignmentWork[]> {
	const work: StudentAssignmentWork[] = [];
	for (const a of await listAssignments(classId)) {
		const c = await assignmentCase(a);
		if (!c) continue;
		const keys = getKeys(c);
		const sets: StudentAssignmentWork['sets'] = [];
		for (const set of setsOf(c, SETS_IN_ORDER)) {
			const key = keys[set];
			if (!key) continue;
			const stored = await getAttempt({ studentId, assignmentId: a.id, set });
			// an unreleased booster has nothing to show
			if (set === 'booster' && !a.boosterReleased && !stored) continue;
			sets.push({ set, ...studentAnswers(setItems(c, set), stored, key, a.dueAt) });
		}
		const done = new Set(await lessonsDone(studentId, a.id));
		const typed = new Map(
			(await assignmentCheckAnswers(a.id))
				.filter((r) => r.studentId === studentId)
				.map((r) => [`${r.lessonSlug}/${r.checkId}`, r.answer])
		);
		work.push({
			assignmentId: a.id,
			moduleId: a.moduleId,
			title: c.module.title,
			feedbackMode: a.feedbackMode,
			revealed: a.revealedAt !== null,
			sets,
			lessons: c.lessons.map((l) => ({
				slug: l.slug,
				number: l.number,
				title: l.title,
				done: done.has(l.slug),
				checks: l.checks.map((check) => ({
					id: check.id,
					question: check.question,
					answer: typed.get(`${l.slug}/${check.id}`) ?? null
				}))
			}))
		});
	}
	return work;
}
