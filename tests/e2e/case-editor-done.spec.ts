// The "done when" (issue 15), end to end: an instructor writes a 10-sentence case from
// scratch (paste, split, key, two allegations, three events), previews it, publishes it and
// assigns it; a student joins, tags and links it; the dashboard shows the class's distribution;
// the exported zip passes `npm run case:check` and, imported by a second instructor, yields the
// same case (the same files, under its own module id).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect, test } from '@playwright/test';
import { EVENTS, fillTexts, startCase, TEXTS, writeTimeline } from './authored';
import { createClass, join, unique } from './classroom';
import { signUpInstructor } from './instructor';
import { readCaseZip } from '../../src/lib/server/case-zip';

const TEN = [
	'Dear Editor,',
	'Your report of 2 March on the river is wrong. The water board tested the river on 1 March and found it clean. Our plant has held a discharge permit since 2029. Other towns pollute far more than we do. The anglers who spoke to you want the river for themselves.',
	'The town has always cared for its river. Your paper prints rumours to sell copies. We invite readers to visit the plant.',
	'Yours faithfully, The Mayor'
].join('\n');

const KEY: Record<
	string,
	{ tag: string; technique?: string; answers?: string[]; rationale: string }
> = {
	L2: {
		tag: 'assertion',
		answers: ['A1'],
		rationale: 'It says the report is wrong. Nothing is offered to check.'
	},
	L3: {
		tag: 'evidence',
		answers: ['A1'],
		rationale: 'A test, a date and a body anyone can ask. It bears on the waste.'
	},
	L4: {
		tag: 'evidence',
		answers: ['A1'],
		rationale: 'A permit can be looked up. It does not show what was dumped.'
	},
	L5: {
		tag: 'deflection',
		technique: 'whataboutism',
		rationale: 'Other towns are not this one. The waste is left unanswered.'
	},
	L6: {
		tag: 'deflection',
		technique: 'questioning-motives',
		answers: ['A2'],
		rationale: 'It turns to the anglers. The dead fish stay unexplained.'
	},
	L7: { tag: 'assertion', rationale: 'A general claim about the town. Nothing supports it.' },
	L8: {
		tag: 'deflection',
		technique: 'attack-on-source',
		rationale: 'It attacks the paper. The allegation is not addressed.'
	},
	L9: {
		tag: 'deflection',
		technique: 'red-herring',
		rationale: 'A visit today shows nothing about February. It changes the subject.'
	}
};

