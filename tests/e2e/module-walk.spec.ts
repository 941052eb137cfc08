// A student's walk through the module: catalogue, overview, lessons 1 to 7 by the "Next" links
// (each scanned with axe), the glossary, the public page on what the module covers and the
// instructor guide (signed-in instructors only); and every lesson readable without JavaScript,
// model answers included.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './axe';
import { loaded } from './content';
import { signUpInstructor } from './instructor';

const CASE = 'embassy-letter-2020';
const FOLDER = `lessons/${CASE}`;

const frontmatter = (path: string) =>
	parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))?.[1] ?? '') as {
		title: string;
	};

const moduleTitle = (parse(readFileSync(`${FOLDER}/module.yaml`, 'utf8')) as { title: string })
	.title;
const lessons = readdirSync(FOLDER)
	.filter((f) => /^\d\d-.*\.md$/.test(f))
	.sort()
	.map((file) => ({
		slug: file.replace(/^\d\d-/, '').replace(/\.md$/, ''),
		title: frontmatter(`${FOLDER}/${file}`).title
	}));
const notes = readdirSync(`${FOLDER}/instructor`).filter((f) => f.endsWith('.md'));

test('a student walks from the catalogue through all seven lessons by the Next links', async ({
	page
}) => {
	// seven pages, each scanned by axe: room for it when other suites share the two cores
	test.setTimeout(180_000);
	expect(lessons).toHaveLength(7);
	await page.goto('/');
	await page.getByRole('link', { name: moduleTitle, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(moduleTitle);
	await page.getByRole('link', { name: 'Start the first lesson' }).click();

	for (const [index, lesson] of lessons.entries()) {
		await expect(page).toHaveURL(new RegExp(`/m/${CASE}/lessons/${lesson.slug}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await expect(page.getByText(`Lesson ${index + 1} of ${lessons.length}`)).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 2, name: 'Check your understanding' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.locator('a[rel="next"]').click();
	}
	await expect(page).toHaveURL(new RegExp(`/m/${CASE}$`));
});

test('a glossary link in a lesson opens the term in the glossary', async ({ page }) => {
	await page.goto(`/m/${CASE}/lessons/${lessons[0]?.slug}`);
	await page.getByRole('link', { name: 'lateral reading', exact: true }).first().click();
	await expect(page).toHaveURL(new RegExp(`/m/${CASE}/glossary#lateral-reading$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
	await expect(page.locator('dt#lateral-reading')).toHaveText('Lateral reading');
	await expectNoAxeViolations(page);
});

test('the overview links only to what the module covers; the guide asks for an instructor', async ({
	page
}) => {
	await page.goto(`/m/${CASE}`);
	await expect(page.locator('a[href*="/instructor/guide"]')).toHaveCount(0);
	await page.getByRole('link', { name: /For instructors/ }).click();
	await expect(page).toHaveURL(new RegExp(`/m/${CASE}/instructor$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the module covers');
	await expect(page.locator('section.note')).toHaveCount(0);
	await expect(page.locator('.lessons > li')).toHaveCount(lessons.length);
	await expectNoAxeViolations(page);
	// the guide itself: sign in first
	await page.goto(`/instructor/guide/${CASE}`);
	await expect(page).toHaveURL(/\/instructor\/signin$/);
});

test('a signed-in instructor reads the guide from their pages; it is not indexed', async ({
	page
}) => {
	await signUpInstructor(page, 'Guide');
	await page
		.getByRole('link', { name: /teaching guide/ })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`/instructor/guide/${CASE}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instructor guide');
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
	await expect(page.locator('section.note')).toHaveCount(notes.length);
	await expect(
		page.getByRole('heading', { level: 2, name: 'How to run the module' })
	).toBeVisible();
	// the notes' own markup, rendered on the server: tables, and every source the notes cite
	// linked from its register entry
	await expect(page.locator('section.note table').first()).toBeVisible();
	const cited = loaded.case.noteSourceIds.map((id) =>
		loaded.case.sources.find((s) => s.id === id)!
	);
	expect(cited.length).toBeGreaterThan(5);
	for (const source of cited) {
		await expect(
			page.locator(`section.note .source-links a[href="${source.url}"]`).first(),
			source.id
		).toBeVisible();
	}
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every lesson renders its body on the server, with model answers that open', async ({
		page
	}) => {
		for (const lesson of lessons) {
			await page.goto(`/m/${CASE}/lessons/${lesson.slug}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
			const body = page.locator('.lesson-body');
			await expect(body.locator('h2').first()).toBeVisible();
			const check = body.locator('.check').last();
			await expect(check.locator('.answer')).toBeHidden();
			await check.locator('summary').click();
			await expect(check.locator('.answer')).toBeVisible();
		}
	});

	test('the glossary and the instructor guide render on the server', async ({ page }) => {
		await page.goto(`/m/${CASE}/glossary`);
		await expect(page.locator('dt#deflection')).toBeVisible();
		await page.goto(`/m/${CASE}/instructor`);
		await expect(page.locator('.lessons > li')).toHaveCount(lessons.length);
		await signUpInstructor(page, 'Nojs');
		await page.goto(`/instructor/guide/${CASE}`);
		await expect(page.locator('section.note')).toHaveCount(notes.length);
	});
});
