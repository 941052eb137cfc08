// What the page of a tagging set loads (items, feedback mode) and its grading action. A signed-in
// class student with an assignment of the module gets the assignment's feedback mode and their
// stored work (class-exercise.ts); everyone else gets self-study.
import { error } from '@sveltejs/kit';
import { itemIds, setItems, type Case } from '$lib/content/case';
import { GRADING_MODES, type ExerciseSet, type GradingMode } from '$lib/content/vocabulary';
import { canOpenBooster, canSeeKey } from '$lib/server/auth/authorization';
import {
	classContext,
	classGradeAction,
	distributionFor,
	gradingMode,
	loadClassWork
} from '$lib/server/grading/class-work';
import { getKeys } from '$lib/server/content';
import { tagGradeAction } from '$lib/server/grading/tag';
import type { ClassWork } from '$lib/exercises/class-work';
import { setDiscernment } from '$lib/exercises/learning-gain';
import { getAttempt } from '$lib/server/repo/attempts';
import { maySelfStudy, selfStudyOff } from '$lib/server/auth/self-study';

export function feedbackMode(url: URL, fallback: GradingMode): GradingMode {
	const asked = url.searchParams.get('feedback');
	return GRADING_MODES.find((m) => m === asked) ?? fallback;
}

function itemsOf(c: Case, set: ExerciseSet) {
	const items = setItems(c, set);
	if (items.length === 0) error(404, 'This module has no such exercise.');
	return items;
}

export const BOOSTER_NOT_RELEASED =
	'Your instructor has not released the booster yet. It will appear on your class page when they do.';

/** The public side of an exercise: the items to tag, never the key (nor, before a reveal, any
 * part of it). */
export async function loadExercise(
	c: Case,
	set: ExerciseSet,
	url: URL,
	fallback: GradingMode,
	locals: App.Locals
) {
	const items = itemsOf(c, set);
	const ctx = await classContext(locals, c);
	if (!ctx) {
		return {
			set,
			items,
			mode: feedbackMode(url, fallback),
			classWork: null,
			distribution: null,
			selfStudyOff: !maySelfStudy(locals)
		};
	}
	if (set === 'booster' && !canOpenBooster(ctx.assignment)) error(403, BOOSTER_NOT_RELEASED);
	const classWork = await loadClassWork(c, getKeys(c), set, ctx);
	return {
		set,
		items,
		mode: gradingMode(ctx.assignment),
		classWork,
		distribution: set === 'letter' ? await distributionFor(locals, ctx, c, set, classWork) : null,
		selfStudyOff: false
	};
}

/**
 * The post-check's page: what the student's change since the pre-check is compared with. Self-study:
 * this browser's pre-check (its storage key). A class student: the pre-check's discernment from the
 * server, only where its own result may be shown (the feedback mode lets them see the key, and the
 * pre-check is finished: checked whole or handed in); null otherwise. The page shows the change
 * under the post-check's results only, once those are shown.
 */
export async function gainFor(
	c: Case,
	set: ExerciseSet,
	classWork: ClassWork | null,
	locals: App.Locals
) {
	if (set !== 'postcheck' || setItems(c, 'precheck').length === 0) return undefined;
	const precheckHref = `/m/${c.id}/precheck`;
	if (!classWork) {
		return { pre: null, preStorageKey: `rebuttal-lab:${c.id}:precheck`, precheckHref };
	}
	const ctx = await classContext(locals, c);
	const key = getKeys(c).precheck;
	if (!ctx || !key || !canSeeKey(ctx.assignment)) {
		return { pre: null, preStorageKey: null, precheckHref };
	}
	const attempt = await getAttempt({
		studentId: ctx.studentId,
		assignmentId: ctx.assignment.id,
		set: 'precheck'
	});
	const pre = attempt ? setDiscernment(attempt, key, itemIds(c, 'precheck')) : null;
	return { pre, preStorageKey: null, precheckHref };
}

/** The grade action of a set: the class's rules for a class student, else self-study's. */
export async function gradeSet(c: Case, set: ExerciseSet, request: Request, locals: App.Locals) {
	const ctx = await classContext(locals, c);
	if (ctx) return classGradeAction(c, set, request, ctx);
	if (!maySelfStudy(locals)) return selfStudyOff();
	return tagGradeAction(c, set, request);
}
