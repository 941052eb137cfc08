// No words glued together: Svelte drops the whitespace between some inline elements and blocks,
// which once printed "key(not revealed yet)", "The letter· Warm-up", "Deflection,Appeal to",
// "(opinion section),The letter", "2020;Chinascope" and "targeted;A2". The rendered text of
// every page and of the states that show lists (results, the map, the dashboard) is read as the
// reader sees it (innerText) and checked for a letter straight after ")", ",", ";" or "·", or
// straight before "(" or "·".
import { expect, test, type Page } from '@playwright/test';
import { CASE, claimIds, loaded } from './content';
import { signUpInstructor } from './instructor';

const M = `/m/${CASE}`;
const GLUED = [/\p{L}\(/u, /\)\p{L}/u, /,\p{L}/u, /;\p{L}/u, /·\S/u, /\S·/u];

/** The joins in the page's visible text, each with a little context. */
async function gluedWords(page: Page): Promise<string[]> {
	const text = (await page.locator('body').innerText())
		// URLs and file names are not prose
		.replace(/\bhttps?:\/\/\S+/g, ' ')
		.replace(/\S+\.(txt|csv|json)\b/g, ' ');
	const found: string[] = [];
	for (const pattern of GLUED) {
		const global = new RegExp(pattern.source, 'gu');
		for (const match of text.matchAll(global)) {
			const at = match.index ?? 0;
			found.push(text.slice(Math.max(0, at - 25), at + 25).replace(/\s+/g, ' '));
		}
	}
	return found;
}

async function expectSpaced(page: Page, what: string) {
	expect.soft(await gluedWords(page), what).toEqual([]);
}

test('every page reads with spaces between words', async ({ page }) => {
	test.setTimeout(120_000);
	const pages = [
		'/',
		'/about',
		M,
		`${M}/letter`,
		...loaded.case.lessons.map((l) => `${M}/lessons/${l.slug}`),
		`${M}/glossary`,
		`${M}/sources`,
		`${M}/instructor`,
		`${M}/practice`,
		`${M}/tag`,
		`${M}/timeline`,
		`${M}/timeline?event=E3`,
		`${M}/timeline/order`,
		`${M}/map`,
		`${M}/retelling`,
		`${M}/booster`
	];
	for (const path of pages) {
		await page.goto(path);
		await expectSpaced(page, path);
	}
});

test('the results, the map and the instructor pages read with spaces between words', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	await page.goto(`${M}/tag`);
	for (const [index, id] of claimIds.entries()) {
		await page.locator(`[data-item="${id}"] input[value="deflection"]`).check();
		if (index < 3) await page.locator(`[data-item="${id}"] select`).selectOption({ index: 2 });
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expectSpaced(page, 'tag results');
	await page.goto(`${M}/map`);
	await expectSpaced(page, 'map after the tags are checked');

	await signUpInstructor(page, 'Spacing');
	await page.getByLabel('Class name').fill('Spacing class');
	await page.getByRole('button', { name: 'Create class' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const classUrl = new URL(page.url()).pathname;
	await page.getByLabel('Module').selectOption(CASE);
	await page.getByRole('radio', { name: 'When I reveal the key' }).last().check();
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');
	await expectSpaced(page, 'class page, reveal mode');

	const context = await browser.newContext();
	const student = await context.newPage();
	await student.goto(`/join/${code}`);
	await student.getByLabel('Nickname').fill('Ana');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { name: 'Welcome, Ana' })).toBeVisible();
	await expectSpaced(student, 'welcome');
	await student.goto('/student');
	await expectSpaced(student, 'student page');
	await student.goto(`${M}/tag`);
	for (const id of claimIds)
		await student.locator(`[data-item="${id}"] input[value="deflection"]`).check();
	await student.locator(`[data-item="${claimIds[0]}"] select`).selectOption({ index: 2 });
	await student.getByRole('button', { name: 'Hand in my answers' }).click();
	await expect(student.getByText('Your answers are in;')).toBeVisible();
	await expectSpaced(student, 'class tag, pending');
	await context.close();

	await page.goto(classUrl);
	await expectSpaced(page, 'class page with a student');
	await page.goto(`${classUrl}/dashboard`);
	await expectSpaced(page, 'dashboard');
	await page.goto(`/instructor/guide/${CASE}`);
	await expectSpaced(page, 'guide');
});
