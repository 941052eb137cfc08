// The production layout of the README, for real (no browser): deploy/nginx.conf (checked by
// `nginx -t`, then run, with a self-signed certificate made here) in front of two app processes on
// one PostgreSQL database (a database of its own on the server of TEST_DATABASE_URL). Plain http
// is redirected to https; pages carry HSTS (the apps know the visitor came over TLS); the sign-in
// limit of one visitor's address holds across both processes and spares another address; and a
// rolling restart (each process in turn stopped with SIGTERM and started again) under a load of
// students loses no request and no hand-in: nginx sends new requests to the process still up, and
// a student's session made on one process is good on the other. The dashboard's event stream
// passes nginx as it is written, and carries a hand-in that the other process served.
import { randomUUID } from 'node:crypto';
import type { ClientRequest } from 'node:http';
import { get as httpsGet } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Client, succeeded, type ActionResult } from '../../bench/client';
import { MODULE, keyTags, setUpClass, studentSubmits } from '../../bench/classroom';
import {
	selfSignedCertificate,
	siteConfig,
	startNginx,
	testConfig,
	type RunningNginx,
	type SiteOptions
} from '../../bench/nginx';
import { freePort, startServer, type RunningServer } from '../../bench/server';
import { agentFetch } from '../../bench/transport';
import { ownDatabase } from '../integration/own-database';
import { testDatabaseUrl } from '../postgres.global';

const PASSWORD = 'correct horse battery staple';

/** The status of an action: an HTTP error's, else the one in SvelteKit's envelope. */
const statusOf = (r: ActionResult) => {
	if (r.status >= 400) return r.status;
	const envelope = JSON.parse(r.text) as { type: string; status?: number };
	return envelope.type === 'redirect' ? 303 : (envelope.status ?? r.status);
};
const WORKERS = 6;

/** An open `text/event-stream` over https, read as it arrives (fetch would wait for the end). */
function openEventStream(url: string, cookies: Map<string, string>, ca: string) {
	let received = '';
	const waiting = new Set<() => void>();
	let request: ClientRequest;
	const headers = new Promise<Record<string, unknown>>((resolve, reject) => {
		request = httpsGet(
			url,
			{
				ca,
				headers: {
					accept: 'text/event-stream',
					cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				}
			},
			(response) => {
				resolve({ status: response.statusCode, ...response.headers });
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => {
					received += chunk;
					for (const check of waiting) check();
				});
			}
		);
		request.on('error', reject);
	});
	return {
		headers,
		/** resolves once the stream so far matches (the test's own timeout bounds the wait) */
		until: (pattern: RegExp) =>
			new Promise<void>((resolve) => {
				const check = () => {
					if (!pattern.test(received)) return;
					waiting.delete(check);
					resolve();
				};
				waiting.add(check);
				check();
			}),
		close: () => request.destroy()
	};
}

