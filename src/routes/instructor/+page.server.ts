// The instructor's home: their classes, and a form to make a new one.
import { redirect } from '@sveltejs/kit';
import { requireInstructor } from '$lib/server/auth/guards';
import { createClass, listClassesForInstructor } from '$lib/server/repo/classes';
import { listCases } from '$lib/server/content';
import { CLASS_LABELS, ClassForm } from '$lib/server/forms/classes';
import { parseForm } from '$lib/server/forms/parse';

export async function load({ locals, url }) {
	const instructor = requireInstructor(locals);
	const classes = await listClassesForInstructor(instructor.id);
	return {
		deleted: url.searchParams.has('deleted'),
		instructor: { displayName: instructor.displayName, email: instructor.email },
		classes: classes.map(({ id, name, joinCode, studentCount, assignmentCount, createdAt }) => ({
			id,
			name,
			joinCode,
			studentCount,
			assignmentCount,
			createdAt: createdAt.toISOString()
		})),
		/** every module, for its teaching guide */
		modules: listCases().map((c) => ({ id: c.id, title: c.module.title }))
	};
}

export const actions = {
	create: async ({ locals, request }) => {
		const instructor = requireInstructor(locals);
		const parsed = await parseForm(request, ClassForm, CLASS_LABELS);
		if (!parsed.ok) return parsed.failure;
		const cls = await createClass(instructor.id, parsed.data.name);
		redirect(303, `/instructor/classes/${cls.id}?created=1`);
	}
};
