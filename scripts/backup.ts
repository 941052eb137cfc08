// Backup and restore of the embedded database (PGlite in DATA_DIR, default ./data):
//   npm run backup -- <file.tar.gz>    writes the database to one archive
//   npm run restore -- <file.tar.gz>   loads an archive into a DATA_DIR that has no database yet
// Both take the data folder's lock (the server's own, src/lib/server/db/lock.ts), so they run only
// while no server uses the folder: the backup is PGlite's dumpDataDir of a database this command
// alone has open, a consistent, self-contained archive that PGlite loads as it is (a copy of the
// folder's files taken while a server writes could catch them half-written). A restore loads into
// a folder beside the final one, checks the database, then renames it into place, so a failed
// restore leaves nothing behind. With DATABASE_URL set, use pg_dump and pg_restore (see README).
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DataDirLocked, lockDataDir } from '../src/lib/server/db/lock';

const [command, file] = process.argv.slice(2);

function stop(message: string): never {
	console.error(message);
	process.exit(1);
}

/** Classes, students and hand-ins in the database: what a restore is checked by. */
async function census(db: PGlite): Promise<string> {
	const { rows } = await db.query<{ present: string | null }>(
		"select to_regclass('public.attempts')::text as present"
	);
	if (!rows[0]?.present) return 'no classes yet (an empty database)';
	const count = async (table: string) =>
		(await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
	return `${await count('classes')} classes, ${await count('students')} students, ${await count('attempts')} attempts`;
}

if (command !== 'backup' && command !== 'restore') {
	stop('Usage: npm run backup -- <file.tar.gz>, or npm run restore -- <file.tar.gz>');
}
if (!file) stop(`Name the archive: npm run ${command} -- <file.tar.gz>`);
if (process.env.DATABASE_URL) {
	stop(
		`DATABASE_URL is set: this command is for the embedded database. For PostgreSQL use\n` +
			`  pg_dump --format=custom --file=${file} "$DATABASE_URL"\n` +
			`  pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" ${file}\n` +
			'(the second into an empty database; see the README, "Backup and restore").'
	);
}

const folder = resolve(process.env.DATA_DIR || 'data');
const dataDir = join(folder, 'pglite');
const archive = resolve(file);

if (command === 'restore' && !existsSync(archive)) stop(`There is no file ${archive}.`);
if (command === 'backup' && !existsSync(join(dataDir, 'PG_VERSION'))) {
	stop(`There is no database in ${dataDir} (DATA_DIR=${folder}): nothing to back up.`);
}
if (command === 'restore' && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
	stop(
		`${dataDir} already holds a database. Restore into an empty DATA_DIR, or move ` +
			`${dataDir} aside first (a restore never overwrites a database).`
	);
}
mkdirSync(folder, { recursive: true });

let lock;
try {
	lock = lockDataDir(folder);
} catch (error) {
	if (error instanceof DataDirLocked) {
		stop(
			`A Rebuttal Lab server (pid ${error.pid}) is using ${folder}. Stop it first (SIGTERM: it ` +
				`closes the database cleanly), run npm run ${command} again, then start it.`
		);
	}
	throw error;
}

try {
	if (command === 'backup') {
		const db = await PGlite.create(dataDir);
		try {
			const contents = await census(db);
			const dump = await db.dumpDataDir('gzip');
			const partial = join(dirname(archive), `.${basename(archive)}.partial`);
			writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
			renameSync(partial, archive);
			const kb = Math.round(statSync(archive).size / 1024);
			console.log(`Backed up ${dataDir} to ${archive} (${kb} KB): ${contents}.`);
		} finally {
			await db.close();
		}
	} else {
		const staging = `${dataDir}.restoring`;
		rmSync(staging, { recursive: true, force: true });
		let contents: string;
		try {
			const db = await PGlite.create(staging, {
				loadDataDir: new Blob([readFileSync(archive)])
			});
			try {
				contents = await census(db);
			} finally {
				await db.close();
			}
		} catch (error) {
			rmSync(staging, { recursive: true, force: true });
			stop(
				`Could not restore ${archive}: ${error instanceof Error ? error.message : error}. ` +
					'Is it an archive made by npm run backup?'
			);
		}
		rmSync(dataDir, { recursive: true, force: true });
		renameSync(staging, dataDir);
		console.log(`Restored ${archive} into ${dataDir}: ${contents}. Start the server on it.`);
	}
} finally {
	lock.release();
}
