// Session cookies for instructors and students. The cookie holds a random token; the database
// holds only its sha256 (repo/sessions.ts), so a leaked database cannot be replayed as cookies.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure on https, for the whole site. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
