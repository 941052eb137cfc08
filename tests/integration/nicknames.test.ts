// Nicknames: refused with invisible format characters (zero-width, direction marks), compared by a
// key (NFKC, case folded) so that look-alikes cannot sit side by side in a class, and migration
// 0002 backfills the key for students who joined before, keeping everyone when two collide.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClass } from '../../src/lib/server/repo/classes';
import { openDatabase, useDatabase, type OpenDatabase } from '../../src/lib/server/db/client';
import { migrate, migrations } from '../../src/lib/server/db/migrate';
import { rowsOf } from '../../src/lib/server/db/rows';
import { JoinForm } from '../../src/lib/server/forms/join';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { nicknameKey } from '../../src/lib/server/repo/nickname';
import { joinClass } from '../../src/lib/server/repo/students';
import { testDatabaseUrl } from '../postgres.global';
import { ownDatabase } from './own-database';

const ZWSP = '\u200b';

describe('nicknameKey', () => {
	it('folds compatibility forms, case and spacing, and drops format characters', () => {
		expect(nicknameKey('stuA1')).toBe('stua1');
		expect(nicknameKey(`stu${ZWSP}A1`)).toBe('stua1');
		expect(nicknameKey('ＳＴＵａ１')).toBe('stua1');
		expect(nicknameKey('Zoë 🦊')).toBe(nicknameKey('ZOË  🦊'));
		expect(nicknameKey('ΟΔΥΣΣΕΥΣ')).toBe(nicknameKey('οδυσσευς'));
		expect(nicknameKey('\u202eadmin')).toBe('admin');
		expect(nicknameKey('ﬁne')).toBe('fine');
	});
});

describe('the join form', () => {
	const parse = (nickname: string) => JoinForm.safeParse({ code: 'ABCDEFGH', nickname });
	it.each([`stu${ZWSP}A1`, 'a\u202etxt.exe', '\u2066x\u2069', 'x\u2060y', 'soft\u00adhyphen'])(
		'refuses %j: an invisible format character',
		(nickname) => {
			const parsed = parse(nickname);
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues[0]?.message).toContain('without invisible characters');
		}
	);
	it('accepts letters in any script, digits, spaces and emoji', () => {
		for (const nickname of ['Zoë 🦊', 'Αλέξης', '李雷', 'Ana-Maria 2']) {
			expect(parse(nickname).success, nickname).toBe(true);
		}
	});
});

describe('in a class (PGlite)', () => {
	let open: OpenDatabase;

	beforeAll(async () => {
		open = await openDatabase({ kind: 'pglite' });
		useDatabase(open);
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
	});

	it('refuses a nickname that only looks different from one in the class', async () => {
		const ada = await createInstructor('nick@example.org', 'Nick', 'scrypt$x');
		if (ada === 'email-taken') throw new Error('fresh database expected');
		const cls = await createClass(ada.id, 'Look-alikes');
		expect((await joinClass(cls.joinCode, 'stuA1')).ok).toBe(true);
		for (const lookAlike of ['STUA1', 'ＳＴＵａ１', `stu${ZWSP}A1`, ' stuA1 ']) {
			expect(await joinClass(cls.joinCode, lookAlike), lookAlike).toEqual({
				ok: false,
				reason: 'nickname-taken'
			});
		}
		const other = await createClass(ada.id, 'Elsewhere');
		expect((await joinClass(other.joinCode, 'ＳＴＵａ１')).ok).toBe(true);
	});
});

const backends: {
	name: string;
	fresh: () => Promise<{ db: OpenDatabase; drop(): Promise<void> }>;
}[] = [
	{
		name: 'PGlite',
		fresh: async () => {
			const db = await openDatabase({ kind: 'pglite' });
			return { db, drop: async () => {} };
		}
	},
	{
		name: 'PostgreSQL (a database of its own)',
		fresh: async () => {
			const own = await ownDatabase(testDatabaseUrl(), 'nicknames');
			const db = await openDatabase({ kind: 'postgres', url: own.url });
			return {
				db,
				drop: async () => {
					await db.close();
					await own.drop();
				}
			};
		}
	}
];

describe.each(backends)('migration 0002 on students who joined before ($name)', (backend) => {
	it('backfills the key in SQL as the app computes it, keeping students who now collide', async () => {
		const made = await backend.fresh();
		const db = made.db;
		// a database as it was before 0002: drop what 0002 made, and its record
		await db.db.execute(sql`drop index students_class_nickname_unique`);
		await db.db.execute(sql`alter table students drop column nickname_key`);
		await db.db.execute(
			sql.raw(
				'create unique index students_class_nickname_unique on students (class_id, lower(nickname))'
			)
		);
		await db.db.execute(sql`delete from app_migrations where name like '0002_%'`);
		try {
			const [instructor] = rowsOf<{ id: string }>(
				await db.db.execute(
					sql`insert into instructors (email, display_name, password_hash) values ('old@example.org', 'Old', 'x') returning id`
				)
			);
			const [cls] = rowsOf<{ id: string }>(
				await db.db.execute(
					sql`insert into classes (instructor_id, name, join_code) values (${instructor!.id}, 'Old class', 'OLDCLASS') returning id`
				)
			);
			const legacy = ['stuA1', `stu${ZWSP}A1`, 'ＡＤＡ', 'Zoë 🦊', 'ΟΔΥΣΣΕΥΣ', 'ﬁne'];
			for (const [i, nickname] of legacy.entries()) {
				await db.db.execute(
					sql`insert into students (class_id, nickname, resume_code_hash, created_at) values (${cls!.id}, ${nickname}, ${`hash-${i}`}, ${new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()}::timestamptz)`
				);
			}
			expect(await migrate(db.db)).toEqual([
				migrations().find((m) => m.name.startsWith('0002_'))!.name
			]);

			const rows = rowsOf<{ id: string; nickname: string; nickname_key: string }>(
				await db.db.execute(
					sql`select id, nickname, nickname_key from students order by created_at`
				)
			);
			expect(rows.map((r) => r.nickname)).toEqual(legacy); // nobody lost, nothing renamed
			// the SQL key is the app's key; the later of two that collide gets its id appended
			expect(rows[0]!.nickname_key).toBe(nicknameKey('stuA1'));
			expect(rows[1]!.nickname_key).toBe(`${nicknameKey('stuA1')}#${rows[1]!.id}`);
			for (const row of rows.slice(2)) expect(row.nickname_key).toBe(nicknameKey(row.nickname));
			// and the unique index is on the key now
			await expect(
				db.db.execute(
					sql`insert into students (class_id, nickname, nickname_key, resume_code_hash) values (${cls!.id}, 'ada', 'ada', 'hash-x')`
				)
			).rejects.toThrow();
		} finally {
			if (backend.name === 'PGlite') await db.close();
			await made.drop();
		}
	}, 60_000);
});
