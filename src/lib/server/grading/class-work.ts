// The tagging exercise for a signed-in class student: the assignment's feedback mode instead of the
// self-study switch, answers stored per attempt and restored from the server, committed answers
// locked, and in 'reveal' mode no key data at all until the instructor reveals it.
import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { itemIds, type Case, type CaseKeys } from '$lib/content/case';
import type { ExerciseSet, GradingMode, Tag, Technique } from '$lib/content/vocabulary';
import type { GradeResult, ItemFeedback } from '$lib/exercises/tag/feedback';
import {
	REVEAL_PENDING_MESSAGE,
	type ClassDistribution,
	type ClassWork,
	type PendingResult
} from '$lib/exercises/class-work';
import type { Submission } from '$lib/exercises/tag/submission';
import { dueStatus, dueWords } from '$lib/exercises/due-date';
import { getAttempt, recordAttempt } from '$lib/server/repo/attempts';
import {
	actorOf,
	canOpenBooster,
	canSeeDistribution,
	canSeeKey
} from '$lib/server/auth/authorization';
import { listClassAnswers, type Assignment } from '$lib/server/repo/classes';
import type { Attempt } from '$lib/server/db/schema';
import { getKeys } from '$lib/server/content';
import { maySelfStudy } from '$lib/server/auth/self-study';
import { gradeForm } from './action';
import { GradingError } from './errors';
import { grade, tagForm } from './tag';
import { isUuid } from '$lib/server/forms/ids';
import { assignmentForModule } from '$lib/server/repo/students';

export interface ClassContext {
	studentId: string;
	className: string;
	assignment: Assignment;
}

/** The signed-in student's assignment of this module; null for self-study. */
export async function classContext(locals: App.Locals, c: Case): Promise<ClassContext | null> {
	const student = locals.student;
	if (!student) return null;
	const assignment = await assignmentForModule(student.classId, c.id);
	if (!assignment) return null;
	return { studentId: student.id, className: student.className, assignment };
}

/** How grading treats the assignment's mode: 'reveal' is graded as a whole set. */
export function gradingMode(assignment: Assignment): GradingMode {
	return assignment.feedbackMode === 'immediate' ? 'immediate' : 'set';
}

/**
 * May stored work with these committed items be graded under the assignment's mode? In
 * 'immediate' mode any committed item; in 'set' and 'reveal' only a set handed in: whole, or with
 * items left open ("hand in what you have").
 */
export function wholeSetRule(
	assignment: Pick<Assignment, 'feedbackMode'>,
	committed: readonly string[],
	ids: readonly string[],
	handedIn = false
): boolean {
	if (assignment.feedbackMode === 'immediate' || handedIn) return true;
	const done = new Set(committed);
	return ids.every((id) => done.has(id));
}

export function pendingOf(result: GradeResult): PendingResult {
	const { set, tags, techniques, committed, total } = result;
	return { set, tags, techniques, committed, total };
}

/** Stored answers limited to the items the exercise still has. */
function known(c: Case, set: ExerciseSet, stored: Attempt) {
	const ids = new Set(itemIds(c, set));
	const pick = <T>(record: Record<string, T>) =>
		Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
	return {
		tags: pick(stored.tags) as Record<string, Tag>,
		techniques: pick(stored.techniques) as Record<string, Technique>,
		committed: stored.committed.filter((id) => ids.has(id)),
		/** handed in with items left open: they count as unanswered */
		handIn: stored.handedInAt !== null && ![...ids].every((id) => stored.committed.includes(id))
	};
}

/** The student's work as the page shows it on load. */
export async function loadClassWork(
	c: Case,
	keys: CaseKeys,
	set: ExerciseSet,
	ctx: ClassContext
): Promise<ClassWork> {
	const { assignment } = ctx;
	const stored = await getAttempt({
		studentId: ctx.studentId,
		assignmentId: assignment.id,
		set
	});
	const work: ClassWork = {
		className: ctx.className,
		attemptId: stored?.id ?? randomUUID(),
		feedbackMode: assignment.feedbackMode,
		dueAt: assignment.dueAt ? assignment.dueAt.toISOString().slice(0, 10) : null,
		due: assignment.dueAt ? dueWords(dueStatus(assignment.dueAt, new Date())) : null
	};
	if (!stored) return work;
	const answers = known(c, set, stored);
	if (answers.committed.length === 0) {
		return { ...work, tags: answers.tags, techniques: answers.techniques };
	}
	if (!wholeSetRule(assignment, answers.committed, itemIds(c, set), answers.handIn)) {
		// 'set' and 'reveal' show nothing of the key until the whole set is handed in (items
		// committed one by one earlier, in 'immediate' mode, stay locked but are not graded yet)
		return { ...work, tags: answers.tags, techniques: answers.techniques };
	}
	try {
		// graded again from the stored answers, so a corrected key reaches everyone
		const result = grade(c, keys, set, { mode: gradingMode(assignment), ...answers });
		return canSeeKey(assignment) ? { ...work, result } : { ...work, pending: pendingOf(result) };
	} catch (error) {
		if (error instanceof GradingError)
			return { ...work, tags: answers.tags, techniques: answers.techniques };
		throw error;
	}
}

/**
 * The tagging feedback a class student may see for the letter, from their stored attempt: the
 * committed items, under the same rules as the tagging page (nothing before a reveal; in 'set' and
 * 'reveal' mode only a whole set handed in). The allegation map adds the key's tags for these only.
 */
