// The projector's live figures as JSON, polled every few seconds by the present page. Owner only
// (else 404); the key only for the items named in ?reveal=, as on the page itself.
import { error, json } from '@sveltejs/kit';
import { CLASS_NOT_FOUND, requireOwnClass } from '$lib/server/auth/guards';
import { getCase } from '$lib/server/content';
import { chooseAssignment, chooseSet, presentData } from '$lib/server/dashboard';

export async function GET({ locals, params, url }) {
	// a fetch gets a plain 404 when signed out, not the sign-in page the guard redirects to
	if (!locals.instructor) error(404, CLASS_NOT_FOUND);
	const { cls } = await requireOwnClass(locals, params.classId);
	const { assignment } = await chooseAssignment(cls, url);
	if (!assignment) return json({ message: 'This class has no assignment yet.' }, { status: 404 });
	const set = chooseSet(getCase(assignment.moduleId), url);
	return json(await presentData(assignment, set, url), {
		headers: { 'cache-control': 'no-store' }
	});
}
