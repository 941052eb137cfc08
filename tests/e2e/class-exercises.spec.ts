// Every exercise is class work (issue 13): a class student's allegation map, timeline ordering and
// truth sandwich are handed in once, stored on the server and restored on another device; the
// map's and the ordering's feedback follow the assignment's feedback mode (results at once in
// "set" mode, nothing of the key before the reveal in "reveal" mode). The instructor sees them on
// the student's page and scores the truth sandwich with the rubric and a comment that the student
// then sees; another instructor gets a 404. With JavaScript and without; axe on the new pages.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { assign, createClass, join, signUp, unique } from './classroom';
import { CASE, claimIds, loaded } from './content';
import { correctOrder } from '../../src/lib/exercises/order/scoring';

const M = `/m/${CASE}`;
const keyChoices = (id: string) => {
	const answers = loaded.keys.letter.get(id)?.answers ?? [];
	return answers.length ? answers : ['none'];
};
const orderEvents = (loaded.case.timeline?.events ?? []).filter((e) => e.orderExercise);
const correct = correctOrder(orderEvents);
const title = (id: string) => orderEvents.find((e) => e.id === id)!.title;
const RUBRIC = [
	'The fact, first and last',
	'The warning and the claim',
	'The fallacy',
	'Fairness',
	'Clarity'
];

/** Another device: the student's cookie, none of this browser's storage. */
async function otherDevice(browser: Browser, context: BrowserContext, javaScriptEnabled: boolean) {
	const other = await browser.newContext({
		javaScriptEnabled,
		storageState: { cookies: (await context.storageState()).cookies, origins: [] }
	});
	return { other, page: await other.newPage() };
}

async function linkAsKey(page: Page, only?: string) {
	await page.goto(`${M}/map`);
	for (const id of claimIds) {
		for (const choice of only ? [only] : keyChoices(id)) {
			await page.locator(`[data-item="${id}"] input[value="${choice}"]`).check();
		}
	}
	await page.getByRole('button', { name: 'Check my links' }).click();
}

/** Positions from the student's order, given as event ids (no-JavaScript selects). */
async function orderWithSelects(page: Page, order: readonly string[]) {
	await page.goto(`${M}/timeline/order`);
	for (const [index, id] of order.entries()) {
		await page.getByLabel(title(id)).selectOption(String(index + 1));
	}
	await page.getByRole('button', { name: 'Check my order' }).click();
}

async function writeSandwich(page: Page, text: string, levels: number[]) {
	await page.goto(`${M}/sandwich`);
	await page.getByLabel('Your truth sandwich').fill(text);
	for (const [i, level] of levels.entries()) {
		await page.getByRole('group', { name: RUBRIC[i] }).locator(`input[value="${level}"]`).check();
	}
	await page.getByRole('button', { name: 'Hand it in' }).click();
}

async function studentUrl(page: Page, classUrl: string, nickname: string) {
	await page.goto(classUrl);
	const link = page
		.getByRole('table', { name: 'Students and their progress' })
		.getByRole('link', { name: nickname });
	return (await link.getAttribute('href'))!;
}

