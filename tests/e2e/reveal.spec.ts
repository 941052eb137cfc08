// One reveal (issue 13): the class page and present mode offer the same confirmed "reveal the key"
// action, which the students and the projector both follow; present mode's "show the key for this
// sentence" is named as the projector-only view it is, and students get nothing from it. With
// JavaScript and without; refused with a message (a 400) when the box is not ticked.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { assign, createClass, join, signUp, tagAll, unique } from './classroom';
import { CASE, claimIds, keyTag, loaded } from './content';

const rationales = [...loaded.keys.letter.values()].map((e) => e.rationale.slice(0, 60));

/** A class in reveal mode and a student who has handed the whole letter in. */
async function classAwaitingReveal(browser: Browser, page: Page, name: string) {
	await signUp(page, name);
	const { classUrl, code } = await createClass(page, `Reveal ${unique()}`);
	await assign(page, { mode: 'When I reveal the key' });
	const student = await join(browser, code, `Lee ${unique().slice(-4)}`);
	await student.page.goto(`/m/${CASE}/tag`);
	await tagAll(student.page, keyTag);
	await student.page.getByRole('button', { name: 'Hand in my answers' }).click();
	await expect(student.page.getByText('Your answers are in;')).toBeVisible();
	return { classUrl, student };
}

/** The student's tagging page: still waiting, without any rationale, or the results. */
async function expectStudentWaits(page: Page) {
	await page.reload();
	await expect(page.getByText('Your answers are in;')).toBeVisible();
	const html = await page.content();
	for (const rationale of rationales) expect(html).not.toContain(rationale);
}

async function expectStudentSeesKey(page: Page) {
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(page.locator('.rationale')).toHaveCount(claimIds.length);
}

test('present mode: the projector-only key is named so and reaches no student; the reveal does', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	const { classUrl, student } = await classAwaitingReveal(browser, page, 'Pia');
	await page.goto(`${classUrl}/present`);
	await page.getByRole('link', { name: /One sentence at a time/ }).click();
	await page.getByRole('link', { name: 'Show the key for this sentence (projector only)' }).click();
	await expect(page.getByRole('heading', { name: 'The key' })).toBeVisible();
	await expectStudentWaits(student.page);

	// the same reveal as on the class page, confirmed
	const reveal = page.getByTestId('reveal-key');
	await expect(reveal.getByRole('checkbox')).toHaveAttribute('required', '');
	await expectNoAxeViolations(page);
	await reveal.getByRole('checkbox').check();
	await reveal.getByRole('button', { name: 'Reveal the key to the class' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The key is revealed' })).toBeVisible();
	await expect(page.getByTestId('reveal-key')).toHaveCount(0);
	await expectStudentSeesKey(student.page);

	// and the class page no longer offers it
	await page.goto(classUrl);
	await expect(page.getByText('(revealed)')).toBeVisible();
	await expect(page.getByTestId('reveal-key')).toHaveCount(0);
	await student.context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the class page reveals after the box is ticked; without it, a 400 and a message', async ({
		browser,
		page
	}) => {
		test.setTimeout(180_000);
		const { classUrl, student } = await classAwaitingReveal(browser, page, 'Noa');
		await page.goto(classUrl);
		const assignmentId = await page
			.getByTestId('reveal-key')
			.locator('input[name="assignment"]')
			.getAttribute('value');

		// a post without the ticked box (the browser's own check skipped) reveals nothing
		const refused = await page.request.post(`${classUrl}?/reveal`, {
			form: { assignment: assignmentId!, confirming: 'reveal' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(refused.status()).toBe(400);
		expect(await refused.text()).toContain(
			'Reveal the key: tick the box to confirm that every student may see it'
		);
		await expectStudentWaits(student.page);

		// from present mode too, by a plain form post
		await page.goto(`${classUrl}/present`);
		await expect(page.getByTestId('reveal-key')).toBeVisible();
		await page.goto(classUrl);
		const reveal = page.getByTestId('reveal-key');
		await reveal.getByRole('checkbox').check();
		await reveal.getByRole('button', { name: 'Reveal the key to the class' }).click();
		await expect(page.getByRole('status')).toContainText('The key is revealed');
		await expect(page.getByTestId('reveal-key')).toHaveCount(0);
		await expectStudentSeesKey(student.page);
		await student.context.close();
	});

	test('present mode reveals by a plain form post', async ({ browser, page }) => {
		test.setTimeout(180_000);
		const { classUrl, student } = await classAwaitingReveal(browser, page, 'Ola');
		await page.goto(`${classUrl}/present`);
		const reveal = page.getByTestId('reveal-key');
		await reveal.getByRole('checkbox').check();
		await reveal.getByRole('button', { name: 'Reveal the key to the class' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'The key is revealed' })).toBeVisible();
		// still present mode, on the same assignment
		await expect(page).toHaveURL(/\/present\?assignment=/);
		await expect(page.getByTestId('reveal-key')).toHaveCount(0);
		await expectStudentSeesKey(student.page);
		await student.context.close();
	});
});
