// Escaping: hostile markup in every free-text field (instructor name, class name, nicknames) shows
// as text on every page it appears on, never runs (a dialog fails the test) and adds no element;
// the CSV export guards formula-like cells and the JSON export carries the text as it was typed.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Client } from '../../bench/client';
import { setUpClass, studentSubmits } from '../../bench/classroom';
import { CASE } from './content';

const HOSTILE = `<img src=x onerror=alert(1)><script>alert(1)</script>"'&`;
// nicknames have at most 30 characters: the payload in two halves, and spreadsheet formulas (one
// hidden after a semicolon, which many locales' spreadsheets split on)
const NICKNAMES = [
	`<img src=x onerror=alert(1)>`,
	`<script>alert(1)</script>"'&`,
	`=HYPERLINK("x")`,
	'a;=2+5;'
];

async function contextOf(client: Client, baseURL: string, context: BrowserContext) {
	await context.addCookies(
		[...client.cookies].map(([name, value]) => ({ name, value, url: baseURL }))
	);
	return context;
}

async function expectSafe(page: Page, path: string, texts: string[], dialogs: string[]) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	await page.waitForLoadState('load');
	const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
	for (const text of texts) expect(body, `${path} shows ${text}`).toContain(text);
	expect(await page.locator('img[src="x"], img[onerror]').count(), path).toBe(0);
	// the injected script would be an element of its own; the page data carries the text escaped
	const injected = await page
		.locator('script')
		.evaluateAll((scripts) => scripts.filter((s) => s.textContent?.trim() === 'alert(1)').length);
	expect(injected, path).toBe(0);
	const html = (await response?.text()) ?? '';
	expect(html, path).not.toContain('<script>alert(1)');
	expect(html, path).not.toContain('<img src=x');
	expect(dialogs, path).toEqual([]);
}

test('hostile names show as text everywhere and never run', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const setup = await setUpClass(baseURL!, {
		className: HOSTILE,
		displayName: HOSTILE,
		feedbackMode: 'set'
	});
	const students = [];
	for (const nickname of NICKNAMES) {
		const run = await studentSubmits(baseURL!, setup.code, nickname);
		expect(run.grade?.type, nickname).toBe('success');
		students.push(run.student);
	}
	const dialogs: string[] = [];
	const watch = (page: Page) => page.on('dialog', (d) => void dialogs.push(d.message()));

	const teacher = await contextOf(setup.instructor, baseURL!, await browser.newContext());
	const tpage = await teacher.newPage();
	watch(tpage);
	await expectSafe(tpage, '/instructor', [HOSTILE], dialogs);
	await expectSafe(tpage, setup.classUrl, [HOSTILE, ...NICKNAMES], dialogs);
	await expectSafe(tpage, `${setup.classUrl}/dashboard`, [HOSTILE], dialogs);
	await expectSafe(tpage, `${setup.classUrl}/present`, [], dialogs);
	await expectSafe(tpage, `${setup.classUrl}/delete`, [HOSTILE], dialogs);

	const csv = await tpage.request.get(`${setup.classUrl}/export.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const csvText = await csv.text();
	expect(csvText).toContain(`'=HYPERLINK(""x"")`);
	expect(csvText).not.toMatch(/(^|,)=HYPERLINK/m);
	expect(csvText).toContain(`"a;'=2+5;"`);
	// split on commas, semicolons or tabs, no field starts a formula
	for (const field of csvText.split(/[,;\t\r\n]/)) {
		expect(field.replace(/^"/, '').trimStart()).not.toMatch(/^[=+@]/);
	}
	const json = await (await tpage.request.get(`${setup.classUrl}/export.json`)).json();
	expect(json.class).toBe(HOSTILE);
	expect(json.students.map((s: { student: string }) => s.student)).toEqual(NICKNAMES);
	await teacher.close();

	for (const [i, student] of students.entries()) {
		const context = await contextOf(student, baseURL!, await browser.newContext());
		const page = await context.newPage();
		watch(page);
		await expectSafe(page, '/student', [HOSTILE, NICKNAMES[i]!], dialogs);
		await expectSafe(page, `/m/${CASE}/tag`, [HOSTILE], dialogs);
		await expectSafe(page, '/join', [HOSTILE], dialogs);
		await context.close();
	}
	expect(dialogs).toEqual([]);
});