test('"set" mode with JavaScript: results at once, restored on another device, seen by the instructor', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signUp(page, 'Setmode');
	const { classUrl, code } = await createClass(page, `Exercises ${unique()}`);
	await assign(page, { mode: 'After the whole set' });
	const kim = await join(browser, code, 'Kim');

	// the map, linked as the key links every sentence: the results at once
	await linkAsKey(kim.page);
	await expect(
		kim.page.getByRole('heading', { name: 'Your links compared with the key' })
	).toBeVisible();
	await expect(kim.page.getByRole('button', { name: 'Check my links' })).toHaveCount(0);
	// the ordering, as the page first shows it (scrambled), handed in with the list
	await kim.page.goto(`${M}/timeline/order`);
	await kim.page.getByRole('button', { name: 'Check my order' }).click();
	await expect(kim.page.getByTestId('order-result')).toBeVisible();
	const pairsText = (await kim.page.getByTestId('order-result').textContent())!;
	await expectNoAxeViolations(kim.page);

	// another device: the same results from the server, no second hand-in
	const device = await otherDevice(browser, kim.context, true);
	await device.page.goto(`${M}/map`);
	await expect(
		device.page.getByRole('heading', { name: 'Your links compared with the key' })
	).toBeVisible();
	await expect(device.page.getByRole('button', { name: 'Check my links' })).toHaveCount(0);
	await device.page.goto(`${M}/timeline/order`);
	await expect(device.page.getByTestId('order-result')).toHaveText(pairsText);
	await expect(device.page.getByRole('button', { name: 'Check my order' })).toHaveCount(0);

	// the instructor's page for Kim: every sentence as the key, the ordering, no sandwich yet
	const kimUrl = await studentUrl(page, classUrl, 'Kim');
	await page.goto(kimUrl);
	const map = page.locator('[data-exercise="map"]');
	await expect(map).toContainText(
		`${claimIds.length} of ${claimIds.length} sentences linked as the key links them`
	);
	await expect(map.locator('tbody tr')).toHaveCount(claimIds.length);
	const order = page.locator('[data-exercise="order"]');
	await expect(order.locator('tbody tr')).toHaveCount(correct.length);
	await expect(page.locator('[data-exercise="sandwich"]')).toContainText('Not handed in.');
	await expectNoAxeViolations(page);

	// the dashboard: Kim linked every sentence as the key does
	await page.goto(`${classUrl}/dashboard`);
	const classMap = page.getByTestId('class-map');
	await expect(classMap.locator('tbody tr')).toHaveCount(claimIds.length);
	await expect(classMap.getByTestId('as-key')).toHaveText(claimIds.map(() => '1'));
	await expectNoAxeViolations(page);
	// the gradebook: a column for the map, out of its sentences, with Kim's full marks
	const csv = await (await page.request.get(`${classUrl}/gradebook.csv`)).text();
	const [header, kimRow] = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.map((r) => r.split(','));
	const mapColumn = header!.indexOf(`${CASE} map (out of ${claimIds.length})`);
	expect(mapColumn).toBeGreaterThan(0);
	expect(kimRow![mapColumn]).toBe(String(claimIds.length));
	await device.other.close();
	await kim.context.close();
});

