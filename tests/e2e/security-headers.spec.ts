// Security headers (no browser) on every page route: public, student and instructor pages, error
// pages and redirects carry referrer-policy and x-content-type-options; every HTML page carries a
// CSP with frame-ancestors 'none'; the JSON and CSV endpoints carry the non-CSP headers too.
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
		`${setup.classUrl}/present/data`,
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
		for (const path of paths) {
			const response = await client.get(path);
			expect(response.status, path).toBeLessThan(500);
			if (checkHeaders(path, response.status, response.headers)) htmlPages++;
		}
	}
	expect(htmlPages).toBeGreaterThan(30);
	// a form action's JSON answer, too
	const failed = await anonymous.request('/join', {
		method: 'POST',
		body: new URLSearchParams({ code: 'x', nickname: '' }),
		headers: { origin: baseURL!, accept: 'application/json' }
	});
	checkHeaders('/join (action)', failed.status, failed.headers);
});
