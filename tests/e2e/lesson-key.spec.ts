// The lessons' key tables (lesson 6's map of the key, lesson 7's techniques): a self-study student
// sees the key only for the sentences they have checked in the tagging exercise (the page asks the
// server with the tags kept in this browser), a page without JavaScript shows the way to the
// exercise and nothing of the key, and a signed-in instructor sees all of it. Axe, and no
// sideways scrolling at 320 px.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, claimIds, keyTag, loaded } from './content';
import { signUpInstructor } from './instructor';

const lessonWith = (table: string) => {
	const lesson = loaded.case.lessons.find((l) => ((l.keyTables ?? []) as string[]).includes(table));
	if (!lesson) throw new Error(`no lesson shows the ${table} table`);
	return `/m/${CASE}/lessons/${lesson.slug}`;
};
const MAP = lessonWith('map');
const TECHNIQUES = lessonWith('techniques');
const sentenceLinks = (id: string) => `a[href="/m/${CASE}/letter#${id}"]`;

/** a deflection that answers an allegation: it shows in both tables */
const ONE = claimIds.find((id) => {
	const e = loaded.keys.letter.get(id)!;
	return e.tag === 'deflection' && e.technique && e.answers.length > 0;
})!;
const OTHERS = claimIds.filter((id) => id !== ONE);

test('a self-study student sees the key tables fill in for the sentences they have checked', async ({
	page
}) => {
	for (const path of [MAP, TECHNIQUES]) {
		await page.goto(path);
		const table = page.getByTestId(path === MAP ? 'key-map-table' : 'key-techniques');
		await expect(table).toContainText('Tag the letter first');
		await expect(table.locator('table')).toHaveCount(0);
	}

	// check one sentence in the tagging exercise (kept in this browser)
	await page.goto(`/m/${CASE}/tag?feedback=immediate`);
	await page.locator(`[data-item="${ONE}"] input[value="${keyTag(ONE)}"]`).check();
	await page.locator(`[data-item="${OTHERS[0]}"] input[value=evidence]`).check(); // not checked
	await page.getByRole('button', { name: `Check ${ONE}` }).click();
	await expect(page.locator(`[data-item="${ONE}"] .rationale`)).toBeVisible();

	for (const path of [MAP, TECHNIQUES]) {
		await page.goto(path);
		const table = page.getByTestId(path === MAP ? 'key-map-table' : 'key-techniques');
		await expect(table).toContainText(`1 of ${claimIds.length} sentences you have checked`);
		await expect(table.locator(`table ${sentenceLinks(ONE)}`).first()).toBeVisible();
		for (const id of OTHERS) await expect(table.locator(sentenceLinks(id))).toHaveCount(0);
		await expectNoAxeViolations(page);
	}
});

test('an instructor sees the whole key in the tables, readable at 320 px', async ({ page }) => {
	await signUpInstructor(page, 'Tables');
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto(MAP);
	const map = page.getByTestId('key-map-table');
	await expect(map).toContainText('signed in as an instructor');
	await expect(map.locator('tbody tr')).toHaveCount(loaded.case.article.allegations.length);
	for (const [id, entry] of loaded.keys.letter) {
		await expect(map.locator(sentenceLinks(id))).toHaveCount(entry.answers.length);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expectNoAxeViolations(page);

	await page.goto(TECHNIQUES);
	const techniques = page.getByTestId('key-techniques');
	for (const [id, entry] of loaded.keys.letter) {
		await expect(techniques.locator(sentenceLinks(id))).toHaveCount(entry.technique ? 1 : 0);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the tables show the way to the exercise and nothing of the key', async ({ page }) => {
		for (const path of [MAP, TECHNIQUES]) {
			await page.goto(path);
			const link = page.getByRole('link', { name: 'Tag the letter first' });
			await expect(link).toHaveAttribute('href', `/m/${CASE}/tag`);
			await expect(page.locator('.key-table table')).toHaveCount(0);
		}
	});
});
