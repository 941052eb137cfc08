// Step 4 of the case editor (issue 15): the glossary and the practice. An instructor adds two terms
// and a warm-up (a worked example, two items with their key) to a published case (a refusal names
// the item and the field; what an item lacks is listed under it), sees them in the preview (the
// warm-up's key only for what is checked), publishes version 2; the module's definitions lesson
// lists the terms, its glossary page has them, and the path leads to the warm-up before the
// tagging; the warm-up's key never reaches a student before they commit an answer. Both forms post
// without JavaScript; script typed in every field is text; oversized text and too many items get
// a message, never a 5xx. axe scans both steps and the preview's warm-up.
import { expect, test, type Page } from '@playwright/test';
import {
	fillTexts,
	GLOSSARY,
	PRACTICE,
	startCase,
	writeCase,
	writeGlossary,
	writePractice
} from './authored';
import { expectNoAxeViolations } from './axe';
import { signUpInstructor } from './instructor';

const RATIONALES = PRACTICE.items.map((i) => i.rationale);

/** A page and its data as the server sends them, for a look at what they carry. */
async function bodies(page: Page, path: string): Promise<string> {
	const html = await page.request.get(path);
	const data = await page.request.get(`${path.replace(/\/$/, '')}/__data.json`);
	return `${await html.text()}${await data.text()}`;
}

test('a glossary and a warm-up: in the preview, published, in the lessons and on the path', async ({
	page,
	browser
}) => {
	test.setTimeout(900_000);
	await signUpInstructor(page, 'Glossarist');
	const { caseUrl, moduleId } = await writeCase(page, 'River letter');

	// the glossary: a refusal names the term and the field, and keeps what was typed
	await page.getByRole('link', { name: '4. Glossary' }).click();
	await expectNoAxeViolations(page);
	const row = page.getByTestId('term-new');
	await row.getByLabel('Word').selectOption('evidence');
	await row.getByLabel('Term (a term of your own)').fill('My evidence');
	await page.getByRole('button', { name: 'Save the glossary' }).click();
	await expect(page.getByRole('alert').first()).toContainText(
		'New term 1, Term: leave it empty for a tag or a technique'
	);
	await expect(page.getByTestId('term-new').getByLabel('Term (a term of your own)')).toHaveValue(
		'My evidence'
	);
	await page.getByTestId('term-new').getByLabel('Term (a term of your own)').fill('');
	await page.getByTestId('term-new').getByLabel('Word').selectOption('');
	await page.getByRole('link', { name: '3. Key' }).click();
	await writeGlossary(page);
	await expect(page.getByTestId('case-status')).toContainText('you are editing version 2');
	await expectNoAxeViolations(page);

	// the practice: an item without its technique is listed with what it lacks
	await writePractice(page);
	await page.getByTestId('item-P2').getByLabel('Technique (for a deflection)').selectOption('');
	await page.getByRole('button', { name: 'Save the practice' }).click();
	await expect(page.getByRole('status')).toHaveText(/^The practice is saved\./);
	await expect(page.getByRole('list', { name: 'What P2 still needs' })).toContainText(
		'item P2, field "key.technique": expected a technique for every deflection'
	);
	await expectNoAxeViolations(page);
	await page
		.getByTestId('item-P2')
		.getByLabel('Technique (for a deflection)')
		.selectOption('whataboutism');
	await page.getByRole('button', { name: 'Save the practice' }).click();
	await expect(page.getByRole('status')).toHaveText(/^The practice is saved\./);
	await expect(page.getByRole('list', { name: /still needs/ })).toHaveCount(0);

	// the preview: the terms with the definitions, the warm-up before the tagging
	await page.getByRole('link', { name: '5. Preview and publish' }).click();
	await expect(page.getByTestId('preview-glossary')).toContainText(GLOSSARY.definition);
	await expect(page.getByTestId('preview-glossary')).toContainText(GLOSSARY.note);
	await expect(page.getByRole('heading', { name: '3. Warm-up practice' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '4. Tag the claims' })).toBeVisible();
	await page.getByRole('link', { name: 'try the warm-up' }).click();
	await expect(page).toHaveURL(`${caseUrl}/preview/practice`);
	await expect(page.getByText(PRACTICE.worked.explanation)).toBeVisible();
	// nothing of the warm-up's key before checking: not in the page, not in its data
	const before = await bodies(page, `${caseUrl}/preview/practice`);
	for (const r of RATIONALES) expect(before).not.toContain(r);
	await expectNoAxeViolations(page);
	await page.locator('[data-item="P1"] input[value="assertion"]').check();
	await page
		.locator('[data-item="P1"]')
		.getByRole('button', { name: /^Check/ })
		.click();
	await expect(page.getByText(RATIONALES[0]!)).toBeVisible();
	await expect(page.getByText(RATIONALES[1]!)).toHaveCount(0);
	await page.getByRole('link', { name: 'Back to the preview' }).click();
	await page.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 2).');

	// the module, for a signed-out visitor: the lesson's words, the glossary, the warm-up on the path
	const context = await browser.newContext();
	const visitor = await context.newPage();
	const m = `/m/${moduleId}`;
	await visitor.goto(`${m}/lessons/evidence-assertion-deflection`);
	await expect(visitor.getByTestId('lesson-glossary')).toContainText(GLOSSARY.definition);
	await expect(visitor.getByTestId('lesson-glossary')).toContainText('Whataboutism');
	await visitor.goto(m);
	const titles = await visitor
		.getByRole('navigation', { name: 'Your path through the module' })
		.getByRole('listitem')
		.getByRole('link')
		.allTextContents();
	const warmUp = titles.findIndex((t) => t.includes('Warm-up practice'));
	expect(warmUp, titles.join(' | ')).toBeGreaterThan(-1);
	expect(warmUp).toBeLessThan(titles.findIndex((t) => t.includes('Tag the letter')));
	await visitor.goto(`${m}/lessons/evidence-assertion-deflection`);
	await visitor.getByTestId('lesson-glossary').getByRole('link', { name: GLOSSARY.term }).click();
	await expect(visitor).toHaveURL(`${m}/glossary#water-board`);
	await expect(visitor.getByText(GLOSSARY.example)).toBeVisible();
	// the page's description names this case's terms, not the built-in case's
	const description = await visitor.locator('meta[name="description"]').getAttribute('content');
	expect(description).toContain(GLOSSARY.term);
	expect(description).not.toContain('lateral reading');
	await expectNoAxeViolations(visitor);
	// the overview says the warm-up comes before the tagging
	await visitor.goto(m);
	await expect(visitor.getByText(/Warm up on a short invented text/)).toBeVisible();

	// the warm-up: no key before an answer is committed, then the committed item's alone
	for (const path of [`${m}/practice`, `${m}/lessons/evidence-assertion-deflection`, m]) {
		const body = await bodies(visitor, path);
		for (const r of RATIONALES) expect(body, path).not.toContain(r);
	}
	await visitor.goto(`${m}/practice`);
	await expect(visitor.getByText(PRACTICE.notice)).toBeVisible();
	await expect(visitor.getByText(PRACTICE.items[0]!.hint!).first()).toBeVisible();
	await expectNoAxeViolations(visitor);
	const graded = await visitor.request.post(`${m}/practice?/grade`, {
		form: { mode: 'immediate', commit: 'P1', 'tag-P1': 'assertion', 'tag-P2': 'deflection' },
		headers: { accept: 'application/json', origin: new URL(visitor.url()).origin }
	});
	const answer = await graded.text();
	expect(graded.status()).toBe(200);
	expect(answer).toContain(RATIONALES[0]);
	expect(answer).not.toContain(RATIONALES[1]);
	await context.close();
});

