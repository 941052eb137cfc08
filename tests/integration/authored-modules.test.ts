// Published authored cases as modules (issue 15), on PGlite and on PostgreSQL: the module resolver
// (server/modules.ts) serves only published versions (a draft is a 404 to everyone, whoever asks);
// a class keeps the version it was assigned when the case is edited and published again, and so
// does its student on the module pages; the key comes from the same server-only getKeys as the
// built-in one; the case gets the standard lessons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { withFixedFields } from '../../src/lib/content/draft';
import { getKeys } from '../../src/lib/server/content';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { assignmentCase, authoredModule, moduleCase } from '../../src/lib/server/modules';
import {
	createAuthoredCase,
	listPublishedCases,
	moduleIdOf,
	publishAuthoredCase,
	saveAuthoredDraft
} from '../../src/lib/server/repo/authored-cases';
import { createAssignment, createClass } from '../../src/lib/server/repo/classes';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { testDatabaseUrl } from '../postgres.global';
import { completeDraft, extrasDraft } from '../unit/authored-case';
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
			const own = await ownDatabase(testDatabaseUrl(), 'authored_modules');
			const config: DatabaseConfig = { kind: 'postgres', url: own.url };
			return { db: await openDatabase(config), drop: own.drop };
		}
	}
];

const settings = {
	feedbackMode: 'set',
	dueAt: null,
	lessonLock: false,
	showDistribution: false,
	boosterReleased: false
} as const;

const visitor = { student: null } as unknown as App.Locals;

async function status(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe.each(backends)('$name', ({ open: openBackend }) => {
	let open: OpenDatabase;
	let drop: () => Promise<void>;
	let owner: string;

	beforeAll(async () => {
		({ db: open, drop } = await openBackend());
		useDatabase(open);
		const a = await createInstructor('modules@example.org', 'Author', 'scrypt$x');
		if (a === 'email-taken') throw new Error('email taken');
		owner = a.id;
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	const written = async (title: string) => {
		const made = await createAuthoredCase(owner, title, (m) =>
			withFixedFields(m, { module: { title } })
		);
		expect(await saveAuthoredDraft(owner, made.id, completeDraft())).toBe(true);
		return { caseId: made.id, moduleId: moduleIdOf(made.id) };
	};

	it('a draft is no module: a 404 for every visitor, and not offered for classes', async () => {
		const { moduleId } = await written('Draft only');
		expect(await authoredModule(moduleId)).toBeUndefined();
		expect(await status(moduleCase(visitor, moduleId))).toBe(404);
		expect((await listPublishedCases(owner)).map((c) => c.moduleId)).not.toContain(moduleId);
		expect(await status(moduleCase(visitor, 'authored-not-a-uuid'))).toBe(404);
	});

	it('a published case is a module with its key on the server and the standard lessons', async () => {
		const { caseId, moduleId } = await written('Published');
		expect(await publishAuthoredCase(owner, caseId, 1)).toBe(true);
		const c = await moduleCase(visitor, moduleId);
		expect(c.id).toBe(moduleId);
		expect(c.claims.map((s) => s.id)).toEqual(['L2', 'L3', 'L4']);
		expect(getKeys(c).letter.get('L3')?.tag).toBe('evidence');
		expect(c.lessons.map((l) => l.slug)).toEqual([
			'read-the-texts',
			'evidence-assertion-deflection'
		]);
		expect(c.lessons[1]!.exercises).toEqual(['tag', 'map']);
		expect(await listPublishedCases(owner)).toContainEqual({
			moduleId,
			title: completeDraft().module!.title,
			version: 1
		});
	});

	it('a class keeps the version it was given; new visitors get the newest published one', async () => {
		const { caseId, moduleId } = await written('Versions');
		expect(await publishAuthoredCase(owner, caseId, 1)).toBe(true);
		const cls = await createClass(owner, 'Versions class');
		const v1 = await authoredModule(moduleId);
		expect(v1?.version).toBe(1);
		const assignment = await createAssignment(cls.id, moduleId, settings, v1!.version);
		if (assignment === 'duplicate') throw new Error('duplicate');
		expect(assignment.caseVersion).toBe(1);

		const edited = { ...completeDraft(), module: { ...completeDraft().module, summary: 'Two.' } };
		expect(await saveAuthoredDraft(owner, caseId, edited)).toBe(true);
		// version 2 is a draft: everyone still gets version 1
		expect((await authoredModule(moduleId))?.version).toBe(1);
		expect(await publishAuthoredCase(owner, caseId, 2)).toBe(true);

		expect((await moduleCase(visitor, moduleId)).module.summary).toBe('Two.');
		expect((await assignmentCase(assignment))?.module.summary).toBe(
			completeDraft().module!.summary
		);
		const student = {
			student: { id: 'x', classId: cls.id, className: cls.name, nickname: 'Ada' }
		} as unknown as App.Locals;
		expect((await moduleCase(student, moduleId)).module.summary).toBe(
			completeDraft().module!.summary
		);
		expect(await listPublishedCases(owner)).toContainEqual({
			moduleId,
			title: completeDraft().module!.title,
			version: 2
		});
		expect(await authoredModule(moduleId, 3)).toBeUndefined();
	});

	it('a glossary and a warm-up added after a class got the case are version 2; the class keeps 1', async () => {
		const { caseId, moduleId } = await written('Extras');
		expect(await publishAuthoredCase(owner, caseId, 1)).toBe(true);
		const cls = await createClass(owner, 'Extras class');
		const assignment = await createAssignment(cls.id, moduleId, settings, 1);
		if (assignment === 'duplicate') throw new Error('duplicate');
		expect(await saveAuthoredDraft(owner, caseId, extrasDraft())).toBe(true);
		expect((await authoredModule(moduleId))?.version).toBe(1);
		expect(await publishAuthoredCase(owner, caseId, 2)).toBe(true);

		const newest = await moduleCase(visitor, moduleId);
		expect(newest.glossary?.terms.map((t) => t.id)).toEqual(['water-board', 'whataboutism']);
		expect(newest.practice?.items.map((i) => i.id)).toEqual(['P1', 'P2', 'P3']);
		// the key stays on the server side: the public items carry none of it (the worked examples
		// show their tags and reasoning by design)
		expect(JSON.stringify(newest.practice?.items)).not.toMatch(/rationale|alsoDefensible|"tag"/);
		expect(getKeys(newest).practice?.get('P1')?.tag).toBe('assertion');
		expect(newest.lessons[1]!.exercises).toEqual(['practice', 'tag', 'map']);

		const theirs = await assignmentCase(assignment);
		expect(theirs?.glossary).toBeUndefined();
		expect(theirs?.practice).toBeUndefined();
		expect(theirs?.lessons[1]!.exercises).toEqual(['tag', 'map']);
	});
});
