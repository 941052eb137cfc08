// Crash safety (no browser): the built server takes a load of student submissions, is killed with
// SIGKILL in the middle, restarts on the same data, and every submission it answered with success
// is still there (read back through the instructor's JSON export). On PGlite, and on PostgreSQL (a
// fresh database on the server of TEST_DATABASE_URL, which the global set-up provides, dropped
// afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { Client, pool, succeeded } from '../../bench/client';
import { MODULE, claimIds, keyTags, setUpClass, studentSubmits } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { testDatabaseUrl } from '../postgres.global';

const STUDENTS = 300;
const IN_FLIGHT = 10;
/** successful submissions before the kill */
const KILL_AFTER = 40;

interface Backend {
	name: string;
	env: Record<string, string>;
	cleanup(): Promise<void>;
}

async function pgliteBackend(): Promise<Backend> {
	const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-crash-'));
	return {
		name: 'PGlite',
		env: { DATA_DIR: dir },
		cleanup: async () => rmSync(dir, { recursive: true, force: true })
	};
}

async function postgresBackend(url: string): Promise<Backend> {
	const name = `crash_${randomBytes(6).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const own = new URL(url);
	own.pathname = `/${name}`;
	return {
		name: 'PostgreSQL',
		env: { DATABASE_URL: own.toString() },
		cleanup: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}

const backends: [string, () => Promise<Backend>][] = [
	['PGlite', pgliteBackend],
	['PostgreSQL', () => postgresBackend(testDatabaseUrl())]
];

for (const [name, make] of backends) {
	test(`a SIGKILL mid-load loses no acknowledged submission (${name})`, async () => {
		test.setTimeout(120_000);
		const backend = await make();
		let server: RunningServer | undefined;
		try {
			server = await startServer(backend.env);
			const setup = await setUpClass(server.url, { className: 'Crash test' });
			const joined = new Set<string>();
			const graded = new Set<string>();
			let killed = false;
			const running = server;
			const load = pool(STUDENTS, IN_FLIGHT, async (i) => {
				if (killed) return;
				const nickname = `Crash ${String(i + 1).padStart(3, '0')}`;
				try {
					const run = await studentSubmits(running.url, setup.code, nickname);
					if (succeeded(run.join)) joined.add(nickname);
					if (run.grade && succeeded(run.grade)) {
						const data = run.grade.data as { result?: { committed: string[] } };
						expect(data.result?.committed).toHaveLength(claimIds.length);
						graded.add(nickname);
					}
				} catch {
					// the server went away mid-request: not acknowledged, nothing to check
				}
				if (!killed && graded.size >= KILL_AFTER) {
					killed = true;
					running.process.kill('SIGKILL');
				}
			});
			await load;
			if (!killed) running.process.kill('SIGKILL');
			await server.stop();
			expect(graded.size).toBeGreaterThanOrEqual(KILL_AFTER);

			// the same data, a new process
			server = await startServer(backend.env);
			const instructor = new Client(server.url);
			for (const [k, v] of setup.instructor.cookies) instructor.cookies.set(k, v);
			const response = await instructor.get(`${setup.classUrl}/export.json`);
			expect(response.status).toBe(200);
			const exported = JSON.parse(response.text) as {
				students: {
					student: string;
					assignments: {
						module: string;
						sets: {
							set: string;
							items: { item: string; tag: string }[];
							total: { committed: number };
						}[];
					}[];
				}[];
			};
			const byName = new Map(exported.students.map((s) => [s.student, s]));
			for (const nickname of joined) expect(byName.has(nickname), nickname).toBe(true);
			for (const nickname of graded) {
				const letter = byName
					.get(nickname)
					?.assignments.find((a) => a.module === MODULE)
					?.sets.find((s) => s.set === 'letter');
				expect(letter?.total.committed, nickname).toBe(claimIds.length);
				expect(Object.fromEntries(letter!.items.map((i) => [i.item, i.tag])), nickname).toEqual(
					keyTags
				);
			}

			// and the restarted server takes new work
			const late = await studentSubmits(server.url, setup.code, 'After the crash');
			expect(late.grade && succeeded(late.grade)).toBe(true);
		} finally {
			await server?.stop();
			await backend.cleanup();
		}
	});
}
