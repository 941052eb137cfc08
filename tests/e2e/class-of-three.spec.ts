// A class of three through every exercise (issue 13, "Done when"): an instructor assigns the
// module ("after the whole set"); Ana, Ben and Cai join and do the pre-check, the warm-up, the
// letter, the allegation map, the timeline ordering, lesson checks, the truth sandwich and the
// post-check; Cai hands the letter in early with items open (after the confirmation) and skips
// the post-check. Then the dashboard (completion, scores, bands, most missed, the class map, the
// most misplaced events, the learning gain), each student's page and the gradebook CSV are
// checked against figures computed here, by hand, from the case's own files read as plain YAML:
// never by the app's scoring code. Ana and Cai work in the browser (the paths that matter);
// Ben's work, the lessons marked done and Ben's review go in by plain form posts, as a browser
// without JavaScript sends them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { assign, createClass, join, signUp, unique } from './classroom';
import { CASE, loaded } from './content';

const M = `/m/${CASE}`;
const read = (file: string) => parse(readFileSync(`lessons/${CASE}/${file}`, 'utf8'));

// ---- the case's files, read by the test ---------------------------------------------------
type Tag = 'evidence' | 'assertion' | 'deflection';
interface KeyItem {
	id: string;
	tag: Tag;
	also: Tag[];
	answers: string[];
}
const letterKey: KeyItem[] = read('answer-key.yaml').items.map(
	(i: { sentence: string; tag: Tag; alsoDefensible?: Tag[]; answers?: string[] }) => ({
		id: i.sentence,
		tag: i.tag,
		also: i.alsoDefensible ?? [],
		answers: i.answers ?? []
	})
);
const setKey = (file: string): KeyItem[] =>
	read(file).items.map((i: { id: string; key: { tag: Tag; alsoDefensible?: Tag[] } }) => ({
		id: i.id,
		tag: i.key.tag,
		also: i.key.alsoDefensible ?? [],
		answers: []
	}));
const practiceKey = setKey('practice.yaml');
const precheckKey = setKey('precheck.yaml');
const postcheckKey = setKey('postcheck.yaml');
const boosterItems = read('booster.yaml').items.length;
const allegations: string[] = read('allegations.yaml').allegations.map((a: { id: string }) => a.id);
const events: { id: string; start: string; title: string }[] = read('timeline.yaml').events.filter(
	(e: { orderExercise?: boolean }) => e.orderExercise
);
// the true order: the events of the exercise do not overlap, so their start dates (ISO, as
// written) sort them
const trueOrder = [...events]
	.sort((a, b) => String(a.start).localeCompare(String(b.start)))
	.map((e) => e.id);
const titleOf = (id: string) => events.find((e) => e.id === id)!.title;
const claims = letterKey.map((k) => k.id);
const N = claims.length; // 24 claim sentences
const PAIRS = (trueOrder.length * (trueOrder.length - 1)) / 2; // 6 events: 15 pairs

// ---- the hand calculation -------------------------------------------------------------------
/** 1 for the key's tag, ½ for an also-defensible one, 0 otherwise. */
const credit = (k: KeyItem, tag: Tag) => (tag === k.tag ? 1 : k.also.includes(tag) ? 0.5 : 0);
const sumCredit = (key: KeyItem[], tagOf: (k: KeyItem) => Tag | undefined) =>
	key.reduce((s, k) => {
		const tag = tagOf(k);
		return s + (tag ? credit(k, tag) : 0);
	}, 0);
