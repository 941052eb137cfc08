// Roster management (issue 13): from the class page's roster, a page per student where the
// instructor renames them, makes a new resume code (shown once; the old one stops working) and
// removes them with their work after ticking a box; on the class page, an assignment is taken back
// after a box that reminds to export first. With JavaScript and without; another instructor gets a
// 404 from every page and action, and never the data.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { assign, createClass, join, signUp, tagAll, unique } from './classroom';
import { CASE, claimIds, keyTag } from './content';
import { TAG_INFO } from '../../src/lib/content/vocabulary';

/** A class with the module assigned and two students; returns the student page of the first. */
async function classOfTwo(browser: Browser, page: Page, name: string) {
	await signUp(page, name);
	const { classUrl, code } = await createClass(page, `Roster ${unique()}`);
	await assign(page);
	const kim = await join(browser, code, 'Kim');
	const max = await join(browser, code, 'Max');
	await page.goto(classUrl);
	const link = page
		.getByRole('table', { name: 'Students and their progress' })
		.getByRole('link', { name: 'Kim' });
	const kimUrl = (await link.getAttribute('href'))!;
	expect(kimUrl).toMatch(new RegExp(`^${classUrl}/students/[0-9a-f-]{36}$`));
	return { classUrl, kimUrl, kim, max };
}

async function resumeWith(browser: Browser, code: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/resume');
	await page.getByLabel('Resume code').fill(code);
	await page.getByRole('button', { name: 'Continue' }).click();
	return { context, page };
}

const post = (page: Page, url: string, form: Record<string, string>) =>
	page.request.post(url, {
		form,
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});

async function renameAndReset(
	browser: Browser,
	page: Page,
	kimUrl: string,
	oldCode: string,
	scan: boolean
) {
	// a nickname another student has, as the join compares it, is refused
	await page.getByLabel('Nickname').fill('MAX');
	await page.getByRole('button', { name: 'Save the nickname' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Nickname: another student in this class already uses this nickname.'
	);
	await expect(page.getByLabel('Nickname')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Nickname').fill('  Kimberly ');
	await page.getByRole('button', { name: 'Save the nickname' }).click();
	await expect(page.getByRole('status')).toContainText('Renamed: the class now shows Kimberly.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kimberly');

	await page.getByRole('button', { name: 'Make a new resume code' }).click();
	const shown = page.getByTestId('new-resume-code');
	await expect(shown).toHaveText(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	const newCode = (await shown.textContent())!;
	// axe runs its script in the page: with JavaScript on only
	if (scan) await expectNoAxeViolations(page);
	// shown once: the page's own load never carries it
	await page.goto(kimUrl);
	await expect(page.getByTestId('new-resume-code')).toHaveCount(0);
	expect(await page.content()).not.toContain(newCode);

	const old = await resumeWith(browser, oldCode);
	await expect(old.page.getByRole('alert')).toBeVisible();
	await old.context.close();
	const fresh = await resumeWith(browser, newCode);
	await fresh.page.goto('/student');
	await expect(fresh.page.getByText('You are in this class as Kimberly.')).toBeVisible();
	await fresh.context.close();
}

test('rename, a new resume code, remove a student, take an assignment back', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	const { classUrl, kimUrl, kim, max } = await classOfTwo(browser, page, 'Ines');
	await kim.page.goto(`/m/${CASE}/tag`);
	await tagAll(kim.page, keyTag);
	await kim.page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(kim.page.getByRole('heading', { name: 'Your results' })).toBeVisible();

	// Kim's page: every answer with the key beside it
	await page.reload();
	await page.getByRole('link', { name: 'Kim', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`${kimUrl}$`));
	const letter = page.locator('[data-set="letter"]');
	const n = claimIds.length;
	await expect(letter).toContainText(`${n} of ${n} checked, ${n} points. Handed in.`);
	const first = letter.locator(`tr[data-item="${claimIds[0]}"]`);
	const label = TAG_INFO[keyTag(claimIds[0]!)].label;
	await expect(first.locator('td').nth(0)).toContainText(label);
	await expect(first.locator('td').nth(1)).toContainText(label);
	await expect(first.locator('td').nth(2)).toHaveText('1');
	await expect(page.locator('[data-set="practice"]')).toContainText('0 of');
	await expectNoAxeViolations(page);
	await renameAndReset(browser, page, kimUrl, kim.resume, true);

	// the device Kim was signed in on is signed out by the new code
	await kim.page.goto('/student');
	await expect(kim.page).not.toHaveURL(/\/student$/);

	// removing asks for the box first (the browser's own check), then removes Kim and her work
	await page.goto(kimUrl);
	const remove = page.getByTestId('remove-student');
	await remove.getByRole('checkbox').check();
	await remove.getByRole('button', { name: 'Remove the student' }).click();
	await expect(page).toHaveURL(new RegExp(`${classUrl}\\?removed$`));
	await expect(page.getByRole('status')).toContainText(
		'The student and all their work are removed'
	);
	const roster = page.getByRole('table', { name: 'Students and their progress' });
	await expect(roster.getByRole('rowheader')).toHaveText(['Max']);
	expect((await page.request.get(kimUrl)).status()).toBe(404);
	const csv = await (await page.request.get(`${classUrl}/export.csv`)).text();
	expect(csv).not.toContain('Kimberly');

	// taking the assignment back: the box reminds to export first
	await page.locator('summary', { hasText: 'Take the assignment back' }).click();
	const takeBack = page.getByTestId('take-back');
	await expect(takeBack).toContainText('This cannot be undone.');
	await expect(page.getByText("Export the class's work first")).toBeVisible();
	await takeBack.getByRole('checkbox').check();
	await takeBack.getByRole('button', { name: 'Take the assignment back' }).click();
	await expect(page.getByRole('status')).toContainText('The assignment is taken back');
	await expect(page.getByText('No module is assigned yet.')).toBeVisible();
	await max.page.goto('/student');
	await expect(max.page.getByText('Your instructor has not assigned a module yet.')).toBeVisible();
	await kim.context.close();
	await max.context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same by plain form posts; without the ticked box, a 400 and nothing removed', async ({
		browser,
		page
	}) => {
		test.setTimeout(180_000);
		const { classUrl, kimUrl, kim, max } = await classOfTwo(browser, page, 'Jon');
		await page.goto(kimUrl);
		await renameAndReset(browser, page, kimUrl, kim.resume, false);

		const refused = await post(page, `${kimUrl}?/remove`, {});
		expect(refused.status()).toBe(400);
		expect(await refused.text()).toContain(
			'Remove the student: tick the box to confirm that the student and their work may go'
		);
		await page.goto(kimUrl);
		const remove = page.getByTestId('remove-student');
		await remove.getByRole('checkbox').check();
		await remove.getByRole('button', { name: 'Remove the student' }).click();
		await expect(page).toHaveURL(new RegExp(`${classUrl}\\?removed$`));
		await expect(page.getByRole('status')).toContainText('removed');

		const assignmentId = await page
			.getByTestId('take-back')
			.locator('input[name="assignment"]')
			.getAttribute('value');
		const notTaken = await post(page, `${classUrl}?/takeBack`, { assignment: assignmentId! });
		expect(notTaken.status()).toBe(400);
		expect(await notTaken.text()).toContain('export it first');
		await page.goto(classUrl);
		await page.locator('summary', { hasText: 'Take the assignment back' }).click();
		const takeBack = page.getByTestId('take-back');
		await takeBack.getByRole('checkbox').check();
		await takeBack.getByRole('button', { name: 'Take the assignment back' }).click();
		await expect(page.getByRole('status')).toContainText('The assignment is taken back');
		await max.page.goto(`/m/${CASE}/tag`);
		await expect(max.page.getByText('Assigned in')).toHaveCount(0);
		await kim.context.close();
		await max.context.close();
	});
});

