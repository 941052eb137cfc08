// The tagging exercise on the letter: items and feedback mode; graded by the form action.
import { gradeActions, loadExercise } from '$lib/server/exercise-page';
import { getCase } from '$lib/server/content';

export async function load({ params, url, locals }) {
	const c = getCase(params.module);
	return {
		...(await loadExercise(params.module, 'letter', url, 'set', locals)),
		letter: { title: c.letter.title, author: c.letter.author, date: c.letter.date },
		eventCounts: countEvents(c.timeline?.events ?? [])
	};
}

function countEvents(events: { sentences: string[] }[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const event of events) for (const id of event.sentences) counts[id] = (counts[id] ?? 0) + 1;
	return counts;
}

export const actions = gradeActions('letter');
