// A class student's header and the end of their session: right after joining (no reload) the
// header names their class; when the instructor deletes the class, the student's next page says
// so, they are signed out, and the header offers to join a class again; a student the instructor
// removed is told so plainly (not "session expired") and offered self-study.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE } from './content';
import { signUpInstructor } from './instructor';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test('the class name in the header on joining; a clear page once the class is deleted', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signUpInstructor(page, 'Mira');
	const name = `Period 5 ${unique()}`;
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const classUrl = new URL(page.url()).pathname;
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	const context = await browser.newContext();
	const student = await context.newPage();
	await student.goto(`/join/${code}`);
	await expect(student.getByRole('link', { name: 'Join a class' })).toBeVisible();
	await student.getByLabel('Nickname').fill('Ola');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { name: 'Welcome, Ola' })).toBeVisible();
	// the page the join answers with already has the class in its header
	await expect(student.getByTestId('my-class')).toHaveText(`My class: ${name}`);
	await student.goto(`/m/${CASE}`);
	await expect(student.getByTestId('my-class')).toHaveText(`My class: ${name}`);

	await page.goto(`${classUrl}/delete`);
	await page.getByRole('button', { name: "Delete the class and its students' work" }).click();
	await expect(page).toHaveURL(/\/instructor/);

	// the student's next page (a link followed in the app) says why they are signed out
	await student.getByRole('link', { name: 'About' }).click();
	const notice = student.getByRole('status').filter({ hasText: 'Your class has been deleted' });
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('no longer signed in');
	await expect(student.getByTestId('my-class')).toHaveCount(0);
	await expect(student.getByRole('navigation', { name: 'Site' })).toContainText('Join a class');
	await expectNoAxeViolations(student);
	// said once: the next page is an ordinary visitor's
	await student.goto('/');
	await expect(student.getByText('Your class has been deleted')).toHaveCount(0);
	await context.close();
});

test('a removed student is told that the teacher removed them, and can work on their own', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signUpInstructor(page, 'Rhea');
	const name = `Period 6 ${unique()}`;
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const classUrl = new URL(page.url()).pathname;
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	const context = await browser.newContext();
	const student = await context.newPage();
	await student.goto(`/join/${code}`);
	await student.getByLabel('Nickname').fill('Pim');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('heading', { name: 'Welcome, Pim' })).toBeVisible();

	// the teacher removes Pim from the roster (student page, ticked box)
	await page.goto(classUrl);
	await page
		.getByRole('table', { name: 'Students and their progress' })
		.getByRole('link', { name: 'Pim' })
		.click();
	const remove = page.getByTestId('remove-student');
	await remove.getByRole('checkbox').check();
	await remove.getByRole('button', { name: 'Remove the student' }).click();
	await expect(page).toHaveURL(new RegExp(`${classUrl}\\?removed$`));

	// Pim's browser still has the cookie: the next page says plainly what happened, not "expired"
	await student.goto(`/m/${CASE}`);
	const notice = student
		.getByRole('status')
		.filter({ hasText: 'Your teacher removed you from the class' });
	await expect(notice).toBeVisible();
	await expect(student.getByText('Your class session has ended')).toHaveCount(0);
	await expect(notice.getByRole('link', { name: 'Use my resume code' })).toHaveCount(0);
	await expect(student.getByTestId('my-class')).toHaveCount(0);
	await expectNoAxeViolations(student);
	// the way on: self-study
	await notice.getByRole('link', { name: 'Work on my own' }).click();
	await expect(student).toHaveURL('/');
	await expect(student.getByText('Your teacher removed you from the class')).toHaveCount(0);
	await context.close();
});
