// Every module page knows its module's summary (title, lessons) for navigation, and the module's
// path of steps (lessons and exercises in order) for the stepper and the "next step" links; for a
// class student, the steps the server knows they have done.
import { exercisePagesOf, moduleSteps } from '$lib/content/module-steps';
import { summarise } from '$lib/content/summary';
import { classContext } from '$lib/server/grading/class-work';
import { moduleCase } from '$lib/server/modules';
import { classStepsDone } from '$lib/server/repo/steps-done';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	const ctx = await classContext(locals, c);
	return {
		module: summarise(c),
		steps: moduleSteps({ id: c.id, lessons: c.lessons, exercises: exercisePagesOf(c) }),
		stepsDone: ctx ? await classStepsDone(c, ctx.studentId, ctx.assignment.id) : []
	};
}