test('"reveal" mode without JavaScript: nothing of the key before the reveal; the truth sandwich scored and commented', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	await signUp(page, 'Revealmode');
	const { classUrl, code } = await createClass(page, `Exercises ${unique()}`);
	await assign(page, { mode: 'When I reveal the key' });
	const joined = await join(browser, code, 'Noa');
	const plain = await otherDevice(browser, joined.context, false);
	const student = plain.page;

	// the map: handed in, the links kept, no key
	await linkAsKey(student, 'none');
	await expect(student.getByTestId('handed-in')).toContainText('Your answers are in;');
	await expect(
		student.getByRole('heading', { name: 'Your links compared with the key' })
	).toHaveCount(0);
	await student.goto(`${M}/map`);
	await expect(student.getByTestId('handed-in')).toBeVisible();
	await expect(student.locator(`[data-item="${claimIds[0]}"] input[value="none"]`)).toBeChecked();
	await expect(student.getByRole('button', { name: 'Check my links' })).toHaveCount(0);
	// the ordering in reverse: handed in, no dates, no result
	const reversed = [...correct].reverse();
	await orderWithSelects(student, reversed);
	await expect(student.getByTestId('handed-in')).toContainText('Your answers are in;');
	await expect(student.getByTestId('order-result')).toHaveCount(0);
	await student.goto(`${M}/timeline/order`);
	await expect(student.getByLabel(title(correct[0]!))).toHaveValue(String(correct.length));

	// the truth sandwich: refused without a level, then handed in
	await student.goto(`${M}/sandwich`);
	await student.getByLabel('Your truth sandwich').fill('Fact. A warning. The fallacy. Fact again.');
	await student.getByRole('button', { name: 'Hand it in' }).click();
	await expect(student.getByRole('alert')).toContainText(
		'The fact, first and last: choose a level for “The fact, first and last”: 0, 1 or 2'
	);
	await expect(student.getByLabel('Your truth sandwich')).toHaveValue(
		'Fact. A warning. The fallacy. Fact again.'
	);
	const piece =
		'The reports span 2010 to 2016.\n\nThe letter says "four years ago". It squeezes six years into one moment.';
	await writeSandwich(student, piece, [2, 1, 1, 2, 0]);
	const handedIn = student.getByTestId('sandwich-handed-in');
	await expect(handedIn).toContainText('The reports span 2010 to 2016.');
	await expect(handedIn.getByTestId('self-total')).toHaveText('6 of 10');
	await expect(handedIn).toContainText('Your instructor has not scored it yet.');

	// the instructor: the links against the key, the order, the sandwich; scored without JavaScript
	const noaUrl = await studentUrl(page, classUrl, 'Noa');
	const teacher = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const tp = await teacher.newPage();
	await tp.goto(noaUrl);
	const noneInKey = claimIds.filter((id) => keyChoices(id)[0] === 'none').length;
	await expect(tp.locator('[data-exercise="map"]')).toContainText(
		`${noneInKey} of ${claimIds.length} sentences linked as the key links them`
	);
	const pairs = (correct.length * (correct.length - 1)) / 2;
	await expect(tp.locator('[data-exercise="order"]')).toContainText(
		`0 of ${pairs} pairs in the right order`
	);
	const sandwich = tp.locator('[data-exercise="sandwich"]');
	await expect(sandwich.getByTestId('sandwich-text')).toContainText('It squeezes six years');
	await expect(sandwich.getByTestId('self-total')).toHaveText('6 of 10');
	// a level missing: refused, with the message beside the form
	await sandwich.getByRole('button', { name: 'Save the scores and comment' }).click();
	await expect(tp.getByRole('alert')).toContainText(
		'choose a level for “The fact, first and last”'
	);
	for (const [i, level] of [2, 2, 1, 1, 1].entries()) {
		await tp
			.locator('[data-exercise="sandwich"]')
			.getByRole('group', { name: RUBRIC[i] })
			.locator(`input[value="${level}"]`)
			.check();
	}
	await tp
		.getByLabel('Comment for the student (optional)')
		.fill('Good fact first; say what is true in the letter.');
	await tp.getByRole('button', { name: 'Save the scores and comment' }).click();
	await expect(tp.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(tp.locator('[data-exercise="sandwich"]').getByTestId('teacher-total')).toHaveText(
		'7 of 10'
	);
	// (axe runs in a page with JavaScript)
	await page.goto(noaUrl);
	await expect(page.locator('[data-exercise="sandwich"]').getByTestId('teacher-total')).toHaveText(
		'7 of 10'
	);
	await expectNoAxeViolations(page);

	// another instructor: a 404, and nothing changed
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signUp(otherPage, 'Stranger');
	const assignmentId = await tp
		.locator('[data-exercise="sandwich"] input[name="assignment"]')
		.getAttribute('value');
	const foreign = await otherPage.request.post(`${noaUrl}?/review`, {
		form: { assignment: assignmentId!, comment: 'Not mine', 'rubric-fact': '0' },
		headers: { origin: new URL(otherPage.url()).origin, accept: 'text/html' }
	});
	expect(foreign.status()).toBe(404);
	expect(await foreign.text()).not.toContain('It squeezes six years');

	// the student sees the scores and the comment
	await student.goto(`${M}/sandwich`);
	await expect(student.getByTestId('teacher-comment')).toHaveText(
		'Good fact first; say what is true in the letter.'
	);
	await expect(student.getByTestId('teacher-total')).toHaveText('7 of 10');
	await joined.page.goto(`${M}/sandwich`);
	await expect(joined.page.getByTestId('teacher-comment')).toBeVisible();
	await expectNoAxeViolations(joined.page);

	// the reveal: the map and the order graded from what was handed in
	await page.goto(classUrl);
	const reveal = page.getByTestId('reveal-key');
	await reveal.getByRole('checkbox').check();
	await reveal.getByRole('button', { name: 'Reveal the key to the class' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The key is revealed' })).toBeVisible();
	await student.goto(`${M}/map`);
	await expect(
		student.getByRole('heading', { name: 'Your links compared with the key' })
	).toBeVisible();
	await student.goto(`${M}/timeline/order`);
	await expect(student.getByTestId('order-result')).toContainText(`0 of ${pairs} pairs`);

	for (const c of [other, teacher, plain.other, joined.context]) await c.close();
});

test('the truth sandwich page passes axe', async ({ page }) => {
	await page.goto(`${M}/sandwich`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Write a truth sandwich' })
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test.describe('self-study', () => {
	test.use({ javaScriptEnabled: false });

	test('the truth sandwich checks the self-assessment and stores nothing on the server', async ({
		page
	}) => {
		await page.goto(`${M}/sandwich`);
		await page.getByLabel('Your truth sandwich').fill('A fact. A warning. A fallacy. A fact.');
		for (const [i, level] of [1, 1, 1, 1, 1].entries()) {
			await page.getByRole('group', { name: RUBRIC[i] }).locator(`input[value="${level}"]`).check();
		}
		await page.getByRole('button', { name: 'Check my self-assessment' }).click();
		await expect(
			page.getByRole('heading', { name: 'Your self-assessment: 5 of 10' })
		).toBeVisible();
		await expect(page.getByLabel('Your truth sandwich')).toHaveValue(
			'A fact. A warning. A fallacy. A fact.'
		);
	});
});
