// Graceful shutdown (no browser, servers of their own): SIGTERM under a load of student hand-ins.
// Every request the server had received gets a whole HTTP response; once it stops listening, a new
// connection is refused (ECONNREFUSED: nothing sent, nothing lost), which the client tells apart
// from a reset; the process closes its database (PGlite: the data folder's lock released) and exits
// 0; after a restart on the same data every acknowledged hand-in is there. On PGlite and on
// PostgreSQL (a database of its own on the server of TEST_DATABASE_URL). The load keeps one
// keep-alive connection per worker, so the requests at the signal are on connections the server
// holds: a request on one that was idle at the signal must be served too, not reset.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Client, succeeded } from '../../bench/client';
import { MODULE, claimIds, keyTags, setUpClass, studentSubmits } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { agentFetch, RequestFailed } from '../../bench/transport';
import { ownDatabase } from '../integration/own-database';
import { testDatabaseUrl } from '../postgres.global';

const WORKERS = 10;
/** acknowledged hand-ins before the signal */
const SIGNAL_AFTER = 30;
const LOCK = 'rebuttal-lab.lock';

interface Backend {
	env: Record<string, string>;
	dataDir?: string;
	cleanup(): Promise<void>;
}

const backends: [string, () => Promise<Backend>][] = [
	[
		'PGlite',
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-shutdown-'));
			return {
				env: { DATA_DIR: dir },
				dataDir: dir,
				cleanup: async () => rmSync(dir, { recursive: true, force: true })
			};
		}
	],
	[
		'PostgreSQL',
		async () => {
			const own = await ownDatabase(testDatabaseUrl(), 'shutdown');
			return { env: { DATABASE_URL: own.url }, cleanup: own.drop };
		}
	]
];

/** Resolves once the server's output shows that it has stopped listening. */
async function stoppedListening(server: RunningServer) {
	for (let i = 0; i < 200 && !server.output().includes('SIGTERM: no new connections'); i++) {
		await new Promise((r) => setTimeout(r, 25));
	}
	expect(server.output()).toContain('SIGTERM: no new connections');
}

/** Nickname -> the letter's answers, from the instructor's JSON export. */
async function exportedLetters(base: string, instructor: Client, classUrl: string) {
	const reader = new Client(base);
	for (const [k, v] of instructor.cookies) reader.cookies.set(k, v);
	const response = await reader.get(`${classUrl}/export.json`);
	expect(response.status).toBe(200);
	const data = JSON.parse(response.text) as {
		students: {
			student: string;
			assignments: {
				module: string;
				sets: { set: string; items: { item: string; tag: string }[] }[];
			}[];
		}[];
	};
	return new Map(
		data.students.map((s) => [
			s.student,
			Object.fromEntries(
				s.assignments
					.find((a) => a.module === MODULE)
					?.sets.find((x) => x.set === 'letter')
					?.items.map((i) => [i.item, i.tag]) ?? []
			)
		])
	);
}

for (const [name, make] of backends) {
	test(`SIGTERM under load: every request received is answered, new connections are refused, exit 0, nothing acknowledged lost (${name})`, async () => {
		test.setTimeout(180_000);
		const backend = await make();
		let server: RunningServer | undefined;
		try {
			server = await startServer(backend.env);
			const running = server;
			const setup = await setUpClass(running.url, { className: 'Shutdown test' });

			const acknowledged: string[] = [];
			const failures: string[] = [];
			let refused = 0;
			let answeredAfterSignal = 0;
			let signalled = false;
			let next = 0;
			const worker = async (w: number) => {
				// one keep-alive connection per worker, as a proxy keeps them
				const fetch = agentFetch({ maxSockets: 1 });
				try {
					for (;;) {
						const nickname = `Stop ${String(++next).padStart(4, '0')}`;
						let run;
						try {
							run = await studentSubmits(
								running.url,
								setup.code,
								nickname,
								keyTags,
								async (...a) => {
									const response = await fetch(...a);
									if (signalled) answeredAfterSignal++;
									return response;
								}
							);
						} catch (error) {
							if (error instanceof RequestFailed && error.refused && signalled) {
								refused++;
								return; // the server is gone: this worker is done
							}
							failures.push(`worker ${w}, ${nickname}: ${String(error)}`);
							return;
						}
						const bad = [run.join, run.grade].find((r) => r && !succeeded(r));
						if (bad || (run.page && run.page.status !== 200)) {
							failures.push(`${nickname}: ${bad?.status} ${bad?.text.slice(0, 200)}`);
							return;
						}
						if (run.grade) acknowledged.push(nickname);
						if (!signalled && acknowledged.length >= SIGNAL_AFTER) {
							signalled = true;
							running.process.kill('SIGTERM');
						}
					}
				} finally {
					fetch.destroy();
				}
			};
			await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
			const code = await running.exited;

			expect(failures, 'requests that got no whole response, or an error').toEqual([]);
			expect(signalled).toBe(true);
			expect(refused, 'workers whose next connection was refused').toBe(WORKERS);
			expect(answeredAfterSignal, 'responses to requests in flight at the signal').toBeGreaterThan(
				0
			);
			expect(code, running.output()).toBe(0);
			expect(running.output()).toContain('The database is closed.');
			if (backend.dataDir) expect(existsSync(join(backend.dataDir, LOCK))).toBe(false);

			// the same data, a new process: every acknowledged hand-in is there
			server = await startServer(backend.env);
			const letters = await exportedLetters(server.url, setup.instructor, setup.classUrl);
			for (const nickname of acknowledged) {
				expect(letters.get(nickname), nickname).toEqual(keyTags);
			}
			expect(acknowledged.length).toBeGreaterThanOrEqual(SIGNAL_AFTER);
			expect(Object.keys(keyTags)).toHaveLength(claimIds.length);
		} finally {
			await server?.stop('SIGKILL');
			await backend.cleanup();
		}
	});
}

test('a keep-alive connection idle at SIGTERM is still served (Connection: close, /healthz 503), then the server exits 0', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-idle-'));
	const server = await startServer({ DATA_DIR: dir });
	const fetch = agentFetch({ maxSockets: 1 });
	try {
		const before = await fetch(`${server.url}/healthz`);
		expect(before.status).toBe(200);
		await before.text(); // the one connection is now idle, kept alive

		server.process.kill('SIGTERM');
		await stoppedListening(server);

		const during = await fetch(`${server.url}/healthz`); // on the idle connection
		expect(during.status).toBe(503);
		expect(during.headers.get('connection')).toBe('close');
		expect(await during.json()).toEqual({ status: 'stopping' });

		const after = await fetch(`${server.url}/healthz`).then(
			() => 'answered',
			(error) => (error instanceof RequestFailed && error.refused ? 'refused' : String(error))
		);
		expect(after).toBe('refused');
		expect(await server.exited).toBe(0);
		expect(existsSync(join(dir, LOCK))).toBe(false);
	} finally {
		fetch.destroy();
		await server.stop('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
