// Screenshots of the built app for docs/screenshots/ and the README: `npm run screenshots` (after
// `npm run build`). It starts the app itself on a free port with a throwaway data folder, then
// takes each page at phone width (390 px) and laptop width (1366 px): the overview, a lesson, the
// tagging exercise before and after checking, the timeline, the allegation map and the class
// dashboard (an instructor, a class and three students made on the spot); and, at laptop width,
// the case editor's key step and preview of a fictional case written through the editor.
import { rmSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServer } from '../bench/server';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser';
import { writeCase } from '../tests/e2e/authored';
import { signUpInstructor } from '../tests/e2e/instructor';
import { CASE, claimIds, loaded } from '../tests/e2e/content';

const OUT = 'docs/screenshots';
const WIDTHS = { phone: 390, laptop: 1366 } as const;
const M = `/m/${CASE}`;
const key = (id: string) => loaded.keys.letter.get(id)!;
/** a plausible class: most sentences as the key, some not */
const studentTag = (id: string, n: number) => {
	const tags = ['evidence', 'assertion', 'deflection'] as const;
	const right = key(id).tag;
	return (Number(id.slice(1)) + n) % 4 === 0 ? tags[(tags.indexOf(right) + 1) % 3]! : right;
};

const server = await startServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
mkdirSync(OUT, { recursive: true });

async function open(width: number, path: string, js = true) {
	const context = await browser.newContext({
		baseURL: server.url,
		viewport: { width, height: width < 600 ? 844 : 900 },
		deviceScaleFactor: width < 600 ? 2 : 1,
		isMobile: width < 600,
		hasTouch: width < 600,
		javaScriptEnabled: js
	});
	const page = await context.newPage();
	const response = await page.goto(path);
	// a screenshot of an error page is no screenshot of the app
	if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
	// font-display: optional keeps the fallback face on a page the fonts reach late; a student's
	// second page has them from the cache, and so does this reload
	await page.evaluate(() => document.fonts.ready);
	await page.reload();
	await page.evaluate(() => document.fonts.ready);
	return page;
}

async function shoot(page: Page, name: string, width: number) {
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: `${OUT}/${name}-${width}.png` });
	console.log(`${OUT}/${name}-${width}.png`);
}

