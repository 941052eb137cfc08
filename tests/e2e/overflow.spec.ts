// Nothing scrolls sideways on a phone: every page and every state (nothing tagged, tagged, checked
// per item, checked as a set, results, errors, no JavaScript; a class student's pages and an
// instructor's) at 320, 360 and 390 px. A failure names the element that sticks out furthest
// (tag, class, a snippet of its text and its right edge), so the fix can start at its root.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CASE, claimIds, keyTag, loaded } from './content';
import { writeCase, writeGlossary, writePractice, writeTimeline } from './authored';
import { signUpInstructor } from './instructor';

const WIDTHS = [320, 360, 390] as const;
const M = `/m/${CASE}`;
const lessonSlugs = loaded.case.lessons.map((l) => l.slug);
const practiceItems = loaded.case.practice?.items ?? [];
const retellingItems = loaded.case.retelling?.items ?? [];
const boosterItems = loaded.case.booster?.items ?? [];
const precheckItems = loaded.case.precheck?.items ?? [];
const postcheckItems = loaded.case.postcheck?.items ?? [];

/**
 * In the page: null when the document is no wider than the viewport, otherwise a description of
 * the element that sticks out of its parent furthest to the right (the outermost one on a tie; not
 * looking inside elements that clip or scroll their own overflow, which is allowed).
 */
function measure(): string | null {
	const doc = document.documentElement;
	if (doc.scrollWidth <= doc.clientWidth) return null;
	let widest: Element | null = null;
	let right = -Infinity;
	const visit = (el: Element, parentRight: number) => {
		const box = el.getBoundingClientRect();
		if (
			(box.width > 0 || box.height > 0) &&
			box.right > parentRight + 0.5 &&
			box.right > right + 0.5
		) {
			right = box.right;
			widest = el;
		}
		if (getComputedStyle(el).overflowX !== 'visible') return;
		for (const child of el.children) visit(child, box.width > 0 ? box.right : parentRight);
	};
	visit(document.body, doc.clientWidth);
	// an absolutely positioned element escapes the clipping of ancestors it is not positioned in
	if (!widest)
		for (const el of document.body.querySelectorAll('*')) {
			const box = el.getBoundingClientRect();
			const position = getComputedStyle(el).position;
			if ((position === 'absolute' || position === 'fixed') && box.right > right + 0.5) {
				right = box.right;
				widest = el;
			}
		}
	const el = widest as Element | null;
	const describe = (e: Element | null | undefined) =>
		e ? `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}">` : 'none';
	const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
	return `document is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px viewport; sticking out furthest: ${describe(el)} "${text}" in ${describe(el?.parentElement)}, right edge at ${Math.round(right)}px`;
}

/** Checks the page as it stands at each width (the page reflows; nothing is reloaded). */
async function expectNoOverflow(page: Page, state: string) {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 760 });
		expect.soft(await page.evaluate(measure), `${state} at ${width}px`).toBeNull();
	}
}

async function visit(page: Page, path: string) {
	await page.setViewportSize({ width: WIDTHS[0], height: 760 });
	const response = await page.goto(path);
	expect(response?.status(), path).toBeLessThan(400);
	await expectNoOverflow(page, path);
}

