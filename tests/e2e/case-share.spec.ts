// Sharing a published case by link (issue 15): the author makes a link (copied with a button when
// JavaScript runs, selectable text without); another instructor opens it and gets a draft copy of
// their own, the original untouched; a signed-out visitor and a student are sent to sign in; an
// unknown token is a 404; a withdrawn link is a page saying so and copies nothing. axe scans the
// share page, the shared case's page and the withdrawn link's page.
import { expect, test } from '@playwright/test';
import { writeCase } from './authored';
import { expectNoAxeViolations } from './axe';
import { createClass, join, unique } from './classroom';
import { signUpInstructor } from './instructor';

test('share by link: a copy for another instructor; sign-in required; withdrawn links refused', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	await signUpInstructor(page, 'Sharer');
	const { caseUrl } = await writeCase(page, 'River letter to share');
	await page.getByRole('link', { name: 'Share with other instructors' }).click();
	await expect(page).toHaveURL(`${caseUrl}/share`);
	await page.getByRole('button', { name: 'Make a share link' }).click();
	await expect(page.getByRole('status').first()).toContainText('The link is ready');
	const link = await page.getByLabel('The share link').inputValue();
	expect(link).toMatch(/\/instructor\/shared\/[A-Za-z0-9_-]{43}$/);
	await expect(page.getByRole('button', { name: 'Copy the link' })).toBeVisible();
	await expectNoAxeViolations(page);

	// a colleague opens the link and makes a copy
	const colleagueContext = await browser.newContext();
	const colleague = await colleagueContext.newPage();
	await signUpInstructor(colleague, 'Colleague');
	await colleague.goto(`${caseUrl}/share`);
	expect(await colleague.title()).not.toContain('Share ·');
	await colleague.goto(link);
	await expect(colleague.getByRole('heading', { level: 1 })).toHaveText(
		'A shared case: River letter to share'
	);
	await expect(colleague.getByText('Sharer shares version 1 of this case with you.')).toBeVisible();
	await expectNoAxeViolations(colleague);
	await colleague.getByRole('button', { name: 'Make my own copy' }).click();
	await expect(colleague).toHaveURL(/\/instructor\/cases\/[0-9a-f-]{36}\/preview$/);
	expect(colleague.url()).not.toContain(caseUrl);
	await expect(colleague.getByTestId('case-status')).toHaveText('Draft, not published.');
	await expect(colleague.getByRole('button', { name: 'Publish version 1' })).toBeVisible();
	await colleague.goto('/instructor/cases');
	await expect(colleague.getByRole('link', { name: 'River letter to share' })).toBeVisible();
	await expect(colleague.getByText('· draft')).toBeVisible();
	// the original is untouched, and still only its owner's
	expect((await colleague.goto(`${caseUrl}/texts`))?.status()).toBe(404);
	await page.goto(`${caseUrl}/texts`);
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 1).');
	// without JavaScript the share page shows the link as text
	const sharerNoJs = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const plain = await sharerNoJs.newPage();
	await plain.goto(`${caseUrl}/share`);
	await expect(plain.getByLabel('The share link')).toHaveValue(link);
	await expect(plain.getByRole('button', { name: 'Copy the link' })).toHaveCount(0);
	await sharerNoJs.close();

	// a signed-out visitor and a student are sent to sign in; an unknown token is a 404
	const visitorContext = await browser.newContext();
	const visitor = await visitorContext.newPage();
	await visitor.goto(link);
	await expect(visitor).toHaveURL(/\/instructor\/signin$/);
	const { code } = await createClass(page, `Sharing ${unique()}`);
	const { context: studentContext, page: student } = await join(browser, code, 'Ada');
	await student.goto(link);
	await expect(student).toHaveURL(/\/instructor\/signin$/);
	const copyPost = await student.request.post(`${link}?/copy`, {
		form: {},
		headers: { origin: new URL(link).origin, accept: 'application/json' },
		maxRedirects: 0
	});
	expect(await copyPost.json()).toMatchObject({ type: 'redirect', location: '/instructor/signin' });
	expect((await colleague.goto(link.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43))))?.status()).toBe(
		404
	);

	// withdrawn: a page saying so, and a copy posted anyway is refused
	await page.goto(`${caseUrl}/share`);
	await page.getByRole('button', { name: 'Withdraw the link' }).click();
	await expect(page.getByRole('status').first()).toContainText('The link is withdrawn');
	await expect(page.getByRole('button', { name: 'Make a share link' })).toBeVisible();
	const withdrawn = await colleague.goto(link);
	expect(withdrawn?.status()).toBe(410);
	await expect(colleague.getByText('This link was withdrawn')).toBeVisible();
	await expectNoAxeViolations(colleague);
	const late = await colleague.request.post(`${link}?/copy`, {
		form: {},
		headers: { origin: new URL(link).origin, accept: 'application/json' },
		maxRedirects: 0
	});
	expect(JSON.stringify(await late.json())).toContain('This link was withdrawn');
	await colleague.goto('/instructor/cases');
	await expect(colleague.getByRole('link', { name: 'River letter to share' })).toHaveCount(1);

	for (const c of [colleagueContext, visitorContext, studentContext]) await c.close();
});
