// SELF_STUDY=off (no browser, a server of its own): the exercises (tagging, practice, booster,
// map, timeline ordering, retelling) grade only for students in a class with the module and for instructors;
// a visitor gets a 403 with a message saying so and how to join, and the exercise pages show that
// message instead of the form. Lessons, the letter and the timeline stay public; the lessons' key
// tables show only the way to the tagging exercise.
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Client } from '../../bench/client';
import { setUpClass, studentSubmits } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { CASE, claimIds, loaded } from './content';
import { keyPairings, pairingsIn } from './secrets';

const m = `/m/${CASE}`;
const one = claimIds[5]!;
const entry = loaded.keys.letter.get(one)!;
const practiceItem = loaded.case.practice!.items[0]!.id;
const boosterItem = loaded.case.booster!.items[0]!.id;
const orderEvents = (loaded.case.timeline?.events ?? []).filter((e) => e.orderExercise);
const retellingItems = loaded.case.retelling!.items;
const retellingKey = loaded.keys.retelling!.get(retellingItems[0]!.id)!;

/** A grade request for each exercise, with an item committed or the whole answer given. */
const gradeRequests: [string, Record<string, string | string[]>][] = [
	[`${m}/tag?/grade`, { mode: 'immediate', commit: one, [`tag-${one}`]: entry.tag }],
	[
		`${m}/practice?/grade`,
		{ mode: 'immediate', commit: practiceItem, [`tag-${practiceItem}`]: 'evidence' }
	],
	[
		`${m}/booster?/grade`,
		{ mode: 'immediate', commit: boosterItem, [`tag-${boosterItem}`]: 'evidence' }
	],
	[
		`${m}/map?/grade`,
		{
			...Object.fromEntries(claimIds.map((id) => [`links-${id}`, 'none'])),
			committed: one,
			[`tag-${one}`]: entry.tag
		}
	],
	[
		`${m}/timeline/order?/grade`,
		Object.fromEntries(orderEvents.map((e, i) => [`position-${e.id}`, String(i + 1)]))
	],
	[
		`${m}/retelling?/grade`,
		Object.fromEntries(retellingItems.map((i) => [`pile-${i.id}`, 'answered']))
	]
];

let server: RunningServer;

test.beforeAll(async () => {
	server = await startServer({ SELF_STUDY: 'off' });
});

test.afterAll(async () => {
	await server?.stop();
	if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

test('a visitor is told self-study grading is off, and gets no feedback from any exercise', async () => {
	const visitor = new Client(server.url);
	for (const [path, fields] of gradeRequests) {
		const r = await visitor.action(path, fields);
		expect(r.type, path).toBe('failure');
		expect(JSON.parse(r.text).status, path).toBe(403); // in SvelteKit's JSON envelope
		expect((r.data as { message: string }).message, path).toContain(
			'Self-study grading is off on this server'
		);
		expect(r.text, path).not.toContain(entry.rationale.slice(0, 40));
		expect(r.text, path).not.toContain(retellingKey.rationale.slice(0, 40));
		expect(r.text, path).not.toContain('"result"');
	}
	for (const path of ['tag', 'practice', 'booster', 'map', 'timeline/order', 'retelling']) {
		const page = await visitor.get(`${m}/${path}`);
		expect(page.status, path).toBe(200);
		expect(page.text, path).toContain('Self-study grading is off on this server');
		expect(page.text, path).toContain('href="/join"');
		expect(page.text, path).not.toContain('action="?');
	}
	// no lesson pairs an allegation or a technique with the key's sentences; the lessons' key
	// tables show the way to the exercise and nothing of the key, even when asked with tags the
	// browser claims to have checked
	for (const lesson of loaded.case.lessons) {
		const path = `${m}/lessons/${lesson.slug}`;
		const page = await visitor.get(path);
		expect(page.status, path).toBe(200);
		expect(
			pairingsIn(page.text, keyPairings()).map((p) => p.what),
			path
		).toEqual([]);
	}
	const keyLessons = loaded.case.lessons.filter((l) => (l.keyTables ?? []).length > 0);
	expect(keyLessons.length).toBeGreaterThan(0);
	for (const lesson of keyLessons) {
		const path = `${m}/lessons/${lesson.slug}`;
		expect((await visitor.get(path)).text, path).toContain('Tag the letter first');
		const asked = await visitor.action(`${path}?/key`, {
			committed: claimIds,
			...Object.fromEntries(claimIds.map((id) => [`tag-${id}`, loaded.keys.letter.get(id)!.tag]))
		});
		expect(asked.data, path).toMatchObject({
			lessonKey: { reader: 'self-study-off', shown: 0 }
		});
		expect(asked.text, path).not.toMatch(/"L\d+"/);
	}
	// the rest stays public
	for (const path of [
		m,
		`${m}/letter`,
		`${m}/letter.txt`,
		`${m}/timeline`,
		`${m}/glossary`,
		`${m}/sources`,
		`${m}/lessons/${loaded.case.lessons[0]!.slug}`
	]) {
		expect((await visitor.get(path)).status, path).toBe(200);
	}
});

test('a class student and an instructor still get their feedback', async () => {
	const setup = await setUpClass(server.url, { className: 'Self-study off' });
	const run = await studentSubmits(server.url, setup.code, 'In class');
	expect(run.grade?.type).toBe('success');
	const page = await run.student.get(`${m}/tag`);
	expect(page.text).not.toContain('Self-study grading is off');
	expect(page.text).toContain('action="?');

	// the instructor, who is in no class, tries the exercises as a student would
	for (const [path, fields] of gradeRequests) {
		const r = await setup.instructor.action(path, fields);
		expect(r.type, `${path}: ${r.text.slice(0, 200)}`).toBe('success');
	}
	const tagged = await setup.instructor.action(gradeRequests[0]![0], gradeRequests[0]![1]);
	expect(JSON.stringify(tagged.data)).toContain(entry.rationale.slice(0, 40));
	// and the class page says what self-study would expose, and that it is off here
	const classPage = await setup.instructor.get(setup.classUrl);
	expect(classPage.text).toContain('Self-study grading is off.');
});
