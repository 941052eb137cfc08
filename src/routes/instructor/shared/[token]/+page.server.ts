// A share link of a published case (issue 15): a signed-in instructor sees what is shared and makes
// a draft copy of their own (a form, so it posts without JavaScript; opening the link copies
// nothing). Signed-out visitors and students are sent to sign in; an unknown token is a 404, a
// withdrawn one a 410 saying so.
import { error, redirect } from '@sveltejs/kit';
import { requireInstructor } from '$lib/server/auth/guards';
import { copySharedCase, openShareToken } from '$lib/server/repo/case-shares';

const WITHDRAWN =
	'This link was withdrawn: the instructor who shared the case no longer shares it by this link. Ask them for a new one.';
const UNKNOWN = 'There is no shared case at this link.';

export async function load({ locals, params }) {
	requireInstructor(locals);
	const shared = await openShareToken(params.token);
	if (!shared) error(404, UNKNOWN);
	if (shared.status === 'withdrawn') error(410, WITHDRAWN);
	return { title: shared.title, version: shared.version, sharedBy: shared.sharedBy };
}

export const actions = {
	copy: async ({ locals, params }) => {
		const instructor = requireInstructor(locals);
		const copied = await copySharedCase(instructor.id, params.token);
		if (!copied) error(404, UNKNOWN);
		if (copied.status === 'withdrawn') error(410, WITHDRAWN);
		redirect(303, `/instructor/cases/${copied.caseId}/preview`);
	}
};