const publicPages = [
	'/',
	'/about',
	'/join',
	'/resume',
	'/instructor/signin',
	'/instructor/signup',
	M,
	`${M}/letter`,
	...lessonSlugs.map((slug) => `${M}/lessons/${slug}`),
	`${M}/glossary`,
	`${M}/sources`,
	`${M}/instructor`,
	`${M}/practice`,
	`${M}/tag`,
	`${M}/timeline`,
	`${M}/timeline?event=E3`,
	`${M}/timeline?sentence=L25&event=E17`,
	`${M}/timeline/order`,
	`${M}/map`,
	`${M}/retelling`,
	`${M}/sandwich`,
	`${M}/booster`,
	`${M}/precheck`,
	`${M}/postcheck`,
	'/no-such-page'
];

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('every page as it first opens', async ({ page }) => {
			test.setTimeout(120_000);
			for (const path of publicPages) {
				await page.setViewportSize({ width: WIDTHS[0], height: 760 });
				await page.goto(path);
				await expectNoOverflow(page, path);
			}
		});

		test('the tagging exercise: tagged, errors, checked per item, checked as a set', async ({
			page
		}) => {
			await visit(page, `${M}/tag`);
			// a deflection opens the technique select
			await page.locator(`[data-item="${claimIds[0]}"] input[value=deflection]`).check();
			await expectNoOverflow(page, 'tag: one deflection');
			await page.getByRole('button', { name: 'Check my answers' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
			await expectNoOverflow(page, 'tag: incomplete set');

			await visit(page, `${M}/tag?feedback=immediate`);
			await page.locator(`[data-item="${claimIds[0]}"] input[value=deflection]`).check();
			await page.getByRole('button', { name: `Check`, exact: false }).first().click();
			await expect(page.locator('.rationale')).toHaveCount(1);
			await expectNoOverflow(page, 'tag: checked per item');

			await visit(page, `${M}/tag?feedback=set`);
			for (const id of claimIds)
				await page.locator(`[data-item="${id}"] input[value="deflection"]`).check();
			await page.getByRole('button', { name: 'Check my answers' }).click();
			await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
			await expectNoOverflow(page, 'tag: results, all deflection');

			// the map once the tags are checked: summaries and colours
			await visit(page, `${M}/map`);
		});

		test('the practice, booster, pre-check and post-check exercises', async ({ page }) => {
			test.setTimeout(120_000);
			for (const [set, items] of [
				['practice', practiceItems],
				['booster', boosterItems],
				['precheck', precheckItems],
				['postcheck', postcheckItems]
			] as const) {
				expect(items.length, set).toBeGreaterThan(0);
				await visit(page, `${M}/${set}?feedback=immediate`);
				await page.locator(`[data-item="${items[0]!.id}"] input[value=deflection]`).check();
				await expectNoOverflow(page, `${set}: one deflection`);
				await page.getByRole('button', { name: `Check sentence ${items[0]!.id.slice(1)}` }).click();
				await expect(page.locator(`[data-item="${items[0]!.id}"] .verdict`)).toBeVisible();
				await expectNoOverflow(page, `${set}: checked per item`);

				await visit(page, `${M}/${set}?feedback=set`);
				await page.locator(`[data-item="${items[0]!.id}"] input[value=evidence]`).check();
				await page.getByRole('button', { name: 'Check my answers' }).click();
				await expect(page.getByRole('alert')).toBeVisible();
				await expectNoOverflow(page, `${set}: incomplete set`);
				for (const item of items)
					await page.locator(`[data-item="${item.id}"] input[value=assertion]`).check();
				await page.getByRole('button', { name: 'Check my answers' }).click();
				await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
				await expectNoOverflow(page, `${set}: results`);
			}
		});

		test('the map, the retelling and the ordering exercises: errors and results', async ({
			page
		}) => {
			await visit(page, `${M}/map`);
			await page.locator(`[data-item="${claimIds[0]}"] input[value=A1]`).check();
			await page.getByRole('button', { name: 'Check my links' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
			await expectNoOverflow(page, 'map: incomplete');
			for (const id of claimIds) {
				const answers = loaded.keys.letter.get(id)!.answers;
				for (const choice of answers.length ? answers : ['none'])
					await page.locator(`[data-item="${id}"] input[value="${choice}"]`).check();
			}
			await page.getByRole('button', { name: 'Check my links' }).click();
			await expect(
				page.getByRole('heading', { name: 'Your links compared with the key' })
			).toBeVisible();
			await expectNoOverflow(page, 'map: results');

			await visit(page, `${M}/retelling`);
			await page.locator(`[data-item="${retellingItems[0]!.id}"] input`).first().check();
			await page.getByRole('button', { name: 'Check my piles' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
			await expectNoOverflow(page, 'retelling: incomplete');
			for (const item of retellingItems)
				await page.locator(`[data-item="${item.id}"] input`).first().check();
			await page.getByRole('button', { name: 'Check my piles' }).click();
			await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
			await expectNoOverflow(page, 'retelling: results');

			await visit(page, `${M}/timeline/order`);
			await page.getByRole('button', { name: 'Check my order' }).click();
			await expect(page.getByTestId('order-result').or(page.getByRole('alert'))).toBeVisible();
			await expectNoOverflow(page, 'order: checked');
		});
	});
}

async function createClass(page: Page) {
	await page.getByLabel('Class name').fill(`Overflow class with a long name for a phone`);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByTestId('join-code')).toBeVisible();
	const classUrl = new URL(page.url()).pathname;
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByLabel('Module').selectOption(CASE);
	// due in two days (UTC): the students' pages say so
	const due = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	await page.getByLabel('Due date (optional)').last().fill(due);
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');
	return { classUrl, code };
}

async function joinAndTag(browser: Browser, code: string, nickname: string) {
	const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 760 } });
	const page = await context.newPage();
	await visit(page, `/join/${code}`);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${nickname}` })).toBeVisible();
	await expectNoOverflow(page, 'class student: welcome');
	await visit(page, '/student');
	await visit(page, `${M}/tag`);
	for (const id of claimIds) {
		const tag = nickname.startsWith('A') ? keyTag(id) : 'deflection';
		await page.locator(`[data-item="${id}"] input[value="${tag}"]`).check();
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expectNoOverflow(page, 'class student: tag results');
	await visit(page, `${M}/lessons/${lessonSlugs[0]}`);
	await visit(page, '/student');
	return context;
}

test("a class student's pages and the instructor's", async ({ browser, page }) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: WIDTHS[0], height: 760 });
	await signUpInstructor(page, 'Overflow');
	await expectNoOverflow(page, 'instructor: my classes, empty');
	const { classUrl, code } = await createClass(page);
	await expectNoOverflow(page, 'instructor: class page, assigned');
	const students = [
		await joinAndTag(browser, code, 'Ana'),
		await joinAndTag(browser, code, 'Bartholomew-Maximilian')
	];
	await visit(page, '/instructor');
	await visit(page, classUrl);
	const student = page
		.getByRole('table', { name: 'Students and their progress' })
		.getByRole('link', { name: 'Bartholomew-Maximilian' });
	await visit(page, (await student.getAttribute('href'))!);
	await visit(page, `${classUrl}/dashboard`);
	await visit(page, `${classUrl}/present`);
	await visit(page, `${classUrl}/delete`);
	await visit(page, `/instructor/guide/${CASE}`);
	for (const context of students) await context.close();
});

test("the case editor's pages, with long words in every field", async ({ page }) => {
	test.setTimeout(300_000);
	await page.setViewportSize({ width: WIDTHS[0], height: 760 });
	await signUpInstructor(page, 'Editor');
	await visit(page, '/instructor/cases');
	const long = 'Unbreakable'.repeat(10);
	await page.getByLabel('Title of the case').fill(long);
	await page.getByRole('button', { name: 'Start the case' }).click();
	await expect(page).toHaveURL(/\/texts$/);
	const caseUrl = page.url().replace(/\/texts$/, '');
	await page.locator('#text').fill(`Dear ${long},\nWe ${long} act. They talk.\nYours, ${long}`);
	await page.locator('#allegation-1-short').fill(long.slice(0, 80));
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	await expectNoOverflow(page, 'editor: texts, saved');
	for (const step of ['sentences', 'key', 'preview']) await visit(page, `${caseUrl}/${step}`);
	await visit(page, `${caseUrl}/events`);
	const event = page.getByTestId('event-new');
	await event.getByLabel('What happened').fill(long);
	await event.getByLabel('Description').fill(long);
	await page.getByTestId('source-new').getByLabel('Title').fill(long);
	await page.getByRole('button', { name: 'Save the events' }).click();
	await expect(page.getByRole('status')).toHaveText('The events are saved.');
	await expectNoOverflow(page, 'editor: timeline, an event saved');
	await visit(page, `${caseUrl}/glossary`);
	const term = page.getByTestId('term-new');
	await term.getByLabel('Term (a term of your own)').fill(long.slice(0, 100));
	await term.getByLabel('Definition (a term of your own)').fill(long);
	await term.getByLabel('Example (optional)').fill(long);
	await page.getByRole('button', { name: 'Save the glossary' }).click();
	await expect(page.getByRole('status')).toHaveText('The glossary is saved.');
	await expectNoOverflow(page, 'editor: glossary, a term saved');
	await visit(page, `${caseUrl}/practice`);
	await page.getByLabel('Title', { exact: true }).fill(long);
	await page.getByLabel('Setting').fill(long);
	const item = page.getByTestId('item-new');
	await item.getByLabel('Sentence', { exact: true }).fill(long);
	await item.getByLabel('Hint (optional)').fill(long);
	await item.getByLabel('Rationale').fill(long);
	await page.getByRole('button', { name: 'Save the practice' }).click();
	await expect(page.getByRole('status')).toHaveText('The practice is saved.');
	await expectNoOverflow(page, 'editor: practice, an item saved');
	await visit(page, '/instructor/cases');
});

test("a published authored case's module pages (its standard lessons too)", async ({ page }) => {
	test.setTimeout(400_000);
	await signUpInstructor(page, 'Author');
	const { caseUrl, moduleId } = await writeCase(page, 'Unbreakable'.repeat(8));
	await writeTimeline(page);
	await writeGlossary(page);
	await writePractice(page);
	await visit(page, `${caseUrl}/preview/timeline`);
	await visit(page, `${caseUrl}/preview/practice`);
	await visit(page, `${caseUrl}/preview`);
	await page.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 2).');
	await visit(page, `${caseUrl}/share`);
	await page.getByRole('button', { name: 'Make a share link' }).click();
	const link = await page.getByLabel('The share link').inputValue();
	await expectNoOverflow(page, 'editor: share, with the link');
	await visit(page, link);
	const m = `/m/${moduleId}`;
	for (const path of [
		m,
		`${m}/lessons/read-the-texts`,
		`${m}/lessons/evidence-assertion-deflection`,
		`${m}/letter`,
		`${m}/tag`,
		`${m}/map`,
		`${m}/sources`,
		`${m}/timeline`,
		`${m}/timeline/order`,
		`${m}/glossary`,
		`${m}/practice`
	])
		await visit(page, path);
});
