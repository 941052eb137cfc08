// Hostile input (no browser): over 10,000 malformed requests across every form action and endpoint
// in src/routes (wrong types, missing fields, huge bodies, unknown ids, bad codes, markup and
// unicode, JSON or plain text where a form is expected), signed out, as a student and as the
// instructor, against a server of its own. No 5xx; form failures carry a clear message (JSON
// envelope data.message, or role=alert in the HTML page); the database is unchanged afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { Client, pool } from '../../bench/client';
import { setUpClass, studentSubmits } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { CASE, claimIds, loaded } from './content';

const TOTAL = 10_400;
const IN_FLIGHT = 16;
const m = `/m/${CASE}`;
const lesson = loaded.case.lessons[0]!.slug;
const UNKNOWN_UUID = '3f2b8c1e-0000-4000-8000-000000000000';
const TABLES = [
	'instructors',
	'classes',
	'assignments',
	'students',
	'attempts',
	'lesson_progress',
	'check_answers'
];

/** Strings no field accepts as valid for the fields they are sent in (see each target). */
const JUNK = [
	'',
	'   ',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'"; drop table students; --',
	'0',
	'-1',
	'1e309',
	'NaN',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'{"__proto__":{"x":1}}',
	'\u0000\u0001\u0007',
	'\u202e\u200b\ufeff',
	'Zoë 🦊'.repeat(40),
	'𝕏'.repeat(300),
	'x'.repeat(5000),
	'../../etc/passwd',
	'%00%ff',
	'ＡＢＣＤ２３４５'
];

type Fields = Record<string, string | string[]>;
interface Target {
	path: string;
	/** form fields that never make a valid request here */
	fields: (junk: () => string) => Fields;
	who: ('none' | 'student' | 'instructor')[];
	/** the HTML page shows a failure as role=alert */
	alert?: boolean;
}

async function snapshot(server: RunningServer): Promise<Record<string, string>> {
	const db = await PGlite.create(join(server.dataDir, 'pglite'));
	try {
		const out: Record<string, string> = {};
		for (const table of TABLES) {
			const { rows } = await db.query<{ n: number; h: string }>(
				`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`
			);
			out[table] = `${rows[0]!.n} ${rows[0]!.h}`;
		}
		const { rows } = await db.query<{ n: number }>('select count(*)::int as n from sessions');
		out.sessions = String(rows[0]!.n);
		return out;
	} finally {
		await db.close();
	}
}

