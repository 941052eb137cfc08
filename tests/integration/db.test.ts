// The data layer of classes against a real database: PGlite (in memory, fresh per suite) and
// PostgreSQL (TEST_DATABASE_URL: a throwaway database, its public schema dropped and rebuilt; the
// global set-up starts a cluster when it is unset). The same suite runs on each, through the app's
// own migrations and queries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, real } from '../unit/real-case';
import { recordAttempt, getAttempt, AttemptConflict } from '../../src/lib/server/repo/attempts';
import { createSession, deleteSession, resolveSession } from '../../src/lib/server/repo/sessions';
import {
	createAssignment,
	createClass,
	deleteClassForInstructor,
	findClassByJoinCode,
	getAssignment,
	getClassForInstructor,
	listAssignments,
	listClassesForInstructor,
	listClassAnswers,
	listStudentsWithAttempts,
	revealAssignment,
	updateAssignment
} from '../../src/lib/server/repo/classes';
import {
	gradeForClass,
	loadClassWork,
	revealedTagging
} from '../../src/lib/server/grading/class-work';
import { CODE_ALPHABET } from '../../src/lib/server/auth/codes';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { migrate, migrations } from '../../src/lib/server/db/migrate';
import { GradingError } from '../../src/lib/server/grading/errors';
import { itemIds } from '../../src/lib/content/case';
import { rowsOf } from '../../src/lib/server/db/rows';
import { gradeMap } from '../../src/lib/server/grading/map';
import { createInstructor, findInstructorByEmail } from '../../src/lib/server/repo/instructors';
import {
	findStudentByResumeCode,
	joinClass,
	lessonsDone,
	markLessonDone,
	studentAssignments
} from '../../src/lib/server/repo/students';
import { testDatabaseUrl } from '../postgres.global';

const { case: c, keys } = real;

const backends: { name: string; config: DatabaseConfig }[] = [
	{ name: 'PGlite (in memory)', config: { kind: 'pglite' } },
	{ name: 'PostgreSQL (TEST_DATABASE_URL)', config: { kind: 'postgres', url: testDatabaseUrl() } }
];

const settings = {
	feedbackMode: 'set',
	dueAt: null,
	lessonLock: false,
	showDistribution: false,
	boosterReleased: false
} as const;

async function emptyDatabase(config: DatabaseConfig): Promise<void> {
	if (config.kind !== 'postgres') return; // a new PGlite is empty
	const postgres = (await import('postgres')).default;
	const client = postgres(config.url, { max: 1, onnotice: () => {} });
	await client.unsafe('drop schema if exists public cascade; create schema public;');
	await client.end();
}

