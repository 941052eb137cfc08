// At start: the settings checked, the database opened, locked, migrated and checked, or the start
// fails with a clear message (scripts/serve.js then exits before listening). At a graceful shutdown
// ('sveltekit:shutdown', once every request is answered) the database is closed. On every request:
// session lookup (who is signed in, into event.locals), security headers (the CSP itself comes
// from svelte.config.js; HSTS on https), no caching of anything answered to a session cookie, and
// gzip for what the app renders (lib/server/compress.ts).
import type { Handle, ServerInit } from '@sveltejs/kit';
import { whySessionEnded } from '$lib/server/auth/class-ended';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/auth/sessions';
import { resolveSession } from '$lib/server/repo/sessions';
import { closeDatabase, openAtStart } from '$lib/server/db/client';
import { selfStudySetting } from '$lib/server/auth/self-study';
import { compressResponse } from '$lib/server/compress';

export const init: ServerInit = async () => {
	selfStudySetting(); // a wrong SELF_STUDY stops the start with a message naming it
	await openAtStart();
	process.once('sveltekit:shutdown', () => {
		closeDatabase().then(
			() => console.log('The database is closed.'),
			(error) => {
				console.error('Closing the database failed.', error);
				process.exitCode = 1;
			}
		);
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.instructor = null;
	event.locals.student = null;
	event.locals.sessionEnded = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		try {
			const session = await resolveSession(token);
			event.locals.instructor = session.instructor;
			event.locals.student = session.student;
			if (!session.instructor && !session.student) {
				clearSessionCookie(event.cookies, event.url);
				// a class student's session gone: their class deleted, they were removed from it, or
				// the session expired
				event.locals.sessionEnded = await whySessionEnded(event.cookies, event.url, token);
			}
		} catch (error) {
			// no database: treat the request as signed out (self-study still works), keep the cookie
			console.error('Session lookup failed.', error);
		}
	}

	const response = await resolve(event);
	// a page for a signed-in user (or the answer that signs them in or out) is theirs alone: no
	// shared cache, and no cache of any kind may serve it to another cookie
	if (token || response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))) {
		response.headers.set('cache-control', 'private, no-store');
		response.headers.append('vary', 'Cookie');
	}
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000');
	}
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set(
		'permissions-policy',
		'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	);
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	return compressResponse(event.request, response);
};
