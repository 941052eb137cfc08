// The learning gain: the pre-check (lesson 1) and the parallel post-check (lesson 7) are tagging
// sets of their own. Self-study: the pre-check page defines each tag, grades the set whole, and the
// post-check's results show the change since this browser's pre-check. A class: the dashboard's
// "Learning gain" section, each student's page, and a gradebook that leaves both checks out. Every
// figure is computed by hand below (never by the app's scoring code). axe scans every new page.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { assign, createClass, join, signUp, unique } from './classroom';
import { CASE, loaded } from './content';

const M = `/m/${CASE}`;
const pre = loaded.case.precheck!.items.map((i) => i.id);
const post = loaded.case.postcheck!.items.map((i) => i.id);
const preKey = (id: string) => loaded.keys.precheck!.get(id)!.tag;
const postKey = (id: string) => loaded.keys.postcheck!.get(id)!.tag;

// By hand. Both checks have 7 items: 2 evidence, 2 assertions, 3 deflections.
// Everything tagged "assertion": assertion P 2/7, R 1, F1 = 2(2/7)/(2/7 + 1) = 4/9; evidence and
// deflection F1 0; discernment (4/9 + 0 + 0) / 3 = 4/27 = 0.148 -> "15%".
// Everything as the key: discernment 1 -> "100%". Change from 4/27 to 1: 23/27 = 0.852 -> "+85 points".

async function tagSet(page: Page, ids: string[], tagFor: (id: string) => string) {
	for (const id of ids)
		await page.locator(`[data-item="${id}"] input[value="${tagFor(id)}"]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
}

test('self-study: the pre-check defines the tags, the post-check shows the change', async ({
	page
}) => {
	await page.goto(`${M}/lessons/${loaded.case.lessons[0]!.slug}`);
	await page.getByRole('link', { name: 'take the pre-check' }).click();
	await expect(page).toHaveURL(`${M}/precheck`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Pre-check: where you start' })
	).toBeVisible();
	await expect(page.getByText('It is not marked: it is a baseline.')).toBeVisible();
	const definitions = page.locator('.definitions');
	await expect(definitions.locator('dt')).toHaveText(['Evidence', 'Assertion', 'Deflection']);
	await expectNoAxeViolations(page);
	// one way on, before the results and after them (the score card's next step then replaces it)
	const wayOn = page.locator('main a.button').filter({ hasText: /^Next/ });
	await expect(wayOn).toHaveCount(1);
	// graded whole: the feedback comes after the set
	await tagSet(page, pre, () => 'assertion');
	await expect(page.getByTestId('next-step')).toBeVisible();
	await expect(wayOn.filter({ visible: true })).toHaveCount(1);
	await expectNoAxeViolations(page);
	// this browser keeps the result (once the page has hydrated and saved it)
	await expect
		.poll(() =>
			page.evaluate((k) => localStorage.getItem(k) ?? '', `rebuttal-lab:${CASE}:precheck`)
		)
		.toContain('"balanced"');

	await page.goto(`${M}/lessons/${loaded.case.lessons[6]!.slug}`);
	await page.getByRole('link', { name: 'Take the post-check' }).click();
	await expect(page).toHaveURL(`${M}/postcheck`);
	await expectNoAxeViolations(page);
	await tagSet(page, post, postKey);
	await expect(page.getByTestId('own-gain')).toHaveText(
		'Discernment on the pre-check: 15%; on the post-check: 100%; change: +85 points.'
	);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the pre- and post-check post as plain forms', async ({ page }) => {
		await page.goto(`${M}/precheck`);
		await tagSet(page, pre, preKey);
		await page.goto(`${M}/postcheck`);
		await tagSet(page, post, postKey);
		// no browser storage without JavaScript: the results say there is no pre-check to compare
		await expect(page.getByRole('heading', { name: 'Since the pre-check' })).toBeVisible();
		await expect(page.getByText('There is no finished pre-check to compare it with')).toBeVisible();
	});
});

test('a class: the dashboard and each student’s page show the gain; the gradebook leaves it out', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signUp(page, 'Gain');
	const { classUrl, code } = await createClass(page, `Gain ${unique()}`);
	await assign(page, { mode: 'After the whole set' });
	// Ana: pre all "assertion" (4/27), post as the key (1); Ben: both as the key (1 and 1)
	const ana = await join(browser, code, 'Ana');
	await ana.page.goto(`${M}/precheck`);
	await tagSet(ana.page, pre, () => 'assertion');
	await ana.page.goto(`${M}/postcheck`);
	await tagSet(ana.page, post, postKey);
	await expect(ana.page.getByTestId('own-gain')).toHaveText(
		'Discernment on the pre-check: 15%; on the post-check: 100%; change: +85 points.'
	);
	await expectNoAxeViolations(ana.page);
	const ben = await join(browser, code, 'Ben');
	await ben.page.goto(`${M}/precheck`);
	await tagSet(ben.page, pre, preKey);
	await ben.page.goto(`${M}/postcheck`);
	await tagSet(ben.page, post, postKey);
	await expect(ben.page.getByTestId('own-gain')).toContainText('change: no change.');
	// Cai: the pre-check only
	const cai = await join(browser, code, 'Cai');
	await cai.page.goto(`${M}/precheck`);
	await tagSet(cai.page, pre, preKey);

	// n = 2 (Ana, Ben); mean pre (4/27 + 1) / 2 = 31/54 = 0.574 -> "57%"; mean post 1 -> "100%";
	// mean change (23/27 + 0) / 2 = 23/54 = 0.426 -> "+43 points"; Cai has the pre-check only
	await page.goto(`${classUrl}/dashboard`);
	const gain = page.getByTestId('learning-gain');
	await expect(gain.getByTestId('gain-n')).toHaveText('2');
	await expect(gain.getByTestId('gain-pre')).toHaveText('57%');
	await expect(gain.getByTestId('gain-post')).toHaveText('100%');
	await expect(gain.getByTestId('gain-change')).toHaveText('+43 points');
	await expect(gain).toContainText('1 finished only the pre-check and 0 only the post-check');
	await expect(gain).toContainText('there is no control group');
	await expectNoAxeViolations(page);

	await page.goto(classUrl);
	await page
		.getByRole('table', { name: 'Students and their progress' })
		.getByRole('link', { name: 'Ana' })
		.click();
	await expect(page.getByTestId('student-gain')).toContainText(
		'on the pre-check: 15%; on the post-check: 100%; change: +85 points.'
	);
	await expectNoAxeViolations(page);

	const csv = await (await page.request.get(`${classUrl}/gradebook.csv`)).text();
	const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
	expect(header).toContain(`${CASE} letter`);
	expect(header).not.toContain('precheck');
	expect(header).not.toContain('postcheck');
	for (const s of [ana, ben, cai]) await s.context.close();
});
