// The truth sandwich (lesson 7's capstone): the student writes it and assesses it against the
// rubric. A class student hands it in once (stored on the server, repo/exercise-work.ts) and then
// sees it on any device with their instructor's scores and comment once given; in self-study the
// form checks the piece and the page keeps it in this browser. No key is involved.
import { moduleCase } from '$lib/server/modules';
import { classContext } from '$lib/server/grading/class-work';
import { parseForm } from '$lib/server/forms/parse';
import { fail } from '@sveltejs/kit';
import { SANDWICH_TEXT_MAX, rubricTotal } from '$lib/exercises/sandwich/rubric';
import { SANDWICH_LABELS, SandwichForm } from '$lib/exercises/sandwich/submission';
import { sandwichOf } from '$lib/server/reports/student-work';
import { getExerciseWork, handInExerciseWork } from '$lib/server/repo/exercise-work';

async function studentContext(locals: App.Locals, moduleId: string) {
	const c = await moduleCase(locals, moduleId);
	const ctx = locals.instructor ? null : await classContext(locals, c);
	return { c, ctx };
}

export async function load({ params, locals }) {
	const { ctx } = await studentContext(locals, params.module);
	const owner = ctx && {
		studentId: ctx.studentId,
		assignmentId: ctx.assignment.id,
		exercise: 'sandwich' as const
	};
	const stored = owner ? await getExerciseWork(owner) : null;
	return {
		inClass: ctx !== null,
		handedIn: stored ? sandwichOf(stored) : null
	};
}

export const actions = {
	handIn: async ({ params, locals, request }) => {
		const { ctx } = await studentContext(locals, params.module);
		const parsed = await parseForm(request, SandwichForm, SANDWICH_LABELS);
		if (!parsed.ok) {
			// the whole text back (the form's echo keeps 500 characters of a field)
			const text = parsed.form?.get('text');
			return fail(400, {
				...parsed.failure.data,
				text: typeof text === 'string' ? text.slice(0, SANDWICH_TEXT_MAX) : ''
			});
		}
		if (!ctx) {
			// self-study: checked and echoed; the page keeps it in this browser
			return { checked: { ...parsed.data, selfTotal: rubricTotal(parsed.data.self) } };
		}
		const row = await handInExerciseWork(
			{ studentId: ctx.studentId, assignmentId: ctx.assignment.id, exercise: 'sandwich' },
			parsed.data,
			null
		);
		return { handedIn: sandwichOf(row) };
	}
};
