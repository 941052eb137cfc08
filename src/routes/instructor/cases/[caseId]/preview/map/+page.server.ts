// The preview's map: link each claim sentence to the allegations it answers, graded by the map's
// own grader with the case's key; the tags on the map come only from the answers checked in the
// preview's tagging exercise in this browser, as for a self-study student.
import { fail } from '@sveltejs/kit';
import { gradeForm } from '$lib/server/grading/action';
import { gradeMap, mapForm } from '$lib/server/grading/map';
import { selfStudyTagging } from '$lib/server/grading/visible-key';
import { checkOf, NOT_READY, requireOwnCase } from '../../case.server';

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const check = checkOf(own);
	if (!check.ok) return { ready: false as const, problems: check.problems };
	const c = check.loaded.case;
	return {
		ready: true as const,
		problems: [],
		preview: {
			id: c.id,
			items: c.claims,
			allegations: c.article.allegations.map(({ id, short, summary, attribution }) => ({
				id,
				short,
				summary,
				attribution
			}))
		}
	};
}

export const actions = {
	grade: async ({ locals, params, request }) => {
		const { own } = await requireOwnCase(locals, params.caseId);
		const check = checkOf(own);
		if (!check.ok) return fail(400, { message: NOT_READY });
		const { case: c, keys } = check.loaded;
		return gradeForm(request, mapForm(c), (submission, form) => ({
			result: gradeMap(c, keys, submission, selfStudyTagging(c, keys, form))
		}));
	}
};