test('deploy/nginx.conf in front of two app processes on PostgreSQL: TLS, client addresses, a rolling restart that loses nothing', async () => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-deploy-'));
	const database = await ownDatabase(testDatabaseUrl(), 'deploy');
	const apps: RunningServer[] = [];
	let nginx: RunningNginx | undefined;
	const fetchers: ReturnType<typeof agentFetch>[] = [];
	try {
		const site: SiteOptions = {
			upstreams: [await freePort(), await freePort()],
			httpPort: await freePort(),
			httpsPort: await freePort(),
			certificate: selfSignedCertificate(dir)
		};
		const checked = testConfig(siteConfig(site));
		expect(checked.output).toContain('test is successful');
		expect(checked.code).toBe(0);

		const base = `https://127.0.0.1:${site.httpsPort}`;
		const appEnv = (port: number) => ({
			PORT: String(port),
			DATABASE_URL: database.url,
			ORIGIN: base,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		});
		for (const port of site.upstreams) apps.push(await startServer(appEnv(port)));
		nginx = await startNginx(site);
		const from = (address: string) => {
			const fetch = agentFetch({ ca: site.certificate.pem, localAddress: address });
			fetchers.push(fetch);
			return fetch;
		};

		// plain http: a redirect to https, and nothing of the app
		const plain = await fetch(`http://127.0.0.1:${site.httpPort}/m/${MODULE}`, {
			redirect: 'manual'
		});
		expect(plain.status).toBe(301);
		expect(plain.headers.get('location')).toBe(`https://127.0.0.1/m/${MODULE}`);

		// https: the app, with HSTS, and no nginx version given away
		const visitor = new Client(base, from('127.0.0.2'));
		const home = await visitor.get('/');
		expect(home.status).toBe(200);
		expect(home.headers.get('strict-transport-security')).toBe('max-age=31536000');
		expect(home.headers.get('server')).toBe('nginx');

		// one visitor's wrong passwords lock that address out on both processes; another address
		// signs in (the limits count in the database, per address as nginx saw it)
		const email = `deploy-${randomUUID()}@example.org`;
		const signup = await visitor.action('/instructor/signup', {
			email,
			displayName: 'Deploy',
			password: PASSWORD
		});
		expect(succeeded(signup), signup.text).toBe(true);
		for (let i = 0; i < 5; i++) {
			const wrong = await new Client(base, from('127.0.0.2')).action('/instructor/signin', {
				email,
				password: 'not the password'
			});
			expect(statusOf(wrong), wrong.text).toBe(400);
		}
		for (let i = 0; i < 4; i++) {
			// least_conn spreads these over both processes: every one refuses
			const locked = await new Client(base, from('127.0.0.2')).action('/instructor/signin', {
				email,
				password: PASSWORD
			});
			expect(statusOf(locked), locked.text).toBe(429);
		}
		const other = await new Client(base, from('127.0.0.3')).action('/instructor/signin', {
			email,
			password: PASSWORD
		});
		expect(succeeded(other), other.text).toBe(true);

		// a rolling restart under load
		const setup = await setUpClass(base, {
			className: 'Rolling restart',
			fetch: from('127.0.0.4')
		});
		// the dashboard's event stream passes nginx unbuffered, and a hand-in served by the other
		// process reaches it (PostgreSQL NOTIFY between processes; least_conn sends the hand-in to
		// the process without the open stream)
		const stream = openEventStream(
			`${base}${setup.classUrl}/events`,
			setup.instructor.cookies,
			site.certificate.pem
		);
		try {
			expect(await stream.headers).toMatchObject({ 'content-type': /text\/event-stream/ });
			await stream.until(/: listening/);
			const handIn = await studentSubmits(base, setup.code, 'Streamed', keyTags, from('127.0.0.6'));
			expect(handIn.grade && succeeded(handIn.grade), handIn.grade?.text).toBe(true);
			await stream.until(/event: change/);
		} finally {
			stream.close();
		}

		const acknowledged: string[] = [];
		const failures: string[] = [];
		let restarting = true;
		let next = 0;
		const worker = async () => {
			const fetch = from('127.0.0.5');
			while (restarting) {
				const nickname = `Rolling ${String(++next).padStart(4, '0')}`;
				try {
					const run = await studentSubmits(base, setup.code, nickname, keyTags, fetch);
					const bad = [run.join, run.grade].find((r) => !r || !succeeded(r));
					if (bad || run.page?.status !== 200) {
						failures.push(
							`${nickname}: ${bad?.status ?? run.page?.status} ${bad?.text.slice(0, 200)}`
						);
					} else {
						acknowledged.push(nickname);
						// the session made on one process is good on whichever serves the next request
						const mine = await run.student.get('/student');
						if (mine.status !== 200) failures.push(`${nickname}: /student ${mine.status}`);
					}
				} catch (error) {
					failures.push(`${nickname}: ${String(error)}`);
				}
			}
		};
		const load = Promise.all(Array.from({ length: WORKERS }, worker));
		const enough = async (n: number) => {
			while (acknowledged.length < n && failures.length === 0) {
				await new Promise((r) => setTimeout(r, 50));
			}
		};
		try {
			for (let i = 0; i < apps.length; i++) {
				await enough(acknowledged.length + 10);
				const app = apps[i]!;
				await app.stop('SIGTERM');
				expect(await app.exited, app.output()).toBe(0);
				await enough(acknowledged.length + 10); // the other process serves everyone
				apps[i] = await startServer(appEnv(site.upstreams[i]!));
				// nginx tries the restarted process again after fail_timeout (5 s)
				await new Promise((r) => setTimeout(r, 6000));
			}
			await enough(acknowledged.length + 10);
		} finally {
			restarting = false;
			await load;
		}
		expect(failures).toEqual([]);
		expect(acknowledged.length).toBeGreaterThanOrEqual(40);

		// every acknowledged hand-in is in the class's export
		const exported = await setup.instructor.get(`${setup.classUrl}/export.json`);
		expect(exported.status).toBe(200);
		const students = new Set(
			(JSON.parse(exported.text) as { students: { student: string }[] }).students.map(
				(s) => s.student
			)
		);
		for (const nickname of acknowledged) expect(students.has(nickname), nickname).toBe(true);
	} finally {
		for (const fetch of fetchers) fetch.destroy();
		await nginx?.stop();
		for (const app of apps) await app.stop('SIGKILL');
		await database.drop();
		rmSync(dir, { recursive: true, force: true });
	}
});
