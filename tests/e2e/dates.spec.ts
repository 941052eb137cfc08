// Due dates (issue 13): a date that has already ended is refused when it is set, with a message
// that says the server compares in UTC (an assignment's own past date stays when another setting
// changes); students read "due in 2 days"; work handed in after the due date is marked late on the
// dashboard and in the exports. With JavaScript and without. The late path runs on a server of its
// own on PostgreSQL, where the test moves the due date before the hand-in (time passing): once by
// the forms alone (and the exports), and in a browser with and without JavaScript.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { expectNoAxeViolations } from './axe';
import { createClass, join, signUp, tagAll, unique } from './classroom';
import { CASE, claimIds, keyTag } from './content';
import { setUpClass, studentSubmits } from '../../bench/classroom';
import { succeeded } from '../../bench/client';
import { startServer } from '../../bench/server';
import { ownDatabase } from '../integration/own-database';
import { testDatabaseUrl } from '../postgres.global';

const DAY = 24 * 3600 * 1000;
const utcDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const REFUSED =
	'Due date: that day has already ended: choose today or a later day (a due date ends at 23:59 UTC, the time the server compares with).';

async function assignDue(page: Page, day: string) {
	await page.getByLabel('Module').selectOption(CASE);
	await page.getByLabel('Due date (optional)').last().fill(day);
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
}

async function refusesThePastThenAssigns(page: Page) {
	await signUp(page, 'Dana');
	await createClass(page, `Dates ${unique()}`);
	await assignDue(page, '2020-05-08');
	await expect(page.getByRole('alert')).toHaveText(REFUSED);
	await expect(page.getByLabel('Due date (optional)').last()).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.getByText('No module is assigned yet.')).toBeVisible();
	// yesterday (UTC) is refused too; the day after tomorrow is taken
	await assignDue(page, utcDay(-1));
	await expect(page.getByRole('alert')).toHaveText(REFUSED);
	await assignDue(page, utcDay(2));
	await expect(page.getByRole('status')).toContainText('The module is assigned');
	await expect(page.getByText('(due in 2 days)')).toBeVisible();
}

/** Changing the date to a past one is refused in the settings as well; the date set stays. */
async function settingsRefuseThePast(page: Page) {
	await page.getByText('Change the settings').click();
	await page.getByLabel('Due date (optional)').first().fill('2021-01-01');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('alert')).toHaveText(REFUSED);
	await page.goto(new URL(page.url()).pathname);
	await expect(page.getByText('(due in 2 days)')).toBeVisible();
}

test('a past due date is refused; students read "due in 2 days"', async ({ browser, page }) => {
	test.setTimeout(120_000);
	await refusesThePastThenAssigns(page);
	const code = (await page.getByTestId('join-code').textContent())!.trim();

	await settingsRefuseThePast(page);

	const student = await join(browser, code, 'Sol');
	await student.page.goto('/student');
	await expect(student.page.getByTestId('due')).toHaveText(/^Due \d+ \w+ \d{4}: due in 2 days$/);
	await expectNoAxeViolations(student.page);
	await student.page.goto(`/m/${CASE}/tag`);
	await expect(student.page.getByTestId('due')).toContainText(': due in 2 days.');
	await student.context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a past due date is refused by a plain form post, when assigning and in the settings', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await refusesThePastThenAssigns(page);
		await settingsRefuseThePast(page);
	});
});

