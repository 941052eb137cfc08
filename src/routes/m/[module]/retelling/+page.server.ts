// The retelling exercise: the page loads only public text (the items to sort); the key's piles,
// rationales and sources come back only from the grade action, for a submission that sorted
// every item. Self-study for now: nothing is stored on the server.
import { getCase } from '$lib/server/content';
import { retellingGradeAction, retellingOf } from '$lib/server/retelling-grading';

export function load({ params }) {
	const { title, intro, items } = retellingOf(getCase(params.module));
	return { title, intro, items };
}

export const actions = {
	grade: ({ params, request }) => retellingGradeAction(params.module, request)
};
