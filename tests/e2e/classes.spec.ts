// Classes end to end: an instructor signs up, makes a class and assigns the module; students join
// in browsers of their own, submit, resume on another device; the roster, the export and the
// deletion; a wrong code, a stranger and a student at the instructor pages; reveal mode, the
// lesson lock and the booster release; the sign-in limit. axe-core scans every new page.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, claimIds, keyTag, loaded } from './content';
import { assign, createClass, join, signUp, tagAll, unique } from './classroom';
import { PASSWORD } from './instructor';

test('an instructor makes a class; two students join, submit and resume; export and delete', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signUp(page, 'Grace', true);
	await expectNoAxeViolations(page);
	const className = `Period 3 ${unique()}`;
	const { classUrl, code } = await createClass(page, className);
	await expect(page.getByRole('status')).toContainText('Class created');
	await expect(page.getByTestId('join-link')).toHaveText(new RegExp(`/join/${code}$`));
	await assign(page);
	await expectNoAxeViolations(page);

	// Ana: her own browser, the join link, the whole letter right
	const ana = await join(browser, code, 'Ana', true);
	await ana.page.goto('/student');
	await expect(ana.page.getByRole('heading', { level: 1, name: className })).toBeVisible();
	await expect(ana.page.getByText('0 of ' + claimIds.length + ' answered')).toBeVisible();
	await expectNoAxeViolations(ana.page);
	await ana.page.getByRole('link', { name: 'Tag the letter' }).click();
	await expect(ana.page.getByText(`Assigned in ${className}`)).toBeVisible();
	await expect(ana.page.getByRole('navigation', { name: 'When feedback is shown' })).toHaveCount(0);
	await tagAll(ana.page, keyTag);
	await ana.page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(ana.page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(ana.page.getByText(`${claimIds.length} out of ${claimIds.length}`)).toBeVisible();
	await expect(ana.page.getByRole('link', { name: 'Start again' })).toHaveCount(0);

	// Zoë, in any script: types the code herself, tags everything "deflection"
	const zoeContext = await browser.newContext();
	const zoe = await zoeContext.newPage();
	await zoe.goto('/join');
	await expectNoAxeViolations(zoe);
	await zoe.getByLabel('Class code').fill(code.toLowerCase());
	await zoe.getByLabel('Nickname').fill('  Zoë 🦊 ');
	await zoe.getByRole('button', { name: 'Join' }).click();
	await expect(zoe.getByRole('heading', { name: 'Welcome, Zoë 🦊' })).toBeVisible();
	await zoe.goto(`/m/${CASE}/tag`);
	await tagAll(zoe, () => 'deflection');
	await zoe.getByRole('button', { name: 'Check my answers' }).click();
	await expect(zoe.getByRole('heading', { name: 'Your results' })).toBeVisible();

	// a third browser cannot take a nickname already in the class, whatever its case
	const late = await browser.newContext();
	const latePage = await late.newPage();
	await latePage.goto(`/join/${code}`);
	await latePage.getByLabel('Nickname').fill('ANA');
	await latePage.getByRole('button', { name: 'Join' }).click();
	await expect(latePage.getByRole('alert')).toContainText('already uses');
	await expect(latePage.getByLabel('Nickname')).toHaveAttribute('aria-invalid', 'true');
	await late.close();

	// Ana on another device: the resume code brings back her graded work from the server
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await otherPage.goto('/resume');
	await expectNoAxeViolations(otherPage);
	await otherPage.getByLabel('Resume code').fill(ana.resume.toLowerCase());
	await otherPage.getByRole('button', { name: 'Continue' }).click();
	await expect(otherPage.getByRole('heading', { level: 1, name: className })).toBeVisible();
	await expect(
		otherPage.getByText(`${claimIds.length} of ${claimIds.length} answered`)
	).toBeVisible();
	await otherPage.goto(`/m/${CASE}/tag`);
	await expect(otherPage.locator('.rationale')).toHaveCount(claimIds.length);
	await expect(otherPage.getByText(`${claimIds.length} out of ${claimIds.length}`)).toBeVisible();
	await other.close();

	// the roster shows both, with their progress
	await page.goto(classUrl);
	const roster = page.getByRole('table', { name: 'Students and their progress' });
	await expect(roster.getByRole('rowheader', { name: 'Ana' })).toBeVisible();
	await expect(roster.getByRole('rowheader', { name: 'Zoë 🦊' })).toBeVisible();
	await expect(roster).toContainText(`Letter ${claimIds.length}/${claimIds.length}`);

	// the export downloads, with both nicknames, or with anonymous ids
	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Export CSV (nicknames)' }).click()
	]);
	const text = readFileSync((await csv.path())!, 'utf8');
	expect(text).toContain('Ana');
	expect(text).toContain('Zoë 🦊');
	expect(text.split('\r\n')[0]).toContain('row,student,module,set,item,tag,technique,credit');
	const anonymous = await page.request.get(`${classUrl}/export.csv?ids=anonymous`);
	expect(anonymous.status()).toBe(200);
	const anonymousText = await anonymous.text();
	expect(anonymousText).toContain('student-001');
	expect(anonymousText).not.toContain('Ana');
	const json = await (await page.request.get(`${classUrl}/export.json`)).json();
	expect(json.students.map((s: { student: string }) => s.student)).toEqual(['Ana', 'Zoë 🦊']);

	// deleting asks first, then removes the class and ends its students' sessions
	await page.getByRole('link', { name: 'Delete this class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Delete');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: /Delete the class/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
	await expect(page.getByRole('link', { name: className })).toHaveCount(0);
	expect((await page.request.get(classUrl)).status()).toBe(404);
	await zoe.goto('/student');
	await expect(zoe).toHaveURL(/\/join$/);
	await zoeContext.close();
	await ana.context.close();
});

