// Every module page knows its module's summary (title, lessons) for navigation, and the module's
// path of steps (lessons and exercises in order) for the stepper and the "next step" links.
import { exercisePagesOf, moduleSteps } from '$lib/content/module-steps';
import { summarise } from '$lib/content/summary';
import { getCase } from '$lib/server/content';

export function load({ params }) {
	const c = getCase(params.module);
	return {
		module: summarise(c),
		steps: moduleSteps({ id: c.id, lessons: c.lessons, exercises: exercisePagesOf(c) })
	};
}
