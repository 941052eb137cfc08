// The tagging exercise on the letter: items and feedback mode; graded by the form action.
import { gradeActions, loadExercise } from '$lib/server/exercise-page';
import { getCase } from '$lib/server/content';

export function load({ params, url }) {
	const c = getCase(params.module);
	return {
		...loadExercise(params.module, 'letter', url, 'set'),
		letter: { title: c.letter.title, author: c.letter.author, date: c.letter.date }
	};
}

export const actions = gradeActions('letter');
