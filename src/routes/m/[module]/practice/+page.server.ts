// The warm-up: a worked example and practice on a fictional text, before the real letter.
import { gradeActions } from '$lib/server/exercise-page';
import { loadPractice } from '$lib/server/practice-page';

export function load({ params, url, locals }) {
	return loadPractice(params.module, 'practice', url, locals);
}

export const actions = gradeActions('practice');
