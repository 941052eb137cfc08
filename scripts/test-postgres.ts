// A throwaway PostgreSQL cluster for the tests and the scale bench: initdb in a temporary folder,
// a server on 127.0.0.1 on a free port (its socket in the same folder), one database, and a stop()
// that removes it all. initdb refuses to run as root, so as root the cluster belongs to the
// `postgres` user (made when missing). Without PostgreSQL's programs it fails, naming the install
// command. Used by the Vitest and Playwright global set-ups (when TEST_DATABASE_URL is unset) and
// by `npm run bench -- --scale`.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import postgres from 'postgres';

export const INSTALL_HINT =
	'Install PostgreSQL (Debian or Ubuntu: sudo apt-get install -y postgresql; .ci/run does this), ' +
	'or set TEST_DATABASE_URL to a throwaway database whose role may create databases.';

export interface TestPostgres {
	/** postgres://postgres@127.0.0.1:<port>/<database> */
	url: string;
	port: number;
	/** the folder of the cluster's programs (pg_dump, pg_restore... of the server's own version) */
	bindir: string;
	/** the data folder (its postmaster.pid names the server's process) */
	dataDir: string;
	/** the server's process id */
	pid(): number;
	stop(): Promise<void>;
}

export interface TestPostgresOptions {
	/** the database to create (default rebuttal_lab_test) */
	database?: string;
	/** fsync and synchronous commit: off for tests (faster, nothing to keep), on for benchmarks */
	durable?: boolean;
	/** more server settings, e.g. { max_connections: '200' } */
	settings?: Record<string, string>;
}

const hasTools = (dir: string) =>
	['initdb', 'pg_ctl', 'postgres'].every((p) => existsSync(join(dir, p)));

/** The folder of initdb, pg_ctl and postgres: on the PATH, else Debian's newest; null if none. */
export function findPostgresBindir(): string | null {
	const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
	const onPath = which.stdout.trim();
	if (which.status === 0 && onPath) {
		const dir = dirname(realpathSync(onPath));
		if (hasTools(dir)) return dir;
	}
	const debian = '/usr/lib/postgresql';
	if (!existsSync(debian)) return null;
	const versions = readdirSync(debian)
		.filter((v) => hasTools(join(debian, v, 'bin')))
		.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
	return versions.length ? join(debian, versions[0]!, 'bin') : null;
}

/** A port nothing listens on at the moment. */
export function freeLocalPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program as the cluster's owner (the postgres user when we are root). */
function asOwner(program: string, args: string[]) {
	const [command, argv] = isRoot()
		? ['runuser', ['-u', 'postgres', '--', program, ...args]]
		: [program, args];
	return spawnSync(command, argv, { encoding: 'utf8' });
}

function postgresUser(): { uid: number; gid: number } {
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	if (id('-u').status !== 0) {
		const made = spawnSync(
			'useradd',
			['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
			{ encoding: 'utf8' }
		);
		if (made.status !== 0) throw new Error(`Could not create the postgres user: ${made.stderr}`);
	}
	return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Starts a throwaway cluster with one database; stop() ends it and deletes its folder. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
	const bindir = findPostgresBindir();
	if (!bindir)
		throw new Error(`PostgreSQL's programs (initdb, pg_ctl) were not found. ${INSTALL_HINT}`);
	const database = options.database ?? 'rebuttal_lab_test';
	const folder = mkdtempSync(join(tmpdir(), 'rebuttal-lab-pg-'));
	chmodSync(folder, 0o755);
	if (isRoot()) {
		const { uid, gid } = postgresUser();
		chownSync(folder, uid, gid);
	}
	const dataDir = join(folder, 'data');
	const log = join(folder, 'server.log');
	let stopped = false;
	const stopNow = () => {
		if (stopped) return;
		stopped = true;
		asOwner(join(bindir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
		rmSync(folder, { recursive: true, force: true });
	};
	// a test run stopped early (an error, Ctrl-C) leaves no server behind
	process.once('exit', stopNow);
	const fail = (what: string, detail: string) => {
		stopNow();
		process.off('exit', stopNow);
		return new Error(`Could not start a throwaway PostgreSQL: ${what}.\n${detail}`);
	};

	const init = asOwner(join(bindir, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8',
		'--no-sync'
	]);
	if (init.status !== 0) throw fail('initdb failed', `${init.stdout}${init.stderr}`);

	const durable = options.durable ?? false;
	const settings: Record<string, string> = {
		listen_addresses: '127.0.0.1',
		unix_socket_directories: folder,
		...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
		...options.settings
	};
	let port: number;
	for (let attempt = 0; ; attempt++) {
		port = await freeLocalPort();
		const flags = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)];
		const started = asOwner(join(bindir, 'pg_ctl'), [
			'-D',
			dataDir,
			'-l',
			log,
			'-w',
			'-t',
			'60',
			'-o',
			flags.join(' '),
			'start'
		]);
		if (started.status === 0) break;
		const output = existsSync(log) ? readFileSync(log, 'utf8') : started.stderr;
		// another process took the port between our look and the server's start: try another
		if (attempt < 3 && /could not bind|Address already in use/.test(output)) continue;
		throw fail('pg_ctl start failed', output);
	}

	const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, {
		max: 1,
		onnotice: () => {}
	});
	try {
		await admin.unsafe(`create database ${database}`);
	} catch (error) {
		throw fail('create database failed', String(error));
	} finally {
		await admin.end({ timeout: 5 });
	}

	return {
		url: `postgres://postgres@127.0.0.1:${port}/${database}`,
		port,
		bindir,
		dataDir,
		pid: () => Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8'), 10),
		stop: async () => {
			stopNow();
			process.off('exit', stopNow);
		}
	};
}