test('10,000 malformed requests: no 5xx, clear messages, no change to the data', async () => {
	// 10,000 requests: about 50 s on a quiet machine, more than 2 minutes with other suites on 2 cores
	test.setTimeout(360_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-hostile-'));
	let server = await startServer({ DATA_DIR: dataDir }, { quiet: true });
	try {
		const setup = await setUpClass(server.url, { className: 'Hostile' });
		const { student } = await studentSubmits(server.url, setup.code, 'Resident');
		const classPage = await setup.instructor.get(setup.classUrl);
		const assignmentId = /name="assignment" value="([0-9a-f-]{36})"/.exec(classPage.text)?.[1];
		expect(assignmentId).toBeTruthy();
		const residentUrl =
			/href="(\/instructor\/classes\/[0-9a-f-]{36}\/students\/[0-9a-f-]{36})"/.exec(
				classPage.text
			)?.[1];
		expect(residentUrl).toBeTruthy();
		await server.stop();
		const before = await snapshot(server);
		server = await startServer({ DATA_DIR: dataDir }, { quiet: true });
		const base = server.url;
		const clients = {
			none: () => new Client(base),
			student: () => {
				const c = new Client(base);
				for (const [k, v] of student.cookies) c.cookies.set(k, v);
				return c;
			},
			instructor: () => {
				const c = new Client(base);
				for (const [k, v] of setup.instructor.cookies) c.cookies.set(k, v);
				return c;
			}
		};
		const cls = setup.classUrl;
		const badTags = (j: () => string): Fields => ({
			mode: j(),
			attempt: j(),
			[`tag-${claimIds[0]}`]: j(),
			'tag-<x>': 'evidence',
			committed: [j(), j()]
		});
		const targets: Target[] = [
			{ path: `${m}/tag?/grade`, fields: badTags, who: ['none', 'student'], alert: true },
			{ path: `${m}/practice?/grade`, fields: badTags, who: ['none', 'student'], alert: true },
			{ path: `${m}/booster?/grade`, fields: badTags, who: ['none', 'student'] },
			{ path: `/m/no-such-module/tag?/grade`, fields: badTags, who: ['none', 'student'] },
			{
				path: `${m}/map?/grade`,
				fields: (j) => ({ [`link-${claimIds[0]}`]: j(), foo: j() }),
				who: ['none', 'student'],
				alert: true
			},
			{
				path: `${m}/timeline/order?/grade`,
				fields: (j) => ({ 'position-x': j(), position: [j(), j()] }),
				who: ['none'],
				alert: true
			},
			// marking a lesson done: signed out, or a lesson that does not exist
			{ path: `${m}/lessons/${lesson}?/done`, fields: (j) => ({ x: j() }), who: ['none'] },
			{ path: `${m}/lessons/no-such-lesson?/done`, fields: (j) => ({ x: j() }), who: ['student'] },
			// a check answer: signed out (self-study keeps it in the browser), or for no such check
			{
				path: `${m}/lessons/${lesson}?/check`,
				fields: (j) => ({ check: `${j()}!`, answer: j() }),
				who: ['none', 'student'],
				alert: true
			},
			{
				path: '/join',
				fields: (j) => ({ code: `Z${j()}`.slice(0, 40), nickname: j() }),
				who: ['none', 'student'],
				alert: true
			},
			{ path: '/resume', fields: (j) => ({ code: `Q${j()}` }), who: ['none'], alert: true },
			{
				path: '/instructor/signup',
				fields: (j) => ({ email: j(), displayName: j(), password: 'short' }),
				who: ['none'],
				alert: true
			},
			{
				path: '/instructor/signin',
				fields: (j) => ({ email: `${j()}@`, password: j() }),
				who: ['none'],
				alert: true
			},
			{ path: '/instructor/signout', fields: (j) => ({ x: j() }), who: ['none'] },
			{ path: '/student?/signout', fields: (j) => ({ x: j() }), who: ['none'] },
			{
				path: '/instructor?/create',
				fields: (j) => ({ name: [' ', 'x'.repeat(81) + j()][Math.floor(Math.random() * 2)]! }),
				who: ['none', 'student', 'instructor'],
				alert: true
			},
			{
				path: `${cls}?/assign`,
				fields: (j) => ({ moduleId: `${j()}!`, feedbackMode: j(), dueAt: j(), lessonLock: j() }),
				who: ['none', 'student', 'instructor']
			},
			{
				path: `${cls}?/settings`,
				fields: (j) => ({ assignment: assignmentId!, feedbackMode: `${j()}?`, dueAt: j() }),
				who: ['none', 'student', 'instructor']
			},
			{
				path: `${cls}?/settings`,
				fields: (j) => ({ assignment: j(), feedbackMode: 'reveal' }),
				who: ['instructor']
			},
			{
				path: `${cls}?/reveal`,
				fields: (j) => ({ assignment: [j(), UNKNOWN_UUID][Math.floor(Math.random() * 2)]! }),
				who: ['none', 'student', 'instructor']
			},
			{
				path: `${cls}/delete`,
				fields: (j) => ({ confirm: `${j()}no` }),
				who: ['none', 'student', 'instructor']
			},
			// the roster: never a valid nickname (an invisible character), never the ticked box, a
			// student who is not in the class
			{
				path: `${residentUrl}?/rename`,
				fields: (j) => ({ nickname: `${j()}\u200b` }),
				who: ['none', 'student', 'instructor'],
				alert: true
			},
			{
				path: `${residentUrl}?/remove`,
				fields: (j) => ({ confirm: `${j()}!` }),
				who: ['none', 'student', 'instructor'],
				alert: true
			},
			{
				path: `${cls}/students/${UNKNOWN_UUID}?/resetCode`,
				fields: (j) => ({ x: j() }),
				who: ['none', 'student', 'instructor']
			},
			{
				path: `${cls}?/takeBack`,
				fields: (j) => ({ assignment: assignmentId!, confirm: `${j()}no` }),
				who: ['none', 'student', 'instructor']
			},
			{
				path: `/instructor/classes/${UNKNOWN_UUID}?/assign`,
				fields: (j) => ({ moduleId: CASE, feedbackMode: j() }),
				who: ['instructor']
			},
			{
				path: `/instructor/classes/not-a-uuid/delete`,
				fields: () => ({ confirm: 'delete' }),
				who: ['instructor']
			}
		];
		const gets = [
			(j: () => string) => `${cls}/export.csv?ids=${encodeURIComponent(j())}`,
			(j: () => string) => `${cls}/gradebook.csv?ids=${encodeURIComponent(j())}`,
			(j: () => string) => `${cls}/students/${encodeURIComponent(j())}`,
			(j: () => string) => `/instructor/classes/${encodeURIComponent(j())}/export.json`,
			(j: () => string) =>
				`${cls}/present?assignment=${encodeURIComponent(j())}&item=${encodeURIComponent(j())}&reveal=${encodeURIComponent(j())}`,
			// the event stream of a class that is not the instructor's (a 404, never a stream)
			(j: () => string) => `/instructor/classes/${encodeURIComponent(j())}/events`,
			(j: () => string) => `${cls}/dashboard?assignment=${encodeURIComponent(j())}`,
			(j: () => string) =>
				`${cls}/dashboard?set=${encodeURIComponent(j())}&order=${encodeURIComponent(j())}`,
			(j: () => string) =>
				`${cls}/present?assignment=${encodeURIComponent(j())}&set=${encodeURIComponent(j())}`,
			(j: () => string) => `/join/${encodeURIComponent(j())}`,
			(j: () => string) => `/m/${encodeURIComponent(j())}/letter.txt`,
			(j: () => string) => `${m}/tag?feedback=${encodeURIComponent(j())}`,
			(j: () => string) => `${m}/lessons/${encodeURIComponent(j())}`
		];

		const junk = () => JUNK[Math.floor(Math.random() * JUNK.length)]!;
		const problems: string[] = [];
		const statuses = new Map<number, number>();
		const huge = 'a='.concat('x'.repeat(600 * 1024));
		let counted = 0;
		const huges: string[] = [];
		await pool(TOTAL, IN_FLIGHT, async (i) => {
			const kind = i % 10;
			let path = '';
			let status: number;
			let body = '';
			let json: boolean;
			try {
				if (kind === 9) {
					// GET endpoints with junk in the path and query
					const who = (['none', 'student', 'instructor'] as const)[i % 3]!;
					path = gets[i % gets.length]!(junk);
					const r = await clients[who]().get(path);
					status = r.status;
				} else {
					const target = targets[i % targets.length]!;
					const who = target.who[Math.floor(i / targets.length) % target.who.length]!;
					const client = clients[who]();
					path = target.path;
					const headers: Record<string, string> = { origin: base };
					let payload: string;
					if (kind === 0 && i % 500 === 0) {
						payload = huge; // over the adapter's 512 KB limit
						headers['content-type'] = 'application/x-www-form-urlencoded';
					} else if (kind === 1) {
						payload = JSON.stringify(target.fields(junk));
						headers['content-type'] = 'application/json';
					} else if (kind === 2) {
						payload = junk();
						headers['content-type'] = ['text/plain', 'application/xml', ''][i % 3]!;
					} else {
						const form = new URLSearchParams();
						const fields = kind === 3 ? {} : target.fields(junk);
						for (const [k, v] of Object.entries(fields)) {
							for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
						}
						payload = form.toString();
						headers['content-type'] = 'application/x-www-form-urlencoded';
					}
					json = kind !== 4;
					headers.accept = json ? 'application/json' : 'text/html';
					const response = await client.request(path, { method: 'POST', body: payload, headers });
					status = response.status;
					body = await response.text();
					if (payload === huge) {
						const type = /^\{"type":"(\w+)"/.exec(body)?.[1] ?? '';
						huges.push(`${status} ${type} ${path}`);
					}
					if (status < 500 && status !== 413 && status !== 415 && status !== 303) {
						if (json) {
							const envelope = JSON.parse(body);
							if (envelope.type === 'failure') {
								if (!/"message"/.test(envelope.data))
									problems.push(`${path}: failure without message`);
							} else if (envelope.type === 'error') {
								if (!envelope.error?.message) problems.push(`${path}: error without message`);
							} else if (envelope.type !== 'redirect') {
								problems.push(`${path} as ${who}: ${envelope.type} for a malformed request`);
							}
						} else if (status >= 400 && target.alert && !body.includes('role="alert"')) {
							problems.push(`${path} as ${who}: HTML ${status} without role=alert`);
						}
					}
				}
			} catch (error) {
				problems.push(`request ${i} (${path}): ${String(error)}`);
				return;
			}
			counted++;
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
			if (status >= 500) problems.push(`${path}: ${status} ${body.slice(0, 120)}`);
		});
		console.log('hostile-input statuses', Object.fromEntries(statuses));
		// bodies over 512 KB: the adapter's 413, or the action's failure once reading the body fails
		expect(huges.length).toBeGreaterThan(10);
		for (const outcome of huges)
			expect(outcome).toMatch(/^(413|200 (failure|redirect)|\d{3} error)/);
		expect([...new Set(problems)].slice(0, 20)).toEqual([]);
		expect(counted).toBeGreaterThanOrEqual(10_000);

		await server.stop();
		expect(await snapshot(server)).toEqual(before);
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
