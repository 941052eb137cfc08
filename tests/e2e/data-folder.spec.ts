// One server per data folder, and never a server that listens while its database is broken (no
// browser; servers of their own). A second server on a DATA_DIR in use exits at once, non-zero,
// naming the folder and the first server's pid, and the first keeps every write it acknowledged
// (read back after a restart); a lock left by a killed server is taken over. A damaged copy of a
// data folder, or a wrong setting, makes the process exit non-zero with a clear message before it
// listens. /healthz answers 200 with a small JSON, never cached.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Client, succeeded } from '../../bench/client';
import { MODULE, claimIds, setUpClass, studentSubmits } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { refusedStart } from './servers';

const LOCK = 'rebuttal-lab.lock';

interface Exported {
	students: { student: string; assignments: { module: string; sets: ExportSet[] }[] }[];
}
interface ExportSet {
	set: string;
	total: { committed: number };
}

/** Nickname -> committed letter items, from the instructor's JSON export. */
async function committedByStudent(server: RunningServer, instructor: Client, classUrl: string) {
	const reader = new Client(server.url);
	for (const [k, v] of instructor.cookies) reader.cookies.set(k, v);
	const response = await reader.get(`${classUrl}/export.json`);
	expect(response.status).toBe(200);
	const data = JSON.parse(response.text) as Exported;
	return new Map(
		data.students.map((s) => [
			s.student,
			s.assignments.find((a) => a.module === MODULE)?.sets.find((x) => x.set === 'letter')?.total
				.committed ?? 0
		])
	);
}

test('a second server on the same data folder exits at once; the first keeps every acknowledged write', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-lock-'));
	let first: RunningServer | undefined = await startServer({ DATA_DIR: dir });
	try {
		expect(readFileSync(join(dir, LOCK), 'utf8').trim()).toBe(String(first.process.pid));
		const setup = await setUpClass(first.url, { className: 'One folder' });
		const acknowledged: string[] = [];
		const submit = async (nickname: string) => {
			const run = await studentSubmits(first!.url, setup.code, nickname);
			if (run.grade && succeeded(run.grade)) acknowledged.push(nickname);
		};
		for (let i = 0; i < 5; i++) await submit(`Before ${i}`);

		// the second server on the same folder
		const second = await refusedStart({ DATA_DIR: dir });
		expect(second.code).not.toBe(0);
		expect(second.code).not.toBeNull();
		expect(second.listened).toBe(false);
		expect(second.output).toContain(`The data folder ${dir} is in use`);
		expect(second.output).toContain(`(pid ${first.process.pid})`);
		expect(readFileSync(join(dir, LOCK), 'utf8').trim()).toBe(String(first.process.pid));

		// the first goes on taking work, then stops cleanly and lets go of the folder
		for (let i = 0; i < 5; i++) await submit(`After ${i}`);
		expect(acknowledged).toHaveLength(10);
		await first.stop();
		expect(existsSync(join(dir, LOCK))).toBe(false);

		// every acknowledged write is there after a restart
		first = await startServer({ DATA_DIR: dir });
		const committed = await committedByStudent(first, setup.instructor, setup.classUrl);
		for (const nickname of acknowledged)
			expect(committed.get(nickname), nickname).toBe(claimIds.length);

		// a server killed outright leaves its lock behind: the next start takes it over
		await first.stop('SIGKILL');
		const stale = readFileSync(join(dir, LOCK), 'utf8').trim();
		expect(stale).toBe(String(first.process.pid));
		first = await startServer({ DATA_DIR: dir });
		expect(readFileSync(join(dir, LOCK), 'utf8').trim()).toBe(String(first.process.pid));
		expect((await committedByStudent(first, setup.instructor, setup.classUrl)).size).toBe(10);
	} finally {
		await first?.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a damaged data folder or a wrong setting: a clear message, a non-zero exit, never listening', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-damaged-'));
	const copies: string[] = [];
	try {
		const server = await startServer({ DATA_DIR: dir });
		await setUpClass(server.url, { className: 'To be damaged' });
		await server.stop();

		const damages: [string, (pglite: string) => void][] = [
			[
				'write-ahead log zeroed',
				(pglite) => {
					const wal = join(pglite, 'pg_wal');
					for (const name of readdirSync(wal).filter((n) => /^[0-9A-F]{24}$/.test(n))) {
						writeFileSync(join(wal, name), Buffer.alloc(16 * 1024 * 1024));
					}
				}
			],
			[
				'control file overwritten',
				(pglite) => writeFileSync(join(pglite, 'global', 'pg_control'), Buffer.alloc(8192, 7))
			]
		];
		for (const [what, damage] of damages) {
			const copy = mkdtempSync(join(tmpdir(), 'rebuttal-lab-damaged-copy-'));
			copies.push(copy);
			cpSync(dir, copy, { recursive: true });
			damage(join(copy, 'pglite'));
			const started = await refusedStart({ DATA_DIR: copy });
			expect(started.code, what).toBe(1);
			expect(started.listened, what).toBe(false);
			expect(started.output, what).toContain('Rebuttal Lab did not start.');
			expect(started.output, what).toContain(
				`Could not open the embedded database in ${join(copy, 'pglite')}`
			);
			// and it let go of the folder
			expect(existsSync(join(copy, LOCK)), what).toBe(false);
		}

		const wrong = await refusedStart({ DATA_DIR: dir, SELF_STUDY: 'sometimes' });
		expect(wrong.code).toBe(1);
		expect(wrong.listened).toBe(false);
		expect(wrong.output).toContain('SELF_STUDY must be "on" or "off"; it is "sometimes".');
	} finally {
		for (const folder of [dir, ...copies]) rmSync(folder, { recursive: true, force: true });
	}
});

test('/healthz answers 200 with a small JSON, not cached', async () => {
	const server = await startServer();
	try {
		const response = await fetch(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
	} finally {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	}
});
