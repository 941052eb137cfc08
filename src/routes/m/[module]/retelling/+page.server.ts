// The retelling exercise: the page loads only public text (the items to sort); the key's piles,
// rationales and sources come back only from the grade action, for a submission that sorted
// every item. Self-study for now: nothing is stored on the server. With SELF_STUDY=off it grades
// only for students in a class with the module and for instructors, like every exercise.
import { selfStudyOff } from '$lib/server/auth/self-study';
import { moduleCase } from '$lib/server/modules';
import { mayGrade } from '$lib/server/grading/class-work';
import { retellingGradeAction, retellingOf } from '$lib/server/grading/retelling';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	const { title, intro, items } = retellingOf(c);
	return { title, intro, items, selfStudyOff: !(await mayGrade(locals, c)) };
}

export const actions = {
	grade: async ({ params, request, locals }) => {
		const c = await moduleCase(locals, params.module);
		retellingOf(c);
		if (!(await mayGrade(locals, c))) return selfStudyOff();
		return retellingGradeAction(c, request);
	}
};
