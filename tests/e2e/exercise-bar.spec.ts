// The exercise bar on a phone: on every exercise (tagging, map, retelling, ordering) the progress
// and the Check button stay in view at the bottom of the screen while the items run below it, and
// a focused item scrolled into view is not hidden under the bar (WCAG 2.2 focus not obscured).
import { expect, test } from '@playwright/test';
import { CASE } from './content';

const M = `/m/${CASE}`;
const EXERCISES = [
	{ path: 'tag', button: 'Check my answers', progress: /^0 of \d+ tagged\.$/ },
	{ path: 'map', button: 'Check my links', progress: /^0 of \d+ sentences linked\.$/ },
	{ path: 'retelling', button: 'Check my piles', progress: /^0 of \d+ items sorted\.$/ },
	{
		path: 'timeline/order',
		button: 'Check my order',
		progress: /^\d+ events, the earliest first\.$/
	}
];

test.use({ viewport: { width: 390, height: 700 } });

for (const { path, button, progress } of EXERCISES) {
	test(`${path}: the bar with the progress and "${button}" stays in view`, async ({ page }) => {
		await page.goto(`${M}/${path}`);
		const bar = page.getByTestId('exercise-bar');
		await expect(bar.locator('.progress')).toHaveText(progress);
		// once the exercise is on screen, its items run far below, yet the bar and its button are
		// in view
		const formLocator = page.locator('form:has([data-testid="exercise-bar"])');
		await formLocator.evaluate((form) =>
			window.scrollTo(0, form.getBoundingClientRect().top + window.scrollY)
		);
		const form = await formLocator.boundingBox();
		expect(form!.y + form!.height).toBeGreaterThan(700 * 1.5);
		await expect(bar.getByRole('button', { name: button })).toBeInViewport();
		const box = (await bar.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(700);

		// a control further down, focused from the keyboard, lands above the bar
		const controls = page.locator(
			'form:has([data-testid="exercise-bar"]) :is(input, select, button)'
		);
		const target = controls.nth(Math.floor((await controls.count()) / 2));
		await target.focus();
		const focused = (await target.boundingBox())!;
		const barTop = (await bar.boundingBox())!.y;
		expect(focused.y + focused.height).toBeLessThanOrEqual(barTop + 1);
	});
}
