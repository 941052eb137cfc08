// The database connection: PGlite (Postgres in WebAssembly, files under DATA_DIR, default ./data)
// unless DATABASE_URL points at a PostgreSQL server (postgres-js). The same schema and migrations
// serve both. The process-wide database is opened and migrated lazily, once, on first use.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { migrate } from './migrate';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export type DatabaseConfig =
	| { kind: 'pglite'; /** a folder; absent: in memory */ dataDir?: string }
	| { kind: 'postgres'; url: string };

/** Where the process-wide database lives, from the environment. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
	return { kind: 'pglite', dataDir: join(resolve(env.DATA_DIR || 'data'), 'pglite') };
}

/** Opens a database and applies any pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
	let open: OpenDatabase;
	if (config.kind === 'postgres') {
		const client = postgres(config.url, { max: 10, onnotice: () => {} });
		open = {
			db: drizzlePostgres(client, { schema }) as unknown as Database,
			kind: 'postgres',
			close: () => client.end({ timeout: 5 })
		};
	} else {
		if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
		const client = await PGlite.create(config.dataDir);
		open = {
			db: drizzlePglite(client, { schema }) as unknown as Database,
			kind: 'pglite',
			close: () => client.close()
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

/** The process-wide database, opened and migrated on first use. */
export async function database(): Promise<Database> {
	current ??= openDatabase(configFromEnv()).catch((error) => {
		current = undefined; // let a later request try again
		throw error;
	});
	return (await current).db;
}

/** Replaces the process-wide database (integration tests use a fresh one per suite). */
export function useDatabase(open: OpenDatabase | undefined): void {
	current = open ? Promise.resolve(open) : undefined;
}

export { schema };