export async function revealedTagging(
	c: Case,
	keys: CaseKeys,
	ctx: ClassContext
): Promise<ItemFeedback[]> {
	const { assignment } = ctx;
	if (!canSeeKey(assignment)) return [];
	const stored = await getAttempt({
		studentId: ctx.studentId,
		assignmentId: assignment.id,
		set: 'letter'
	});
	if (!stored) return [];
	const answers = known(c, 'letter', stored);
	const committed = answers.committed.filter((id) => answers.tags[id]);
	if (committed.length === 0) return [];
	if (!wholeSetRule(assignment, committed, itemIds(c, 'letter'), answers.handIn)) return [];
	try {
		// the committed items only (never a draft tag): handIn off
		const { tags, techniques } = answers;
		return grade(c, keys, 'letter', { mode: 'immediate', tags, techniques, committed }).feedback;
	} catch (error) {
		if (error instanceof GradingError) return [];
		throw error;
	}
}

/**
 * Grades and stores a class student's submission. Committed answers are locked: the stored tags of
 * committed items win over the form's; a set handed in is locked whole (a repeated hand-in is
 * harmless). Records when the set was handed in. Returns the result, or only the pending answers
 * while the key is not revealed.
 */
export async function gradeForClass(
	c: Case,
	keys: CaseKeys,
	set: ExerciseSet,
	ctx: ClassContext,
	attemptId: string,
	submission: Submission
): Promise<{ result: GradeResult } | { pending: PendingResult; message: string }> {
	const { assignment } = ctx;
	const owner = { studentId: ctx.studentId, assignmentId: assignment.id, set };
	const { result } = await recordAttempt(owner, attemptId, (stored) => {
		if (stored?.handedInAt) {
			const answers = known(c, set, stored);
			const result = grade(c, keys, set, { mode: gradingMode(assignment), ...answers });
			return { ...answers, score: result.totals.score, handedInAt: stored.handedInAt, result };
		}
		const locked: {
			tags: Record<string, Tag>;
			techniques: Record<string, Technique>;
			committed: string[];
		} = stored ? known(c, set, stored) : { tags: {}, techniques: {}, committed: [] };
		const lockedTags = Object.fromEntries(locked.committed.map((id) => [id, locked.tags[id]]));
		const lockedTechniques = Object.fromEntries(
			locked.committed.flatMap((id) => (locked.techniques[id] ? [[id, locked.techniques[id]]] : []))
		);
		const techniques = { ...submission.techniques };
		for (const id of locked.committed) delete techniques[id];
		// 'set' and 'reveal' grade the whole set only: per-item commits from the form are ignored
		const perItem = gradingMode(assignment) === 'immediate';
		const merged: Submission = {
			mode: gradingMode(assignment),
			commit: perItem ? submission.commit : undefined,
			tags: { ...submission.tags, ...lockedTags } as Record<string, Tag>,
			techniques: { ...techniques, ...lockedTechniques } as Record<string, Technique>,
			committed: perItem
				? [...new Set([...locked.committed, ...submission.committed])]
				: locked.committed,
			handIn: submission.handIn
		};
		const result = grade(c, keys, set, merged);
		return {
			tags: result.tags,
			techniques: result.techniques,
			committed: result.committed,
			score: result.totals.score,
			handedInAt: result.complete ? new Date() : null,
			result
		};
	});
	if (canSeeKey(assignment)) return { result };
	return { pending: pendingOf(result), message: REVEAL_PENDING_MESSAGE };
}

/** The grade action for a class student: as tagGradeAction, plus the attempt id and storage. */
export async function classGradeAction(
	c: Case,
	set: ExerciseSet,
	request: Request,
	ctx: ClassContext
) {
	if (set === 'booster' && !canOpenBooster(ctx.assignment)) {
		return fail(403, { message: 'Your instructor has not released the booster yet.' });
	}
	return gradeForm(request, tagForm, (submission, form) => {
		const attemptId = form.get('attempt');
		if (!isUuid(attemptId)) {
			throw new GradingError(
				'The answers came without their attempt id. Reload the page and submit again.'
			);
		}
		return gradeForClass(c, getKeys(c), set, ctx, attemptId, submission);
	});
}

/**
 * May this request be graded? Self-study grading is on, or the reader is an instructor, or a
 * student in a class with an assignment of this module.
 */
export async function mayGrade(locals: App.Locals, c: Case): Promise<boolean> {
	return maySelfStudy(locals) || (await classContext(locals, c)) !== null;
}

/** The class's distribution of tags per item, when this student may see it. */
export async function distributionFor(
	locals: App.Locals,
	ctx: ClassContext,
	c: Case,
	set: ExerciseSet,
	work: ClassWork
): Promise<ClassDistribution | null> {
	const ids = itemIds(c, set);
	// a set handed in with items open counts as finished
	const committed = work.result?.complete ? ids.length : (work.result?.committed.length ?? 0);
	if (!canSeeDistribution(actorOf(locals), ctx.assignment, { committed, total: ids.length })) {
		return null;
	}
	const everyone = await listClassAnswers(ctx.assignment.id, [set]);
	const finished = everyone
		.map((s) => s.attempts.find((a) => a.set === set))
		.filter((a) => a && (a.handedInAt || ids.every((id) => a.committed.includes(id))));
	return {
		students: finished.length,
		items: ids.map((id) => {
			const counts: Record<Tag, number> = { evidence: 0, assertion: 0, deflection: 0 };
			for (const a of finished) {
				const tag = a?.tags[id];
				if (tag) counts[tag] += 1;
			}
			return { id, counts };
		})
	};
}
