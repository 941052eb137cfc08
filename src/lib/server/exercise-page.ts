// What every tagging page loads (items, feedback mode) and its grading action, for one set.
import { error } from '@sveltejs/kit';
import type { Case } from '$lib/content/case';
import { FEEDBACK_MODES, type ExerciseSet, type FeedbackMode } from '$lib/exercises/submission';
import { getCase } from './content';
import { gradeAction } from './grading';

export function feedbackMode(url: URL, fallback: FeedbackMode): FeedbackMode {
	const asked = url.searchParams.get('feedback');
	return FEEDBACK_MODES.find((m) => m === asked) ?? fallback;
}

function itemsOf(c: Case, set: ExerciseSet) {
	if (set === 'letter') {
		return c.sentences.filter((s) => s.role === 'claim').map(({ id, text }) => ({ id, text }));
	}
	const practice = set === 'practice' ? c.practice : c.booster;
	if (!practice) error(404, 'This module has no such exercise.');
	return practice.items;
}

/** The public side of an exercise: the items to tag, never the key. */
export function loadExercise(caseId: string, set: ExerciseSet, url: URL, fallback: FeedbackMode) {
	const c = getCase(caseId);
	return { set, items: itemsOf(c, set), mode: feedbackMode(url, fallback) };
}

export function gradeActions(set: ExerciseSet) {
	return {
		grade: ({ params, request }: { params: { module: string }; request: Request }) =>
			gradeAction(params.module, set, request)
	};
}
