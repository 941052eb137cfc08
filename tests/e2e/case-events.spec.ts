// Step 4 of the case editor (issue 15): the case's own sources and its timeline events. An
// instructor adds a source and three events to a published case (a refusal names the event and
// the field), publishes version 2 with them, sees them in the preview's timeline and on the
// module's timeline step; the step posts without JavaScript and shows typed script as text. axe
// scans the step and the preview's timeline.
import { expect, test } from '@playwright/test';
import { EVENTS, fillTexts, OWN_SOURCE, startCase, writeCase, writeTimeline } from './authored';
import { expectNoAxeViolations } from './axe';
import { signUpInstructor } from './instructor';

test('events with sources and confidence: in the preview, published, on the module timeline', async ({
	page
}) => {
	test.setTimeout(240_000);
	await signUpInstructor(page, 'Chronicler');
	const { caseUrl, moduleId } = await writeCase(page, 'River letter');
	await page.getByRole('link', { name: '4. Timeline' }).click();
	await expectNoAxeViolations(page);

	// a refusal names the event and the field, and keeps what was typed
	const row = page.getByTestId('event-new');
	await row.getByLabel('Date', { exact: true }).fill('early March');
	await row.getByLabel('What happened').fill('Something happens');
	await page.getByRole('button', { name: 'Save the events' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'New event 1, Date: a date written YYYY, YYYY-MM or YYYY-MM-DD.'
	);
	await expect(page.getByTestId('event-new').getByLabel('What happened')).toHaveValue(
		'Something happens'
	);
	await page.getByTestId('event-new').getByLabel('What happened').fill('');
	await page.getByTestId('event-new').getByLabel('Date', { exact: true }).fill('');

	await writeTimeline(page);
	// the confidence is computed from the sources, never typed
	await expect(page.getByTestId('event-E2')).toContainText('Confidence: one source');
	await expect(page.getByTestId('source-source-1').getByLabel('Title')).toHaveValue(
		OWN_SOURCE.title
	);
	await expectNoAxeViolations(page);
	// editing the published case started version 2
	await expect(page.getByTestId('case-status')).toContainText('you are editing version 2');

	// the preview lists the timeline; its page shows the events as a student sees them
	await page.getByRole('link', { name: '5. Preview and publish' }).click();
	await expect(page.getByRole('heading', { name: '5. The timeline' })).toBeVisible();
	await page.getByRole('link', { name: 'explore the timeline' }).click();
	await expect(page).toHaveURL(`${caseUrl}/preview/timeline`);
	const table = page.locator('.timeline-table');
	for (const e of EVENTS) await expect(table).toContainText(e.title);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Back to the preview' }).click();
	await page.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 2).');

	// the module: the standard lessons send students on to the timeline and the ordering
	await page.goto(`/m/${moduleId}/lessons/evidence-assertion-deflection`);
	await page.goto(`/m/${moduleId}/timeline`);
	await expect(page.getByRole('heading', { level: 1, name: 'Timeline of the case' })).toBeVisible();
	for (const e of EVENTS) await expect(page.locator('.timeline-table')).toContainText(e.title);
	await expect(page.getByRole('link', { name: 'Put events in order' })).toBeVisible();
	expect((await page.request.get(`/m/${moduleId}/timeline/order`)).status()).toBe(200);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('step 4 posts and saves; script typed in an event is text', async ({ page }) => {
		const script = '<script>window.__owned=1</script><img src=x onerror="window.__owned=1">';
		await signUpInstructor(page, 'Plainchronicler');
		const caseUrl = await startCase(page, 'Plain case');
		await fillTexts(page, { text: 'One sentence. Two sentences.' });
		await page.getByRole('button', { name: 'Save the draft' }).click();
		await page.getByRole('link', { name: '4. Timeline' }).click();
		const row = page.getByTestId('event-new');
		await row.getByLabel('Date', { exact: true }).fill('2031');
		await row.getByLabel('Precision of the date').selectOption('year');
		await row.getByLabel('What happened').fill(script);
		await row.getByLabel('Description').fill(script);
		await row.getByLabel(/^Sentences of the rebuttal/).fill('L2');
		await page.getByRole('button', { name: 'Save the events' }).click();
		await expect(page.getByRole('status')).toHaveText('The events are saved.');
		await expect(page.getByTestId('event-E1').getByLabel('What happened')).toHaveValue(script);
		await expect(page.getByTestId('event-E1').getByLabel('Description')).toHaveValue(script);
		// what it lacks before publishing is named per event
		await expect(page.getByRole('list', { name: 'What E1 still needs' })).toContainText(
			'field "sources"'
		);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		await page.goto(`${caseUrl}/events`);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
	});
});
