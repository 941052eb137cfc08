// The class's live signal for the dashboard and present mode (server-sent events): one long
// request per open page instead of a poll every few seconds; the page reloads its figures only
// when a student's work has changed. Owner only (a plain 404 otherwise, as for a fetch).
import { error } from '@sveltejs/kit';
import { CLASS_NOT_FOUND, requireOwnClass } from '$lib/server/auth/guards';
import { classEventStream } from '$lib/server/repo/class-events';

export async function GET({ locals, params }) {
	if (!locals.instructor) error(404, CLASS_NOT_FOUND);
	const { cls } = await requireOwnClass(locals, params.classId);
	return classEventStream(cls.id);
}
