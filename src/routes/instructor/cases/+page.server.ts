// The instructor's own cases: the list, and a form to start a new one (a draft with its title).
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { withFixedFields } from '$lib/content/draft';
import { requireInstructor } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/forms/parse';
import { createAuthoredCase, listAuthoredCases } from '$lib/server/repo/authored-cases';

const NewCaseForm = z.object({
	title: z
		.string({ message: 'enter a title for the case' })
		.trim()
		.min(1, 'enter a title for the case')
		.max(120, 'use at most 120 characters')
});

export async function load({ locals }) {
	const instructor = requireInstructor(locals);
	const cases = await listAuthoredCases(instructor.id);
	return {
		cases: cases.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() }))
	};
}

export const actions = {
	create: async ({ locals, request }) => {
		const instructor = requireInstructor(locals);
		const parsed = await parseForm(request, NewCaseForm, { title: 'Title of the case' });
		if (!parsed.ok) return parsed.failure;
		const { title } = parsed.data;
		const made = await createAuthoredCase(instructor.id, title, (moduleId) =>
			withFixedFields(moduleId, { module: { title } })
		);
		redirect(303, `/instructor/cases/${made.id}/texts`);
	}
};
