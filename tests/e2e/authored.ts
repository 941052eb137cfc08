// An authored case for the end-to-end tests (FICTIONAL): the texts, the key and the editor's steps
// as an instructor goes through them; writeCase goes through them all and publishes version 1.
import { expect, type Page } from '@playwright/test';

export const TEXT = [
	'Dear Editor,',
	'Your report of 2 March on the river is wrong. The water board tested the river on 1 March and found it clean. We act; they talk. Other towns pollute far more than we do.',
	'Yours faithfully, The Mayor'
].join('\n');

/** sentence id -> the key written for it (after the split: L5 "they talk." is its own claim) */
export const KEY: Record<
	string,
	{ tag: string; technique?: string; answers?: string[]; rationale: string }
> = {
	L2: {
		tag: 'assertion',
		answers: ['A1'],
		rationale: 'It says the report is wrong and offers nothing to check. A conclusion alone.'
	},
	L3: {
		tag: 'evidence',
		answers: ['A1'],
		rationale: 'A test, a date and a body anyone can ask. It bears on the waste allegation.'
	},
	L4: {
		tag: 'assertion',
		rationale: 'A claim about the town with nothing behind it. It answers nothing.'
	},
	L5: {
		tag: 'deflection',
		technique: 'attack-on-source',
		rationale: 'It turns to the accusers instead of the waste. The allegation is left open.'
	},
	L6: {
		tag: 'deflection',
		technique: 'whataboutism',
		answers: ['A2'],
		rationale: 'What other towns do says nothing about this one. It moves the question elsewhere.'
	}
};

export async function fillTexts(page: Page, fields: Record<string, string>) {
	for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
}

export const TEXTS = {
	title: 'Fictional: the mayor answers the river report',
	text: TEXT,
	'rebuttal-title': 'Letter from the mayor',
	'rebuttal-author': 'The Mayor (fictional)',
	'rebuttal-date': '2031-03-04',
	'rebuttal-published': 'The River Gazette (fictional), letters page',
	'rebuttal-url': 'https://gazette.example.org/letters/mayor',
	summary: 'An invented paper reported that the invented town dumped waste in the river.',
	'article-title': 'Town dumps waste in the river',
	'article-outlet': 'The River Gazette (fictional)',
	'article-author': 'A. Reporter (fictional)',
	'article-date': '2031-03-02',
	'article-url': 'https://gazette.example.org/2031/03/02/river',
	audience: 'Secondary school',
	level: 'Introductory',
	caveats: 'The article names no document.',
	differences: 'The letter answers the waste and says nothing about the fish.',
	'allegation-1-short': 'Waste in the river',
	'allegation-1-summary': 'The town dumped waste in the river in February.',
	'allegation-1-attribution': 'The article, citing two anglers'
};