test('a wrong class code gets a clear message and a 400', async ({ page, request, baseURL }) => {
	await page.goto('/join');
	await page.getByLabel('Class code').fill('ZZZZ-ZZZZ');
	await page.getByLabel('Nickname').fill('Sam');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('alert')).toContainText('there is no class with the code ZZZZZZZZ');
	await expect(page.getByLabel('Class code')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Nickname')).toHaveValue('Sam');
	await expectNoAxeViolations(page);

	const post = (form: Record<string, string>) =>
		request.post('/join', { form, headers: { origin: baseURL!, accept: 'application/json' } });
	for (const [form, message] of [
		[{ code: 'ZZZZZZZZ', nickname: 'Sam' }, 'there is no class with the code'],
		[{ code: 'O0O0', nickname: 'Sam' }, 'a class code has 8 letters and digits'],
		[{ code: 'ZZZZZZZZ', nickname: '   ' }, 'Nickname: choose a nickname'],
		[{ code: 'ZZZZZZZZ', nickname: 'x'.repeat(31) }, 'use at most 30 characters']
	] as const) {
		const body = await (await post(form)).json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(JSON.stringify(body.data)).toContain(message);
	}
});

test('students and other instructors cannot open a class that is not theirs', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signUp(page, 'Ada');
	const { classUrl, code } = await createClass(page, `Ada's class ${unique()}`);
	const student = await join(browser, code, 'Kim');

	// a student: the instructor pages send them to sign in, and show nothing of the class
	for (const path of ['/instructor', classUrl, `${classUrl}/export.csv`, `${classUrl}/delete`]) {
		await student.page.goto(path);
		await expect(student.page).toHaveURL(/\/instructor\/signin$/);
	}
	await expectNoAxeViolations(student.page);
	await student.context.close();

	// another instructor: a 404, as if the class did not exist
	const bob = await browser.newContext();
	const bobPage = await bob.newPage();
	await signUp(bobPage, 'Bob');
	for (const path of [
		classUrl,
		`${classUrl}/export.csv`,
		`${classUrl}/export.json`,
		`${classUrl}/delete`
	]) {
		expect((await bobPage.request.get(path)).status(), path).toBe(404);
	}
	const response = await bobPage.goto(classUrl);
	expect(response?.status()).toBe(404);
	await expect(bobPage.getByRole('heading', { level: 1 })).toHaveText('Not found');
	await bob.close();
});

