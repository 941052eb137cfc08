// The live signal behind the dashboard and present mode: every write a class's figures depend on
// sends a NOTIFY with the class id once committed, and a process's watchers of that class (and of
// no other) hear it. On PostgreSQL the signal also crosses connections (another app process); on
// PGlite it comes from the embedded database in this process. A rolled-back write signals nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/lib/server/repo/attempts';
import { classChanged, watchClass, watcherCount } from '../../src/lib/server/repo/class-events';
import {
	createAssignment,
	createClass,
	deleteAssignment,
	revealAssignment
} from '../../src/lib/server/repo/classes';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { joinClass, markLessonDone } from '../../src/lib/server/repo/students';
import { testDatabaseUrl } from '../postgres.global';
import { ownDatabase } from './own-database';

const settings = {
	feedbackMode: 'immediate',
	dueAt: null,
	lessonLock: false,
	showDistribution: false,
	boosterReleased: false
} as const;

const work = { tags: {}, techniques: {}, committed: [], score: 0 };

/** Resolves with the class ids heard until `quiet` ms pass with nothing new (at most 5 s). */
async function heard(ids: string[], quiet = 300): Promise<string[]> {
	let last = ids.length;
	for (let waited = 0; waited < 5000; waited += quiet) {
		await new Promise((r) => setTimeout(r, quiet));
		if (ids.length === last && ids.length > 0) break;
		last = ids.length;
	}
	return [...ids];
}

const backends: { name: string; postgres: boolean }[] = [
	{ name: 'PGlite (in memory)', postgres: false },
	{ name: 'PostgreSQL', postgres: true }
];

describe.each(backends)('class events on $name', ({ postgres }) => {
	let open: OpenDatabase;
	let drop: (() => Promise<void>) | undefined;
	let config: DatabaseConfig;

	beforeAll(async () => {
		if (postgres) {
			const own = await ownDatabase(testDatabaseUrl(), 'class_events');
			drop = own.drop;
			config = { kind: 'postgres', url: own.url };
		} else {
			config = { kind: 'pglite' };
		}
		open = await openDatabase(config);
		useDatabase(open);
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	async function classWithAssignment(name: string) {
		const instructor = await createInstructor(`${crypto.randomUUID()}@example.org`, name, 'x');
		if (instructor === 'email-taken') throw new Error('email taken');
		const cls = await createClass(instructor.id, name);
		const assignment = await createAssignment(cls.id, 'embassy-letter-2020', settings);
		if (assignment === 'duplicate') throw new Error('duplicate');
		return { cls, assignment };
	}

	it('tells the watchers of a class of every join, hand-in, lesson and reveal, and no one else', async () => {
		const a = await classWithAssignment('Watched');
		const b = await classWithAssignment('Other');
		// the creations' own signals, which may still be on their way, go by before anyone watches
		await new Promise((r) => setTimeout(r, 500));
		const forA: string[] = [];
		const forB: string[] = [];
		const stopA = await watchClass(a.cls.id, () => forA.push('a'));
		const stopB = await watchClass(b.cls.id, () => forB.push('b'));
		expect(watcherCount()).toBe(2);

		const joined = await joinClass(a.cls.joinCode, 'Ana');
		if (!joined.ok) throw new Error('join failed');
		expect(await heard(forA)).toHaveLength(1);

		const owner = { studentId: joined.student.id, assignmentId: a.assignment.id, set: 'letter' };
		await recordAttempt(owner as never, crypto.randomUUID(), () => work);
		expect(await heard(forA)).toHaveLength(2);
		await recordAttempt(owner as never, crypto.randomUUID(), () => work); // the update path
		expect(await heard(forA)).toHaveLength(3);

		await markLessonDone(joined.student.id, a.assignment.id, '01-the-case');
		expect(await heard(forA)).toHaveLength(4);
		await markLessonDone(joined.student.id, a.assignment.id, '01-the-case'); // again: no change
		await revealAssignment(a.cls.id, a.assignment.id);
		expect(await heard(forA)).toHaveLength(5);

		expect(forB).toEqual([]);
		await deleteAssignment(b.cls.id, b.assignment.id);
		expect(await heard(forB)).toEqual(['b']);
		expect(forA).toHaveLength(5);

		stopA();
		stopB();
		expect(watcherCount()).toBe(0);
		await joinClass(a.cls.joinCode, 'After');
		await new Promise((r) => setTimeout(r, 300));
		expect(forA).toHaveLength(5);
	});

	it('signals nothing for a write that is rolled back', async () => {
		const { cls, assignment } = await classWithAssignment('Rolled back');
		await new Promise((r) => setTimeout(r, 500));
		const seen: string[] = [];
		const stop = await watchClass(cls.id, () => seen.push('x'));
		const joined = await joinClass(cls.joinCode, 'Bo');
		if (!joined.ok) throw new Error('join failed');
		expect(await heard(seen)).toHaveLength(1); // the join, committed
		const owner = { studentId: joined.student.id, assignmentId: assignment.id, set: 'letter' };
		await expect(
			recordAttempt(owner as never, crypto.randomUUID(), () => {
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		await open.db
			.transaction(async (tx) => {
				await tx.execute(classChanged(cls.id));
				tx.rollback();
			})
			.catch(() => {});
		await new Promise((r) => setTimeout(r, 500));
		expect(seen).toHaveLength(1);
		stop();
	});

	if (postgres)
		it('reaches a process on another connection (another app server)', async () => {
			const { cls } = await classWithAssignment('Two servers');
			await new Promise((r) => setTimeout(r, 500));
			// a second "process": its own pool on the same database, listening there
			const other = await openDatabase(config);
			try {
				const seen: string[] = [];
				const stop = await other.listen('rebuttal_lab_class', (payload) => seen.push(payload));
				await joinClass(cls.joinCode, 'Cy'); // written through this process's pool
				expect(await heard(seen)).toEqual([cls.id]);
				await stop();
			} finally {
				await other.close();
			}
		});
});
