// Signing out (instructors and students alike): a POST that ends the session server-side. A GET
// shows the button, so the page also works as a plain link target.
import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/auth/sessions';
import { deleteSession } from '$lib/server/repo/sessions';

export function load({ locals }) {
	return { signedIn: Boolean(locals.instructor || locals.student) };
}

export const actions = {
	default: async ({ cookies, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await deleteSession(token);
		clearSessionCookie(cookies, url);
		redirect(303, '/');
	}
};
