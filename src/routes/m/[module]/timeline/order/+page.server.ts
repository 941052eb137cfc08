// The ordering exercise: students put some of the case's events in time order (no dates shown);
// the grade action (grading/order.ts) checks the body against a schema and scores it against the
// content's dates.
import { selfStudyOff } from '$lib/server/auth/self-study';
import { moduleCase } from '$lib/server/modules';
import { mayGrade } from '$lib/server/grading/class-work';
import { orderExercise, orderGradeAction, orderItems } from '$lib/server/grading/order';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	return { items: orderItems(c), selfStudyOff: !(await mayGrade(locals, c)) };
}

export const actions = {
	grade: async ({ request, params, locals }) => {
		const c = await moduleCase(locals, params.module);
		orderExercise(c);
		if (!(await mayGrade(locals, c))) return selfStudyOff();
		return orderGradeAction(c, request);
	}
};
