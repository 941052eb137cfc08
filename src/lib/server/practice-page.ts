// The practice and booster pages: a fictional text, its worked example, and the exercise items.
import { error } from '@sveltejs/kit';
import { getCase } from './content';
import { loadExercise } from './exercise-page';

export async function loadPractice(
	caseId: string,
	set: 'practice' | 'booster',
	url: URL,
	locals: App.Locals
) {
	const c = getCase(caseId);
	const practice = c[set];
	if (!practice) error(404, 'This module has no such exercise.');
	const { title, notice, setting, worked } = practice;
	return {
		...(await loadExercise(caseId, set, url, 'immediate', locals)),
		text: { title, notice, setting, worked }
	};
}