test("another instructor gets a 404 from a class's student pages and roster actions", async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	const { classUrl, kimUrl, kim, max } = await classOfTwo(browser, page, 'Kai');
	const assignmentId = await page
		.getByTestId('take-back')
		.locator('input[name="assignment"]')
		.getAttribute('value');

	const bob = await browser.newContext();
	const bobPage = await bob.newPage();
	await signUp(bobPage, 'Bob');
	expect((await bobPage.request.get(kimUrl)).status()).toBe(404);
	for (const [url, form] of [
		[`${kimUrl}?/rename`, { nickname: 'Hacked' }],
		[`${kimUrl}?/resetCode`, {}],
		[`${kimUrl}?/remove`, { confirm: 'yes' }],
		[`${classUrl}?/takeBack`, { assignment: assignmentId!, confirm: 'yes' }],
		[`${classUrl}?/reveal`, { assignment: assignmentId!, confirm: 'yes' }],
		[`${classUrl}/gradebook.csv`, null]
	] as const) {
		const response = form ? await post(bobPage, url, form) : await bobPage.request.get(url);
		expect(response.status(), url).toBe(404);
		const text = await response.text();
		expect(text, url).not.toContain('Kim');
	}
	// Bob's own class cannot reach Kim either: her id under his class is a 404
	const { classUrl: bobClass } = await createClass(bobPage, `Bob's ${unique()}`);
	const kimId = kimUrl.split('/').pop()!;
	expect((await bobPage.request.get(`${bobClass}/students/${kimId}`)).status()).toBe(404);
	expect(
		(await post(bobPage, `${bobClass}/students/${kimId}?/remove`, { confirm: 'yes' })).status()
	).toBe(404);
	await bob.close();

	// nothing changed: Kim is still Kim, with her code, and the assignment is still there
	await page.goto(classUrl);
	await expect(page.getByRole('link', { name: 'Kim', exact: true })).toBeVisible();
	await expect(page.getByTestId('take-back')).toHaveCount(1);
	const again = await resumeWith(browser, kim.resume);
	await again.page.goto('/student');
	await expect(again.page.getByText('You are in this class as Kim.')).toBeVisible();
	await again.context.close();
	await kim.context.close();
	await max.context.close();
});
