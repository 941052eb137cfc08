// The linking exercise and allegation map: the page loads only public text (the claim sentences
// and the allegations); the key's links come back only from the grade action, for a submission
// that linked every sentence, and the key's tags and rationales only for sentences whose tag the
// student has committed in the tagging exercise (and, in a class, may see).
import { getCase, getKeys } from '$lib/server/content';
import { classContext, revealedTagging } from '$lib/server/class-exercise';
import { mapGradeAction, selfStudyTagging } from '$lib/server/map-grading';
import { maySelfStudy, selfStudyOff } from '$lib/server/self-study';

export async function load({ params, locals }) {
	const c = getCase(params.module);
	const inClass = (await classContext(locals, params.module)) !== null;
	return {
		/** a class student's tags come from their stored attempt, not from this browser */
		inClass,
		selfStudyOff: !inClass && !maySelfStudy(locals),
		items: c.claims,
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
	grade: async ({ params, request, locals }) => {
		const c = getCase(params.module);
		const keys = getKeys(params.module);
		const ctx = await classContext(locals, params.module);
		if (!ctx && !maySelfStudy(locals)) return selfStudyOff();
		return mapGradeAction(c, keys, request, (form) =>
			ctx ? revealedTagging(c, keys, ctx) : selfStudyTagging(c, keys, form)
		);
	}
};
