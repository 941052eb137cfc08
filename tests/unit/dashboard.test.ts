// The instructor dashboard as a pure function: a synthetic class of 1,000 students on the real
// letter and key, with every figure checked against what the construction implies.
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';
import { TAGS, type Tag } from '../../src/lib/content/vocabulary';
import { fleissKappa } from '../../src/lib/exercises/agreement';
import {
	computeDashboard,
	studentRowView,
	type DashboardStudent
} from '../../src/lib/exercises/dashboard';
import { creditFor } from '../../src/lib/exercises/tag/scoring';

const CASE = 'embassy-letter-2020';
const { case: c, keys } = loadCase(CASE, readCaseFiles(`lessons/${CASE}`));
const itemIds = c.sentences.filter((s) => s.role === 'claim').map((s) => s.id);
const key = keys.letter;
const lessons = c.lessons.map(({ slug, title, number }) => ({ slug, title, number }));
const keyTag = (id: string) => key.get(id)!.tag;
const nextTag = (t: Tag) => TAGS[(TAGS.indexOf(t) + 1) % TAGS.length]!;

/**
 * Student i (0..899) tags item j with the key's tag, except when (i + j) % 5 === 0, when they give
 * the next tag in TAGS: so every item gets exactly 180 "wrong" answers out of 900. Students 900 to
 * 999 have not submitted: 900..949 have only a draft (nothing committed), 950..999 nothing at all.
 * Student i has marked done the first (i % (lessons + 1)) lessons.
 */
const CLASS_SIZE = 1000;
const ANSWERING = 900;
const tagFor = (i: number, j: number) =>
	(i + j) % 5 === 0 ? nextTag(keyTag(itemIds[j]!)) : keyTag(itemIds[j]!);
const students: DashboardStudent[] = Array.from({ length: CLASS_SIZE }, (_, i) => {
	const tags = Object.fromEntries(itemIds.map((id, j) => [id, tagFor(i, j)]));
	const attempts =
		i < ANSWERING
			? [
					// another set's attempt must not count for the letter
					{ set: 'practice', tags: { P1: 'evidence' as Tag }, committed: ['P1'] },
					{ set: 'letter', tags, committed: itemIds }
				]
			: i < 950
				? [{ set: 'letter', tags, committed: [] }]
				: [];
	return {
		studentId: `s${i}`,
		nickname: `Student ${i}`,
		attempts,
		lessonsDone: lessons.slice(0, i % (lessons.length + 1)).map((l) => l.slug)
	};
});

