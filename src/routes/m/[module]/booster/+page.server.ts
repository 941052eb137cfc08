// The booster: a few new items on a second fictional text, for a refresher weeks later.
import { gradeActions } from '$lib/server/exercise-page';
import { loadPractice } from '$lib/server/practice-page';

export function load({ params, url, locals }) {
	return loadPractice(params.module, 'booster', url, locals);
}

export const actions = gradeActions('booster');
