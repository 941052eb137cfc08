// The retelling exercise: the page loads only public text (the items to sort); the key's piles,
// rationales and sources come back only from the grade action, for a submission that sorted
// every item. Self-study for now: nothing is stored on the server. With SELF_STUDY=off it grades
// only for students in a class with the module and for instructors, like every exercise.
import { classContext } from '$lib/server/class-exercise';
import { getCase } from '$lib/server/content';
import { retellingGradeAction, retellingOf } from '$lib/server/retelling-grading';
import { maySelfStudy, selfStudyOff } from '$lib/server/self-study';

/** Self-study grading off, and not a student in a class with this module? */
async function refused(locals: App.Locals, moduleId: string): Promise<boolean> {
	if (maySelfStudy(locals)) return false;
	return (await classContext(locals, moduleId)) === null;
}

export async function load({ params, locals }) {
	const { title, intro, items } = retellingOf(getCase(params.module));
	return { title, intro, items, selfStudyOff: await refused(locals, params.module) };
}

export const actions = {
	grade: async ({ params, request, locals }) => {
		retellingOf(getCase(params.module));
		if (await refused(locals, params.module)) return selfStudyOff();
		return retellingGradeAction(params.module, request);
	}
};
