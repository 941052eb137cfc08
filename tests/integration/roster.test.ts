// Roster management through the app's queries, on PGlite and on PostgreSQL: an instructor renames a
// student (the join's uniqueness rules), gives them a new resume code (the old one stops working,
// their sessions end, their work stays), removes them with all their work (their browser is told
// so once), and takes an assignment
// back with its work. Every function is scoped to the class it is given: a student of another
// class (another instructor's) is never found, renamed, reset or removed. Late hand-ins show in
// the export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, real } from '../unit/real-case';
import { itemIds } from '../../src/lib/content/case';
import { recordAttempt, getAttempt } from '../../src/lib/server/repo/attempts';
import { saveCheckAnswer, lessonCheckAnswers } from '../../src/lib/server/repo/check-answers';
import {
	getClassStudent,
	removeStudent,
	renameStudent,
	resetResumeCode
} from '../../src/lib/server/repo/class-students';
import {
	createAssignment,
	createClass,
	deleteAssignment,
	listStudents,
	updateAssignment,
	type Class
} from '../../src/lib/server/repo/classes';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import {
	createSession,
	resolveSession,
	takeRemovedSession
} from '../../src/lib/server/repo/sessions';
import {
	findStudentByResumeCode,
	joinClass,
	lessonsDone,
	markLessonDone
} from '../../src/lib/server/repo/students';
import { buildExport, exportToCsv, exportToGradebook } from '../../src/lib/server/reports/export';
import { testDatabaseUrl } from '../postgres.global';
import { ownDatabase } from './own-database';

/** the letter's first claim sentence, answered as the key answers it: 1 point */
const FIRST = itemIds(real.case, 'letter')[0]!;
const FIRST_TAG = real.keys.letter.get(FIRST)!.tag;

const settings = {
	feedbackMode: 'set',
	dueAt: null,
	lessonLock: false,
	showDistribution: false,
	boosterReleased: false
} as const;

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
			const own = await ownDatabase(testDatabaseUrl(), 'roster');
			const config: DatabaseConfig = { kind: 'postgres', url: own.url };
			return { db: await openDatabase(config), drop: own.drop };
		}
	}
];

