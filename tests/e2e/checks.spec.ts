// Checks for understanding and a class student's path. A self-study student writes an answer
// before opening the model answer, and it stays in this browser. A class student's answer is
// saved on the server, with JavaScript and without, comes back on another device, and a refused
// one keeps its text and says why; the stepper on the overview ticks the lessons a class student
// marked done and the sets handed in, from the server (a new browser has no local progress).
import { expect, test, type Browser } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, claimIds, keyTag, loaded } from './content';
import { signUpInstructor } from './instructor';

const M = `/m/${CASE}`;
const first = loaded.case.lessons[0];
const check = first!.checks[0]!;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test('self-study: the answer box comes before the model answer and is kept in this browser', async ({
	page
}) => {
	await page.goto(`${M}/lessons/${first!.slug}`);
	const box = page.locator(`[data-check="${check.id}"]`);
	const field = box.getByRole('textbox', { name: 'Your answer' });
	await expect(field).toBeVisible();
	// the box is before the model answer, which stays closed until opened
	const order = await box.evaluate((el) => {
		const textarea = el.querySelector('textarea')!;
		const details = el.querySelector('details')!;
		return Boolean(textarea.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(order).toBe(true);
	await expect(box.locator('details')).not.toHaveAttribute('open');
	await expect(box.getByRole('button', { name: 'Save my answer' })).toHaveCount(0);
	await expect(box.getByText('Kept in this browser only.')).toBeVisible();
	await field.fill('The EU Observer is an independent outlet.');
	await page.reload();
	await expect(field).toHaveValue('The EU Observer is an independent outlet.');
	await expectNoAxeViolations(page);
});

async function classWithModule(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUpInstructor(page, 'Noor');
	const name = `Checks ${unique()}`;
	await page.goto('/instructor');
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByLabel('Module').selectOption(CASE);
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');
	await context.close();
	return code;
}

test('a class student: answers saved on the server with and without JavaScript; the path from the server', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const code = await classWithModule(browser);
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/join/${code}`);
	await page.getByLabel('Nickname').fill('Rui');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome, Rui' })).toBeVisible();

	// with JavaScript: saved without leaving the page
	await page.goto(`${M}/lessons/${first!.slug}`);
	const box = page.locator(`[data-check="${check.id}"]`);
	await box
		.getByRole('textbox', { name: 'Your answer' })
		.fill('An outlet, and a monitor of Chinese media.');
	await box.getByRole('button', { name: 'Save my answer' }).click();
	await expect(box.getByRole('status')).toHaveText('Saved.');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Mark this lesson done' }).click();
	await expect(page.getByText('You marked this lesson done.')).toBeVisible();

	// the tagging exercise handed in whole
	await page.goto(`${M}/tag`);
	for (const id of claimIds)
		await page.locator(`[data-item="${id}"] input[value="${keyTag(id)}"]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();

	// another device without JavaScript, and without this browser's storage: the same answer, the
	// path ticked from the server, and a save by a plain form post
	const other = await browser.newContext({
		javaScriptEnabled: false,
		storageState: { cookies: (await context.storageState()).cookies, origins: [] }
	});
	const plain = await other.newPage();
	await plain.goto(M);
	const stepper = plain.getByRole('navigation', { name: 'Your path through the module' });
	await expect(plain.getByTestId('steps-done')).toHaveText(/^2 of \d+ steps done$/);
	await expect(stepper.locator('li.done')).toHaveText([new RegExp(first!.title), /Tag the letter/]);
	await plain.goto(`${M}/lessons/${first!.slug}`);
	const plainBox = plain.locator(`[data-check="${check.id}"]`);
	const field = plainBox.getByRole('textbox', { name: 'Your answer' });
	await expect(field).toHaveValue('An outlet, and a monitor of Chinese media.');
	await field.fill('Changed on the phone.');
	await plainBox.getByRole('button', { name: 'Save my answer' }).click();
	await expect(plain.locator(`[data-check="${check.id}"]`).getByRole('status')).toHaveText(
		'Saved.'
	);
	await plain.goto(`${M}/lessons/${first!.slug}`);
	await expect(field).toHaveValue('Changed on the phone.');

	// a check this lesson does not have, and an answer over 4,000 characters: refused with a
	// message, the text given back
	const post = (form: Record<string, string>) =>
		plain.request.post(`${M}/lessons/${first!.slug}?/check`, {
			form,
			headers: { origin: new URL(plain.url()).origin, accept: 'text/html' }
		});
	const unknown = await post({ check: 'no-such-check', answer: 'x' });
	expect(unknown.status()).toBe(400);
	expect(await unknown.text()).toContain('this lesson has no check called');
	const long = await post({ check: check.id, answer: 'y'.repeat(4001) });
	expect(long.status()).toBe(400);
	expect(await long.text()).toContain('use at most 4,000 characters');
	await other.close();
	await context.close();
});
