// The instructor's own cases: the list, a form to start a new one (a draft with its title), and
// the import of a case folder's zip (as the editor exports it): read as hostile input (case-zip.ts),
// checked with the draft's schema, stored as a new draft only when nothing is refused.
import { fail, redirect } from '@sveltejs/kit';
import { importFiles } from '$lib/content/case-export';
import type { DraftProblem } from '$lib/content/draft';
import { CaseZipError, readCaseZip, ZIP_LIMITS } from '$lib/server/case-zip';
import { readForm } from '$lib/server/forms/parse';
import { z } from 'zod';
import { withFixedFields } from '$lib/content/draft';
import { requireInstructor } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/forms/parse';
import {
	createAuthoredCase,
	DraftRefused,
	listAuthoredCases
} from '$lib/server/repo/authored-cases';

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
		cases: cases.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
		zipLimitMb: ZIP_LIMITS.zipBytes / (1024 * 1024)
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
	},

	import: async ({ locals, request }) => {
		const instructor = requireInstructor(locals);
		const refused = (message: string, problems: DraftProblem[] = []) =>
			fail(400, { importMessage: message, importProblems: problems.slice(0, 20) });
		const tooBig = `Zip file: use a zip of at most ${ZIP_LIMITS.zipBytes / (1024 * 1024)} MB.`;
		// refused before reading: the form's other fields add a few bytes to the zip's own size
		if (Number(request.headers.get('content-length') ?? 0) > ZIP_LIMITS.zipBytes + 64 * 1024)
			return refused(tooBig);
		const form = await readForm(request);
		const zip = form?.get('zip');
		if (!form) return refused(`Send the zip as a form upload. ${tooBig}`);
		if (!(zip instanceof File) || zip.size === 0)
			return refused('Zip file: choose a zip to import.');
		if (zip.size > ZIP_LIMITS.zipBytes) return refused(tooBig);
		let files;
		try {
			({ files } = await readCaseZip(new Uint8Array(await zip.arrayBuffer())));
		} catch (error) {
			if (error instanceof CaseZipError) return refused(`Zip file: ${error.message}`);
			return refused('Zip file: this is not a zip the server can read.');
		}
		const imported = importFiles(files);
		if (!imported.ok) return refused('The case was not imported:', imported.problems);
		const title = imported.draft.module?.title?.trim() || 'Imported case';
		try {
			const made = await createAuthoredCase(instructor.id, title.slice(0, 120), (moduleId) =>
				withFixedFields(moduleId, imported.draft)
			);
			redirect(303, `/instructor/cases/${made.id}/preview`);
		} catch (error) {
			if (error instanceof DraftRefused)
				return refused('The case was not imported:', error.problems);
			throw error;
		}
	}
};