test('done when: write a 10-sentence case, publish, assign, a class works it, export, import', async ({
	browser,
	page
}) => {
	test.setTimeout(420_000);
	await signUpInstructor(page, 'Author');
	const caseUrl = await startCase(page, 'Ten sentences');
	// paste: step 1 with two allegations
	await fillTexts(page, { ...TEXTS, title: 'Ten sentences', text: TEN });
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	await page.locator('#allegation-2-short').fill('Dead fish');
	await page.locator('#allegation-2-summary').fill('Fish died below the town.');
	await page.locator('#allegation-2-attribution').fill('The article');
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('group', { name: 'Allegation A2' })).toBeVisible();
	// split: ten sentences; the first and the last are context
	await page.getByRole('link', { name: '2. Sentences' }).click();
	await expect(page.getByTestId('sentence-L10')).toContainText('Yours faithfully');
	await expect(page.getByTestId('sentence-L11')).toHaveCount(0);
	await page.getByRole('group', { name: /^L1 / }).getByLabel('context').check();
	await page.getByRole('group', { name: /^L10 / }).getByLabel('context').check();
	await page.getByRole('button', { name: 'Save the roles' }).click();
	await expect(page.getByRole('status')).toHaveText('The sentences are saved.');
	// key
	await page.getByRole('link', { name: '3. Key' }).click();
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
	// three events
	await writeTimeline(page);
	// preview, publish
	await page.getByRole('link', { name: '5. Preview and publish' }).click();
	await expect(
		page.getByText(`Tag each of the ${Object.keys(KEY).length} claim sentences`)
	).toBeVisible();
	await page.goto(`${caseUrl}/preview/timeline`);
	for (const e of EVENTS) await expect(page.locator('.timeline-table')).toContainText(e.title);
	await page.goto(`${caseUrl}/preview`);
	await page.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 1).');
	const moduleId = `authored-${new URL(caseUrl).pathname.split('/').pop()}`;

	// assign; a student joins, tags and links it
	const { classUrl, code } = await createClass(page, `Done ${unique()}`);
	await page.getByLabel('Module').selectOption(moduleId);
	await page.getByRole('radio', { name: 'After the whole set' }).last().check();
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');
	const { context, page: student } = await join(browser, code, 'Ada');
	await student.goto(`/m/${moduleId}/tag`);
	for (const [id, k] of Object.entries(KEY))
		await student.locator(`[data-item="${id}"] input[value="${k.tag}"]`).check();
	await student
		.getByRole('button', { name: /^(Hand in|Check)/ })
		.last()
		.click();
	await expect(student.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await student.goto(`/m/${moduleId}/map`);
	for (const [id, k] of Object.entries(KEY))
		for (const a of k.answers?.length ? k.answers : ['none'])
			await student.locator(`[data-item="${id}"] input[value="${a}"]`).check();
	await student
		.getByRole('button', { name: /^(Hand in|Check)/ })
		.last()
		.click();
	await expect(
		student.getByRole('heading', { name: 'Your links compared with the key' })
	).toBeVisible();
	await context.close();

	// the dashboard: the class's distribution per sentence
	await page.goto(`${classUrl}/dashboard`);
	await expect(page.getByTestId('submitted')).toHaveText('1');
	const table = page.getByRole('table', { name: "The class's tags per sentence, against the key" });
	await expect(table.locator('tbody tr')).toHaveCount(Object.keys(KEY).length);
	for (const id of Object.keys(KEY))
		await expect(table.locator(`tr[data-item="${id}"]`)).toContainText('1 (100%)');
	await expect(page.getByTestId('class-map')).toBeVisible();

	// the export passes case:check
	const download = await page.request.get(`${caseUrl}/export`);
	expect(download.status()).toBe(200);
	const zip = Buffer.from(await download.body());
	const dir = mkdtempSync(joinPath(tmpdir(), 'done-when-'));
	try {
		const path = joinPath(dir, 'case.zip');
		writeFileSync(path, zip);
		const checked = spawnSync('npm', ['run', '--silent', 'case:check', '--', path], {
			encoding: 'utf8'
		});
		expect(checked.status, checked.stderr + checked.stdout).toBe(0);
		expect(checked.stdout).toContain('8 claim sentences, 2 allegations');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}

	// imported by a second instructor: the same case folder
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signUpInstructor(other, 'Importer');
	await other.goto('/instructor/cases');
	await other
		.getByLabel('Zip file')
		.setInputFiles({ name: 'case.zip', mimeType: 'application/zip', buffer: zip });
	await other.getByRole('button', { name: 'Import the case' }).click();
	await expect(other).toHaveURL(/\/instructor\/cases\/[0-9a-f-]{36}\/preview$/);
	await expect(other.getByRole('button', { name: 'Publish version 1' })).toBeVisible();
	const again = await other.request.get(`${other.url().replace(/\/preview$/, '')}/export`);
	const [before, after] = await Promise.all(
		[zip, Buffer.from(await again.body())].map((b) => readCaseZip(b))
	);
	expect(Object.keys(after!.files).sort()).toEqual([
		'allegations.yaml',
		'answer-key.yaml',
		'letter.yaml',
		'module.yaml',
		'rebuttal.txt',
		'sources.yaml',
		'timeline.yaml'
	]);
	const plain = (read: { folder: string | null; files: Record<string, string> }) =>
		JSON.stringify(read.files).replaceAll(read.folder!, 'MODULE');
	expect(plain(after!)).toBe(plain(before!));
	await otherContext.close();
});
