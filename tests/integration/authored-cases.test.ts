// Instructors' own cases (issue 15), on PGlite and on PostgreSQL through the app's migrations and
// queries: a case is created with its first version; only its owner lists, reads, saves or
// publishes it (another instructor gets "not found", never the data); saving a published version
// starts the next one and leaves the published one as it was; a draft over the limits is refused
// and nothing is stored; the database refuses an oversized version too; deleting the instructor
// deletes their cases.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, withFixedFields } from '../../src/lib/content/draft';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { rowsOf } from '../../src/lib/server/db/rows';
import {
	caseIdOf,
	createAuthoredCase,
	DraftRefused,
	getAuthoredCase,
	listAuthoredCases,
	moduleIdOf,
	publishAuthoredCase,
	saveAuthoredDraft
} from '../../src/lib/server/repo/authored-cases';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { testDatabaseUrl } from '../postgres.global';
import { completeDraft, textsDraft } from '../unit/authored-case';
import { ownDatabase } from './own-database';

const backends: {
	name: string;
	open: () => Promise<{ db: OpenDatabase; drop(): Promise<void> }>;
}[] = [
	{
		name: 'PGlite (in memory)',
		open: async () => ({ db: await openDatabase({ kind: 'pglite' }), drop: async () => {} })
	},
	{
		name: 'PostgreSQL (TEST_DATABASE_URL)',
		open: async () => {
			const own = await ownDatabase(testDatabaseUrl(), 'authored_cases');
			const config: DatabaseConfig = { kind: 'postgres', url: own.url };
			return { db: await openDatabase(config), drop: own.drop };
		}
	}
];

describe('module ids of authored cases', () => {
	it('round-trip, and nothing else is taken for one', () => {
		const id = '0f2b8c1e-1234-4000-8000-00000000abcd';
		expect(caseIdOf(moduleIdOf(id))).toBe(id);
		expect(caseIdOf('embassy-letter-2020')).toBeNull();
		expect(caseIdOf('authored-not-a-uuid')).toBeNull();
	});
});

describe.each(backends)('$name', ({ open: openBackend }) => {
	let open: OpenDatabase;
	let drop: () => Promise<void>;
	let owner: string;
	let stranger: string;

	beforeAll(async () => {
		({ db: open, drop } = await openBackend());
		useDatabase(open);
		const a = await createInstructor('author@example.org', 'Author', 'scrypt$x');
		const b = await createInstructor('stranger@example.org', 'Stranger', 'scrypt$x');
		if (a === 'email-taken' || b === 'email-taken') throw new Error('email taken');
		[owner, stranger] = [a.id, b.id];
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	const start = (title: string) =>
		createAuthoredCase(owner, title, (moduleId) =>
			withFixedFields(moduleId, { module: { title } })
		);

	it('creates a draft case with its first version, listed for its owner only', async () => {
		const made = await start('River letter');
		expect(made.status).toBe('draft');
		const own = await getAuthoredCase(owner, made.id);
		expect(own).toMatchObject({
			title: 'River letter',
			status: 'draft',
			version: 1,
			versionPublished: false,
			moduleId: `authored-${made.id}`
		});
		expect(own!.draft.module?.id).toBe(`authored-${made.id}`);
		expect((await listAuthoredCases(owner)).map((c) => c.title)).toContain('River letter');
		expect(await listAuthoredCases(stranger)).toEqual([]);
	});

	it('another instructor can neither read, save nor publish it', async () => {
		const made = await start('Private case');
		expect(await getAuthoredCase(stranger, made.id)).toBeNull();
		expect(await saveAuthoredDraft(stranger, made.id, textsDraft())).toBe(false);
		expect(await publishAuthoredCase(stranger, made.id, 1)).toBe(false);
		expect(await getAuthoredCase(owner, 'not-a-uuid')).toBeNull();
		const own = await getAuthoredCase(owner, made.id);
		expect(own!.draft.text).toBeUndefined();
		expect(own!.status).toBe('draft');
	});

	it('saves into the draft; after publishing, a save starts the next version', async () => {
		const made = await start('Versions');
		expect(await saveAuthoredDraft(owner, made.id, completeDraft())).toBe(true);
		let own = await getAuthoredCase(owner, made.id);
		expect(own).toMatchObject({ version: 1, title: completeDraft().module!.title });
		expect(await publishAuthoredCase(owner, made.id, 1)).toBe(true);
		own = await getAuthoredCase(owner, made.id);
		expect(own).toMatchObject({ status: 'published', version: 1, versionPublished: true });

		const edited = { ...completeDraft(), module: { ...completeDraft().module, summary: 'New.' } };
		expect(await saveAuthoredDraft(owner, made.id, edited)).toBe(true);
		own = await getAuthoredCase(owner, made.id);
		expect(own).toMatchObject({ status: 'published', version: 2, versionPublished: false });
		expect(own!.draft.module?.summary).toBe('New.');
		const versions = rowsOf<{ version: number; summary: string; published: boolean }>(
			await open.db.execute(
				sql`select version, content->'module'->>'summary' as summary, published_at is not null as published from case_versions where case_id = ${made.id} order by version`
			)
		);
		expect(versions).toEqual([
			{ version: 1, summary: completeDraft().module!.summary, published: true },
			{ version: 2, summary: 'New.', published: false }
		]);
		// publishing names the version it checked: a stale one is refused
		expect(await publishAuthoredCase(owner, made.id, 1)).toBe(false);
	});

	it('refuses a draft over the limits, stores nothing of it, and the database guards the size', async () => {
		const made = await start('Limits');
		const long = { ...textsDraft(), text: 'x'.repeat(LIMITS.text + 1) };
		await expect(saveAuthoredDraft(owner, made.id, long)).rejects.toBeInstanceOf(DraftRefused);
		expect((await getAuthoredCase(owner, made.id))!.draft.text).toBeUndefined();
		await expect(
			open.db.execute(
				sql`update case_versions set content = jsonb_build_object('text', repeat('y', 1000001)) where case_id = ${made.id}`
			)
		).rejects.toThrow();
	});

	it('deleting an instructor deletes their cases and every version', async () => {
		const other = await createInstructor('leaving@example.org', 'Leaving', 'scrypt$x');
		if (other === 'email-taken') throw new Error('email taken');
		const made = await createAuthoredCase(other.id, 'Gone', (m) =>
			withFixedFields(m, { module: { title: 'Gone' } })
		);
		await open.db.execute(sql`delete from instructors where id = ${other.id}`);
		const left = rowsOf<{ n: number }>(
			await open.db.execute(
				sql`select count(*)::int as n from case_versions where case_id = ${made.id}`
			)
		);
		expect(left[0]?.n).toBe(0);
	});
});