describe.each(backends)('$name', ({ open: openBackend }) => {
	let open: OpenDatabase;
	let drop: () => Promise<void>;
	let ada: string;
	let bob: string;

	beforeAll(async () => {
		({ db: open, drop } = await openBackend());
		useDatabase(open);
		for (const [email, set] of [
			['ada@example.org', (id: string) => (ada = id)],
			['bob@example.org', (id: string) => (bob = id)]
		] as const) {
			const made = await createInstructor(email, email, 'scrypt$x');
			if (made === 'email-taken') throw new Error('email taken');
			set(made.id);
		}
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	async function classWith(instructorId: string, names: string[]) {
		const cls = await createClass(instructorId, `Roster ${names.join(' ')}`);
		const assignment = await createAssignment(cls.id, CASE, settings);
		if (assignment === 'duplicate') throw new Error('duplicate');
		const students = [];
		for (const name of names) {
			const joined = await joinClass(cls.joinCode, name);
			if (!joined.ok) throw new Error('join failed');
			students.push({ ...joined.student, resumeCode: joined.resumeCode });
		}
		return { cls, assignment, students };
	}

	/** Ana's work: a set handed in, a lesson done, a check answered. */
	async function workOf(studentId: string, assignmentId: string, handedInAt = new Date()) {
		await recordAttempt({ studentId, assignmentId, set: 'letter' }, crypto.randomUUID(), () => ({
			tags: { [FIRST]: FIRST_TAG },
			techniques: {},
			committed: [FIRST],
			score: 1,
			handedInAt
		}));
		await markLessonDone(studentId, assignmentId, 'one');
		await saveCheckAnswer({ studentId, assignmentId, lessonSlug: 'one' }, 'who', 'An answer.');
	}

	it('renames a student of the class, with the join rules for a nickname already in use', async () => {
		const { cls, students } = await classWith(ada, ['Ana', 'Ben']);
		const [ana, ben] = [students[0]!, students[1]!];
		const renamed = await renameStudent(cls.id, ana.id, 'Anaïs');
		expect(renamed !== 'taken' && renamed?.nickname).toBe('Anaïs');
		// the same nickname as compared at the join (case, width) is taken
		expect(await renameStudent(cls.id, ana.id, 'BEN')).toBe('taken');
		expect(await renameStudent(cls.id, ana.id, 'ｂｅｎ')).toBe('taken');
		// a student may keep their own nickname, in another case
		const recased = await renameStudent(cls.id, ben.id, 'BEN');
		expect(recased !== 'taken' && recased?.nickname).toBe('BEN');
		expect((await listStudents(cls.id)).map((s) => s.nickname)).toEqual(['Anaïs', 'BEN']);
	});

	it('gives a new resume code: the old one stops working, sessions end, the work stays', async () => {
		const { cls, assignment, students } = await classWith(ada, ['Cy']);
		const cy = students[0]!;
		await workOf(cy.id, assignment.id);
		const session = await createSession({ studentId: cy.id });
		expect((await resolveSession(session.token)).student?.id).toBe(cy.id);

		const code = await resetResumeCode(cls.id, cy.id);
		expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
		expect(code).not.toBe(cy.resumeCode);
		expect(await findStudentByResumeCode(cy.resumeCode)).toBeNull();
		expect((await findStudentByResumeCode(code!))?.student.id).toBe(cy.id);
		expect((await resolveSession(session.token)).student).toBeNull();
		const owner = { studentId: cy.id, assignmentId: assignment.id };
		expect((await getAttempt({ ...owner, set: 'letter' }))?.committed).toEqual([FIRST]);
	});

	it('removes a student with all their work, and nobody else', async () => {
		const { cls, assignment, students } = await classWith(ada, ['Di', 'Ed']);
		const [di, ed] = [students[0]!, students[1]!];
		await workOf(di.id, assignment.id);
		await workOf(ed.id, assignment.id);
		const session = await createSession({ studentId: di.id });
		const edSession = await createSession({ studentId: ed.id });

		expect(await removeStudent(cls.id, di.id)).toBe(true);
		expect(await getClassStudent(cls.id, di.id)).toBeNull();
		const diWork = { studentId: di.id, assignmentId: assignment.id };
		expect(await getAttempt({ ...diWork, set: 'letter' })).toBeNull();
		expect(await lessonsDone(di.id, assignment.id)).toEqual([]);
		expect(await lessonCheckAnswers({ ...diWork, lessonSlug: 'one' })).toEqual({});
		expect((await resolveSession(session.token)).student).toBeNull();
		// Di's browser is told once that she was removed (not that her session expired)
		expect(await takeRemovedSession(session.token)).toBe(true);
		expect(await takeRemovedSession(session.token)).toBe(false);
		expect(await takeRemovedSession(edSession.token)).toBe(false);
		expect((await resolveSession(edSession.token)).student?.id).toBe(ed.id);
		expect(await removeStudent(cls.id, di.id)).toBe(false);
		// Ed and his work stay
		const edWork = { studentId: ed.id, assignmentId: assignment.id };
		expect((await getAttempt({ ...edWork, set: 'letter' }))?.committed).toEqual([FIRST]);
		expect((await listStudents(cls.id)).map((s) => s.nickname)).toEqual(['Ed']);
	});

	it("never touches a student through another instructor's class", async () => {
		const ours = await classWith(ada, ['Fay']);
		const theirs: { cls: Class } = await classWith(bob, ['Gus']);
		const fay = ours.students[0]!;
		expect(await getClassStudent(theirs.cls.id, fay.id)).toBeNull();
		expect(await renameStudent(theirs.cls.id, fay.id, 'Hacked')).toBeNull();
		expect(await resetResumeCode(theirs.cls.id, fay.id)).toBeNull();
		expect(await removeStudent(theirs.cls.id, fay.id)).toBe(false);
		expect(await deleteAssignment(theirs.cls.id, ours.assignment.id)).toBe(false);
		// Fay is as she was: same name, same code, still in her class with her assignment
		expect((await getClassStudent(ours.cls.id, fay.id))?.nickname).toBe('Fay');
		expect((await findStudentByResumeCode(fay.resumeCode))?.student.id).toBe(fay.id);
		// ids that are not uuids find nothing either
		expect(await getClassStudent(ours.cls.id, 'not-a-uuid')).toBeNull();
		expect(await removeStudent('not-a-uuid', fay.id)).toBe(false);
	});

	it('takes an assignment back with its work; marks late hand-ins in the exports', async () => {
		const { cls, assignment, students } = await classWith(ada, ['Hal', 'Ida']);
		const due = new Date('2026-03-14T23:59:59.000Z');
		await updateAssignment(cls.id, assignment.id, { dueAt: due });
		await workOf(students[0]!.id, assignment.id, new Date('2026-03-14T20:00:00Z'));
		await workOf(students[1]!.id, assignment.id, new Date('2026-03-15T00:00:01Z'));

		const data = await buildExport(cls, 'nickname');
		const letter = (i: number) =>
			data.students[i]!.assignments[0]!.sets.find((x) => x.set === 'letter')!.total;
		const late = [letter(0).late, letter(1).late];
		expect(late).toEqual([false, true]);
		const csv = exportToCsv(data).split('\r\n');
		expect(csv.find((r) => r.startsWith('total,Hal,') && r.includes(',letter,'))).toMatch(/,no$/);
		expect(csv.find((r) => r.startsWith('total,Ida,') && r.includes(',letter,'))).toMatch(/,yes$/);
		// the gradebook: Hal's point in the letter's column, 0 in the others, 1 in all
		const [header, hal] = exportToGradebook(data)
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.map((r) => r.split(','));
		const column = header!.indexOf(
			`${CASE} letter (out of ${itemIds(real.case, 'letter').length})`
		);
		expect(column).toBeGreaterThan(0);
		expect(header!.at(-1)).toMatch(/^total \(out of \d+\)$/);
		expect(hal).toEqual(
			header!.map((_, i) =>
				i === 0 ? 'Hal' : i === column || i === header!.length - 1 ? '1' : '0'
			)
		);

		expect(await deleteAssignment(cls.id, assignment.id)).toBe(true);
		const work = { studentId: students[0]!.id, assignmentId: assignment.id };
		expect(await getAttempt({ ...work, set: 'letter' })).toBeNull();
		expect(await lessonsDone(students[0]!.id, assignment.id)).toEqual([]);
		expect((await buildExport(cls, 'nickname')).students.map((s) => s.assignments)).toEqual([
			[],
			[]
		]);
	});
});
