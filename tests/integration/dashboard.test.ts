// The dashboard's server side against a real (PGlite, in memory) database: the class's stored work
// becomes the dashboard, and the projector's figures carry the key only for what was revealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/lib/server/repo/attempts';
import { createAssignment, createClass, type Assignment } from '../../src/lib/server/repo/classes';
import { openDatabase, useDatabase, type OpenDatabase } from '../../src/lib/server/db/client';
import {
	assignmentDashboard,
	presentData,
	revealedIds
} from '../../src/lib/server/reports/dashboard';
import { getCase, getKeys } from '../../src/lib/server/content';
import { itemIds } from '../../src/lib/content/case';
import { createInstructor } from '../../src/lib/server/repo/instructors';
import { joinClass, markLessonDone } from '../../src/lib/server/repo/students';
import type { Tag } from '../../src/lib/content/vocabulary';

const CASE = 'embassy-letter-2020';
const ids = itemIds(getCase(CASE), 'letter');
const key = getKeys(getCase(CASE)).letter;
const keyTags = Object.fromEntries(ids.map((id) => [id, key.get(id)!.tag])) as Record<string, Tag>;
const allDeflection = Object.fromEntries(ids.map((id) => [id, 'deflection'])) as Record<
	string,
	Tag
>;

describe('dashboard on PGlite', () => {
	let open: OpenDatabase;
	let assignment: Assignment;

	beforeAll(async () => {
		open = await openDatabase({ kind: 'pglite' });
		useDatabase(open);
		const instructor = await createInstructor('kappa@example.org', 'K', 'scrypt$x');
		if (instructor === 'email-taken') throw new Error('fresh database expected');
		const cls = await createClass(instructor.id, 'Period 1');
		const made = await createAssignment(cls.id, CASE, {
			feedbackMode: 'set',
			dueAt: null,
			lessonLock: false,
			showDistribution: true,
			boosterReleased: false
		});
		if (made === 'duplicate') throw new Error('fresh class expected');
		assignment = made;
		const work: [string, Record<string, Tag>, string[]][] = [
			['Ana', keyTags, ids],
			['Bo', allDeflection, ids],
			// a draft only: nothing committed yet
			['Cy', keyTags, []]
		];
		for (const [nickname, tags, committed] of work) {
			const joined = await joinClass(cls.joinCode, nickname);
			if (!joined.ok) throw new Error(joined.reason);
			const owner = {
				studentId: joined.student.id,
				assignmentId: assignment.id,
				set: 'letter' as const
			};
			await recordAttempt(owner, crypto.randomUUID(), () => ({
				tags,
				techniques: {},
				committed,
				score: 0
			}));
			if (nickname === 'Ana') {
				await markLessonDone(joined.student.id, assignment.id, getCase(CASE).lessons[0]!.slug);
			}
		}
	}, 60_000);

	afterAll(async () => {
		useDatabase(undefined);
		await open?.close();
	});

	it('builds the dashboard from the stored attempts and lesson progress', async () => {
		const { dashboard } = await assignmentDashboard(getCase(CASE), assignment, 'letter');
		const byName = new Map(dashboard.students.map((s) => [s.nickname, s]));
		expect([...byName.keys()]).toEqual(['Ana', 'Bo', 'Cy']);
		expect(dashboard.submitted).toBe(2);
		expect(byName.get('Ana')!.totals!.ratio).toBe(1);
		expect(byName.get('Ana')!.balanced).toBe(1);
		expect(byName.get('Ana')!.lessons[0]).toBe(true);
		expect(byName.get('Bo')!.balanced).toBeLessThan(0.5);
		expect(byName.get('Cy')!.totals).toBeNull();
		for (const item of dashboard.distribution.items) expect(item.total).toBe(2);
		// sentences where Ana and Bo disagree (key not deflection) come before those they agree on
		const first = dashboard.distribution.contested[0]!;
		expect(first.agreement).toBe(0);
		expect(dashboard.agreement.caveat).toMatch(/only 2 students/);
	});

	it('sends the key to the projector only for the revealed sentence', async () => {
		const target = ids[3]!;
		const url = new URL(`http://x/present?reveal=${target}`);
		const hidden = await presentData(
			getCase(CASE),
			assignment,
			'letter',
			new URL('http://x/present')
		);
		expect(hidden.keys).toEqual({});
		expect(hidden.items.every((i) => i.keyTag === null && i.keyShare === null)).toBe(true);
		expect(hidden.submitted).toBe(2);

		const shown = await presentData(getCase(CASE), assignment, 'letter', url);
		expect(Object.keys(shown.keys)).toEqual([target]);
		expect(shown.keys[target]!.rationale).toBe(key.get(target)!.rationale);
		expect(shown.items.filter((i) => i.keyTag !== null).map((i) => i.id)).toEqual([target]);
		expect(JSON.stringify(shown)).not.toContain(key.get(ids[4]!)!.rationale);
	});

	it('reads ?reveal= as one known id or "all"', () => {
		const at = (q: string) => revealedIds(new URL(`http://x/?${q}`), ['L2', 'L3']);
		expect([...at('reveal=L3')]).toEqual(['L3']);
		expect([...at('reveal=all')]).toEqual(['L2', 'L3']);
		expect([...at('reveal=L99')]).toEqual([]);
		expect([...at('')]).toEqual([]);
	});
});
