// Security headers (no browser) on every page route: public, student and instructor pages, error
// pages and redirects carry referrer-policy and x-content-type-options; every HTML page carries a
// CSP with frame-ancestors 'none'; the JSON and CSV endpoints carry the non-CSP headers too.
// Whatever is answered to a session cookie (or sets one) is private and not stored by any cache;
// HSTS comes with https only.
import { expect, test } from '@playwright/test';
import { Client } from '../../bench/client';
import { setUpClass, studentSubmits } from '../../bench/classroom';
import { CASE, loaded } from './content';

const m = `/m/${CASE}`;
const lesson = loaded.case.lessons[0]!.slug;

const PUBLIC = [
	'/',
	'/about',
	m,
	`${m}/lessons/${lesson}`,
	`${m}/letter`,
	`${m}/letter.txt`,
	`${m}/tag`,
	`${m}/practice`,
	`${m}/booster`,
	`${m}/glossary`,
	`${m}/instructor`,
	`${m}/map`,
	`${m}/timeline`,
	`${m}/timeline/order`,
	'/join',
	'/join/ABCD2345',
	'/resume',
	'/instructor/signin',
	'/instructor/signup',
	'/instructor/signout',
	// error pages and redirects
	'/no-such-page',
	'/m/no-such-module',
	`${m}/lessons/no-such-lesson`,
	'/student',
	'/instructor',
	'/instructor/classes/00000000-0000-0000-0000-000000000000'
];

/** The page's data request (what client-side navigation fetches): /path/__data.json. */
const dataOf = (path: string) =>
	/\.(csv|json|txt)$|\/data$|\/signout$/.test(path)
		? path
		: `${path === '/' ? '' : path.split('?')[0]}/__data.json`;

function checkHeaders(path: string, status: number, headers: Headers) {
	expect(headers.get('referrer-policy'), path).toBe('same-origin');
	expect(headers.get('x-content-type-options'), path).toBe('nosniff');
	const html = (headers.get('content-type') ?? '').includes('text/html');
	if (html) {
		const csp = headers.get('content-security-policy') ?? '';
		expect(csp, `${path} (${status})`).toContain("frame-ancestors 'none'");
		expect(csp, path).toContain("default-src 'self'");
		expect(csp, path).not.toContain("'unsafe-eval'");
	}
	return html;
}

test('every page carries the security headers', async ({ baseURL }) => {
	test.setTimeout(60_000);
	const anonymous = new Client(baseURL!);
	const setup = await setUpClass(baseURL!, { className: 'Headers' });
	const { student } = await studentSubmits(baseURL!, setup.code, 'Header Student');
	const instructorPages = [
		'/instructor',
		setup.classUrl,
		`${setup.classUrl}/dashboard`,
		`${setup.classUrl}/present`,
		`${setup.classUrl}/delete`,
		`${setup.classUrl}/export.csv`,
		`${setup.classUrl}/export.json`,
		'/instructor/signup',
		'/instructor/classes/00000000-0000-0000-0000-000000000000'
	];
	const studentPages = ['/student', `${m}/tag`, `${m}/practice`, `${m}/lessons/${lesson}`, '/join'];
	let htmlPages = 0;
	for (const [client, paths] of [
		[anonymous, PUBLIC],
		[setup.instructor, instructorPages],
		[student, studentPages]
	] as const) {
		const signedIn = client !== anonymous;
		for (const path of [...paths, ...paths.map(dataOf)]) {
			const response = await client.get(path);
			expect(response.status, path).toBeLessThan(500);
			if (checkHeaders(path, response.status, response.headers)) htmlPages++;
			const cache = response.headers.get('cache-control') ?? '';
			if (signedIn) {
				expect(cache, `${path} signed in`).toBe('private, no-store');
				expect(response.headers.get('vary') ?? '', path).toMatch(/\bCookie\b/i);
			} else if (!path.endsWith('__data.json')) {
				// (SvelteKit marks every __data.json private itself)
				expect(cache, `${path} signed out`).not.toContain('private');
			}
			expect(response.headers.get('strict-transport-security'), path).toBeNull();
		}
	}
	expect(htmlPages).toBeGreaterThan(30);

	// the answer that signs someone in sets the cookie: private too
	const signIn = await new Client(baseURL!).request('/join', {
		method: 'POST',
		body: new URLSearchParams({ code: setup.code, nickname: 'Cache check' }),
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	expect(signIn.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(true);
	expect(signIn.headers.get('cache-control')).toBe('private, no-store');

	// behind a TLS proxy (X-Forwarded-Proto: https), HSTS
	for (const path of ['/', `${m}/letter`, '/instructor/signin']) {
		const secure = await anonymous.get(path, { 'x-forwarded-proto': 'https' });
		expect(secure.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
	}
	// a form action's JSON answer, too
	const failed = await anonymous.request('/join', {
		method: 'POST',
		body: new URLSearchParams({ code: 'x', nickname: '' }),
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	checkHeaders('/join (action)', failed.status, failed.headers);
});
