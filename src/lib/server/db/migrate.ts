// Applies the SQL migrations drizzle-kit generated (./migrations/*.sql). The SQL is embedded in the
// server bundle at build time (import.meta.glob ?raw), so the built app needs no migrations folder
// at run time; applied files are recorded in app_migrations. One transaction under an advisory lock,
// so two servers starting at once against the same PostgreSQL do not race.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { rowsOf } from './rows';

const files = import.meta.glob<string>('./migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});

export interface Migration {
	name: string;
	hash: string;
	statements: string[];
}

/** The migrations in file-name order (drizzle-kit numbers them 0000_, 0001_...). */
export function migrations(): Migration[] {
	return Object.entries(files)
		.map(([path, text]) => ({
			name: path.slice(path.lastIndexOf('/') + 1),
			hash: createHash('sha256').update(text).digest('hex'),
			statements: text
				.split('--> statement-breakpoint')
				.map((s) => s.trim())
				.filter(Boolean)
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Brings the database up to date; returns the names of the migrations applied now. */
export async function migrate(db: Database): Promise<string[]> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(7424651)`);
		await tx.execute(sql`
			create table if not exists app_migrations (
				name text primary key,
				hash text not null,
				applied_at timestamp with time zone not null default now()
			)`);
		const rows = await tx.execute<{ name: string; hash: string }>(
			sql`select name, hash from app_migrations`
		);
		const applied = new Map(
			rowsOf<{ name: string; hash: string }>(rows).map((r) => [r.name, r.hash])
		);
		const done: string[] = [];
		for (const m of migrations()) {
			const hash = applied.get(m.name);
			if (hash !== undefined) {
				if (hash !== m.hash) {
					console.warn(`Migration ${m.name} changed after it was applied; it is not run again.`);
				}
				continue;
			}
			for (const statement of m.statements) await tx.execute(sql.raw(statement));
			await tx.execute(sql`insert into app_migrations (name, hash) values (${m.name}, ${m.hash})`);
			done.push(m.name);
		}
		return done;
	});
}
