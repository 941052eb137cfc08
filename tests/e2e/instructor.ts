// An instructor account for the end-to-end tests: signs up through the real form (which answers
// the same for a new and a known email: go and sign in), signs in, and ends on "My classes".
// Returns the email.
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

export const PASSWORD = 'correct horse battery staple';
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export async function signUpInstructor(
	page: Page,
	name: string,
	options: { scan?: boolean; password?: string } = {}
): Promise<string> {
	const email = `${name.toLowerCase()}-${unique()}@example.org`;
	const password = options.password ?? PASSWORD;
	await page.goto('/instructor/signup');
	if (options.scan) await expectNoAxeViolations(page);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/instructor\/signin\?signed-up$/);
	await expect(page.getByRole('status')).toContainText('If that email address was new');
	if (options.scan) await expectNoAxeViolations(page);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
	return email;
}
