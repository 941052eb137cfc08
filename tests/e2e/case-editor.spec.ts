// The case editor end to end (issue 15): an instructor writes a small case from scratch (paste,
// split, merge, roles, two allegations, the key), previews it as a student (no key until checked)
// and publishes it; another instructor gets a 404 for every step; the steps work without
// JavaScript; script typed in every field shows as text; a 10 MB body gets a 413 or a 400 with a
// message, never a 5xx. axe scans every page of the editor.
import { expect, test } from '@playwright/test';
import { fillTexts, KEY, startCase, TEXTS } from './authored';
import { expectNoAxeViolations } from './axe';
import { signUpInstructor } from './instructor';

test('an instructor writes a case, previews it as a student and publishes it', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	await signUpInstructor(page, 'Author');
	const caseUrl = await startCase(page, 'River letter');
	await expectNoAxeViolations(page);

	// step 1: the texts and a first allegation; a second after the save
	await fillTexts(page, TEXTS);
	// with JavaScript, the splitter counts as you type (the same Intl.Segmenter split as step 2)
	await expect(page.getByTestId('sentence-count')).toHaveText(
		'6 sentences in 3 paragraphs: step 2 shows them.'
	);
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	await page.locator('#allegation-2-short').fill('Dead fish');
	await page.locator('#allegation-2-summary').fill('Fish died below the town.');
	await page.locator('#allegation-2-attribution').fill('The article');
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	await expect(page.getByRole('group', { name: 'Allegation A2' })).toBeVisible();
	await expectNoAxeViolations(page);

	// step 2: split "We act; they talk." before "they"; the first and last sentences are context
	await page.getByRole('link', { name: '2. Sentences' }).click();
	await expect(page.getByTestId('sentence-L4')).toContainText('We act; they talk.');
	await expectNoAxeViolations(page);
	await page.getByLabel('Split L4 before the words').fill('they talk');
	await page.getByRole('button', { name: 'Split L4', exact: true }).click();
	await expect(page.getByTestId('sentence-L5')).toContainText('they talk.');
	await expect(page.getByTestId('sentence-L7')).toContainText('Yours faithfully');
	// merging two sentences and splitting them again gives the same sentences back
	await page.getByRole('button', { name: 'Merge L4 with the next sentence' }).click();
	await expect(page.getByTestId('sentence-L4')).toContainText('We act; they talk.');
	await page.getByLabel('Split L4 before the words').fill('they');
	await page.getByRole('button', { name: 'Split L4', exact: true }).click();
	await expect(page.getByTestId('sentence-L5')).toContainText('they talk.');
	await page.getByRole('group', { name: /^L1 / }).getByLabel('context').check();
	await page.getByRole('group', { name: /^L7 / }).getByLabel('context').check();
	await page.getByRole('button', { name: 'Save the roles' }).click();
	await expect(page.getByRole('status')).toHaveText('The sentences are saved.');

	// step 3: the key; missing fields are flagged until written
	await page.getByRole('link', { name: '3. Key' }).click();
	await expect(page.getByRole('list', { name: 'What L2 still needs' })).toBeVisible();
	await expectNoAxeViolations(page);
	for (const [id, k] of Object.entries(KEY)) {
		const item = page.getByTestId(`key-${id}`);
		await item.getByRole('group', { name: 'Tag' }).getByLabel(k.tag, { exact: false }).check();
		if (k.technique)
			await item.getByLabel('Technique (for a deflection)').selectOption(k.technique);
		for (const a of k.answers ?? [])
			await item.getByRole('checkbox', { name: new RegExp(`^${a}:`) }).check();
		await item.getByLabel('Rationale').fill(k.rationale);
	}
	await page.getByRole('button', { name: 'Save the key' }).click();
	await expect(page.getByRole('status')).toHaveText('The key is saved.');
	await expect(page.getByRole('list', { name: /still needs/ })).toHaveCount(0);

	// step 4: the preview: no key before checking, then the results and the reasoning
	await page.getByRole('link', { name: '5. Preview and publish' }).click();
	await expect(page.getByRole('heading', { name: '1. Read both texts' })).toBeVisible();
	await expect(page.getByText('Dead fish')).toBeVisible();
	// nothing of the key before checking: not in the page, not in its data
	const data = await page.request.get(`${caseUrl}/preview/__data.json`);
	const before = `${await page.content()}${await data.text()}`;
	for (const k of Object.values(KEY)) expect(before).not.toContain(k.rationale);
	expect(await data.text()).not.toMatch(/rationale|alsoDefensible|otherReading|"technique"/);
	await expectNoAxeViolations(page);
	for (const [id, k] of Object.entries(KEY))
		await page.locator(`[data-item="${id}"] input[value="${k.tag}"]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(page.getByText(KEY.L3!.rationale)).toBeVisible();

	// the map: link every sentence as the key does, then the key's links on the map
	await page.getByRole('link', { name: 'Link each sentence to the allegations' }).click();
	await expectNoAxeViolations(page);
	for (const [id, k] of Object.entries(KEY)) {
		for (const value of k.answers?.length ? k.answers : ['none'])
			await page.locator(`[data-item="${id}"] input[value="${value}"]`).check();
	}
	await page.getByRole('button', { name: 'Check my links' }).click();
	await expect(
		page.getByRole('heading', { name: 'Your links compared with the key' })
	).toBeVisible();
	await expect(page.getByRole('group', { name: /^Allegation map:/ })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the preview' }).click();

	await page.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Published' })).toHaveText(
		'Published: version 1 of the case.'
	);
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 1).');
	// a published version offers no button to publish it again (it said "Publish version 1" still),
	// neither after the save nor on a fresh load
	await expect(page.getByRole('button', { name: /^Publish version/ })).toHaveCount(0);
	await expect(page.getByTestId('published-version')).toContainText('Version 1 is published');
	await page.reload();
	await expect(page.getByRole('button', { name: /^Publish version/ })).toHaveCount(0);
	await expect(page.getByTestId('published-version')).toContainText('Version 1 is published');

	// an edit after publishing starts version 2, which the preview then offers to publish
	await page.goto(`${caseUrl}/texts`);
	await page.locator('#summary').fill('A new summary.');
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toContainText('This started version 2');
	await expect(page.getByTestId('case-status')).toContainText('you are editing version 2');
	await page.goto(`${caseUrl}/preview`);
	await expect(page.getByRole('button', { name: 'Publish version 2' })).toBeVisible();
	await expect(page.getByTestId('published-version')).toHaveCount(0);

	// another instructor: a 404 on every step and every action, never the case
	const context = await browser.newContext();
	const stranger = await context.newPage();
	await signUpInstructor(stranger, 'Stranger');
	for (const step of [
		'',
		'/texts',
		'/sentences',
		'/key',
		'/glossary',
		'/practice',
		'/preview',
		'/preview/practice'
	]) {
		const response = await stranger.goto(`${caseUrl}${step}`);
		expect(response?.status(), step).toBe(404);
		expect(await stranger.content()).not.toContain('mayor');
	}
	const post = await stranger.request.post(`${caseUrl}/texts?/save`, {
		form: { title: 'Taken over' },
		headers: { origin: new URL(caseUrl).origin }
	});
	expect(post.status()).toBe(404);
	await stranger.goto('/instructor/cases');
	await expect(stranger.getByText('You have not started a case yet.')).toBeVisible();
	await context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every step posts and saves', async ({ page }) => {
		await signUpInstructor(page, 'Plain');
		await startCase(page, 'Plain case');
		await fillTexts(page, { text: 'One sentence. Two sentences.', 'allegation-1-short': 'Short' });
		await page.getByRole('button', { name: 'Save the draft' }).click();
		await expect(page.getByRole('status')).toHaveText('The texts are saved.');
		// the page comes back from the server with the saved text in its fields, text areas too
		await expect(page.locator('#text')).toHaveValue('One sentence. Two sentences.');
		await expect(page.locator('#allegation-1-short')).toHaveValue('Short');
		await page.getByRole('link', { name: '2. Sentences' }).click();
		await page.getByRole('button', { name: 'Merge L1 with the next sentence' }).click();
		await expect(page.getByTestId('sentence-L1')).toContainText('One sentence. Two sentences.');
		await page.getByRole('link', { name: '3. Key' }).click();
		await page.getByRole('group', { name: 'Tag' }).getByLabel('Evidence').check();
		await page.getByLabel('Rationale').fill('Short.');
		await page.getByRole('button', { name: 'Save the key' }).click();
		await expect(page.getByRole('status')).toHaveText('The key is saved.');
		await expect(page.getByLabel('Rationale')).toHaveValue('Short.');
		await expect(page.getByRole('list', { name: 'What L1 still needs' })).toContainText(
			'expected a rationale of 2 to 4 sentences'
		);
		await page.getByRole('link', { name: '5. Preview and publish' }).click();
		await expect(
			page.getByRole('heading', { name: 'Not ready to preview or publish' })
		).toBeVisible();
	});
});

test('hostile input: script in every field is text; a 10 MB body is refused with a message', async ({
	page
}) => {
	test.setTimeout(120_000);
	const script = '<script>window.__owned=1</script><img src=x onerror="window.__owned=1">';
	await signUpInstructor(page, 'Hostile');
	const caseUrl = await startCase(page, script);
	const fields = await page
		.locator('form.texts input:not([type=hidden]), form.texts textarea')
		.all();
	for (const field of fields) {
		const id = await field.getAttribute('id');
		const max = Number((await field.getAttribute('maxlength')) ?? 2000);
		if (id?.endsWith('language')) continue;
		await field.fill(`${script} ${id}`.slice(0, max));
	}
	await page.getByRole('button', { name: 'Save the draft' }).click();
	// the URL and date fields refuse the script with a message; the rest is kept as typed
	await expect(page.getByRole('alert')).toContainText('Date of the rebuttal');
	for (const id of ['rebuttal-date', 'article-date', 'rebuttal-url', 'article-url'])
		await page.locator(`#${id}`).fill(id.endsWith('date') ? '2031-01-01' : 'https://example.org/x');
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	for (const step of ['texts', 'sentences', 'key', 'events', 'glossary', 'practice', 'preview']) {
		await page.goto(`${caseUrl}/${step}`);
		expect(await page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined();
		expect(await page.locator('img[src="x"]').count()).toBe(0);
	}
	await page.goto(`${caseUrl}/sentences`);
	await expect(page.getByTestId('sentence-L1')).toContainText('<script>window.__owned=1</script>');
	await page.goto('/instructor/cases');
	await expect(page.getByRole('link', { name: script })).toBeVisible();

	// a 10 MB body on every action of the editor: a 413, or a 400 with a message; never a 5xx
	const huge = `text=${'x'.repeat(10 * 1024 * 1024)}`;
	for (const action of [
		'texts?/save',
		'sentences?/save',
		'sentences?/split',
		'key?/save',
		'events?/sources',
		'events?/events',
		'glossary?/save',
		'practice?/save',
		'preview?/grade',
		'preview/practice?/grade'
	]) {
		const response = await page.request.post(`${caseUrl}/${action}`, {
			data: huge,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				origin: new URL(caseUrl).origin
			}
		});
		// the adapter's 413, or the action's failure (a 400 with its message) once reading the body fails
		const text = await response.text();
		const outcome =
			response.status() === 413
				? '413'
				: `${response.status()} ${JSON.parse(text).type} ${/"message"/.test(JSON.parse(text).data) ? 'with message' : ''}`;
		expect(outcome, `${action}: ${text.slice(0, 200)}`).toMatch(/^(413|200 failure with message)$/);
		if (response.status() === 413) expect(text, action).toMatch(/exceeds limit/);
		else if (!action.startsWith('preview'))
			expect(text, action).toContain('The form is too large for the server');
	}
	// an over-long field sent past the browser's maxlength: a 400 naming the field
	const long = await page.request.post(`${caseUrl}/texts?/save`, {
		form: { rebuttalAuthor: 'x'.repeat(201) },
		headers: { accept: 'application/json', origin: new URL(caseUrl).origin }
	});
	const body = await long.json();
	expect(body.type).toBe('failure');
	expect(body.data).toContain('Author of the rebuttal: use at most 200 characters');
});