describe('computeDashboard on a synthetic class of 1,000 students', () => {
	const dashboard = computeDashboard(students, key, itemIds, lessons);

	it('lists every student and counts who submitted', () => {
		expect(dashboard.students).toHaveLength(CLASS_SIZE);
		expect(dashboard.submitted).toBe(ANSWERING);
		expect(dashboard.complete).toBe(ANSWERING);
		expect(dashboard.students[950]!.totals).toBeNull();
		expect(dashboard.students[920]!.committed).toBe(0);
		expect(dashboard.students[920]!.balanced).toBeNull();
	});

	it('counts lesson progress per student and per lesson', () => {
		const n = lessons.length;
		expect(dashboard.students[3]!.lessons).toEqual(lessons.map((_, k) => k < 3 % (n + 1)));
		expect(dashboard.students[n]!.lessonsDone).toBe(n);
		// lesson k is done by every student whose i % (n + 1) > k
		dashboard.lessons.forEach((lesson, k) => {
			const expected = students.filter((_, i) => i % (n + 1) > k).length;
			expect(lesson.done).toBe(expected);
		});
	});

	it('scores each student against the key', () => {
		for (const i of [0, 1, 7, 499, 899]) {
			const expected = itemIds.reduce((s, id, j) => s + creditFor(tagFor(i, j), key.get(id)!), 0);
			const row = dashboard.students[i]!;
			expect(row.totals!.score).toBeCloseTo(expected, 10);
			expect(row.totals!.graded).toBe(itemIds.length);
			expect(row.totals!.full).toBe(itemIds.filter((_, j) => (i + j) % 5 !== 0).length);
			expect(row.complete).toBe(true);
		}
	});

	it('gives discernment per tag from the committed answers', () => {
		const row = dashboard.students[0]!;
		const wrong = itemIds.filter((_, j) => j % 5 === 0);
		for (const d of row.discernment!) {
			const inKey = itemIds.filter((id) => keyTag(id) === d.tag).length;
			const missed = wrong.filter((id) => keyTag(id) === d.tag).length;
			expect(d.inKey).toBe(inKey);
			expect(d.hits).toBe(inKey - missed);
		}
		expect(row.balanced).toBeGreaterThan(0.5);
		expect(row.balanced).toBeLessThan(1);
	});

	it('counts 720 key answers and 180 of the next tag for every sentence', () => {
		expect(dashboard.distribution.items.map((i) => i.id)).toEqual(itemIds);
		for (const item of dashboard.distribution.items) {
			expect(item.total).toBe(ANSWERING);
			expect(item.counts[keyTag(item.id)]).toBe(720);
			expect(item.counts[nextTag(keyTag(item.id))]).toBe(180);
			expect(item.keyShare).toBeCloseTo(0.8, 12);
			expect(item.agreement).toBeCloseTo((720 * 719 + 180 * 179) / (900 * 899), 12);
		}
		// every item equally contested: the order falls back to the letter's order
		expect(dashboard.distribution.contested.map((i) => i.id)).toEqual(itemIds);
	});

	it('computes kappa and alpha over the class table, without the caveat', () => {
		const direct = fleissKappa(dashboard.distribution.counts);
		expect(dashboard.agreement.kappa).toBeCloseTo(direct.kappa!, 12);
		expect(dashboard.agreement.observed).toBeCloseTo((720 * 719 + 180 * 179) / (900 * 899), 12);
		expect(dashboard.agreement.raters).toEqual({
			min: ANSWERING,
			max: ANSWERING,
			ratings: ANSWERING * itemIds.length
		});
		expect(dashboard.agreement.alpha).not.toBeNull();
		expect(dashboard.agreement.reading).not.toBeNull();
		expect(dashboard.agreement.caveat).toBeNull();
	});

	it('averages scores over the students who submitted', () => {
		const ratios = dashboard.students.slice(0, ANSWERING).map((r) => r.totals!.ratio);
		expect(dashboard.mean.ratio).toBeCloseTo(ratios.reduce((a, b) => a + b) / ANSWERING, 12);
	});
});

describe('computeDashboard on a small class', () => {
	it('counts only committed answers and warns that kappa is unstable', () => {
		const [a, b] = itemIds;
		const small: DashboardStudent[] = [
			{
				studentId: 'x',
				nickname: 'Ana',
				lessonsDone: [],
				attempts: [{ set: 'letter', tags: { [a!]: keyTag(a!), [b!]: keyTag(b!) }, committed: [a!] }]
			},
			{
				studentId: 'y',
				nickname: 'Bo',
				lessonsDone: [],
				attempts: [{ set: 'letter', tags: { [a!]: keyTag(a!) }, committed: [a!] }]
			}
		];
		const d = computeDashboard(small, key, itemIds, lessons);
		expect(d.distribution.items[0]!.total).toBe(2);
		expect(d.distribution.items[1]!.total).toBe(0);
		expect(d.students[0]!.committed).toBe(1);
		expect(d.students[0]!.complete).toBe(false);
		// one usable sentence, both agree, on one tag only: kappa is undefined
		expect(d.agreement.kappa).toBeNull();
		expect(d.agreement.reason).toMatch(/same tag/);
		expect(d.agreement.caveat).toMatch(/only 2 students and 1 sentence/);
	});

	it("gives the page each student's figures, precision and recall in the order of the tags", () => {
		const [a] = itemIds;
		const one: DashboardStudent[] = [
			{
				studentId: 'x',
				nickname: 'Ana',
				lessonsDone: [lessons[0]!.slug],
				attempts: [{ set: 'letter', tags: { [a!]: keyTag(a!) }, committed: [a!] }]
			},
			{ studentId: 'y', nickname: 'Bo', lessonsDone: [], attempts: [] }
		];
		const [ana, bo] = computeDashboard(one, key, itemIds, lessons).students.map(studentRowView);
		// one sentence, tagged as the key: that tag is found (1 / 1); the other tags never given nor in the key
		expect(ana!.discernment).toEqual(TAGS.map((t) => (t === keyTag(a!) ? [1, 1] : [null, null])));
		expect(ana).toMatchObject({
			nickname: 'Ana',
			lessons: lessons.map((_, i) => i === 0),
			lessonsDone: 1,
			committed: 1,
			totals: { score: 1, graded: 1, unanswered: 0, ratio: 1 },
			balanced: 1
		});
		expect(bo).toMatchObject({ totals: null, discernment: null, balanced: null });
	});

	it('handles a class with nobody in it', () => {
		const d = computeDashboard([], key, itemIds, lessons);
		expect(d.submitted).toBe(0);
		expect(d.mean).toEqual({ ratio: null, balanced: null });
		expect(d.agreement.kappa).toBeNull();
		expect(d.agreement.caveat).toBeNull();
	});
});