/** Macro F1 over the tags the key uses among the answered items (the module's "discernment"). */
function discernment(key: KeyItem[], tagOf: (k: KeyItem) => Tag | undefined): number {
	const answered = key.filter((k) => tagOf(k));
	const tags = (['evidence', 'assertion', 'deflection'] as const).filter((t) =>
		answered.some((k) => k.tag === t)
	);
	const f1 = tags.map((t) => {
		const given = answered.filter((k) => tagOf(k) === t).length;
		const inKey = answered.filter((k) => k.tag === t).length;
		const hits = answered.filter((k) => k.tag === t && tagOf(k) === t).length;
		const p = given ? hits / given : 0;
		const r = hits / inKey;
		return p + r ? (2 * p * r) / (p + r) : 0;
	});
	return f1.reduce((a, b) => a + b, 0) / f1.length;
}
/** Jaccard overlap of a sentence's links with the key's; "none of them" rightly is 1. */
function overlap(given: string[], key: string[]) {
	const union = new Set([...given, ...key]).size;
	return union === 0 ? 1 : given.filter((a) => key.includes(a)).length / union;
}
const pairsRight = (order: string[]) => {
	let right = 0;
	for (let i = 0; i < order.length; i++)
		for (let j = i + 1; j < order.length; j++)
			if (trueOrder.indexOf(order[i]!) < trueOrder.indexOf(order[j]!)) right++;
	return right;
};
const pct = (x: number) => `${Math.round(x * 100)}%`;
const pts = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

// What each student gives. Ana: the key everywhere but the pre-check (all "assertion"). Ben: every
// sentence of the letter "assertion", the warm-up all "evidence", the pre-check all "deflection",
// the post-check as the key, the map "none of them" throughout, the ordering reversed. Cai: the
// key on the first 18 sentences of the letter and hands in with 6 open, the warm-up all
// "deflection", the pre-check as the key, every sentence linked to A1 alone, the ordering right
// but for its first two events; no post-check.
const OPEN = 6;
const caiTagged = claims.slice(0, N - OPEN);
const letter = {
	Ana: (k: KeyItem): Tag | undefined => k.tag,
	Ben: (): Tag | undefined => 'assertion',
	Cai: (k: KeyItem): Tag | undefined => (caiTagged.includes(k.id) ? k.tag : undefined)
};
const practice = { Ana: (k: KeyItem) => k.tag, Ben: () => 'evidence', Cai: () => 'deflection' };
const maps = {
	Ana: (k: KeyItem) => k.answers,
	Ben: () => [] as string[],
	Cai: () => [allegations[0]!]
};
const orders = {
	Ana: trueOrder,
	Ben: [...trueOrder].reverse(),
	Cai: [trueOrder[1]!, trueOrder[0]!, ...trueOrder.slice(2)]
};
const SELF = { Ana: [2, 2, 1, 2, 1], Ben: [1, 1, 1, 1, 1], Cai: [2, 2, 2, 2, 2] };
const REVIEW = { Ana: [2, 2, 2, 1, 1], Ben: [2, 1, 0, 1, 1] }; // Ana 8 of 10, Ben 5; Cai not scored
const RUBRIC_IDS = ['fact', 'warning', 'fallacy', 'fairness', 'clarity'];
const RUBRIC = [
	'The fact, first and last',
	'The warning and the claim',
	'The fallacy',
	'Fairness',
	'Clarity'
];
type Name = 'Ana' | 'Ben' | 'Cai';
const NAMES: Name[] = ['Ana', 'Ben', 'Cai'];

const expected = Object.fromEntries(
	NAMES.map((n) => {
		const letterScore = sumCredit(letterKey, letter[n]);
		const answered = n === 'Cai' ? N - OPEN : N;
		const map = letterKey.reduce((s, k) => s + overlap(maps[n](k), k.answers), 0);
		const mapExact = letterKey.filter((k) => overlap(maps[n](k), k.answers) === 1).length;
		const order = pairsRight(orders[n]);
		const orderExact = orders[n].filter((id, i) => trueOrder[i] === id).length;
		const practiceScore = sumCredit(practiceKey, practice[n] as (k: KeyItem) => Tag);
		const sandwich = n === 'Cai' ? 0 : REVIEW[n].reduce((a, b) => a + b, 0);
		return [
			n,
			{
				letterScore,
				answered,
				// unanswered items count in the ratio's denominator, not as wrong tags
				letterRatio: letterScore / N,
				letterBalanced: discernment(letterKey, letter[n]),
				practiceScore,
				map,
				mapExact,
				order,
				orderExact,
				sandwich,
				total: practiceScore + letterScore + 0 + map + order + sandwich
			}
		];
	})
) as Record<
	Name,
	{
		letterScore: number;
		answered: number;
		letterRatio: number;
		letterBalanced: number;
		practiceScore: number;
		map: number;
		mapExact: number;
		order: number;
		orderExact: number;
		sandwich: number;
		total: number;
	}