test('work handed in after the due date is marked late on the dashboard and in the exports', async () => {
	test.setTimeout(120_000);
	const own = await ownDatabase(testDatabaseUrl(), 'dates');
	const sql = postgres(own.url, { max: 1, onnotice: () => {} });
	const server = await startServer({ DATABASE_URL: own.url });
	try {
		const setup = await setUpClass(server.url, { className: 'Late work' });
		const onTime = await studentSubmits(server.url, setup.code, 'On time');
		expect(succeeded(onTime.grade!)).toBe(true);
		// time passes: the due date falls between the two hand-ins
		await sql`update assignments set due_at = (select max(handed_in_at) from attempts) + interval '1 millisecond'`;
		const late = await studentSubmits(server.url, setup.code, 'Late one');
		expect(succeeded(late.grade!)).toBe(true);

		const dashboard = await setup.instructor.get(`${setup.classUrl}/dashboard`);
		const row = (name: string) =>
			new RegExp(`data-student="${name}"[\\s\\S]*?</tr>`).exec(dashboard.text)?.[0] ?? '';
		expect(row('Late one')).toContain('handed in late');
		expect(row('On time')).toContain('of');
		expect(row('On time')).not.toContain('handed in late');
		expect(dashboard.text).toMatch(/data-testid="late-count"[^>]*>1</);

		const csv = (await setup.instructor.get(`${setup.classUrl}/export.csv`)).text.split('\r\n');
		const total = (name: string) =>
			csv.find((r) => r.startsWith(`total,${name},`) && r.includes(',letter,'));
		expect(total('Late one')).toMatch(/,yes$/);
		expect(total('On time')).toMatch(/,no$/);
		const json = JSON.parse((await setup.instructor.get(`${setup.classUrl}/export.json`)).text);
		const lateOf = (name: string) =>
			json.students
				.find((s: { student: string }) => s.student === name)
				.assignments[0].sets.find((s: { set: string }) => s.set === 'letter').total.late;
		expect([lateOf('On time'), lateOf('Late one')]).toEqual([false, true]);
	} finally {
		await server.stop('SIGKILL');
		await sql.end({ timeout: 5 });
		await own.drop();
	}
});

// the late path in a browser, as a student and the instructor meet it: the student reads
// "overdue" and hands in; the dashboard and the student's page mark the set late
for (const javaScriptEnabled of [true, false]) {
	test(`late work in the browser ${javaScriptEnabled ? 'with' : 'without'} JavaScript: "overdue", then marked late`, async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const own = await ownDatabase(testDatabaseUrl(), 'dates');
		const sql = postgres(own.url, { max: 1, onnotice: () => {} });
		const server = await startServer({ DATABASE_URL: own.url });
		const contexts: BrowserContext[] = [];
		try {
			const setup = await setUpClass(server.url, { className: 'Late in a browser' });
			// time passes: the due date has ended before the student opens the letter
			await sql`update assignments set due_at = now() - interval '1 hour'`;
			const options = { baseURL: server.url, javaScriptEnabled };
			const studentContext = await browser.newContext(options);
			contexts.push(studentContext);
			const student = await studentContext.newPage();
			await student.goto(`/join/${setup.code}`);
			await student.getByLabel('Nickname').fill('Tardy');
			await student.getByRole('button', { name: 'Join' }).click();
			await expect(student.getByRole('heading', { name: 'Welcome, Tardy' })).toBeVisible();
			await student.goto('/student');
			await expect(student.getByTestId('due')).toHaveText(/^Due \d+ \w+ \d{4}: overdue$/);
			await student.goto(`/m/${CASE}/tag`);
			await expect(student.getByTestId('due')).toContainText(': overdue.');
			await tagAll(student, keyTag);
			await student.getByRole('button', { name: 'Check my answers' }).click();
			await expect(student.getByRole('heading', { name: 'Your results' })).toBeVisible();

			// the instructor, in a browser with the session the forms gave
			const teacherContext = await browser.newContext(options);
			contexts.push(teacherContext);
			await teacherContext.addCookies(
				[...setup.instructor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
			);
			const teacher = await teacherContext.newPage();
			await teacher.goto(`${setup.classUrl}/dashboard`);
			await expect(teacher.getByTestId('late-count')).toHaveText('1');
			await expect(teacher.locator('tr[data-student="Tardy"]').getByTestId('late')).toHaveText(
				', handed in late'
			);
			await teacher.goto(setup.classUrl);
			await teacher
				.getByRole('table', { name: 'Students and their progress' })
				.getByRole('link', { name: 'Tardy' })
				.click();
			await expect(teacher.locator('[data-set="letter"]')).toContainText(
				`${claimIds.length} of ${claimIds.length} checked, ${claimIds.length} points. Handed in late.`
			);
		} finally {
			for (const c of contexts) await c.close();
			await server.stop('SIGKILL');
			await sql.end({ timeout: 5 });
			await own.drop();
		}
	});
}
