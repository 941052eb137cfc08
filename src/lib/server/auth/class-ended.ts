// Why a class student's session ended, so the page can say so: a student's browser also keeps the
// id of their class in a cookie (set at join and resume). When the session cookie no longer
// resolves (the class was deleted, and its students' sessions with it; or the session expired),
// the class cookie tells the two apart: no such class any more means the instructor deleted it.
// The cookie holds only the class id, never who the student is, and is cleared once read. A
// student the instructor removed is recognised by the session itself (removed_sessions).
import type { Cookies } from '@sveltejs/kit';
import { isUuid } from '$lib/server/forms/ids';
import { classExists } from '$lib/server/repo/classes';
import { takeRemovedSession } from '$lib/server/repo/sessions';

export const CLASS_COOKIE = 'class';

export type SessionEnded = 'class-deleted' | 'removed' | 'expired';

const options = (url: URL) => ({
	path: '/',
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: url.protocol === 'https:'
});

/** Remembers the student's class beside their session cookie (same lifetime). */
export function setClassCookie(cookies: Cookies, url: URL, classId: string, expiresAt: Date) {
	cookies.set(CLASS_COOKIE, classId, { ...options(url), expires: expiresAt });
}

export function clearClassCookie(cookies: Cookies, url: URL) {
	cookies.delete(CLASS_COOKIE, options(url));
}

/**
 * For a session cookie that resolved to no one: why, if it was a class student's (null if it was
 * not, or we cannot tell). Clears the class cookie.
 */
export async function whySessionEnded(
	cookies: Cookies,
	url: URL,
	token: string
): Promise<SessionEnded | null> {
	const classId = cookies.get(CLASS_COOKIE);
	if (await takeRemovedSession(token)) {
		if (classId) clearClassCookie(cookies, url);
		return 'removed';
	}
	if (!classId) return null;
	clearClassCookie(cookies, url);
	if (!isUuid(classId)) return null;
	return (await classExists(classId)) ? 'expired' : 'class-deleted';
}
