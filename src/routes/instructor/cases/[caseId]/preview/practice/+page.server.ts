// The preview's warm-up: the practice text, its worked examples and its items as a student sees
// them on the module's practice page, graded by the same function with the case's practice key,
// so the key of an item shows only once it is checked. Nothing of the key is in the page's data.
import { error, fail } from '@sveltejs/kit';
import { GRADING_MODES } from '$lib/content/vocabulary';
import { gradeForm } from '$lib/server/grading/action';
import { grade, tagForm } from '$lib/server/grading/tag';
import { checkOf, NOT_READY, requireOwnCase } from '../../case.server';

export async function load({ locals, params, url }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const check = checkOf(own);
	// per item, as a self-study student starts the warm-up
	const mode = GRADING_MODES.find((m) => m === url.searchParams.get('feedback')) ?? 'immediate';
	if (!check.ok) return { ready: false as const, problems: check.problems, mode };
	const c = check.loaded.case;
	if (!c.practice) error(404, 'This case has no practice items yet: add them in step 4.');
	const { title, notice, setting, worked, items } = c.practice;
	return {
		ready: true as const,
		problems: [],
		mode,
		preview: { id: c.id, text: { title, notice, setting, worked }, items }
	};
}

export const actions = {
	grade: async ({ locals, params, request }) => {
		const { own } = await requireOwnCase(locals, params.caseId);
		const check = checkOf(own);
		if (!check.ok) return fail(400, { message: NOT_READY });
		const { case: c, keys } = check.loaded;
		if (!c.practice) return fail(400, { message: 'This case has no practice items yet.' });
		return gradeForm(request, tagForm, (submission) => ({
			result: grade(c, keys, 'practice', submission)
		}));
	}
};
