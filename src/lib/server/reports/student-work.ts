// One student's work on every assignment of their class, for their instructor's page: each tagging
// set's answers beside the key (student-answers.ts), the allegation map and the ordering beside the
// key (student-exercises.ts), the truth sandwich with its review, the lessons marked done, and what
// they typed into the lessons' checks for understanding. The caller has checked that the class is the signed-in
// instructor's and the student is in it (requireOwnClass, getClassStudent).
import { itemIds, setItems, setsOf } from '$lib/content/case';
import { setDiscernment, studentGain, type StudentGain } from '$lib/exercises/learning-gain';
import { SETS_IN_ORDER, type ExerciseSet, type FeedbackMode } from '$lib/content/vocabulary';
import { studentAnswers, type SetAnswers } from '$lib/exercises/student-answers';
import {
	studentMap,
	studentOrder,
	type StudentMap,
	type StudentOrder
} from '$lib/exercises/student-exercises';
import { rubricTotal } from '$lib/exercises/sandwich/rubric';
import type { HandedInSandwich } from '$lib/exercises/sandwich/handed-in';
import { StoredSandwich } from '$lib/exercises/sandwich/submission';
import { correctOrder } from '$lib/exercises/order/scoring';
import type { Case } from '$lib/content/case';
import type { ExerciseWork } from '$lib/server/db/schema';
import { assignmentExerciseWork } from '$lib/server/repo/exercise-work';
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
	/** the allegation map handed in, against the key; null before the hand-in */
	map: (StudentMap & { handedInAt: string }) | null;
	/** the timeline ordering handed in, against the true order; null before (or without one) */
	order: (StudentOrder & { handedInAt: string }) | null;
	/** the module has a timeline ordering exercise */
	hasOrder: boolean;
	/** the truth sandwich handed in, with the instructor's review */
	sandwich: HandedInSandwich | null;
	/** discernment on the pre- and post-check and the change; null when the case has not both */
	gain: StudentGain | null;
	lessons: StudentLesson[];
}

/** The stored links against the key (the key read on the server, for the instructor only). */
export function mapOf(c: Case, row: ExerciseWork | undefined): StudentAssignmentWork['map'] {
	const links = (row?.answer as { links?: Record<string, string[]> } | undefined)?.links;
	if (!row || !links || typeof links !== 'object') return null;
	const keys = getKeys(c);
	const key = new Map(c.claims.map((s) => [s.id, keys.letter.get(s.id)?.answers ?? []]));
	return {
		...studentMap(
			c.claims,
			c.article.allegations.map((a) => a.id),
			links,
			key
		),
		handedInAt: row.handedInAt.toISOString()
	};
}

/** The stored order against the true one. */
export function orderOf(c: Case, row: ExerciseWork | undefined): StudentAssignmentWork['order'] {
	const given = (row?.answer as { order?: unknown } | undefined)?.order;
	if (!row || !Array.isArray(given)) return null;
	const events = (c.timeline?.events ?? []).filter((e) => e.orderExercise);
	const result = studentOrder(events, correctOrder(events), given as string[]);
	return result && { ...result, handedInAt: row.handedInAt.toISOString() };
}

/** The stored truth sandwich with the instructor's review. */
export function sandwichOf(row: ExerciseWork | undefined): HandedInSandwich | null {
	const parsed = StoredSandwich.safeParse(row?.answer);
	if (!row || !parsed.success) return null;
	return {
		text: parsed.data.text,
		self: parsed.data.self,
		selfTotal: rubricTotal(parsed.data.self),
		handedInAt: row.handedInAt.toISOString(),
		review: row.review
			? { scores: row.review, total: rubricTotal(row.review), comment: row.reviewComment ?? '' }
			: null
	};
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
		const discernmentOf: Partial<Record<ExerciseSet, number | null>> = {};
		for (const set of setsOf(c, SETS_IN_ORDER)) {
			const key = keys[set];
			if (!key) continue;
			const stored = await getAttempt({ studentId, assignmentId: a.id, set });
			discernmentOf[set] = stored ? setDiscernment(stored, key, itemIds(c, set)) : null;
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
		const handedIn = (await assignmentExerciseWork(a.id)).filter((w) => w.studentId === studentId);
		const row = (exercise: ExerciseWork['exercise']) =>
			handedIn.find((w) => w.exercise === exercise);
		work.push({
			assignmentId: a.id,
			moduleId: a.moduleId,
			title: c.module.title,
			feedbackMode: a.feedbackMode,
			revealed: a.revealedAt !== null,
			sets,
			map: mapOf(c, row('map')),
			order: orderOf(c, row('order')),
			hasOrder: hasOrderExercise(c),
			sandwich: sandwichOf(row('sandwich')),
			gain:
				keys.precheck && keys.postcheck
					? studentGain(discernmentOf.precheck ?? null, discernmentOf.postcheck ?? null)
					: null,
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

/** Whether the case has a timeline ordering exercise (two events or more to order). */
export function hasOrderExercise(c: Case): boolean {
	return (c.timeline?.events ?? []).filter((e) => e.orderExercise).length >= 2;
}
