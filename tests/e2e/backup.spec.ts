// Backup and restore (no browser, servers of their own), as the README documents them: two classes
// with students' work, a backup, a restore into a fresh data folder (PGlite: npm run backup and
// npm run restore) or a fresh database (PostgreSQL: pg_dump and pg_restore), a server started on
// the restored copy, and every class, student and attempt found there as before (the instructors'
// exports, equal but for their time stamp), the instructors' and students' sessions still valid.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Client, succeeded } from '../../bench/client';
import { claimIds, setUpClass, studentSubmits, type ClassSetup } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { findPostgresBindir } from '../../scripts/test-postgres';
import { ownDatabase } from '../integration/own-database';
import { testDatabaseUrl } from '../postgres.global';

const STUDENTS_PER_CLASS = 6;

interface Work {
	classes: ClassSetup[];
	students: { client: Client; nickname: string }[];
	/** class url -> its JSON export without the time stamp */
	exports: Map<string, unknown>;
}

function signedIn(base: string, as: Client): Client {
	const client = new Client(base);
	for (const [k, v] of as.cookies) client.cookies.set(k, v);
	return client;
}

async function exportOf(base: string, setup: ClassSetup) {
	const response = await signedIn(base, setup.instructor).get(`${setup.classUrl}/export.json`);
	expect(response.status).toBe(200);
	const { exportedAt, ...rest } = JSON.parse(response.text) as { exportedAt: string };
	expect(exportedAt).toBeTruthy();
	return rest;
}

/** Two classes, each with students who handed in the letter (one student joined only). */
async function makeWork(server: RunningServer): Promise<Work> {
	const classes: ClassSetup[] = [];
	const students: Work['students'] = [];
	for (const name of ['Backup A', 'Backup B']) {
		const setup = await setUpClass(server.url, { className: name });
		classes.push(setup);
		for (let i = 0; i < STUDENTS_PER_CLASS; i++) {
			const nickname = `${name} ${i}`;
			const run = await studentSubmits(server.url, setup.code, nickname);
			expect(run.grade?.status).toBe(200);
			students.push({ client: run.student, nickname });
		}
		const late = await new Client(server.url).action('/join', {
			code: setup.code,
			nickname: `${name} joined only`
		});
		expect(succeeded(late), late.text).toBe(true);
	}
	const exports = new Map<string, unknown>();
	for (const setup of classes) exports.set(setup.classUrl, await exportOf(server.url, setup));
	return { classes, students, exports };
}

/** The restored server holds the same classes, students and attempts, and the same sessions. */
async function expectSameWork(server: RunningServer, work: Work) {
	for (const setup of work.classes) {
		expect(await exportOf(server.url, setup)).toEqual(work.exports.get(setup.classUrl));
		const mine = await signedIn(server.url, setup.instructor).get('/instructor');
		expect(mine.status).toBe(200);
		expect(mine.text).toContain(setup.classUrl);
	}
	for (const { client, nickname } of work.students) {
		const page = await signedIn(server.url, client).get('/student');
		expect(page.status).toBe(200);
		expect(page.text).toContain(`as <strong>${nickname}</strong>`);
		expect(page.text).toContain(`${claimIds.length} of ${claimIds.length} answered`);
	}
	const sample = work.exports.get(work.classes[0]!.classUrl) as { students: unknown[] };
	expect(sample.students).toHaveLength(STUDENTS_PER_CLASS + 1);
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(command, args, {
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

test('PGlite: npm run backup, npm run restore into a fresh data folder, and every class and attempt is there', async () => {
	test.setTimeout(180_000);
	const root = mkdtempSync(join(tmpdir(), 'rebuttal-lab-backup-'));
	const [original, restored, archive] = ['original', 'restored', 'backup.tar.gz'].map((n) =>
		join(root, n)
	) as [string, string, string];
	let server: RunningServer | undefined;
	try {
		server = await startServer({ DATA_DIR: original });
		const work = await makeWork(server);

		// while the server runs, the folder is its alone: the backup says to stop it first
		const busy = run('npm', ['run', '-s', 'backup', '--', archive], { DATA_DIR: original });
		expect(busy.code).toBe(1);
		expect(busy.output).toContain(`is using ${original}. Stop it first`);

		await server.stop();
		expect(await server.exited).toBe(0);
		const backup = run('npm', ['run', '-s', 'backup', '--', archive], { DATA_DIR: original });
		expect(backup.code, backup.output).toBe(0);
		expect(backup.output).toContain(`2 classes, ${2 * (STUDENTS_PER_CLASS + 1)} students`);

		const restore = run('npm', ['run', '-s', 'restore', '--', archive], { DATA_DIR: restored });
		expect(restore.code, restore.output).toBe(0);
		expect(restore.output).toContain('2 classes');
		// a restore never overwrites a database
		const again = run('npm', ['run', '-s', 'restore', '--', archive], { DATA_DIR: restored });
		expect(again.code).toBe(1);
		expect(again.output).toContain('already holds a database');

		server = await startServer({ DATA_DIR: restored });
		await expectSameWork(server, work);
	} finally {
		await server?.stop();
		rmSync(root, { recursive: true, force: true });
	}
});

test('PostgreSQL: pg_dump, pg_restore into a fresh database, and every class and attempt is there', async () => {
	test.setTimeout(180_000);
	const bindir = findPostgresBindir();
	expect(bindir, "PostgreSQL's programs (pg_dump, pg_restore)").toBeTruthy();
	const root = mkdtempSync(join(tmpdir(), 'rebuttal-lab-pgdump-'));
	const archive = join(root, 'backup.dump');
	const source = await ownDatabase(testDatabaseUrl(), 'backup_from');
	const target = await ownDatabase(testDatabaseUrl(), 'backup_to');
	let server: RunningServer | undefined;
	try {
		server = await startServer({ DATABASE_URL: source.url });
		const work = await makeWork(server);
		await server.stop();

		// the README's commands
		const dump = run(join(bindir!, 'pg_dump'), [
			'--format=custom',
			`--file=${archive}`,
			source.url
		]);
		expect(dump.code, dump.output).toBe(0);
		const restore = run(join(bindir!, 'pg_restore'), [
			'--no-owner',
			'--exit-on-error',
			`--dbname=${target.url}`,
			archive
		]);
		expect(restore.code, restore.output).toBe(0);

		server = await startServer({ DATABASE_URL: target.url });
		await expectSameWork(server, work);
	} finally {
		await server?.stop();
		await source.drop();
		await target.drop();
		rmSync(root, { recursive: true, force: true });
	}
});
