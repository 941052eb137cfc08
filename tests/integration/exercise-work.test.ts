// The map, the ordering and the truth sandwich of class students (issue 13): handed in once per
// student, assignment and exercise (the first hand-in wins), read back for the student and for the
// whole assignment, reviewed by the instructor (scores and a comment of at most 1,000 characters,
// which the database holds too), capped in size by the database, and deleted with the class.
// On PGlite and on PostgreSQL, through the app's migrations and queries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, real } from '../unit/real-case';
import { correctOrder } from '../../src/lib/exercises/order/scoring';
import { buildExport, exportToCsv, exportToGradebook } from '../../src/lib/server/reports/export';
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
import { EXERCISE_WORK_MAX, REVIEW_COMMENT_MAX } from '../../src/lib/server/db/schema';
import { rowsOf } from '../../src/lib/server/db/rows';
import {
	assignmentExerciseWork,
	getExerciseWork,
	handInExerciseWork,
	reviewExerciseWork
} from '../../src/lib/server/repo/exercise-work';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { joinClass } from '../../src/lib/server/repo/students';
import { testDatabaseUrl } from '../postgres.global';
import { ownDatabase } from './own-database';

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
			const own = await ownDatabase(testDatabaseUrl(), 'exercise_work');
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
		const made = await createInstructor('work@example.org', 'Work', 'scrypt$x');
		if (made === 'email-taken') throw new Error('email taken');
		instructorId = made.id;
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
		await drop?.();
	});

	async function classWithStudents(names: string[]) {
		const cls = await createClass(instructorId, `Work ${names.join(' ')}`);
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

	it('keeps the first hand-in of each exercise per student; a second one changes nothing', async () => {
		const { assignment, students } = await classWithStudents(['Ana', 'Ben']);
		const [ana, ben] = [students[0]!, students[1]!];
		const anaMap = { studentId: ana.id, assignmentId: assignment.id, exercise: 'map' as const };
		expect(await getExerciseWork(anaMap)).toBeNull();

		const first = await handInExerciseWork(anaMap, { links: { L4: ['A1'] } }, 0.5);
		expect(first.answer).toEqual({ links: { L4: ['A1'] } });
		expect(first.score).toBe(0.5);
		const again = await handInExerciseWork(anaMap, { links: { L4: ['A2'] } }, 1);
		expect(again.answer).toEqual({ links: { L4: ['A1'] } });
		expect(again.score).toBe(0.5);

		await handInExerciseWork({ ...anaMap, exercise: 'order' }, { order: ['e2', 'e1'] }, 0);
		await handInExerciseWork({ ...anaMap, studentId: ben.id }, { links: { L4: [] } }, 1);

		const all = await assignmentExerciseWork(assignment.id);
		expect(all.map((w) => [w.exercise, w.studentId === ana.id ? 'Ana' : 'Ben'])).toEqual([
			['map', 'Ana'],
			['map', 'Ben'],
			['order', 'Ana']
		]);
		// only the exercises asked for
		const orders = await assignmentExerciseWork(assignment.id, ['order', 'sandwich']);
		expect(orders.map((w) => [w.exercise, w.answer])).toEqual([['order', { order: ['e2', 'e1'] }]]);
		expect(await getExerciseWork({ ...anaMap, studentId: 'not-a-uuid' })).toBeNull();
		expect(await assignmentExerciseWork('not-a-uuid')).toEqual([]);
	});

	it("the instructor's review: scores and comment on work handed in, none before it", async () => {
		const { assignment, students } = await classWithStudents(['Cleo']);
		const owner = {
			studentId: students[0]!.id,
			assignmentId: assignment.id,
			exercise: 'sandwich' as const
		};
		const scores = { fact: 2, warning: 1, fallacy: 1, fairness: 2, clarity: 0 };
		expect(await reviewExerciseWork(owner, scores, 'Early.')).toBe(false);

		await handInExerciseWork(owner, { text: 'Fact. Warning. Fallacy. Fact.', self: scores }, null);
		expect(await reviewExerciseWork(owner, scores, '  Good start.  ')).toBe(true);
		const reviewed = await getExerciseWork(owner);
		expect(reviewed?.review).toEqual(scores);
		expect(reviewed?.reviewComment).toBe('Good start.');
		expect(reviewed?.reviewedAt).toBeInstanceOf(Date);

		expect(await reviewExerciseWork(owner, scores, '')).toBe(true);
		expect((await getExerciseWork(owner))?.reviewComment).toBeNull();
		await expect(
			reviewExerciseWork(owner, scores, 'x'.repeat(REVIEW_COMMENT_MAX + 1))
		).rejects.toThrow();
	});

	it('the exports count the map, the ordering and the scored truth sandwich', async () => {
		const { cls, assignment, students } = await classWithStudents(['Eve', 'Fin']);
		const c = real.case;
		const keys = real.keys;
		const owner = (exercise: 'map' | 'order' | 'sandwich') => ({
			studentId: students[0]!.id,
			assignmentId: assignment.id,
			exercise
		});
		// Eve links every sentence as the key does, orders the events backwards, and her truth
		// sandwich is scored 2+1+1+2+0 = 6 (she gave herself 2+2+2+2+2 = 10)
		const links = Object.fromEntries(
			c.claims.map((s) => [s.id, [...(keys.letter.get(s.id)?.answers ?? [])]])
		);
		await handInExerciseWork(owner('map'), { links }, c.claims.length);
		const events = (c.timeline?.events ?? []).filter((e) => e.orderExercise);
		const n = events.length;
		await handInExerciseWork(owner('order'), { order: [...correctOrder(events)].reverse() }, 0);
		const ten = { fact: 2, warning: 2, fallacy: 2, fairness: 2, clarity: 2 };
		await handInExerciseWork(owner('sandwich'), { text: 'A sandwich.', self: ten }, null);
		await reviewExerciseWork(
			owner('sandwich'),
			{ fact: 2, warning: 1, fallacy: 1, fairness: 2, clarity: 0 },
			'Fine.'
		);

		const data = await buildExport(cls, 'nickname');
		const [eve, fin] = data.students.map((s) => s.assignments[0]!.exercises!);
		expect(eve!.map((e) => [e.exercise, e.score, e.outOf, e.selfAssessment])).toEqual([
			['map', c.claims.length, c.claims.length, undefined],
			['order', 0, (n * (n - 1)) / 2, undefined],
			['sandwich', 6, 10, 10]
		]);
		expect(eve!.every((e) => e.handedInAt !== null && !e.late)).toBe(true);
		expect(fin!.map((e) => [e.exercise, e.score, e.handedInAt])).toEqual([
			['map', null, null],
			['order', null, null],
			['sandwich', null, null]
		]);
		const csv = exportToCsv(data).split('\r\n');
		expect(csv.find((r) => r.startsWith('total,Eve,') && r.includes(',sandwich,'))).toMatch(
			/^total,Eve,[^,]+,sandwich,,,,6,,10,,\S+,no$/
		);
		const [header, eveRow, finRow] = exportToGradebook(data)
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.map((r) => r.split(','));
		const col = (name: string) => header!.indexOf(name);
		expect(col(`${CASE} map (out of ${c.claims.length})`)).toBeGreaterThan(0);
		expect(eveRow![col(`${CASE} map (out of ${c.claims.length})`)]).toBe(String(c.claims.length));
		expect(eveRow![col(`${CASE} order (out of ${(n * (n - 1)) / 2})`)]).toBe('0');
		expect(eveRow![col(`${CASE} sandwich (out of 10)`)]).toBe('6');
		// no tagging done: the total is the map's sentences and the sandwich's 6
		expect(eveRow!.at(-1)).toBe(String(c.claims.length + 6));
		expect(finRow!.at(-1)).toBe('0');
	});

	it('the database refuses an oversized answer, and the class takes its work along', async () => {
		const { cls, assignment, students } = await classWithStudents(['Dev']);
		const owner = {
			studentId: students[0]!.id,
			assignmentId: assignment.id,
			exercise: 'sandwich' as const
		};
		await expect(
			handInExerciseWork(owner, { text: 'x'.repeat(EXERCISE_WORK_MAX), self: {} }, null)
		).rejects.toThrow();
		await handInExerciseWork(owner, { text: 'x'.repeat(100), self: {} }, null);
		const count = async () =>
			Number(
				rowsOf<{ n: number }>(
					await open.db.execute(
						sql`select count(*)::int as n from exercise_work where assignment_id = ${assignment.id}`
					)
				)[0]?.n
			);
		expect(await count()).toBe(1);
		expect(await deleteClassForInstructor(instructorId, cls.id)).toBe(true);
		expect(await count()).toBe(0);
	});
});
