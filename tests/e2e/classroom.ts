// A class for the end-to-end tests: an instructor signs up and makes a class, assigns the module
// with a feedback mode; students join in browsers of their own and tag the letter.
import { expect, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, claimIds } from './content';
import { signUpInstructor } from './instructor';

export const unique = () =>
	`${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export const signUp = (page: Page, name: string, scan = false) =>
	signUpInstructor(page, name, { scan });

export async function createClass(page: Page, name: string) {
	await page.goto('/instructor');
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const classUrl = new URL(page.url()).pathname;
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	return { classUrl, code };
}

export async function assign(
	page: Page,
	options: { mode?: 'After each sentence' | 'After the whole set' | 'When I reveal the key' } = {}
) {
	await page.getByLabel('Module').selectOption(CASE);
	if (options.mode) await page.getByRole('radio', { name: options.mode }).last().check();
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');
}

/** A student in a browser of their own; returns the page and the resume code. */
export async function join(browser: Browser, code: string, nickname: string, scan = false) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/join/${code}`);
	await expect(page.getByLabel('Class code')).toHaveValue(code);
	if (scan) await expectNoAxeViolations(page);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${nickname}` })).toBeVisible();
	const resume = (await page.getByTestId('resume-code').textContent())!.trim();
	expect(resume).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	if (scan) await expectNoAxeViolations(page);
	return { context, page, resume };
}

export async function tagAll(page: Page, tagFor: (id: string) => string) {
	for (const id of claimIds) {
		await page.locator(`[data-item="${id}"] input[value="${tagFor(id)}"]`).check();
	}
}
