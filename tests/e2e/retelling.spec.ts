// The retelling exercise: sort every item by keyboard or mouse, graded on the server, with the
// key's piles, reasons and sources only after every item is committed; the same without
// JavaScript; clear 400s; axe; no sideways scrolling at 320 px; and lesson 2 sends students here.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, loaded } from './content';

const URL = `/m/${CASE}/retelling`;
const items = loaded.case.retelling?.items ?? [];
const key = (id: string) => {
	const entry = loaded.keys.retelling?.get(id);
	if (!entry) throw new Error(`no key for ${id}`);
	return entry;
};

async function sortAsTheKey(page: Page) {
	for (const item of items) {
		await page.locator(`[data-item="${item.id}"] input[value="${key(item.id).category}"]`).check();
	}
}

async function expectFullMarks(page: Page) {
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	await expect(page.locator('.results .score')).toContainText(
		`${items.length} of ${items.length} points`
	);
	for (const item of items) {
		const feedback = page.locator(`[data-item="${item.id}"] .item-feedback`);
		await expect(feedback).toContainText('Full credit');
		await expect(feedback).toContainText(key(item.id).rationale.slice(0, 40));
		await expect(feedback.locator('.source-links a').first()).toHaveAttribute('href', /^https?:/);
	}
}

test('lesson 2 sends students to the exercise', async ({ page }) => {
	await page.goto(`/m/${CASE}/lessons/how-the-letter-retells-the-article`);
	await page.getByRole('link', { name: "Sort the letter's retelling against the article" }).click();
	await expect(page).toHaveURL(URL);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		loaded.case.retelling?.title ?? ''
	);
});

test('every item is sorted and graded, with no key in the page before the answers', async ({
	page
}) => {
	await page.goto(URL);
	await expect(page.locator('[data-item]')).toHaveCount(items.length);
	const before = await page.content();
	for (const item of items) expect(before).not.toContain(key(item.id).rationale.slice(0, 40));
	await expectNoAxeViolations(page);

	// the first item by keyboard alone: Tab into its radio group, arrows choose
	const first = items[0]!;
	await page.locator(`[data-item="${first.id}"] input`).first().focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.locator(`[data-item="${first.id}"] input:checked`)).toHaveCount(1);
	await sortAsTheKey(page);
	await expect(page.getByText(`${items.length} of ${items.length} items sorted.`)).toBeVisible();
	await page.getByRole('button', { name: 'Check my piles' }).click();
	await expectFullMarks(page);
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
	// the unverified claim says so, and every item is locked once graded
	await expect(page.locator('[data-item="R3"] .item-feedback')).toContainText('unverified');
	await expect(page.locator('[data-item] input:disabled')).toHaveCount(items.length * 3);
	await expectNoAxeViolations(page);

	// kept in this browser across a reload
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
});

test('an incomplete submission gets a message and no key', async ({ page }) => {
	await page.goto(URL);
	await page.locator(`[data-item="${items[0]!.id}"] input[value="answered"]`).check();
	await page.getByRole('button', { name: 'Check my piles' }).click();
	await expect(page.getByRole('alert')).toContainText(
		`Sort every item before checking: ${items.length - 1} left`
	);
	await expect(page.locator('.item-feedback')).toHaveCount(0);
});

test('bad form bodies get a 400 with a clear message, never a 500', async ({ request }) => {
	const origin = String(test.info().project.use.baseURL);
	for (const [form, message] of [
		[{ 'pile-R1': 'maybe' }, 'the pile for R1 should be one of'],
		[{ 'pile-R999': 'answered' }, 'the field pile-R999 should name an item of this exercise'],
		[{ 'pile-R1': 'answered' }, `Sort every item before checking: ${items.length - 1} left`],
		[{}, `Sort every item before checking: ${items.length} left`]
	] as const) {
		const response = await request.post(`${URL}?/grade`, {
			form,
			headers: { origin, accept: 'application/json' }
		});
		expect(response.status()).toBe(200); // SvelteKit wraps action failures in a JSON envelope
		const body = await response.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(JSON.stringify(body.data)).toContain(message);
		expect(JSON.stringify(body.data)).not.toContain('rationale');
	}
});

test('at 320 px the exercise and its feedback do not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto(URL);
	await sortAsTheKey(page);
	await page.getByRole('button', { name: 'Check my piles' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(320);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the items can be sorted and submitted, and the feedback is in the HTML', async ({
		page
	}) => {
		await page.goto(URL);
		await sortAsTheKey(page);
		await page.getByRole('button', { name: 'Check my piles' }).click();
		await expectFullMarks(page);
	});

	test('an incomplete submission keeps the choices and says what is missing', async ({ page }) => {
		await page.goto(URL);
		const id = items[1]!.id;
		await page.locator(`[data-item="${id}"] input[value="left-out"]`).check();
		await page.getByRole('button', { name: 'Check my piles' }).click();
		await expect(page.getByRole('alert')).toContainText('Sort every item before checking');
		await expect(page.locator(`[data-item="${id}"] input[value="left-out"]`)).toBeChecked();
	});
});
