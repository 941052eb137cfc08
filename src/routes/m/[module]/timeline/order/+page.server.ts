// The ordering exercise: students put some of the case's events in time order (no dates shown);
// the grade action (grading/order.ts) checks the body against a schema and scores it against the
// content's dates. A class student's order is handed in and stored on the server, its result shown
// as the assignment's feedback mode allows (grading/class-exercises.ts).
import { selfStudyOff } from '$lib/server/auth/self-study';
import { moduleCase } from '$lib/server/modules';
import { classContext, mayGrade } from '$lib/server/grading/class-work';
import { classOrderGradeAction, loadClassOrder } from '$lib/server/grading/class-exercises';
import { orderExercise, orderGradeAction, orderItems } from '$lib/server/grading/order';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	const ctx = locals.instructor ? null : await classContext(locals, c);
	return {
		items: orderItems(c),
		selfStudyOff: !(await mayGrade(locals, c)),
		inClass: ctx !== null,
		handedIn: ctx ? await loadClassOrder(c, ctx) : null
	};
}

export const actions = {
	grade: async ({ request, params, locals }) => {
		const c = await moduleCase(locals, params.module);
		orderExercise(c);
		if (!(await mayGrade(locals, c))) return selfStudyOff();
		const ctx = locals.instructor ? null : await classContext(locals, c);
		if (ctx) return classOrderGradeAction(c, request, ctx);
		return orderGradeAction(c, request);
	}
};
