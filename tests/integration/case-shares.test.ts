// Sharing a published case by link (issue 15), on PGlite and on PostgreSQL: only the owner of a
// published case makes or withdraws a link; the token is random (256 bits) and unguessable; another
// instructor who opens it gets a draft copy of the published version, theirs alone, the original
// untouched; a withdrawn link is known as withdrawn and copies nothing; a malformed or unknown
// token is nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFixedFields } from '../../src/lib/content/draft';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import {
	createAuthoredCase,
	getAuthoredCase,
	listAuthoredCases,
	publishAuthoredCase,
	saveAuthoredDraft
} from '../../src/lib/server/repo/authored-cases';
import {
	activeShareToken,
	copySharedCase,
	createShareToken,
	openShareToken,
	revokeShareToken
} from '../../src/lib/server/repo/case-shares';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { testDatabaseUrl } from '../postgres.global';
import { timelineDraft } from '../unit/authored-case';
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
			const own = await ownDatabase(testDatabaseUrl(), 'case_shares');
			const config: DatabaseConfig = { kind: 'postgres', url: own.url };
			return { db: await openDatabase(config), drop: own.drop };
		}
	}
];

describe.each(backends)('$name', ({ open: openBackend }) => {
	let open: OpenDatabase;
	let drop: () => Promise<void>;
	let owner: string;
	let colleague: string;

	beforeAll(async () => {
		({ db: open, drop } = await openBackend());
		useDatabase(open);
		const a = await createInstructor('sharer@example.org', 'Sharer', 'scrypt$x');
		const b = await createInstructor('colleague@example.org', 'Colleague', 'scrypt$x');
		if (a === 'email-taken' || b === 'email-taken') throw new Error('email taken');
		[owner, colleague] = [a.id, b.id];
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	async function publishedCase(title: string) {
		const made = await createAuthoredCase(owner, title, (moduleId) =>
			withFixedFields(moduleId, { ...timelineDraft(), module: { title } })
		);
		await publishAuthoredCase(owner, made.id, 1);
		return made.id;
	}

	it('only the owner of a published case makes a link; the token is random and stays one', async () => {
		const draft = await createAuthoredCase(owner, 'Draft only', (moduleId) =>
			withFixedFields(moduleId, { module: { title: 'Draft only' } })
		);
		expect(await createShareToken(owner, draft.id)).toBeNull();
		const caseId = await publishedCase('Shared river letter');
		expect(await createShareToken(colleague, caseId)).toBeNull();
		const token = await createShareToken(owner, caseId);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await createShareToken(owner, caseId)).toBe(token);
		expect(await activeShareToken(owner, caseId)).toBe(token);
		expect(await activeShareToken(colleague, caseId)).toBeNull();
		const other = await createShareToken(owner, await publishedCase('Another'));
		expect(other).not.toBe(token);
	});

	it('opening the link gives a draft copy of the published version; the original is untouched', async () => {
		const caseId = await publishedCase('River letter to copy');
		const token = (await createShareToken(owner, caseId))!;
		expect(await openShareToken(token)).toMatchObject({
			status: 'open',
			title: 'River letter to copy',
			version: 1,
			sharedBy: 'Sharer'
		});
		// the owner's later unpublished edit is not what is shared
		const original = (await getAuthoredCase(owner, caseId))!;
		await saveAuthoredDraft(owner, caseId, {
			...original.draft,
			module: { ...original.draft.module, title: 'Changed later' }
		});
		const copied = await copySharedCase(colleague, token);
		if (copied?.status !== 'copied') throw new Error('not copied');
		const copy = (await getAuthoredCase(colleague, copied.caseId))!;
		expect(copy).toMatchObject({ status: 'draft', version: 1, title: 'River letter to copy' });
		expect(copy.draft.module?.id).toBe(`authored-${copied.caseId}`);
		const { module: copyModule, ...copyRest } = copy.draft;
		const { module: originalModule, ...originalRest } = original.draft;
		expect(copyRest).toEqual(originalRest);
		expect({ ...copyModule, id: 'x' }).toEqual({ ...originalModule, id: 'x' });
		expect(copy.draft.timeline?.events).toHaveLength(3);
		// the copy is the colleague's alone; the original stays the owner's, as it was
		expect(await getAuthoredCase(owner, copied.caseId)).toBeNull();
		expect((await listAuthoredCases(colleague)).map((c) => c.id)).toContain(copied.caseId);
		const after = (await getAuthoredCase(owner, caseId))!;
		expect(after.draft.module?.title).toBe('Changed later');
		expect(after.version).toBe(2);
	});

	it('a withdrawn link says so and copies nothing; only the owner withdraws it', async () => {
		const caseId = await publishedCase('To withdraw');
		const token = (await createShareToken(owner, caseId))!;
		expect(await revokeShareToken(colleague, caseId)).toBe(false);
		expect((await openShareToken(token))?.status).toBe('open');
		expect(await revokeShareToken(owner, caseId)).toBe(true);
		expect(await openShareToken(token)).toEqual({ status: 'withdrawn' });
		const before = (await listAuthoredCases(colleague)).length;
		expect(await copySharedCase(colleague, token)).toEqual({ status: 'withdrawn' });
		expect(await listAuthoredCases(colleague)).toHaveLength(before);
		expect(await activeShareToken(owner, caseId)).toBeNull();
		// a new link is a new token; the old one stays withdrawn
		const fresh = await createShareToken(owner, caseId);
		expect(fresh).not.toBe(token);
		expect(await openShareToken(token)).toEqual({ status: 'withdrawn' });
	});

	it('a malformed or unknown token is nothing', async () => {
		expect(await openShareToken('../../etc/passwd')).toBeNull();
		expect(await openShareToken('x'.repeat(43))).toBeNull();
		expect(await copySharedCase(colleague, "' OR 1=1 --")).toBeNull();
	});
});