export async function startCase(page: Page, title: string): Promise<string> {
	await page.getByRole('link', { name: 'My cases' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
	await page.getByLabel('Title of the case').fill(title);
	await page.getByRole('button', { name: 'Start the case' }).click();
	await expect(page).toHaveURL(/\/instructor\/cases\/[0-9a-f-]{36}\/texts$/);
	return page.url().replace(/\/texts$/, '');
}

/** Writes the river case through every step of the editor and publishes it; its URL and module id. */
export async function writeCase(page: Page, title: string) {
	const caseUrl = await startCase(page, title);
	await fillTexts(page, { ...TEXTS, title });
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	await page.locator('#allegation-2-short').fill('Dead fish');
	await page.locator('#allegation-2-summary').fill('Fish died below the town.');
	await page.locator('#allegation-2-attribution').fill('The article');
	// the status already says so from the first save: wait for this save's answer before leaving
	// the page (a link followed while the save is in flight left the page on step 1 under load)
	const answered = page.waitForResponse(
		(r) => r.request().method() === 'POST' && r.url().endsWith('/texts?/save')
	);
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await answered;
	await expect(page.getByRole('status')).toHaveText('The texts are saved.');
	await expect(page.locator('#allegation-2-short')).toHaveValue('Dead fish');
	await page.getByRole('link', { name: '2. Sentences' }).click();
	await page.getByLabel('Split L4 before the words').fill('they');
	await page.getByRole('button', { name: 'Split L4', exact: true }).click();
	await expect(page.getByTestId('sentence-L5')).toContainText('they talk.');
	await page.getByRole('group', { name: /^L1 / }).getByLabel('context').check();
	await page.getByRole('group', { name: /^L7 / }).getByLabel('context').check();
	await page.getByRole('button', { name: 'Save the roles' }).click();
	await expect(page.getByRole('status')).toHaveText('The sentences are saved.');
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
	await page.getByRole('link', { name: '5. Preview and publish' }).click();
	await page.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 1).');
	const caseId = new URL(caseUrl).pathname.split('/').pop()!;
	return { caseUrl, caseId, moduleId: `authored-${caseId}` };
}

/** A source of the case's own, for step 4 (fictional). */
export const OWN_SOURCE = {
	title: 'Water board test results, March 2031 (fictional)',
	publisher: 'The Water Board (fictional)',
	url: 'https://water.example.org/tests/2031-03',
	date: '2031-03-01'
};

/** Three events for step 4, in date order; the sources named by their titles. */
export const EVENTS = [
	{
		start: '2031-02',
		precision: 'month',
		title: 'Anglers find dead fish below the town',
		description: 'Two anglers report dead fish below the town, as the article tells it.',
		asserted: ['The article'],
		sources: [TEXTS['article-title']],
		sentences: '',
		order: true
	},
	{
		start: '2031-03-01',
		precision: 'day',
		title: 'The water board tests the river',
		description: 'The board tests the water above and below the town.',
		asserted: ['The rebuttal', 'Independent sources'],
		sources: [OWN_SOURCE.title],
		sentences: 'L3',
		order: true
	},
	{
		start: '2031-03-02',
		precision: 'day',
		title: 'The Gazette reports waste in the river',
		description: 'The article the letter answers is published.',
		asserted: ['The article'],
		sources: [TEXTS['article-title']],
		sentences: 'L2',
		order: false
	}
];

/** Step 4: adds the case's own source, then the three events, one save each. */
export async function writeTimeline(page: Page) {
	await page.getByRole('link', { name: '4. Timeline' }).click();
	await expect(
		page.getByRole('heading', { name: 'Step 4: the timeline (optional)' })
	).toBeVisible();
	const source = page.getByTestId('source-new');
	for (const [field, value] of Object.entries(OWN_SOURCE))
		await source.locator(`[name$="-${field}"]`).fill(value);
	await source.getByLabel('Kind of publication').selectOption('primary-document');
	await source.getByLabel('Language').fill('en');
	await page.getByRole('button', { name: 'Save the sources' }).click();
	await expect(page.getByRole('status')).toHaveText(/^The sources are saved\./);
	await expect(page.getByTestId('source-source-1')).toBeVisible();
	for (const [i, e] of EVENTS.entries()) {
		const row = page.getByTestId('event-new');
		await row.getByLabel('Date', { exact: true }).fill(e.start);
		await row.getByLabel('Precision of the date').selectOption(e.precision);
		await row.getByLabel('What happened').fill(e.title);
		await row.getByLabel('Description').fill(e.description);
		for (const a of e.asserted)
			await row.getByRole('group', { name: 'Asserted by' }).getByLabel(a, { exact: true }).check();
		for (const s of e.sources)
			await row.getByRole('group', { name: 'Sources' }).getByLabel(s, { exact: true }).check();
		if (e.sentences) await row.getByLabel(/^Sentences of the rebuttal/).fill(e.sentences);
		if (e.order) await row.getByLabel('One of the events students put in order').check();
		await page.getByRole('button', { name: 'Save the events' }).click();
		await expect(page.getByRole('status')).toHaveText(/^The events are saved\./);
		await expect(page.getByTestId(`event-E${i + 1}`)).toBeVisible();
	}
}

/** A glossary for step 4 (fictional): a term of the case's own, and a note for a technique. */
export const GLOSSARY = {
	term: 'Water board',
	definition: 'The public body that tests the river of the invented town.',
	example: 'The board of an invented town publishes its tests each month.',
	technique: { value: 'whataboutism', label: 'Whataboutism' },
	note: 'In this case, the letter points at other towns.'
};

/** A warm-up for step 4 (fictional): its text, a worked example and two items with their key. */
export const PRACTICE = {
	title: 'Practice (fictional): the bakery and the stale bread',
	notice: 'Everything here is invented: the bakery, the paper and every person named.',
	setting: 'An invented paper said an invented bakery sold stale bread. The bakery answered.',
	worked: {
		text: 'The city inspection of 3 March found every loaf baked that day.',
		tag: 'Evidence',
		explanation: 'A named, dated inspection anyone can ask for. It bears on the accusation.'
	},
	items: [
		{
			id: 'P1',
			text: 'Our bread is always fresh.',
			hint: 'Ask: what would it take to check this?',
			tag: 'assertion',
			rationale:
				'It states the conclusion and offers nothing to check. Nothing says how to find out.'
		},
		{
			id: 'P2',
			text: 'Other bakeries in town sell day-old bread too.',
			tag: 'deflection',
			technique: 'whataboutism',
			rationale: 'It points at other bakeries instead of this one. The accusation stays unanswered.'
		}
	]
};

/** Step 4: the glossary's two terms, one save each. */
export async function writeGlossary(page: Page) {
	await page.getByRole('link', { name: '4. Glossary' }).click();
	await expect(
		page.getByRole('heading', { name: 'Step 4: the glossary (optional)' })
	).toBeVisible();
	let row = page.getByTestId('term-new');
	await row.getByLabel('Term (a term of your own)').fill(GLOSSARY.term);
	await row.getByLabel('Definition (a term of your own)').fill(GLOSSARY.definition);
	await row.getByLabel('Example (optional)').fill(GLOSSARY.example);
	await page.getByRole('button', { name: 'Save the glossary' }).click();
	await expect(page.getByRole('status')).toHaveText(/^The glossary is saved\./);
	await expect(page.getByTestId('term-water-board')).toBeVisible();
	row = page.getByTestId('term-new');
	await row.getByLabel('Word').selectOption(GLOSSARY.technique.value);
	await row.getByLabel('Note (optional)').fill(GLOSSARY.note);
	await row.getByRole('group', { name: 'See also' }).getByLabel(GLOSSARY.term).check();
	await page.getByRole('button', { name: 'Save the glossary' }).click();
	await expect(page.getByRole('status')).toHaveText(/^The glossary is saved\./);
	await expect(page.getByTestId(`term-${GLOSSARY.technique.value}`)).toBeVisible();
}

/** Step 4: the practice text with its worked example, then its items, one save each. */
export async function writePractice(page: Page) {
	await page.getByRole('link', { name: '4. Practice' }).click();
	await expect(
		page.getByRole('heading', { name: 'Step 4: the practice (optional)' })
	).toBeVisible();
	await page.getByLabel('Title', { exact: true }).fill(PRACTICE.title);
	await page.getByLabel('Notice').fill(PRACTICE.notice);
	await page.getByLabel('Setting').fill(PRACTICE.setting);
	const worked = page.getByTestId('worked-new');
	await worked.getByLabel('Sentence', { exact: true }).fill(PRACTICE.worked.text);
	await worked.getByRole('group', { name: 'Tag' }).getByLabel(PRACTICE.worked.tag).check();
	await worked.getByLabel('Reasoning').fill(PRACTICE.worked.explanation);
	for (const item of PRACTICE.items) {
		const row = page.getByTestId('item-new');
		await row.getByLabel('Sentence', { exact: true }).fill(item.text);
		if (item.hint) await row.getByLabel('Hint (optional)').fill(item.hint);
		await row.getByRole('group', { name: 'Tag' }).getByLabel(item.tag, { exact: false }).check();
		if (item.technique)
			await row.getByLabel('Technique (for a deflection)').selectOption(item.technique);
		await row.getByLabel('Rationale').fill(item.rationale);
		await page.getByRole('button', { name: 'Save the practice' }).click();
		await expect(page.getByRole('status')).toHaveText(/^The practice is saved\./);
		await expect(page.getByTestId(`item-${item.id}`)).toBeVisible();
	}
}
