// "Hand in what you have" (issue 13): a set with items left open is refused once with the count of
// open items and an offer to hand in anyway; confirmed, the tagged items are graded and the open
// ones count as unanswered, not as wrong, on the student's results, the dashboard and the export.
// With JavaScript and without.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { assign, createClass, join, signUp, unique } from './classroom';
import { CASE, claimIds, keyTag } from './content';

const OPEN = 3;
const answered = claimIds.slice(0, claimIds.length - OPEN);

async function tagAllBut(page: Page) {
	for (const id of answered) {
		await page.locator(`[data-item="${id}"] input[value="${keyTag(id)}"]`).check();
	}
}

async function handInEarly(page: Page, button: string) {
	await tagAllBut(page);
	await page.getByRole('button', { name: button }).click();
	await expect(page.getByRole('alert')).toContainText(
		`${OPEN} still untagged (${claimIds.slice(-OPEN).join(', ')}). Or hand in what you have`
	);
	// the tags stay, and nothing of the key is on the page yet
	await expect(
		page.locator(`[data-item="${answered[0]}"] input[value="${keyTag(answered[0]!)}"]`)
	).toBeChecked();
	await expect(page.locator('.rationale')).toHaveCount(0);
	await page.getByRole('button', { name: `Hand in with ${OPEN} unanswered` }).click();
}

async function expectHandedInResults(page: Page) {
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(page.getByText(`${answered.length} out of ${claimIds.length}`)).toBeVisible();
	await expect(page.getByText(`Handed in with ${OPEN} unanswered`)).toBeVisible();
	// the key only for the answered items
	await expect(page.locator('.rationale')).toHaveCount(answered.length);
}

test('self-study: hand in what you have, after a confirmation with the count', async ({ page }) => {
	await page.goto(`/m/${CASE}/tag`);
	await handInEarly(page, 'Check my answers');
	await expectHandedInResults(page);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('self-study: the confirmation is a step of its own, then the results', async ({ page }) => {
		await page.goto(`/m/${CASE}/tag`);
		await handInEarly(page, 'Check my answers');
		await expectHandedInResults(page);
	});
});

test('a class student hands in early: locked, unanswered on the dashboard and in the export', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signUp(page, 'Hana');
	const { classUrl, code } = await createClass(page, `Early ${unique()}`);
	await assign(page, { mode: 'After the whole set' });
	const student = await join(browser, code, 'Early');
	await student.page.goto(`/m/${CASE}/tag`);
	await handInEarly(student.page, 'Check my answers');
	await expectHandedInResults(student.page);
	// handed in: a reload shows the same results, and nothing is left to submit
	await student.page.reload();
	await expectHandedInResults(student.page);
	await expect(student.page.getByRole('button', { name: 'Check my answers' })).toHaveCount(0);
	await student.context.close();

	await page.goto(`${classUrl}/dashboard`);
	const row = page.locator('tr[data-student="Early"]');
	await expect(row).toContainText(
		`${answered.length} of ${claimIds.length}, handed in with ${OPEN} unanswered`
	);
	await expect(row).toContainText(`${answered.length} / ${claimIds.length}`);

	const csv = await (await page.request.get(`${classUrl}/export.csv`)).text();
	const [header, ...rows] = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(header).toBe(
		'row,student,module,set,item,tag,technique,credit,committed,items,unanswered,handed_in_at,late'
	);
	const total = rows.find((r) => r.startsWith('total,Early,') && r.includes(',letter,'));
	expect(total).toMatch(
		new RegExp(
			`,${answered.length},${answered.length},${claimIds.length},${OPEN},\\d{4}-\\d\\d-\\d\\dT[^,]*,no$`
		)
	);
	expect(rows.filter((r) => r.startsWith('item,Early,') && r.includes(',letter,'))).toHaveLength(
		answered.length
	);
});