test('the export holds glossary.yaml and practice.yaml', async ({ page }) => {
	test.setTimeout(600_000);
	await signUpInstructor(page, 'Exporter');
	const { caseUrl } = await writeCase(page, 'River letter');
	await writeGlossary(page);
	await writePractice(page);
	const zip = await page.request.get(`${caseUrl}/export`);
	expect(zip.status()).toBe(200);
	const bytes = await zip.body();
	// the zip's central directory names each file
	for (const name of ['glossary.yaml', 'practice.yaml']) expect(bytes.includes(name)).toBe(true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('both forms post and save; script typed in every field is text', async ({ page }) => {
		test.setTimeout(400_000);
		const script = '<script>window.__owned=1</script><img src=x onerror="window.__owned=1">';
		await signUpInstructor(page, 'Plainglossarist');
		const caseUrl = await startCase(page, 'Plain case');
		await fillTexts(page, { text: 'One sentence. Two sentences.' });
		await page.getByRole('button', { name: 'Save the draft' }).click();

		await page.getByRole('link', { name: '4. Glossary' }).click();
		const term = page.getByTestId('term-new');
		for (const label of ['Term (a term of your own)', 'Definition (a term of your own)'])
			await term.getByLabel(label).fill(script.slice(0, 100));
		for (const label of ['Note (optional)', 'Example (optional)'])
			await term.getByLabel(label).fill(script);
		await page.getByRole('button', { name: 'Save the glossary' }).click();
		await expect(page.getByRole('status')).toHaveText('The glossary is saved.');
		const saved = page.locator('[data-testid^="term-"]').first();
		await expect(saved.getByLabel('Note (optional)')).toHaveValue(script);
		await expect(saved.getByLabel('Example (optional)')).toHaveValue(script);

		await page.getByRole('link', { name: '4. Practice' }).click();
		for (const label of ['Title', 'Notice', 'Setting'])
			await page.getByLabel(label, { exact: true }).fill(script);
		const worked = page.getByTestId('worked-new');
		await worked.getByLabel('Sentence', { exact: true }).fill(script);
		await worked.getByLabel('Reasoning').fill(script);
		const item = page.getByTestId('item-new');
		for (const label of ['Sentence', 'Hint (optional)', 'Rationale'])
			await item.getByLabel(label, { exact: true }).fill(script);
		await item.getByLabel('The other reading (for a contested sentence)').fill(script);
		await item.getByRole('group', { name: 'Tag' }).getByLabel('Deflection').check();
		await page.getByRole('button', { name: 'Save the practice' }).click();
		await expect(page.getByRole('status')).toHaveText('The practice is saved.');
		await expect(page.getByTestId('item-P1').getByLabel('Rationale')).toHaveValue(script);
		await expect(page.getByTestId('worked-1').getByLabel('Reasoning')).toHaveValue(script);
		await expect(page.getByRole('list', { name: 'What P1 still needs' })).toContainText(
			'field "key.technique"'
		);
		for (const step of ['glossary', 'practice', 'preview']) {
			await page.goto(`${caseUrl}/${step}`);
			expect(await page.locator('img[src="x"]').count(), step).toBe(0);
		}
	});
});

test('hostile input on both forms: oversized text, too many items, a 10 MB body: a message, never a 5xx', async ({
	page
}) => {
	test.setTimeout(400_000);
	await signUpInstructor(page, 'Hostileglossarist');
	const caseUrl = await startCase(page, 'Hostile case');
	const origin = new URL(caseUrl).origin;
	const post = (action: string, form: Record<string, string>) =>
		page.request.post(`${caseUrl}/${action}`, {
			form,
			headers: { accept: 'application/json', origin }
		});
	const cases: [string, Record<string, string>, string][] = [
		[
			'glossary?/save',
			{ 'term-1-term': 'T', 'term-1-definition': 'x'.repeat(2_001) },
			'New term 1, Definition: use at most 2,000 characters.'
		],
		[
			'glossary?/save',
			{ 'term-41-term': 'One too many' },
			'New term 41, Term: a glossary has at most 40 terms.'
		],
		['glossary?/save', { 'term-1-word': '<script>' }, 'New term 1, Word: choose a tag'],
		[
			'practice?/save',
			{ 'item-1-text': 'x'.repeat(1_001) },
			'New item 1, Sentence: use at most 1,000 characters.'
		],
		[
			'practice?/save',
			{ 'item-21-text': 'One too many' },
			'New item 21, Sentence: at most 20 practice items.'
		],
		['practice?/save', { 'worked-7-text': 'One too many' }, 'at most 6 worked examples'],
		[
			'practice?/save',
			{ 'item-1-text': 'T', 'item-1-technique': '<script>' },
			'New item 1, Technique: choose a technique from the list.'
		],
		['practice?/save', { 'item-1-id': '../P1', 'item-1-text': 'T' }, 'reload the page']
	];
	for (const [action, form, message] of cases) {
		const response = await post(action, form);
		expect(response.status(), action).toBe(200);
		const body = await response.json();
		expect(body.type, `${action} ${JSON.stringify(form).slice(0, 80)}`).toBe('failure');
		expect(body.data).toContain(message);
	}
	const huge = `text=${'x'.repeat(10 * 1024 * 1024)}`;
	for (const action of ['glossary?/save', 'practice?/save', 'preview/practice?/grade']) {
		const response = await page.request.post(`${caseUrl}/${action}`, {
			data: huge,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				origin
			}
		});
		expect(response.status(), action).toBeLessThan(500);
		const text = await response.text();
		if (response.status() === 413) expect(text, action).toMatch(/exceeds limit/);
		else expect(JSON.parse(text).data, action).toMatch(/message/);
	}
	// nothing of it was stored
	await page.goto(`${caseUrl}/glossary`);
	await expect(page.locator('[data-testid^="term-"]')).toHaveCount(1);
	await page.goto(`${caseUrl}/practice`);
	await expect(page.locator('[data-testid^="item-"]')).toHaveCount(1);
});
