// Step 5, the preview: the case as a student sees it, in the standard sequence every authored case
// gets (read both texts, the definitions with the glossary's words, the warm-up when the case has
// practice items, tag the claims), graded by the same functions as the
// built-in module, so the key shows only for what the instructor checks; and the publish button,
// which runs the full check (every file's schema and the loader's checks across files).
import { fail } from '@sveltejs/kit';
import { GRADING_MODES } from '$lib/content/vocabulary';
import { grade, tagForm } from '$lib/server/grading/tag';
import { gradeForm } from '$lib/server/grading/action';
import { publishAuthoredCase } from '$lib/server/repo/authored-cases';
import { checkOf, NOT_READY, requireOwnCase } from '../case.server';

export async function load({ locals, params, url }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const check = checkOf(own);
	const mode = GRADING_MODES.find((m) => m === url.searchParams.get('feedback')) ?? 'set';
	if (!check.ok) return { ready: false as const, problems: check.problems, mode };
	const c = check.loaded.case;
	return {
		ready: true as const,
		problems: [],
		mode,
		preview: {
			id: c.id,
			title: c.module.title,
			summary: c.module.summary,
			letter: c.letter,
			article: c.article,
			items: c.claims,
			/** how many events the timeline has (0: no timeline) */
			events: c.timeline?.events.length ?? 0,
			/** the warm-up's title and how many items it has (none: no warm-up) */
			practice: c.practice ? { title: c.practice.title, items: c.practice.items.length } : null,
			glossary: c.glossary?.terms ?? []
		}
	};
}

export const actions = {
	grade: async ({ locals, params, request }) => {
		const { own } = await requireOwnCase(locals, params.caseId);
		const check = checkOf(own);
		if (!check.ok) return fail(400, { message: NOT_READY });
		const { case: c, keys } = check.loaded;
		return gradeForm(request, tagForm, (submission) => ({
			result: grade(c, keys, 'letter', submission)
		}));
	},
	publish: async ({ locals, params }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		if (own.versionPublished) {
			return {
				published: `Version ${own.version} is already published: nothing has changed since.`
			};
		}
		const check = checkOf(own);
		if (!check.ok) return fail(400, { message: NOT_READY });
		await publishAuthoredCase(instructorId, own.id, own.version);
		return { published: `Published: version ${own.version} of the case.` };
	}
};
