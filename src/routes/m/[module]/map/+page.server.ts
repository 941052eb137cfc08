// The linking exercise and allegation map: the page loads only public text (the claim sentences
// and the allegations); the key's links, tags and rationales come back only from the grade action,
// for a submission that linked every sentence.
import { getCase } from '$lib/server/content';
import { mapGradeAction } from '$lib/server/map-grading';

export function load({ params }) {
	const c = getCase(params.module);
	return {
		items: c.sentences.filter((s) => s.role === 'claim').map(({ id, text }) => ({ id, text })),
		allegations: c.article.allegations.map(({ id, short, summary, attribution }) => ({
			id,
			short,
			summary,
			attribution
		})),
		letter: { author: c.letter.author, date: c.letter.date }
	};
}

export const actions = {
	grade: ({ params, request }) => mapGradeAction(params.module, request)
};
