// The sources page: every source of the register with its kind, publisher, date, language, link,
// origin group and the facts it is cited for, each linking to where the fact is shown; axe, no
// JavaScript, and no sideways scrolling at 320 px. Facts elsewhere link to their register entry.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, loaded } from './content';

const URL = `/m/${CASE}/sources`;
const sources = loaded.case.sources;

async function expectTheRegister(page: Page) {
	await page.goto(URL);
	await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
	await expect(page.locator('article.source')).toHaveCount(sources.length);
	for (const source of sources) {
		const entry = page.locator(`article[id="${source.id}"]`);
		await expect(entry.getByRole('link', { name: source.title, exact: true })).toHaveAttribute(
			'href',
			source.url
		);
		await expect(entry).toContainText(source.publisher);
	}
	// one source in full: kind, language, date, the story it shares, and what it is cited for
	const afp = page.locator('article[id="afp-2019-10-30"]');
	await expect(afp).toContainText('news agency');
	await expect(afp).toContainText('English');
	await expect(afp).toContainText('30 October 2019');
	await expect(afp.getByRole('link', { name: /Timeline, event 12:/ })).toHaveAttribute(
		'href',
		`/m/${CASE}/timeline?event=E12#event-details`
	);
	// copies of the article share its origin and are shown as not confirming facts about the world
	const copy = page.locator('article[id="middleeasttransparent-copy"]');
	await expect(copy).toContainText('mirror or translation');
	await expect(copy.getByRole('link', { name: /“China suspected of bio-espionage/ })).toHaveCount(
		0
	);
	await expect(copy).toContainText('Repeats the same story as');
	await expect(copy).toContainText('a copy cannot confirm it');
	const knack = page.locator('article[id="knack-2020-10"]');
	await expect(knack.getByRole('link', { name: /Het Laatste Nieuws/ })).toHaveAttribute(
		'href',
		'#hln-2020-10'
	);
}

test('the sources page lists the register, with kinds, origins and what each source confirms', async ({
	page
}) => {
	await expectTheRegister(page);
	await expectNoAxeViolations(page);
	// a use links to where the fact is shown
	await page
		.locator('article[id="afp-2019-10-30"]')
		.getByRole('link', { name: /Timeline, event 12:/ })
		.click();
	await expect(page).toHaveURL(/timeline\?event=E12#event-details$/);
	await expect(page.locator('#event-details h2')).toContainText('ban is made public');
});

test('a fact beside its sources links each kind to the register entry', async ({ page }) => {
	await page.goto(`/m/${CASE}/letter`);
	const a4 = page.locator('li#A4');
	await expect(a4).toContainText('unverified');
	await a4.getByRole('link', { name: 'secondary summary' }).click();
	await expect(page).toHaveURL(new RegExp(`${URL}#chinascope-summary$`));
	await expect(page.locator('article[id="chinascope-summary"]')).toBeInViewport();
});

test('at 320 px the sources page does not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto(URL);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(320);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the register renders in full on the server', async ({ page }) => {
		await expectTheRegister(page);
	});
});
