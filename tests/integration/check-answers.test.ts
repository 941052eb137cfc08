// Checks for understanding in a class: a student's typed answers, saved per lesson and check,
// replaced on a second save, removed when emptied, read back for the student and for the whole
// assignment, capped at 4,000 characters by the database too, and deleted with the class; and
// the module path's done steps from the server (lessons marked done, sets handed in whole).
// On PGlite and on PostgreSQL, through the app's migrations and queries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, real } from '../unit/real-case';
import { itemIds } from '../../src/lib/content/case';
import { recordAttempt } from '../../src/lib/server/repo/attempts';
import {
	assignmentCheckAnswers,
	lessonCheckAnswers,
	saveCheckAnswer
} from '../../src/lib/server/repo/check-answers';
import {
	createAssignment,
	createClass,
	deleteClassForInstructor
} from '../../src/lib/server/repo/classes';
import {
	openDatabase,
	useDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { CHECK_ANSWER_MAX } from '../../src/lib/server/db/schema';
import { rowsOf } from '../../src/lib/server/db/rows';
import { CheckAnswerForm } from '../../src/lib/server/forms/check-answer';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { classStepsDone } from '../../src/lib/server/repo/steps-done';
import { joinClass, markLessonDone } from '../../src/lib/server/repo/students';
import { testDatabaseUrl } from '../postgres.global';
import { ownDatabase } from './own-database';

const settings = {
	feedbackMode: 'set',
	dueAt: null,
	lessonLock: false,
	showDistribution: false,
	boosterReleased: false
} as const;

describe('the check answer form', () => {
	it('takes up to 4,000 characters and refuses more with a clear message', () => {
		expect(CheckAnswerForm.safeParse({ check: 'a', answer: 'x'.repeat(4000) }).success).toBe(true);
		const long = CheckAnswerForm.safeParse({ check: 'a', answer: 'x'.repeat(4001) });
		expect(long.error?.issues[0]?.message).toBe(
			'use at most 4,000 characters (shorten your answer)'
		);
		expect(CheckAnswerForm.safeParse({ answer: 'x' }).error?.issues[0]?.message).toBe(
			'say which check the answer is for'
		);
	});
});

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
			const own = await ownDatabase(testDatabaseUrl(), 'check_answers');
			const config: DatabaseConfig = { kind: 'postgres', url: own.url };
			return { db: await openDatabase(config), drop: own.drop };
		}
	}
];

