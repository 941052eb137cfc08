// The path through the module: the overview lists every lesson and exercise in order with the
// ones done; every lesson ends with the next step, which marks the lesson done for a self-study
// student (kept in this browser); results lead on to the next step; the booster is on the path.
import { expect, test } from '@playwright/test';
import { CASE, claimIds, keyTag, loaded } from './content';

const M = `/m/${CASE}`;
const lessons = loaded.case.lessons;

test('the overview shows the whole path; lessons and results lead on and are ticked', async ({
	page
}) => {
	await page.goto(M);
	const stepper = page.getByRole('navigation', { name: 'Your path through the module' });
	const steps = stepper.locator('li');
	// the pre-check first, before any teaching; then lesson 1
	await expect(steps.first().getByRole('link')).toHaveAttribute('href', `${M}/precheck`);
	await expect(steps.nth(1)).toContainText(lessons[0]!.title);
	await expect(steps.last().getByRole('link')).toHaveAttribute('href', `${M}/booster`);
	await expect(stepper.getByRole('link', { name: 'Tag the letter' })).toHaveAttribute(
		'href',
		`${M}/tag`
	);
	await expect(page.getByTestId('steps-done')).toHaveText(/^0 of \d+ steps done$/);

	// lesson 2 ends with its exercise as the next step; following it marks the lesson done
	await page.goto(`${M}/lessons/${lessons[1]!.slug}`);
	await expect(page.getByTestId('next-step')).toHaveAttribute('href', `${M}/retelling`);
	await page.getByTestId('next-step').click();
	await expect(page).toHaveURL(`${M}/retelling`);

	// the tagging exercise's results lead to the next lesson, and count as done
	await page.goto(`${M}/tag`);
	for (const id of claimIds)
		await page.locator(`[data-item="${id}"] input[value="${keyTag(id)}"]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(page.locator('.summary').getByTestId('next-step')).toContainText(lessons[4]!.title);

	await page.goto(M);
	await expect(page.getByTestId('steps-done')).toHaveText(/^2 of \d+ steps done$/);
	await expect(stepper.locator('li.done')).toHaveCount(2);
	await expect(stepper.locator('li.done').first()).toContainText(lessons[1]!.title);
	await expect(page.getByRole('link', { name: /^Continue: / })).toHaveAttribute(
		'href',
		`${M}/precheck`
	);
});

test('the pre-check, taken from the start of lesson 1, leads back to lesson 1', async ({
	page
}) => {
	await page.goto(`${M}/lessons/${lessons[0]!.slug}`);
	await page.getByRole('link', { name: 'take the pre-check' }).click();
	await expect(page).toHaveURL(`${M}/precheck`);
	const next = page.getByRole('link', { name: new RegExp(`^Next:?\\s+1\\. ${lessons[0]!.title}`) });
	await expect(next.first()).toHaveAttribute('href', `${M}/lessons/${lessons[0]!.slug}`);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the path and the next steps are plain links', async ({ page }) => {
		await page.goto(M);
		await page
			.getByRole('navigation', { name: 'Your path through the module' })
			.getByRole('link', { name: /Booster/ })
			.click();
		await expect(page).toHaveURL(`${M}/booster`);
		// the last lesson leads on to the post-check (it links it), the booster comes after it
		await page.goto(`${M}/lessons/${lessons.at(-1)!.slug}`);
		await page.getByTestId('next-step').click();
		await expect(page).toHaveURL(`${M}/postcheck`);
	});
});
