// Plain language for students: no statistics jargon (kappa, alpha, F1) or research-task names
// (SemEval) on any page of the student's path; those belong on instructor pages, explained.
// Keyboard and mouse-wheel hints only where they apply: with JavaScript, on a device with a
// keyboard and a mouse, not on a touch screen (where touch hints show instead).
import { expect, test } from '@playwright/test';
import { exercisePagesOf, moduleSteps } from '../../src/lib/content/module-steps';
import { CASE, loaded } from './content';

const M = `/m/${CASE}`;
const c = loaded.case;
const JARGON = /\b(kappa|alpha|Krippendorff|Fleiss|F1|SemEval)\b/i;

test("no statistics jargon or research-task names on the student's pages", async ({ page }) => {
	test.setTimeout(180_000);
	const steps = moduleSteps({ id: c.id, lessons: c.lessons, exercises: exercisePagesOf(c) });
	const pages = [M, `${M}/letter`, `${M}/glossary`, `${M}/sources`, ...steps.map((s) => s.href)];
	const found: string[] = [];
	for (const path of pages) {
		await page.goto(path);
		const text = await page.locator('main').innerText();
		const match = JARGON.exec(text);
		if (match) {
			const at = match.index;
			found.push(`${path}: "${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}"`);
		}
	}
	expect(found).toEqual([]);
});

test.describe('with a keyboard and a mouse', () => {
	test('the tagging legend and the timeline help name keys and the wheel', async ({ page }) => {
		await page.goto(`${M}/tag`);
		await expect(page.getByRole('heading', { name: 'Keyboard' })).toBeVisible();
		await page.goto(`${M}/timeline`);
		await expect(page.getByText(/mouse wheel/)).toBeVisible();
		await expect(page.getByText(/^Tap an event/)).toBeHidden();
		await page.goto(`${M}/lessons/${c.lessons[3]!.slug}`);
		await expect(page.getByTestId('shortcut-mention')).toBeVisible();
	});
});

test.describe('on a touch screen', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('no keyboard legend or wheel hint; touch hints instead', async ({ page }) => {
		await page.goto(`${M}/tag`);
		await expect(page.locator('[data-item]').first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Keyboard' })).toBeHidden();
		await page.goto(`${M}/timeline`);
		await expect(page.getByText(/^Tap an event/)).toBeVisible();
		await expect(page.getByText(/mouse wheel/)).toBeHidden();
		// lesson 4 speaks of the keyboard shortcuts only where they are shown
		await page.goto(`${M}/lessons/${c.lessons[3]!.slug}`);
		await expect(page.getByText('Keep the three questions in view.')).toBeVisible();
		await expect(page.getByTestId('shortcut-mention')).toBeHidden();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('no keyboard legend: the shortcuts need JavaScript', async ({ page }) => {
		await page.goto(`${M}/tag`);
		await expect(page.locator('[data-item]').first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Keyboard' })).toBeHidden();
		await page.goto(`${M}/timeline`);
		await expect(page.getByText(/mouse wheel/)).toHaveCount(0);
		await page.goto(`${M}/lessons/${c.lessons[3]!.slug}`);
		await expect(page.getByTestId('shortcut-mention')).toBeHidden();
	});
});
