// The database connection: PGlite (Postgres in WebAssembly, files under DATA_DIR, default ./data)
// unless DATABASE_URL points at a PostgreSQL server (postgres-js). The same schema and migrations
// serve both. The process-wide database is opened, locked (PGlite: one process per data folder),
// migrated and checked at start (hooks.server.ts), before the server listens.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { DataDirLocked, lockDataDir, type DataDirLock } from './lock';
import { migrate } from './migrate';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
	/**
	 * Runs `onPayload` for every NOTIFY on `channel` once committed, from any connection (on
	 * PostgreSQL: any process; postgres-js keeps one connection for it and reconnects it; on PGlite:
	 * this process, the only one a data folder allows). Resolves once listening, with the stop.
	 */
	listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export type DatabaseConfig =
	| {
			kind: 'pglite';
			/** a folder; absent: in memory */
			dataDir?: string;
			/** the folder to lock for this process alone (DATA_DIR) while the database is open */
			lockDir?: string;
	  }
	| { kind: 'postgres'; url: string };

/** Where the process-wide database lives, from the environment. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
	const root = resolve(env.DATA_DIR || 'data');
	return { kind: 'pglite', dataDir: join(root, 'pglite'), lockDir: root };
}

/** Where the database is, in words for messages (never the password of a URL). */
export function describeConfig(config: DatabaseConfig): string {
	if (config.kind === 'pglite') {
		return config.dataDir ? `the embedded database in ${config.dataDir}` : 'an in-memory database';
	}
	try {
		const url = new URL(config.url);
		return `the PostgreSQL database ${url.pathname.slice(1)} at ${url.hostname}:${url.port || 5432}`;
	} catch {
		return 'the PostgreSQL database of DATABASE_URL (not a valid URL)';
	}
}

/** Opens a database and applies any pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
	let open: OpenDatabase;
	if (config.kind === 'postgres') {
		const client = postgres(config.url, { max: 10, onnotice: () => {} });
		open = {
			db: drizzlePostgres(client, { schema }) as unknown as Database,
			kind: 'postgres',
			listen: async (channel, onPayload) => {
				const { unlisten } = await client.listen(channel, onPayload);
				return unlisten;
			},
			close: () => client.end({ timeout: 5 })
		};
	} else {
		if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
		let lock: DataDirLock | undefined;
		if (config.lockDir) {
			mkdirSync(config.lockDir, { recursive: true });
			lock = lockDataDir(config.lockDir);
		}
		let client: PGlite;
		try {
			client = await PGlite.create(config.dataDir);
		} catch (error) {
			lock?.release();
			throw error;
		}
		open = {
			db: drizzlePglite(client, { schema }) as unknown as Database,
			kind: 'pglite',
			listen: async (channel, onPayload) => {
				const stop = await client.listen(channel, onPayload);
				return () => stop();
			},
			close: async () => {
				try {
					await client.close();
				} finally {
					lock?.release();
				}
			}
		};
	}
	try {
		await migrate(open.db);
	} catch (error) {
		await open.close().catch(() => {});
		throw error;
	}
	return open;
}

let current: Promise<OpenDatabase> | undefined;
/** set by closeDatabase: the process is shutting down and must not open the database again */
let closed = false;

export class DatabaseUnavailable extends Error {}

function processDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
	if (closed) {
		return Promise.reject(new DatabaseUnavailable('The server is shutting down.'));
	}
	current ??= openDatabase(config).catch((error) => {
		current = undefined; // let a later request try again
		throw error;
	});
	return current;
}

/** The process-wide database, opened and migrated at start (or on first use). */
export async function database(): Promise<Database> {
	return (await processDatabase(configFromEnv())).db;
}

/**
 * Opens, locks, migrates and checks the process-wide database (select 1), for the start of the
 * server: it throws with a message naming the database and the cause, so a broken or locked data
 * folder stops the process before it listens.
 */
export async function openAtStart(env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const config = configFromEnv(env);
	try {
		const { db } = await processDatabase(config);
		await db.execute(sql`select 1`);
	} catch (error) {
		if (error instanceof DataDirLocked) throw error;
		const cause = error instanceof Error ? error.message : String(error);
		throw new DatabaseUnavailable(
			`Could not open ${describeConfig(config)}: ${cause}. The server did not start. ` +
				'Check the folder (restore it from a backup if it is damaged) or the database settings.',
			{ cause: error }
		);
	}
}

/** Listens on the process-wide database (see OpenDatabase.listen). */
export async function listenOnDatabase(
	channel: string,
	onPayload: (payload: string) => void
): Promise<() => Promise<void>> {
	return (await processDatabase(configFromEnv())).listen(channel, onPayload);
}

/** Runs `select 1` on the process-wide database; throws if it cannot. */
export async function checkDatabase(): Promise<void> {
	const db = await database();
	await db.execute(sql`select 1`);
}

/**
 * Closes the process-wide database at the end of a graceful shutdown, once no request is running:
 * PGlite flushes and closes its files (so the folder is consistent) and the data folder's lock is
 * released; postgres-js ends its connections. It is not opened again in this process.
 */
export async function closeDatabase(): Promise<void> {
	closed = true;
	const open = current;
	current = undefined;
	if (!open) return;
	let db: OpenDatabase;
	try {
		db = await open;
	} catch {
		return; // it never opened: nothing to close
	}
	await db.close();
}

/** Replaces the process-wide database (integration tests use a fresh one per suite). */
export function useDatabase(open: OpenDatabase | undefined): void {
	closed = false;
	current = open ? Promise.resolve(open) : undefined;
}

export { schema };