describe.each(backends)('$name', ({ open: openBackend }) => {
	let open: OpenDatabase;
	let drop: () => Promise<void>;
	let instructorId: string;

	beforeAll(async () => {
		({ db: open, drop } = await openBackend());
		useDatabase(open);
		const made = await createInstructor('checks@example.org', 'Checks', 'scrypt$x');
		if (made === 'email-taken') throw new Error('email taken');
		instructorId = made.id;
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	async function classWithStudents(names: string[]) {
		const cls = await createClass(instructorId, `Checks ${names.join(' ')}`);
		const assignment = await createAssignment(cls.id, CASE, settings);
		if (assignment === 'duplicate') throw new Error('duplicate');
		const students = [];
		for (const name of names) {
			const joined = await joinClass(cls.joinCode, name);
			if (!joined.ok) throw new Error('join failed');
			students.push(joined.student);
		}
		return { cls, assignment, students };
	}

	it("keeps each student's answer per lesson and check, replaced on save, removed when emptied", async () => {
		const { assignment, students } = await classWithStudents(['Ana', 'Ben']);
		const [ana, ben] = [students[0]!, students[1]!];
		const anaL1 = { studentId: ana.id, assignmentId: assignment.id, lessonSlug: 'one' };
		const benL1 = { studentId: ben.id, assignmentId: assignment.id, lessonSlug: 'one' };

		await saveCheckAnswer(anaL1, 'who', 'The embassy.');
		await saveCheckAnswer(anaL1, 'who', 'The embassy, and a think tank.');
		await saveCheckAnswer(anaL1, 'why', 'Because the reports are secret.');
		await saveCheckAnswer({ ...anaL1, lessonSlug: 'two' }, 'who', 'Another lesson.');
		await saveCheckAnswer(benL1, 'who', 'Ben’s answer');

		expect(await lessonCheckAnswers(anaL1)).toEqual({
			who: 'The embassy, and a think tank.',
			why: 'Because the reports are secret.'
		});
		expect(await lessonCheckAnswers(benL1)).toEqual({ who: 'Ben’s answer' });

		await saveCheckAnswer(anaL1, 'why', '   ');
		expect(await lessonCheckAnswers(anaL1)).toEqual({ who: 'The embassy, and a think tank.' });

		const all = await assignmentCheckAnswers(assignment.id);
		expect(all.map((a) => [a.lessonSlug, a.checkId, a.answer])).toEqual([
			['one', 'who', 'The embassy, and a think tank.'],
			['one', 'who', 'Ben’s answer'],
			['two', 'who', 'Another lesson.']
		]);
		expect(all[0]?.updatedAt).toBeInstanceOf(Date);
		expect(await lessonCheckAnswers({ ...anaL1, studentId: 'not-a-uuid' })).toEqual({});
	});

	it('the database refuses an answer over 4,000 characters, and the class takes its answers along', async () => {
		const { cls, assignment, students } = await classWithStudents(['Cleo']);
		const owner = { studentId: students[0]!.id, assignmentId: assignment.id, lessonSlug: 'one' };
		await expect(saveCheckAnswer(owner, 'who', 'x'.repeat(CHECK_ANSWER_MAX + 1))).rejects.toThrow();
		await saveCheckAnswer(owner, 'who', 'x'.repeat(CHECK_ANSWER_MAX));
		const count = async () =>
			Number(
				rowsOf<{ n: number }>(
					await open.db.execute(
						sql`select count(*)::int as n from check_answers where assignment_id = ${assignment.id}`
					)
				)[0]?.n
			);
		expect(await count()).toBe(1);
		expect(await deleteClassForInstructor(instructorId, cls.id)).toBe(true);
		expect(await count()).toBe(0);
	});

	it("a class student's done steps: lessons marked done, sets handed in whole or with items open", async () => {
		const { assignment, students } = await classWithStudents(['Dev']);
		const studentId = students[0]!.id;
		const c = real.case;
		expect(await classStepsDone(c, studentId, assignment.id)).toEqual([]);

		await markLessonDone(studentId, assignment.id, c.lessons[0]!.slug);
		const letter = itemIds(c, 'letter');
		const practice = itemIds(c, 'practice');
		const work = (committed: string[]) => () => ({
			tags: {},
			techniques: {},
			committed,
			score: 0
		});
		// the letter handed in whole, the practice only in part
		await recordAttempt(
			{ studentId, assignmentId: assignment.id, set: 'letter' },
			crypto.randomUUID(),
			work(letter)
		);
		await recordAttempt(
			{ studentId, assignmentId: assignment.id, set: 'practice' },
			crypto.randomUUID(),
			work(practice.slice(0, 1))
		);
		expect((await classStepsDone(c, studentId, assignment.id)).sort()).toEqual(
			[`lesson:${c.lessons[0]!.slug}`, 'exercise:tag'].sort()
		);

		// "hand in what you have": the practice handed in with items still open is done too
		await recordAttempt(
			{ studentId, assignmentId: assignment.id, set: 'practice' },
			crypto.randomUUID(),
			() => ({ ...work(practice.slice(0, 1))(), handedInAt: new Date() })
		);
		expect((await classStepsDone(c, studentId, assignment.id)).sort()).toEqual(
			[`lesson:${c.lessons[0]!.slug}`, 'exercise:tag', 'exercise:practice'].sort()
		);
	});
});