>;
// The learning gain. Pre-check (2 evidence, 2 assertions, 3 deflections): Ana all "assertion":
// assertion P 2/7, R 1, F1 4/9, others 0: 4/27 = 15%. Ben all "deflection": P 3/7, R 1,
// F1 = (6/7)/(10/7) = 3/5, others 0: 1/5 = 20%. Cai as the key: 100%. Post-check as the key: 100%.
// n = 2 (Cai has no post-check); mean pre (4/27 + 1/5) / 2 = 47/270 = 17%; mean post 100%; mean
// change (23/27 + 4/5) / 2 = 223/270 = 0.826: "+83 points".
const gainPre = {
	Ana: discernment(precheckKey, () => 'assertion'),
	Ben: discernment(precheckKey, () => 'deflection'),
	Cai: discernment(precheckKey, (k) => k.tag)
};
const gainPost = discernment(postcheckKey, (k) => k.tag);

// ---- the work going in ---------------------------------------------------------------------------
/** A plain form post with this browser's cookies, as a page without JavaScript sends it. */
async function post(context: BrowserContext, origin: string, path: string, fields: string[][]) {
	const response = await context.request.post(path, {
		data: new URLSearchParams(fields).toString(),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin,
			accept: 'text/html'
		}
	});
	expect(response.status(), `${path}: ${(await response.text()).slice(0, 300)}`).toBe(200);
	return response;
}
const tagFields = (key: KeyItem[], tagOf: (k: KeyItem) => string | undefined) => [
	['mode', 'set'],
	['attempt', randomUUID()],
	...key.flatMap((k) => {
		const tag = tagOf(k);
		return tag ? [[`tag-${k.id}`, tag]] : [];
	})
];
const mapFields = (linksOf: (k: KeyItem) => string[]) =>
	letterKey.flatMap((k) => {
		const links = linksOf(k);
		return (links.length ? links : ['none']).map((a) => [`links-${k.id}`, a]);
	});
const orderFields = (order: string[]) => order.map((id, i) => [`position-${id}`, String(i + 1)]);
const rubricFields = (levels: number[]) =>
	RUBRIC_IDS.map((id, i) => [`rubric-${id}`, String(levels[i])]);

