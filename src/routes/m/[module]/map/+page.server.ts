// The linking exercise and allegation map: the page loads only public text (the claim sentences
// and the allegations); the key's links come back only from the grade action, for a submission
// that linked every sentence, and the key's tags and rationales only for the sentences whose key
// the reader may see (visible-key.ts: in self-study, tags committed in the tagging exercise; in a
// class, as the assignment's feedback mode allows). A class student's links are handed in and
// stored on the server (grading/class-exercises.ts).
import { getKeys } from '$lib/server/content';
import { moduleCase } from '$lib/server/modules';
import { mapGradeAction } from '$lib/server/grading/map';
import { selfStudyOff } from '$lib/server/auth/self-study';
import { keyReader, visibleTagging } from '$lib/server/grading/visible-key';
import { classMapGradeAction, loadClassMap } from '$lib/server/grading/class-exercises';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	const reader = await keyReader(locals, c);
	return {
		/** a class student's tags come from their stored attempt, not from this browser */
		inClass: reader.kind === 'class',
		/** a class student's handed-in links (and their result, as the feedback mode allows) */
		handedIn: reader.kind === 'class' ? await loadClassMap(c, getKeys(c), reader.ctx) : null,
		selfStudyOff: reader.kind === 'self-study-off',
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
		const c = await moduleCase(locals, params.module);
		const keys = getKeys(c);
		const reader = await keyReader(locals, c);
		if (reader.kind === 'self-study-off') return selfStudyOff();
		if (reader.kind === 'class') return classMapGradeAction(c, keys, request, reader.ctx);
		return mapGradeAction(c, request, (form) => visibleTagging(c, keys, reader, form));
	}
};