test('reveal mode holds back the key until the instructor reveals it', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	await signUp(page, 'Rosa');
	const { classUrl, code } = await createClass(page, `Reveal ${unique()}`);
	await assign(page, { mode: 'When I reveal the key' });
	const student = await join(browser, code, 'Lee');
	await student.page.goto(`/m/${CASE}/tag`);
	await expect(student.page.getByText('Your instructor reveals the key')).toBeVisible();
	await tagAll(student.page, keyTag);
	await student.page.getByRole('button', { name: 'Hand in my answers' }).click();
	await expect(
		student.page.getByRole('status').filter({ hasText: 'Your answers are in' })
	).toHaveText('Your answers are in; your instructor will reveal the key.');
	await expect(student.page.locator('.rationale')).toHaveCount(0);
	await expectNoAxeViolations(student.page);
	// a reload keeps them in, still without any part of the key
	await student.page.reload();
	await expect(student.page.getByText('Your answers are in;')).toBeVisible();
	const html = await student.page.content();
	for (const entry of loaded.keys.letter.values()) {
		expect(html).not.toContain(entry.rationale.slice(0, 60));
	}

	await page.goto(classUrl);
	// one reveal, confirmed: refused without the ticked box (the browser's own check aside)
	const reveal = page.getByTestId('reveal-key');
	await reveal.getByRole('checkbox').check();
	await reveal.getByRole('button', { name: 'Reveal the key to the class' }).click();
	await expect(page.getByRole('status')).toContainText('The key is revealed');

	await student.page.reload();
	await expect(student.page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(student.page.locator('.rationale')).toHaveCount(claimIds.length);
	await student.context.close();
});

test('the lesson-order lock, lesson progress and the booster release', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const [first, second] = loaded.case.lessons;
	await signUp(page, 'Lin');
	const { classUrl, code } = await createClass(page, `Lessons ${unique()}`);
	await page.getByLabel('Module').selectOption(CASE);
	await page
		.getByLabel(/Lock the lesson order/)
		.last()
		.check();
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');

	const student = await join(browser, code, 'Max');
	const s = student.page;
	await s.goto(`/m/${CASE}/lessons/${second!.slug}`);
	await expect(s.getByText(`Finish lesson 1 first`)).toBeVisible();
	await expectNoAxeViolations(s);
	await s.getByRole('link', { name: `1. ${first!.title}`, exact: true }).click();
	await expect(s.getByRole('heading', { level: 1 })).toHaveText(first!.title);
	await s.getByRole('button', { name: 'Mark this lesson done' }).click();
	await expect(s.getByText('You marked this lesson done.')).toBeVisible();
	await expectNoAxeViolations(s);
	await s.goto(`/m/${CASE}/lessons/${second!.slug}`);
	await expect(s.getByText('Finish lesson 1 first')).toHaveCount(0);
	await expect(s.getByRole('button', { name: 'Mark this lesson done' })).toBeVisible();

	// the booster waits for the instructor; self-study always has it
	expect((await s.goto(`/m/${CASE}/booster`))?.status()).toBe(403);
	await expect(s.getByText('has not released the booster')).toBeVisible();
	await expect(s.getByRole('heading', { level: 1 })).toHaveText('Not open to you yet');
	await page.goto(classUrl);
	await page.getByText('Change the settings').click();
	await page.getByLabel('Release the booster exercise').first().check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Settings saved');
	expect((await s.goto(`/m/${CASE}/booster`))?.status()).toBe(200);
	await expect(s.getByText(`Assigned in`)).toBeVisible();
	await s.goto('/student');
	await expect(s.getByText('Lessons done: 1 of')).toBeVisible();
	await expect(s.getByRole('link', { name: 'Booster' })).toBeVisible();
	await student.context.close();
});

test('sign-in: wrong passwords are limited per account, sign-out ends the session', async ({
	page
}) => {
	test.setTimeout(90_000);
	const email = await signUp(page, 'Ines');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL('/');
	await page.goto('/instructor');
	await expect(page).toHaveURL(/\/instructor\/signin$/);
	await expectNoAxeViolations(page);

	for (let i = 0; i < 5; i++) {
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill('not the password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('The email or the password is not right.');
	}
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Too many failed sign-ins');
	await expectNoAxeViolations(page);
});

test("a class student's unchecked tags survive a reload; checked ones come from the server", async ({
	browser,
	page
}) => {
	await signUp(page, 'Ada');
	await createClass(page, `Drafts ${unique()}`);
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	await assign(page, { mode: 'After each sentence' });
	const student = await join(browser, code, 'Drafty');
	await student.page.goto(`/m/${CASE}/tag`);
	const [first, second] = claimIds;
	await student.page.locator(`[data-item="${first}"] input[value="${keyTag(first!)}"]`).check();
	await student.page.getByRole('button', { name: `Check sentence ${first!.slice(1)}` }).click();
	await expect(student.page.locator(`[data-item="${first}"] .rationale`)).toBeVisible();
	await student.page.locator(`[data-item="${second}"] input[value=deflection]`).check();
	await student.page.reload();
	await expect(student.page.locator(`[data-item="${first}"] .rationale`)).toBeVisible();
	await expect(
		student.page.locator(`[data-item="${second}"] input[type=radio][value=deflection]`)
	).toBeChecked();
	await student.context.close();
});