/** tags the first sentences as the key has them, then checks the first one (feedback per sentence) */
async function checkedExercise(page: Page) {
	for (const id of claimIds.slice(0, 3)) {
		await page.locator(`[data-item="${id}"] input[value="${key(id).tag}"]`).check();
	}
	const first = claimIds[0]!;
	await page
		.getByRole('button', { name: new RegExp(`^Check (sentence )?${first.slice(1)}$`) })
		.click();
	await page.locator(`[data-item="${first}"] .rationale`).waitFor();
	await page
		.locator(`[data-item="${first}"]`)
		.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** the tags checked as the key in this browser, then every sentence linked as the key: the map */
async function linkedMap(page: Page) {
	await page.goto(`${M}/tag`);
	for (const id of claimIds) {
		await page.locator(`[data-item="${id}"] input[value="${key(id).tag}"]`).check();
	}
	await page.getByRole('button', { name: /^Check (all|my answers)/ }).click();
	await page.locator('.rationale').first().waitFor();
	await page.goto(`${M}/map`);
	for (const id of claimIds) {
		const answers = key(id).answers.length ? key(id).answers : ['none'];
		for (const value of answers)
			await page.locator(`[data-item="${id}"] input[value="${value}"]`).check();
	}
	await page.getByRole('button', { name: 'Check my links' }).click();
	const map = page.getByRole('group', { name: /^Allegation map:/ });
	await map.waitFor();
	await map.evaluate((el) => el.closest('figure')?.scrollIntoView({ block: 'start' }));
	await page.locator('a[data-node="sentence:L16"]').click();
}

/** an instructor with a class of three who tagged the letter: the dashboard */
async function dashboard(b: Browser): Promise<string> {
	const context = await b.newContext({ baseURL: server.url });
	const page = await context.newPage();
	const email = `screenshots-${Date.now()}@example.org`;
	const password = 'correct horse battery staple';
	await page.goto('/instructor/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Your name').fill('Ms Example');
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL(/signin/);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByLabel('Class name').fill('Media literacy 10B');
	await page.getByRole('button', { name: 'Create class' }).click();
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const classUrl = new URL(page.url()).pathname;
	await page.getByLabel('Module').selectOption(CASE);
	await page.getByRole('radio', { name: 'After the whole set' }).last().check();
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await page.getByRole('status').filter({ hasText: 'assigned' }).waitFor();
	for (const [n, nickname] of ['Ada', 'Ben', 'Chloé'].entries()) {
		const student = await b.newContext({ baseURL: server.url });
		const s = await student.newPage();
		await s.goto(`/join/${code}`);
		await s.getByLabel('Nickname').fill(nickname);
		await s.getByRole('button', { name: 'Join' }).click();
		await s.getByRole('heading', { name: `Welcome, ${nickname}` }).waitFor();
		await s.goto(`${M}/tag`);
		for (const id of claimIds) {
			await s.locator(`[data-item="${id}"] input[value="${studentTag(id, n)}"]`).check();
		}
		await s
			.getByRole('button', { name: /^(Hand in|Check)/ })
			.last()
			.click();
		await s.waitForLoadState('networkidle');
		await student.close();
	}
	const state = await context.storageState();
	await context.close();
	return JSON.stringify({ classUrl, state });
}

/** the case editor at laptop width: the key step and the preview of a case written in it */
async function editor() {
	const width = WIDTHS.laptop;
	const context = await browser.newContext({
		baseURL: server.url,
		viewport: { width, height: 900 }
	});
	const page = await context.newPage();
	await signUpInstructor(page, 'Author');
	const { caseUrl } = await writeCase(page, 'The mayor answers the river report (fictional)');
	await page.goto(`${caseUrl}/key`);
	await page
		.getByRole('heading', { name: 'Step 3: the key' })
		.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await shoot(page, 'editor-key', width);
	await page.goto(`${caseUrl}/preview`);
	await page
		.getByRole('heading', { name: 'Step 5: preview and publish' })
		.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await shoot(page, 'editor-preview', width);
	await context.close();
}

try {
	const teacher = JSON.parse(await dashboard(browser)) as {
		classUrl: string;
		state: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;
	};
	await editor();
	for (const width of Object.values(WIDTHS)) {
		await shoot(await open(width, M), 'overview', width);
		await shoot(
			// lesson 3: the three tags, with a callout
			await open(width, `${M}/lessons/${loaded.case.lessons[2]!.slug}`),
			'lesson',
			width
		);
		const exercise = await open(width, `${M}/tag?feedback=immediate`);
		await shoot(exercise, 'exercise', width);
		await checkedExercise(exercise);
		await shoot(exercise, 'exercise-checked', width);
		const timeline = await open(width, `${M}/timeline?event=E12`);
		// on a phone the chart starts below the page's introduction: the shot starts at the controls
		if (width < 600)
			await timeline
				.getByRole('button', { name: /Zoom in/ })
				.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		await shoot(timeline, 'timeline', width);
		const map = await open(width, `${M}/tag`);
		await linkedMap(map);
		await shoot(map, 'map', width);
		const context = await browser.newContext({
			baseURL: server.url,
			storageState: teacher.state,
			viewport: { width, height: width < 600 ? 844 : 900 },
			deviceScaleFactor: width < 600 ? 2 : 1
		});
		const page = await context.newPage();
		await page.goto(`${teacher.classUrl}/dashboard`);
		await page.evaluate(() => document.fonts.ready);
		await page.reload(); // the fonts from the cache, as in open()
		await page
			.getByRole('heading', { name: 'Sentence by sentence' })
			.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		await shoot(page, 'dashboard', width);
	}
} finally {
	await browser.close();
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
}