describe('computeDashboard with a set handed in with items open', () => {
	// three students: all right and whole; all right but 4 items open, handed in; the same 20
	// answers not handed in (still working)
	const open = itemIds.slice(-4);
	const answered = itemIds.slice(0, -4);
	const right = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, keyTag(id)]));
	const at = new Date('2026-11-30T08:00:00Z');
	const three: DashboardStudent[] = [
		{
			studentId: 'a',
			nickname: 'Whole',
			attempts: [{ set: 'letter', tags: right(itemIds), committed: itemIds, handedInAt: at }],
			lessonsDone: []
		},
		{
			studentId: 'b',
			nickname: 'Handed in',
			attempts: [{ set: 'letter', tags: right(answered), committed: answered, handedInAt: at }],
			lessonsDone: []
		},
		{
			studentId: 'c',
			nickname: 'Working',
			attempts: [{ set: 'letter', tags: right(answered), committed: [], handedInAt: null }],
			lessonsDone: []
		}
	];
	const dashboard = computeDashboard(three, key, itemIds, lessons);
	const [whole, handedIn, working] = dashboard.students;

	it('counts the open items as unanswered: finished, scored out of the whole set', () => {
		expect(dashboard.complete).toBe(2);
		expect(dashboard.submitted).toBe(2);
		expect(handedIn!.complete).toBe(true);
		expect(handedIn!.committed).toBe(answered.length);
		expect(handedIn!.unanswered).toBe(open.length);
		expect(handedIn!.totals).toMatchObject({ score: answered.length, unanswered: open.length });
		expect(handedIn!.totals!.ratio).toBeCloseTo(answered.length / itemIds.length);
		expect(whole!.unanswered).toBe(0);
		expect(working!.complete).toBe(false);
		expect(working!.unanswered).toBe(0);
	});

	it('gives an open item no tag in the class distribution (not a wrong one)', () => {
		for (const id of open) {
			const item = dashboard.distribution.items.find((i) => i.id === id)!;
			expect(item.total).toBe(1);
		}
		const first = dashboard.distribution.items.find((i) => i.id === answered[0])!;
		expect(first.total).toBe(2);
	});
});

describe('computeDashboard with a due date', () => {
	// handed in before, at and after the end of the due day (23:59:59 UTC); one still working
	const right = Object.fromEntries(itemIds.map((id) => [id, keyTag(id)]));
	const due = new Date('2026-03-14T23:59:59.000Z');
	const handedIn = (nickname: string, handedInAt: Date | null): DashboardStudent => ({
		studentId: nickname,
		nickname,
		attempts: [{ set: 'letter', tags: right, committed: handedInAt ? itemIds : [], handedInAt }],
		lessonsDone: []
	});
	const four = [
		handedIn('Early', new Date('2026-03-10T09:00:00Z')),
		handedIn('Last second', due),
		handedIn('Late', new Date('2026-03-15T00:00:00Z')),
		handedIn('Working', null)
	];

	it('marks work handed in after the due date late, and counts it', () => {
		const dashboard = computeDashboard(four, key, itemIds, lessons, 'letter', due);
		expect(dashboard.students.map((s) => s.late)).toEqual([false, false, true, false]);
		expect(dashboard.late).toBe(1);
	});

	it('marks nothing late without a due date', () => {
		const dashboard = computeDashboard(four, key, itemIds, lessons);
		expect(dashboard.students.some((s) => s.late)).toBe(false);
		expect(dashboard.late).toBe(0);
	});
});
