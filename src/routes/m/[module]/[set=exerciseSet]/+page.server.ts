// One page for every tagging set of a case: the letter's claims (/tag), the practice text, the
// booster text, and the pre- and post-check (the learning gain). Items and feedback mode come from the set; the grade action checks the answers.
import { error } from '@sveltejs/kit';
import type { Case } from '$lib/content/case';
import { setOfSlug, type ExerciseSet, type GradingMode } from '$lib/content/vocabulary';
import { moduleCase } from '$lib/server/modules';
import { gainFor, gradeSet, loadExercise } from './exercise.server';

/**
 * the feedback a self-study student starts with: per item on a warm-up, after the set on the letter
 * and on the pre- and post-check (a baseline is answered whole before any key is seen)
 */
const FIRST_MODE: Record<ExerciseSet, GradingMode> = {
	letter: 'set',
	practice: 'immediate',
	booster: 'immediate',
	precheck: 'set',
	postcheck: 'set'
};

const setOf = (slug: string): ExerciseSet => setOfSlug(slug) ?? error(404, 'Not found');

/** What the page shows beside the items: the letter's byline, or the fictional text. */
function textOf(c: Case, set: ExerciseSet) {
	if (set === 'letter') {
		return {
			letter: { title: c.letter.title, author: c.letter.author, date: c.letter.date },
			eventCounts: countEvents(c.timeline?.events ?? []),
			text: null
		};
	}
	const practice = c[set];
	if (!practice) error(404, 'This module has no such exercise.');
	const { title, notice, setting, worked } = practice;
	return { letter: null, eventCounts: {}, text: { title, notice, setting, worked } };
}

function countEvents(events: { sentences: string[] }[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const event of events) for (const id of event.sentences) counts[id] = (counts[id] ?? 0) + 1;
	return counts;
}

export async function load({ params, url, locals }) {
	const set = setOf(params.set);
	const c = await moduleCase(locals, params.module);
	const text = textOf(c, set);
	const exercise = await loadExercise(c, set, url, FIRST_MODE[set], locals);
	return { ...exercise, ...text, gain: await gainFor(c, set, exercise.classWork, locals) };
}

export const actions = {
	grade: async ({ params, request, locals }) =>
		gradeSet(await moduleCase(locals, params.module), setOf(params.set), request, locals)
};