describe.each(backends)('$name', ({ config }) => {
	let open: OpenDatabase;
	const count = async (table: string) =>
		Number(
			rowsOf<{ n: number }>(
				await open.db.execute(sql.raw(`select count(*)::int as n from ${table}`))
			)[0]?.n
		);

	beforeAll(async () => {
		await emptyDatabase(config);
		open = await openDatabase(config);
		useDatabase(open);
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
	});

	it('migrates an empty database, and a second run applies nothing', async () => {
		const applied = rowsOf<{ name: string }>(
			await open.db.execute(sql`select name from app_migrations order by name`)
		).map((r) => r.name);
		expect(applied).toEqual(migrations().map((m) => m.name));
		expect(applied[0]).toMatch(/^0000_/);
		for (const table of [
			'instructors',
			'sessions',
			'classes',
			'assignments',
			'students',
			'attempts',
			'lesson_progress'
		]) {
			expect(await count(table)).toBe(0);
		}
		expect(await migrate(open.db)).toEqual([]);
	});

	it('creates an instructor once per email, whatever its case', async () => {
		const made = await createInstructor('Ada@Example.org', 'Ada', 'scrypt$x');
		expect(made).not.toBe('email-taken');
		expect(await createInstructor('ada@example.ORG', 'Other Ada', 'scrypt$y')).toBe('email-taken');
		expect((await findInstructorByEmail('ADA@example.org'))?.displayName).toBe('Ada');
	});

	it('creates a class with a join code students use to join; wrong codes and duplicate nicknames are refused', async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const cls = await createClass(ada!.id, 'Media literacy, period 3');
		expect(cls.joinCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
		expect((await findClassByJoinCode(cls.joinCode))?.id).toBe(cls.id);

		const joined = await joinClass(cls.joinCode, 'Zoë 🦊');
		expect(joined.ok).toBe(true);
		if (!joined.ok) return;
		expect(joined.student.nickname).toBe('Zoë 🦊');
		expect(joined.resumeCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

		expect(await joinClass(cls.joinCode, 'zoË 🦊')).toEqual({
			ok: false,
			reason: 'nickname-taken'
		});
		expect(await joinClass('ZZZZZZZZ', 'Sam')).toEqual({ ok: false, reason: 'no-class' });

		const resumed = await findStudentByResumeCode(joined.resumeCode.toLowerCase());
		expect(resumed?.student.id).toBe(joined.student.id);
		expect(resumed?.class.id).toBe(cls.id);
		expect(await findStudentByResumeCode('AAAAA-AAAAA')).toBeNull();
	});

	it('keeps one current attempt per student, assignment and set; repeats are harmless', async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const cls = await createClass(ada!.id, 'Attempts');
		const assignment = await createAssignment(cls.id, CASE, settings);
		expect(assignment).not.toBe('duplicate');
		if (assignment === 'duplicate') return;
		expect(await createAssignment(cls.id, CASE, settings)).toBe('duplicate');

		const a = await joinClass(cls.joinCode, 'Ana');
		const b = await joinClass(cls.joinCode, 'Ben');
		if (!a.ok || !b.ok) throw new Error('join failed');
		const owner = {
			studentId: a.student.id,
			assignmentId: assignment.id,
			set: 'letter' as const
		};
		const attemptId = crypto.randomUUID();
		const work = {
			tags: { L2: 'evidence' as const },
			techniques: {},
			committed: ['L2'],
			score: 1
		};
		const seen: (string[] | null)[] = [];
		await recordAttempt(owner, attemptId, (stored) => (seen.push(stored?.committed ?? null), work));
		// the same submission again, and at the same time twice more
		await Promise.all([
			recordAttempt(owner, attemptId, (stored) => (seen.push(stored?.committed ?? null), work)),
			recordAttempt(owner, attemptId, (stored) => (seen.push(stored?.committed ?? null), work))
		]);
		expect(seen[0]).toBeNull();
		expect(seen.slice(1)).toEqual([['L2'], ['L2']]);
		expect(await count('attempts')).toBe(1);
		const stored = await getAttempt(owner);
		expect(stored).toMatchObject({ id: attemptId, tags: { L2: 'evidence' }, score: 1 });

		// another device with a new attempt id continues the same row
		await recordAttempt(owner, crypto.randomUUID(), () => ({
			...work,
			tags: { L2: 'evidence', L3: 'assertion' },
			committed: ['L2', 'L3'],
			score: 1.5
		}));
		expect(await count('attempts')).toBe(1);
		expect((await getAttempt(owner))?.committed).toEqual(['L2', 'L3']);

		// Ben cannot take over Ana's attempt id
		const ben = { ...owner, studentId: b.student.id };
		await expect(recordAttempt(ben, attemptId, () => work)).rejects.toBeInstanceOf(AttemptConflict);
		expect(await getAttempt(ben)).toBeNull();

		// what a grading error throws inside compute rolls back
		await expect(
			recordAttempt(ben, crypto.randomUUID(), () => {
				throw new Error('not graded');
			})
		).rejects.toThrow('not graded');
		expect(await count('attempts')).toBe(1);

		await markLessonDone(a.student.id, assignment.id, 'two-texts');
		await markLessonDone(a.student.id, assignment.id, 'two-texts');
		expect(await lessonsDone(a.student.id, assignment.id)).toEqual(['two-texts']);

		const work2 = await listStudentsWithAttempts(assignment.id);
		expect(work2.map((s) => s.nickname)).toEqual(['Ana', 'Ben']);
		expect(work2[0]).toMatchObject({
			studentId: a.student.id,
			attempts: [{ set: 'letter', committed: ['L2', 'L3'], score: 1.5 }],
			lessonsDone: ['two-texts']
		});
		expect(work2[1]).toMatchObject({ attempts: [], lessonsDone: [] });
		// only the sets asked for (the dashboard of one set): every student, none of the other work
		const practiceOnly = await listClassAnswers(assignment.id, ['practice']);
		expect(practiceOnly.map((s) => [s.nickname, s.attempts, s.lessonsDone])).toEqual([
			['Ana', [], ['two-texts']],
			['Ben', [], []]
		]);
		const letterOnly = await listClassAnswers(assignment.id, ['letter', 'precheck']);
		const { set, tags, committed, handedInAt } = work2[0]!.attempts[0]!;
		expect(letterOnly[0]).toEqual({
			studentId: a.student.id,
			nickname: 'Ana',
			attempts: [{ set, tags, committed, handedInAt }],
			lessonsDone: ['two-texts']
		});
		expect(await listClassAnswers('not-a-uuid', ['letter'])).toEqual([]);

		const mine = await studentAssignments(a.student.id, cls.id);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ committed: { letter: 2 }, lessonsDone: ['two-texts'] });
	});

	it('shows an instructor only their own classes and assignments', async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const bob = await createInstructor('bob@example.org', 'Bob', 'scrypt$z');
		if (bob === 'email-taken') throw new Error('bob exists');
		const bobs = await createClass(bob.id, "Bob's class");
		const assignment = await createAssignment(bobs.id, CASE, settings);
		if (assignment === 'duplicate') throw new Error('duplicate');

		expect(await getClassForInstructor(bob.id, bobs.id)).toMatchObject({ name: "Bob's class" });
		expect(await getClassForInstructor(ada!.id, bobs.id)).toBeNull();
		expect(await getClassForInstructor(ada!.id, 'not-a-uuid')).toBeNull();
		expect((await listClassesForInstructor(ada!.id)).map((c) => c.name)).not.toContain(
			"Bob's class"
		);
		expect((await listClassesForInstructor(bob.id)).map((c) => c.name)).toEqual(["Bob's class"]);
		expect(await deleteClassForInstructor(ada!.id, bobs.id)).toBe(false);
		expect(await getClassForInstructor(bob.id, bobs.id)).not.toBeNull();

		// an assignment is found only through its own class
		const adas = await createClass(ada!.id, 'Ada again');
		expect(await getAssignment(adas.id, assignment.id)).toBeNull();
		expect(await updateAssignment(adas.id, assignment.id, { lessonLock: true })).toBeNull();
		expect(await revealAssignment(adas.id, assignment.id)).toBeNull();
		expect((await getAssignment(bobs.id, assignment.id))?.lessonLock).toBe(false);
		expect(await listAssignments(adas.id)).toEqual([]);

		const revealed = await revealAssignment(bobs.id, assignment.id);
		expect(revealed?.revealedAt).toBeInstanceOf(Date);
		const again = await revealAssignment(bobs.id, assignment.id);
		expect(again?.revealedAt?.getTime()).toBe(revealed?.revealedAt?.getTime());
	});

	it('resolves sessions by token for instructors and students, and ends them', async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const { token } = await createSession({ instructorId: ada!.id });
		expect((await resolveSession(token)).instructor?.email).toBe('ada@example.org');
		const stored = rowsOf<{ id: string }>(await open.db.execute(sql`select id from sessions`));
		expect(stored.map((s) => s.id)).not.toContain(token); // only its hash
		await deleteSession(token);
		expect(await resolveSession(token)).toEqual({ instructor: null, student: null });
		expect(await resolveSession('short')).toEqual({ instructor: null, student: null });
	});

	it("grades and stores a class student's work; in reveal mode no key leaves until the reveal", async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const cls = await createClass(ada!.id, 'Reveal');
		const assignment = await createAssignment(cls.id, CASE, {
			...settings,
			feedbackMode: 'reveal'
		});
		if (assignment === 'duplicate') throw new Error('duplicate');
		const s = await joinClass(cls.joinCode, 'Rae');
		if (!s.ok) throw new Error('join failed');
		const ctx = { studentId: s.student.id, className: cls.name, assignment };
		const ids = itemIds(c, 'letter');
		const all = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)!.tag]));
		const submission = { mode: 'set' as const, tags: all, techniques: {}, committed: [] };
		const attemptId = crypto.randomUUID();

		const handedIn = await gradeForClass(c, keys, 'letter', ctx, attemptId, submission);
		expect('pending' in handedIn && handedIn.pending.committed).toEqual(ids);
		expect(JSON.stringify(handedIn)).not.toContain(keys.letter.get(ids[0]!)!.rationale);
		const before = await loadClassWork(c, keys, 'letter', ctx);
		expect(before.attemptId).toBe(attemptId);
		expect(before.result).toBeUndefined();
		expect(before.pending?.committed).toEqual(ids);

		// committed answers are locked: a later form with other tags changes nothing
		const flipped = Object.fromEntries(ids.map((id) => [id, 'deflection' as const]));
		await gradeForClass(c, keys, 'letter', ctx, crypto.randomUUID(), {
			...submission,
			tags: flipped
		});
		expect(
			(await getAttempt({ ...ctx, assignmentId: assignment.id, set: 'letter' }))?.tags
		).toEqual(all);

		const revealed = await revealAssignment(cls.id, assignment.id);
		const after = await loadClassWork(c, keys, 'letter', { ...ctx, assignment: revealed! });
		expect(after.pending).toBeUndefined();
		expect(after.result?.totals.score).toBe(ids.length);
		expect(after.result?.feedback[0]?.rationale).toBe(keys.letter.get(ids[0]!)!.rationale);
	});

	it.each(['set', 'reveal'] as const)(
		"ignores a per-item commit in '%s' mode: no item's key before the whole set is in",
		async (feedbackMode) => {
			const ada = await findInstructorByEmail('ada@example.org');
			const cls = await createClass(ada!.id, `Per-item commit, ${feedbackMode}`);
			const assignment = await createAssignment(cls.id, CASE, { ...settings, feedbackMode });
			if (assignment === 'duplicate') throw new Error('duplicate');
			const s = await joinClass(cls.joinCode, 'Quick');
			if (!s.ok) throw new Error('join failed');
			const ctx = { studentId: s.student.id, className: cls.name, assignment };
			const ids = itemIds(c, 'letter');
			const one = ids[5]!;
			const oneItem = {
				mode: 'immediate' as const,
				commit: one,
				tags: { [one]: keys.letter.get(one)!.tag },
				techniques: {},
				committed: [one]
			};
			// one item committed: refused as an incomplete set, with no key in the error
			const refused = gradeForClass(c, keys, 'letter', ctx, crypto.randomUUID(), oneItem);
			await expect(refused).rejects.toBeInstanceOf(GradingError);
			await expect(refused).rejects.toThrow(/Tag every sentence/);
			expect(await getAttempt({ ...ctx, assignmentId: assignment.id, set: 'letter' })).toBeNull();

			// every item tagged but one "committed": the whole set is graded (or held), never one item
			const all = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)!.tag]));
			const whole = await gradeForClass(c, keys, 'letter', ctx, crypto.randomUUID(), {
				...oneItem,
				tags: all
			});
			if (feedbackMode === 'set') {
				expect('result' in whole && whole.result.complete).toBe(true);
			} else {
				expect('pending' in whole && whole.pending.committed).toEqual(ids);
				expect(JSON.stringify(whole)).not.toContain(keys.letter.get(one)!.rationale);
			}

			// work committed item by item earlier (say in 'immediate' mode) is not graded on load
			const other = await joinClass(cls.joinCode, 'Earlier');
			if (!other.ok) throw new Error('join failed');
			const earlier = { ...ctx, studentId: other.student.id };
			await recordAttempt(
				{ studentId: other.student.id, assignmentId: assignment.id, set: 'letter' },
				crypto.randomUUID(),
				() => ({ tags: all, techniques: {}, committed: [one], score: 1 })
			);
			const loaded = await loadClassWork(c, keys, 'letter', earlier);
			expect(loaded.result).toBeUndefined();
			expect(loaded.pending).toBeUndefined();
			expect(loaded.tags).toEqual(all);
			expect(JSON.stringify(loaded)).not.toContain(keys.letter.get(one)!.rationale);
		}
	);

	it.each(['set', 'reveal'] as const)(
		"hands in what a student has in '%s' mode: stored with its time, open items unanswered, then locked",
		async (feedbackMode) => {
			const ada = await findInstructorByEmail('ada@example.org');
			const cls = await createClass(ada!.id, `Hand in early, ${feedbackMode}`);
			const assignment = await createAssignment(cls.id, CASE, { ...settings, feedbackMode });
			if (assignment === 'duplicate') throw new Error('duplicate');
			const s = await joinClass(cls.joinCode, 'Early');
			if (!s.ok) throw new Error('join failed');
			const ctx = { studentId: s.student.id, className: cls.name, assignment };
			const owner = {
				studentId: s.student.id,
				assignmentId: assignment.id,
				set: 'letter' as const
			};
			const ids = itemIds(c, 'letter');
			const answered = ids.slice(0, -3);
			const tags = Object.fromEntries(answered.map((id) => [id, keys.letter.get(id)!.tag]));
			const body = { mode: 'set' as const, tags, techniques: {}, committed: [] };

			// unconfirmed: refused with the number of open items, nothing stored
			const refused = gradeForClass(c, keys, 'letter', ctx, crypto.randomUUID(), body);
			await expect(refused).rejects.toMatchObject({ details: { open: 3 } });
			expect(await getAttempt(owner)).toBeNull();

			const attemptId = crypto.randomUUID();
			const handed = await gradeForClass(c, keys, 'letter', ctx, attemptId, {
				...body,
				handIn: true
			});
			const stored = await getAttempt(owner);
			expect(stored?.committed).toEqual(answered);
			expect(stored?.handedInAt).toBeInstanceOf(Date);
			if (feedbackMode === 'set') {
				expect('result' in handed && handed.result.open).toEqual(ids.slice(-3));
			} else {
				expect('pending' in handed && handed.pending.committed).toEqual(answered);
				expect(JSON.stringify(handed)).not.toContain(keys.letter.get(ids[0]!)!.rationale);
			}

			// locked: a later form (other tags, the open items too) changes nothing
			const all = Object.fromEntries(ids.map((id) => [id, 'evidence' as const]));
			await gradeForClass(c, keys, 'letter', ctx, attemptId, { ...body, tags: all });
			const after = await getAttempt(owner);
			expect(after?.tags).toEqual(tags);
			expect(after?.handedInAt?.getTime()).toBe(stored?.handedInAt?.getTime());

			// on load (after the reveal in 'reveal' mode): graded as handed in, open items unanswered
			const shown =
				feedbackMode === 'reveal'
					? { ...ctx, assignment: (await revealAssignment(cls.id, assignment.id))! }
					: ctx;
			const loaded = await loadClassWork(c, keys, 'letter', shown);
			expect(loaded.result?.complete).toBe(true);
			expect(loaded.result?.totals).toMatchObject({
				score: answered.length,
				unanswered: 3
			});
			const [work] = (await listStudentsWithAttempts(assignment.id)).filter(
				(w) => w.studentId === s.student.id
			);
			expect(work?.attempts[0]?.handedInAt).toBeInstanceOf(Date);
		}
	);

	it("the map gets a class student's tagging key only as the tagging page would show it", async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const ids = itemIds(c, 'letter');
		const all = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)!.tag]));
		const links = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)!.answers]));
		const student = async (feedbackMode: 'immediate' | 'set' | 'reveal') => {
			const cls = await createClass(ada!.id, `Map, ${feedbackMode}`);
			const assignment = await createAssignment(cls.id, CASE, { ...settings, feedbackMode });
			if (assignment === 'duplicate') throw new Error('duplicate');
			const s = await joinClass(cls.joinCode, 'Mapper');
			if (!s.ok) throw new Error('join failed');
			return { cls, ctx: { studentId: s.student.id, className: cls.name, assignment } };
		};
		const tagged = async (ctx: Parameters<typeof revealedTagging>[2]) => {
			const result = gradeMap(c, keys, { links }, await revealedTagging(c, keys, ctx));
			return result.feedback.filter((f) => f.tagging).map((f) => f.id);
		};

		// immediate: the items committed so far, one by one
		const now = await student('immediate');
		expect(await tagged(now.ctx)).toEqual([]);
		await gradeForClass(c, keys, 'letter', now.ctx, crypto.randomUUID(), {
			mode: 'immediate',
			commit: ids[4],
			tags: { [ids[4]!]: all[ids[4]!]!, [ids[6]!]: all[ids[6]!]! },
			techniques: {},
			committed: []
		});
		expect(await tagged(now.ctx)).toEqual([ids[4]]);

		// reveal: nothing before the reveal, even with the whole set handed in; all after
		const later = await student('reveal');
		await gradeForClass(c, keys, 'letter', later.ctx, crypto.randomUUID(), {
			mode: 'set',
			tags: all,
			techniques: {},
			committed: []
		});
		expect(await tagged(later.ctx)).toEqual([]);
		const revealed = await revealAssignment(later.cls.id, later.ctx.assignment.id);
		expect(await tagged({ ...later.ctx, assignment: revealed! })).toEqual(ids);

		// set: nothing until the whole set is handed in
		const whole = await student('set');
		expect(await tagged(whole.ctx)).toEqual([]);
		await gradeForClass(c, keys, 'letter', whole.ctx, crypto.randomUUID(), {
			mode: 'set',
			tags: all,
			techniques: {},
			committed: []
		});
		expect(await tagged(whole.ctx)).toEqual(ids);
	});

	it('deleting a class deletes its assignments, students, their sessions, attempts and progress', async () => {
		const ada = await findInstructorByEmail('ada@example.org');
		const cls = await createClass(ada!.id, 'To delete');
		const assignment = await createAssignment(cls.id, CASE, settings);
		if (assignment === 'duplicate') throw new Error('duplicate');
		const s = await joinClass(cls.joinCode, 'Leaving');
		if (!s.ok) throw new Error('join failed');
		const { token } = await createSession({ studentId: s.student.id });
		expect((await resolveSession(token)).student).toMatchObject({
			nickname: 'Leaving',
			classId: cls.id,
			className: 'To delete'
		});
		await recordAttempt(
			{ studentId: s.student.id, assignmentId: assignment.id, set: 'practice' },
			crypto.randomUUID(),
			() => ({ tags: {}, techniques: {}, committed: [], score: 0 })
		);
		await markLessonDone(s.student.id, assignment.id, 'one');
		const before = {
			attempts: await count('attempts'),
			progress: await count('lesson_progress'),
			students: await count('students'),
			sessions: await count('sessions')
		};

		expect(await deleteClassForInstructor(ada!.id, cls.id)).toBe(true);
		expect(await getClassForInstructor(ada!.id, cls.id)).toBeNull();
		expect(await count('attempts')).toBe(before.attempts - 1);
		expect(await count('lesson_progress')).toBe(before.progress - 1);
		expect(await count('students')).toBe(before.students - 1);
		expect(await count('sessions')).toBe(before.sessions - 1);
		expect(await resolveSession(token)).toEqual({ instructor: null, student: null });
		expect(await findStudentByResumeCode(s.resumeCode)).toBeNull();
		expect(await joinClass(cls.joinCode, 'Late')).toEqual({ ok: false, reason: 'no-class' });
	});
});