async function tagInBrowser(page: Page, path: string, key: KeyItem[], tagOf: (k: KeyItem) => Tag) {
	await page.goto(path);
	for (const k of key)
		await page.locator(`[data-item="${k.id}"] input[value="${tagOf(k)}"]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
}

const lesson = (i: number) => loaded.case.lessons[i]!;
const CHECKS = {
	Ana: { lesson: lesson(0), check: lesson(0).checks[0]!.id, answer: 'An EU news site; a monitor.' },
	Ben: {
		lesson: lesson(2),
		check: lesson(2).checks[0]!.id,
		answer: 'Deflection: flour is not bread.'
	}
};
/** lessons marked done: Ana all of them, Ben the first three, Cai the first */
const DONE = { Ana: loaded.case.lessons.length, Ben: 3, Cai: 1 };

async function studentUrl(page: Page, classUrl: string, nickname: string) {
	await page.goto(classUrl);
	const link = page
		.getByRole('table', { name: 'Students and their progress' })
		.getByRole('link', { name: nickname, exact: true });
	return (await link.getAttribute('href'))!;
}

test('a class of three through every exercise: dashboard, student pages and gradebook by hand', async ({
	browser,
	page,
	baseURL
}) => {
	test.setTimeout(300_000);
	const origin = new URL(baseURL!).origin;
	await signUp(page, 'Three');
	const { classUrl, code } = await createClass(page, `Three ${unique()}`);
	await assign(page, { mode: 'After the whole set' });
	const students = {
		Ana: await join(browser, code, 'Ana'),
		Ben: await join(browser, code, 'Ben'),
		Cai: await join(browser, code, 'Cai')
	};
	const send = (n: Name, path: string, fields: string[][]) =>
		post(students[n].context, origin, path, fields);

	// ---- Ana, in the browser with JavaScript ----
	const a = students.Ana.page;
	await tagInBrowser(a, `${M}/precheck`, precheckKey, () => 'assertion');
	await a.goto(`${M}/lessons/${CHECKS.Ana.lesson.slug}`);
	const box = a.locator(`[data-check="${CHECKS.Ana.check}"]`);
	await box.getByRole('textbox', { name: 'Your answer' }).fill(CHECKS.Ana.answer);
	await box.getByRole('button', { name: 'Save my answer' }).click();
	await expect(box.getByRole('status')).toHaveText('Saved.');
	await a.getByRole('button', { name: 'Mark this lesson done' }).click();
	await expect(a.getByText('You marked this lesson done.')).toBeVisible();
	await tagInBrowser(a, `${M}/practice`, practiceKey, (k) => k.tag);
	await tagInBrowser(a, `${M}/tag`, letterKey, (k) => k.tag);
	await a.goto(`${M}/map`);
	for (const k of letterKey) {
		for (const choice of k.answers.length ? k.answers : ['none']) {
			await a.locator(`[data-item="${k.id}"] input[value="${choice}"]`).check();
		}
	}
	await a.getByRole('button', { name: 'Check my links' }).click();
	await expect(a.getByRole('heading', { name: 'Your links compared with the key' })).toBeVisible();
	await a.goto(`${M}/sandwich`);
	await a.getByLabel('Your truth sandwich').fill('The reports span 2010 to 2016. Fact again.');
	for (const [i, level] of SELF.Ana.entries()) {
		await a.getByRole('group', { name: RUBRIC[i] }).locator(`input[value="${level}"]`).check();
	}
	await a.getByRole('button', { name: 'Hand it in' }).click();
	await expect(a.getByTestId('sandwich-handed-in').getByTestId('self-total')).toHaveText('8 of 10');
	await tagInBrowser(a, `${M}/postcheck`, postcheckKey, (k) => k.tag);
	await expect(a.getByTestId('own-gain')).toHaveText(
		`Discernment on the pre-check: ${pct(gainPre.Ana)}; on the post-check: ${pct(gainPost)}; change: +${Math.round((gainPost - gainPre.Ana) * 100)} points.`
	);

	// ---- Ana's ordering and her other lessons, Ben's whole path: plain form posts ----
	await send('Ana', `${M}/timeline/order?/grade`, orderFields(orders.Ana));
	for (const l of loaded.case.lessons.slice(1))
		await send('Ana', `${M}/lessons/${l.slug}?/done`, []);
	await send(
		'Ben',
		`${M}/precheck?/grade`,
		tagFields(precheckKey, () => 'deflection')
	);
	await send('Ben', `${M}/practice?/grade`, tagFields(practiceKey, practice.Ben));
	await send('Ben', `${M}/tag?/grade`, tagFields(letterKey, letter.Ben));
	await send('Ben', `${M}/map?/grade`, mapFields(maps.Ben));
	await send('Ben', `${M}/timeline/order?/grade`, orderFields(orders.Ben));
	await send('Ben', `${M}/lessons/${CHECKS.Ben.lesson.slug}?/check`, [
		['check', CHECKS.Ben.check],
		['answer', CHECKS.Ben.answer]
	]);
	for (const l of loaded.case.lessons.slice(0, DONE.Ben))
		await send('Ben', `${M}/lessons/${l.slug}?/done`, []);
	await send('Ben', `${M}/sandwich?/handIn`, [
		['text', 'Fact. Warning. Fallacy. Fact.'],
		...rubricFields(SELF.Ben)
	]);
	await send(
		'Ben',
		`${M}/postcheck?/grade`,
		tagFields(postcheckKey, (k) => k.tag)
	);

	// ---- Cai: hands the letter in early, in the browser, after the confirmation ----
	const c = students.Cai.page;
	await send(
		'Cai',
		`${M}/precheck?/grade`,
		tagFields(precheckKey, (k) => k.tag)
	);
	await send('Cai', `${M}/practice?/grade`, tagFields(practiceKey, practice.Cai));
	await send('Cai', `${M}/lessons/${lesson(0).slug}?/done`, []);
	await c.goto(`${M}/tag`);
	for (const id of caiTagged) {
		await c
			.locator(
				`[data-item="${id}"] input[value="${letter.Cai(letterKey.find((k) => k.id === id)!)}"]`
			)
			.check();
	}
	await c.getByRole('button', { name: 'Check my answers' }).click();
	await expect(c.getByRole('alert')).toContainText(`${OPEN} still untagged`);
	await c.getByRole('button', { name: `Hand in with ${OPEN} unanswered` }).click();
	await expect(c.getByText(`Handed in with ${OPEN} unanswered`)).toBeVisible();
	await send('Cai', `${M}/map?/grade`, mapFields(maps.Cai));
	await send('Cai', `${M}/timeline/order?/grade`, orderFields(orders.Cai));
	await send('Cai', `${M}/sandwich?/handIn`, [
		['text', 'My sandwich, not scored yet.'],
		...rubricFields(SELF.Cai)
	]);

	// ---- the instructor scores two truth sandwiches: Ana's on her page, Ben's by a form post ----
	const urls = {
		Ana: await studentUrl(page, classUrl, 'Ana'),
		Ben: await studentUrl(page, classUrl, 'Ben'),
		Cai: await studentUrl(page, classUrl, 'Cai')
	};
	await page.goto(urls.Ana);
	const sandwich = page.locator('[data-exercise="sandwich"]');
	for (const [i, level] of REVIEW.Ana.entries()) {
		await sandwich
			.getByRole('group', { name: RUBRIC[i] })
			.locator(`input[value="${level}"]`)
			.check();
	}
	await sandwich.getByLabel('Comment for the student (optional)').fill('Clear; name the fallacy.');
	await sandwich.getByRole('button', { name: 'Save the scores and comment' }).click();
	await expect(sandwich.getByTestId('teacher-total')).toHaveText(`${expected.Ana.sandwich} of 10`);
	const assignmentId = (await sandwich.locator('input[name="assignment"]').getAttribute('value'))!;
	await post(page.context(), origin, `${urls.Ben}?/review`, [
		['assignment', assignmentId],
		['comment', ''],
		...rubricFields(REVIEW.Ben)
	]);

	// ---- the dashboard: the letter ----
	await page.goto(`${classUrl}/dashboard`);
	const overview = (label: string) =>
		page
			.locator('.overview > div')
			.filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
			.locator('dd');
	await expect(overview('Students')).toHaveText('3');
	await expect(page.getByTestId('submitted')).toHaveText('3');
	// Cai handed in with items open: the set is finished for him too
	await expect(overview('Finished the set')).toHaveText('3');
	const mean = (f: (n: Name) => number) => NAMES.reduce((s, n) => s + f(n), 0) / NAMES.length;
	await expect(overview('Mean score')).toHaveText(pct(mean((n) => expected[n].letterRatio)));
	await expect(overview('Mean discernment')).toHaveText(
		pct(mean((n) => expected[n].letterBalanced))
	);
	const bandsOf = (ratios: number[]) => {
		const bands = [0, 0, 0, 0, 0];
		for (const r of ratios) bands[Math.min(4, Math.floor(r * 5))]! += 1;
		return bands.map(String);
	};
	await expect(page.getByTestId('score-bands').locator('tbody td')).toHaveText(
		bandsOf(NAMES.map((n) => expected[n].letterRatio))
	);
	// most missed: the lowest mean credit among the students who answered a sentence
	const meanCredit = (k: KeyItem) => {
		const given = NAMES.map((n) => letter[n](k)).filter((t): t is Tag => t !== undefined);
		return given.reduce((s, t) => s + credit(k, t), 0) / given.length;
	};
	const lowest = Math.min(...letterKey.map(meanCredit));
	const top = page.getByTestId('most-missed').locator('li').first();
	await expect(top).toContainText(`Mean credit ${pct(lowest)}`);
	expect(letterKey.filter((k) => meanCredit(k) === lowest).map((k) => k.id)).toContain(
		(await top.locator('strong').textContent())!.trim()
	);
	const scores = page.getByRole('table', { name: /Score and discernment per student/ });
	for (const n of NAMES) {
		const e = expected[n];
		const cells = scores.locator(`tr[data-student="${n}"] td`);
		await expect(cells.nth(0)).toHaveText(
			`${e.answered} of ${N}${n === 'Cai' ? `, handed in with ${OPEN} unanswered` : ''}`
		);
		await expect(cells.nth(1)).toHaveText(`${pts(e.letterScore)} / ${N} (${pct(e.letterRatio)})`);
		await expect(cells.nth(2)).toHaveText(pct(e.letterBalanced));
	}
	// the learning gain: Ana and Ben have both checks, Cai the pre-check only
	const gain = page.getByTestId('learning-gain');
	await expect(gain.getByTestId('gain-n')).toHaveText('2');
	await expect(gain.getByTestId('gain-pre')).toHaveText(pct((gainPre.Ana + gainPre.Ben) / 2));
	await expect(gain.getByTestId('gain-pre')).toHaveText('17%');
	await expect(gain.getByTestId('gain-post')).toHaveText('100%');
	await expect(gain.getByTestId('gain-change')).toHaveText('+83 points');
	await expect(gain).toContainText('1 finished only the pre-check and 0 only the post-check');
	// the class's map: students who linked each sentence exactly as the key does
	const classMap = page.getByTestId('class-map');
	await expect(classMap.locator('tbody tr')).toHaveCount(N);
	await expect(classMap.getByTestId('as-key')).toHaveText(
		letterKey.map((k) => String(NAMES.filter((n) => overlap(maps[n](k), k.answers) === 1).length))
	);
	// the ordering's most misplaced events: mean distance from the true place over three orders
	const misplaced = trueOrder
		.map((id, i) => {
			const d = NAMES.map((n) => Math.abs(orders[n].indexOf(id) - i));
			return {
				id,
				i,
				moved: d.filter((x) => x > 0).length,
				mean: d.reduce((s, x) => s + x, 0) / 3
			};
		})
		.filter((e) => e.moved > 0)
		.sort((x, y) => y.mean - x.mean || y.moved - x.moved || x.i - y.i)
		.slice(0, 5);
	const orderRows = page.getByTestId('class-order').locator('tbody tr');
	await expect(orderRows.locator('th')).toHaveText(misplaced.map((e) => titleOf(e.id)));
	await expect(orderRows.locator('td:nth-child(4)')).toHaveText(
		misplaced.map((e) => e.mean.toFixed(1))
	);
	// lesson progress: students who marked each lesson done
	await expect(page.locator('tfoot td.mark')).toHaveText(
		loaded.case.lessons.map((_, i) => String(NAMES.filter((n) => i < DONE[n]).length))
	);

	// ---- the dashboard: the warm-up ----
	await page.goto(`${classUrl}/dashboard?set=practice`);
	await expect(page.getByTestId('score-bands').locator('tbody td')).toHaveText(
		bandsOf(NAMES.map((n) => expected[n].practiceScore / practiceKey.length))
	);
	await expect(overview('Mean score')).toHaveText(
		pct(mean((n) => expected[n].practiceScore / practiceKey.length))
	);

	// ---- each student's page ----
	for (const n of NAMES) {
		const e = expected[n];
		await page.goto(urls[n]);
		await expect(page.locator('[data-set="letter"]')).toContainText(
			`${e.answered} of ${N} checked, ${pts(e.letterScore)} points. Handed in.`
		);
		await expect(page.locator('[data-set="practice"]')).toContainText(
			`${practiceKey.length} of ${practiceKey.length} checked, ${pts(e.practiceScore)} points. Handed in.`
		);
		await expect(page.locator('[data-exercise="map"]')).toContainText(
			`${e.mapExact} of ${N} sentences linked as the key links them; overlap ${pts(e.map)} of ${N}.`
		);
		await expect(page.locator('[data-exercise="order"]')).toContainText(
			`${e.order} of ${PAIRS} pairs in the right order; ${e.orderExact} of ${trueOrder.length} events in their exact place.`
		);
		const sw = page.locator('[data-exercise="sandwich"]');
		await expect(sw.getByTestId('self-total')).toHaveText(
			`${SELF[n].reduce((x, y) => x + y, 0)} of 10`
		);
		if (n === 'Cai') await expect(sw.getByTestId('teacher-total')).toHaveCount(0);
		else await expect(sw.getByTestId('teacher-total')).toHaveText(`${e.sandwich} of 10`);
		const change =
			n === 'Cai' ? '' : `; change: +${Math.round((gainPost - gainPre[n]) * 100)} points`;
		await expect(page.getByTestId('student-gain')).toContainText(
			`on the pre-check: ${pct(gainPre[n])}; on the post-check: ${n === 'Cai' ? 'not finished' : pct(gainPost)}${change}.`
		);
		for (const other of ['Ana', 'Ben'] as const) {
			const { check, answer } = CHECKS[other];
			await expect(page.locator(`dd[data-check="${check}"]`)).toHaveText(
				other === n ? answer : 'no answer'
			);
		}
		await expect(page.locator('.lessons .done')).toHaveCount(DONE[n]);
	}

	// ---- the gradebook: one row per student, a column per graded exercise and the total ----
	const csv = await (await page.request.get(`${classUrl}/gradebook.csv`)).text();
	const [header, ...rows] = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.map((r) => r.split(','));
	const outOf = practiceKey.length + N + boosterItems + N + PAIRS + 10;
	expect(header).toEqual([
		'student',
		`${CASE} practice (out of ${practiceKey.length})`,
		`${CASE} letter (out of ${N})`,
		`${CASE} booster (out of ${boosterItems})`,
		`${CASE} map (out of ${N})`,
		`${CASE} order (out of ${PAIRS})`,
		`${CASE} sandwich (out of 10)`,
		`total (out of ${outOf})`
	]);
	expect(rows.map((r) => r[0])).toEqual(NAMES);
	for (const [i, n] of NAMES.entries()) {
		const e = expected[n];
		const [, ...cells] = rows[i]!.map(Number);
		const want = [e.practiceScore, e.letterScore, 0, e.map, e.order, e.sandwich, e.total];
		expect(cells).toHaveLength(want.length);
		for (const [j, value] of want.entries())
			expect(cells[j], `${n}, ${header![j + 1]}`).toBeCloseTo(value, 6);
	}
	for (const s of Object.values(students)) await s.context.close();
});
