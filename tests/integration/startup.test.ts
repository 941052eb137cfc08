// The start of the server, in process: the data folder lock (one process per DATA_DIR, a stale
// lock taken over), opening the database with it, the clear error when it cannot be opened, and
// /healthz answering 200 or 503.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
	openAtStart,
	openDatabase,
	useDatabase,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { DataDirLocked, LOCK_FILE, isAlive, lockDataDir } from '../../src/lib/server/db/lock';
import { GET } from '../../src/routes/healthz/+server';

const folders: string[] = [];
const folder = () => {
	const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-startup-'));
	folders.push(dir);
	return dir;
};
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

afterEach(() => {
	useDatabase(undefined);
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the data folder lock', () => {
	it('is a file with our pid, refused to another live process, removed on release', () => {
		const dir = folder();
		const lock = lockDataDir(dir);
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
		lock.release();
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

		// another live process (our parent) holds it
		writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
		expect(isAlive(process.ppid)).toBe(true);
		expect(() => lockDataDir(dir)).toThrow(DataDirLocked);
		expect(() => lockDataDir(dir)).toThrow(
			`The data folder ${dir} is in use by another Rebuttal Lab process (pid ${process.ppid})`
		);
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.ppid));
	});

	it('takes over a lock whose process is gone, or an old one without a pid', () => {
		const dir = folder();
		const dead = deadPid();
		expect(isAlive(dead)).toBe(false);
		writeFileSync(join(dir, LOCK_FILE), `${dead}\n`);
		const lock = lockDataDir(dir);
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
		lock.release();

		writeFileSync(join(dir, LOCK_FILE), 'garbage');
		const old = new Date(Date.now() - 60_000);
		utimesSync(join(dir, LOCK_FILE), old, old);
		lockDataDir(dir).release();
	});

	it('is held while a PGlite data folder is open, and let go when it closes', async () => {
		const dir = folder();
		const config = { kind: 'pglite' as const, dataDir: join(dir, 'pglite'), lockDir: dir };
		const open = await openDatabase(config);
		try {
			expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
		} finally {
			await open.close();
		}
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
		const again = await openDatabase(config);
		await again.close();
	}, 60_000);
});

describe('opening at start', () => {
	it('names the database and the cause when it cannot be opened, and lets go of the folder', async () => {
		const dir = folder();
		const made = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
		await made.close();
		writeFileSync(join(dir, 'pglite', 'global', 'pg_control'), Buffer.alloc(8192, 7));
		const env = { DATA_DIR: dir } as NodeJS.ProcessEnv;
		const started = openAtStart(env);
		await expect(started).rejects.toThrow(
			`Could not open the embedded database in ${join(dir, 'pglite')}`
		);
		await expect(started).rejects.toThrow('The server did not start.');
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	}, 60_000);
});

describe('/healthz', () => {
	it('answers 200 when the database answers, 503 when it does not; never cached', async () => {
		const open = await openDatabase({ kind: 'pglite' });
		try {
			useDatabase(open);
			const ok = await GET();
			expect(ok.status).toBe(200);
			expect(ok.headers.get('cache-control')).toBe('no-store');
			expect(await ok.json()).toEqual({ status: 'ok', database: 'ok' });

			const broken: OpenDatabase = {
				...open,
				db: {
					execute: () => Promise.reject(new Error('connection refused'))
				} as unknown as OpenDatabase['db']
			};
			useDatabase(broken);
			const down = await GET();
			expect(down.status).toBe(503);
			expect(down.headers.get('cache-control')).toBe('no-store');
			expect(await down.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
		} finally {
			await open.close();
		}
	}, 60_000);
});
