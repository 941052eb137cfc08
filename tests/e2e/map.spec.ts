// The linking exercise and the allegation map: every sentence linked by keyboard alone and graded
// on the server; the map (SVG and table) with each allegation's summary as the key has it once the
// student's tags are checked in the tagging exercise, and links only (uncoloured, no reasons)
// before; the same without JavaScript; roving focus over the map's nodes; clear 400s; and no key
// before a commit.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, claimIds, loaded } from './content';

const URL = `/m/${CASE}/map`;
const CHOICES = ['A1', 'A2', 'A3', 'A4', 'none'] as const;
const allegationIds = loaded.case.article.allegations.map((a) => a.id);
const entry = (id: string) => {
	const found = loaded.keys.letter.get(id);
	if (!found) throw new Error(`no key for ${id}`);
	return found;
};
/** the key's links of a sentence, as the checkbox values to tick */
const keyChoices = (id: string) => (entry(id).answers.length ? entry(id).answers : ['none']);

const TAGS = ['evidence', 'assertion', 'deflection'] as const;
const NOUNS = {
	evidence: ['evidence sentence', 'evidence sentences'],
	assertion: ['assertion', 'assertions'],
	deflection: ['deflection', 'deflections']
} as const;

/** The summary line of an allegation, computed here from the key (not from the app's code). */
function expectedSummary(allegation: string): string {
	const parts = TAGS.map((tag) => {
		const ids = claimIds.filter(
			(id) => entry(id).answers.includes(allegation) && entry(id).tag === tag
		);
		const noun = NOUNS[tag][ids.length === 1 ? 0 : 1];
		const numbers = ids.map((id) => id.slice(1));
		const list =
			numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}` : numbers[0];
		const sentences = `${ids.length === 1 ? 'sentence' : 'sentences'} ${list}`;
		return `${ids.length} ${noun}${ids.length ? ` (${sentences})` : ''}`;
	});
	return `${allegation}: ${parts.join(', ')}.`;
}
const hasEvidence = (allegation: string) =>
	claimIds.some((id) => entry(id).answers.includes(allegation) && entry(id).tag === 'evidence');

const mapChart = (page: Page) => page.getByRole('group', { name: /^Allegation map:/ });

async function tabUntil(page: Page, predicate: () => boolean, what: string, limit = 200) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(predicate)) return;
	}
	throw new Error(`Tab never reached ${what}`);
}

/** Self-study: the tagging exercise checked as the key, in this browser, before the map. */
async function checkTagsFirst(page: Page) {
	await page.goto(`/m/${CASE}/tag`);
	for (const id of claimIds) {
		await page.locator(`[data-item="${id}"] input[value="${entry(id).tag}"]`).check();
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeFocused();
}

async function linkAsTheKey(page: Page) {
	for (const id of claimIds) {
		for (const value of keyChoices(id)) {
			await page.locator(`[data-item="${id}"] input[value="${value}"]`).check();
		}
	}
}

async function expectTheMap(page: Page) {
	await expect(mapChart(page)).toBeVisible();
	await expect(page.locator('figure.allegation-map figcaption')).toContainText('allegation map');
	const table = page.getByRole('table', { name: /allegation map as a table/ });
	await expect(table).toBeVisible();
	for (const a of allegationIds) {
		await expect(page.locator(`[data-summary="${a}"] .summary-text`)).toHaveText(
			expectedSummary(a)
		);
		await expect(table.locator(`tr[data-allegation="${a}"]`)).toContainText(expectedSummary(a));
		await expect(page.locator(`[data-summary="${a}"]`)).toContainText(
			hasEvidence(a)
				? 'Checkable evidence:'
				: 'No checkable evidence: only assertions and deflections.'
		);
	}
	// one sentence node per claim sentence, one key link per key answer
	await expect(page.locator('a[data-node^="sentence:"]')).toHaveCount(claimIds.length);
	const keyLinks = claimIds.reduce((n, id) => n + entry(id).answers.length, 0);
	await expect(page.locator('path.link.key')).toHaveCount(keyLinks);
	await expect(page.locator('.rationale')).toHaveCount(claimIds.length);
}

test('a student links the whole letter by keyboard alone and reads the map', async ({ page }) => {
	// some 170 key presses, each awaited: room for a machine shared with other suites
	test.setTimeout(150_000);
	await checkTagsFirst(page);
	await page.goto(URL);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Which allegation does each sentence answer?'
	);
	await expectNoAxeViolations(page);

	await tabUntil(
		page,
		() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox',
		'the first checkbox'
	);
	for (const id of claimIds) {
		const wanted = new Set(keyChoices(id));
		for (const value of CHOICES) {
			const box = page.locator(`[data-item="${id}"] input[value="${value}"]`);
			await expect(box).toBeFocused();
			if (wanted.has(value)) {
				await page.keyboard.press('Space');
				await expect(box).toBeChecked();
			}
			await page.keyboard.press('Tab');
		}
	}
	await expect(
		page.getByText(`${claimIds.length} of ${claimIds.length} sentences linked`)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Check my links' })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(
		page.getByRole('heading', { name: 'Your links compared with the key' })
	).toBeFocused();
	await expect(
		page.getByText(`${claimIds.length} of ${claimIds.length} sentences`, { exact: true })
	).toBeVisible();
	await expectTheMap(page);
	await expect(page.locator(`[data-item="L25"] .feedback`)).toContainText(entry('L25').rationale);
	await expectNoAxeViolations(page);

	// a reload keeps the links and the map
	await page.reload();
	await expect(mapChart(page)).toBeVisible();
	await expect(page.locator('.rationale')).toHaveCount(claimIds.length);
});

test('on a phone every label of the map sits inside the chart, with a space before the tag', async ({
	page
}) => {
	test.setTimeout(120_000);
	await checkTagsFirst(page);
	await page.goto(URL);
	await linkAsTheKey(page);
	await page.getByRole('button', { name: 'Check my links' }).click();
	await expect(mapChart(page)).toBeVisible();
	for (const width of [320, 360, 390, 1366]) {
		await page.setViewportSize({ width, height: 800 });
		// the chart re-lays itself out for its new width
		await expect
			.poll(() =>
				mapChart(page).evaluate(
					(svg, w) => (svg as SVGSVGElement).viewBox.baseVal.width <= Math.max(w, 320),
					width
				)
			)
			.toBe(true);
		const outside = await mapChart(page).evaluate((svg) => {
			const right = (svg as SVGSVGElement).viewBox.baseVal.width;
			return [...svg.querySelectorAll('text')]
				.filter((t) => {
					const box = t.getBBox();
					return box.width > 0 && box.x + box.width > right + 0.5;
				})
				.map((t) => t.textContent?.trim());
		});
		expect(outside, `${width} px`).toEqual([]);
		const labels = await page.locator('a[data-node^="sentence:"] text').allTextContents();
		for (const label of labels)
			expect(label, `${width} px`).not.toMatch(/\d(evidence|assertion|deflection)/);
	}
	// where there is room, the tag is in words too
	await expect(page.locator('a[data-node="sentence:L4"] text')).toContainText(
		`Sentence 4 ${entry('L4').tag}`
	);
});

test('the map has a roving focus: arrows move between nodes and show their details', async ({
	page
}) => {
	await checkTagsFirst(page);
	await page.goto(URL);
	await linkAsTheKey(page);
	await page.getByRole('button', { name: 'Check my links' }).click();
	await expect(mapChart(page)).toBeVisible();

	await expect(page.locator('a[data-node][tabindex="0"]')).toHaveCount(1);
	await tabUntil(
		page,
		() => document.activeElement?.getAttribute('data-node') !== null,
		'the map',
		80
	);
	const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-node'));
	const details = page.locator('.map-details');
	expect(await focused()).toBe(`allegation:${allegationIds[0]}`);
	await expect(details).toContainText(expectedSummary(allegationIds[0]!));

	await page.keyboard.press('ArrowDown');
	expect(await focused()).toBe(`allegation:${allegationIds[1]}`);
	await expect(details).toContainText(expectedSummary(allegationIds[1]!));

	// Right crosses to the first sentence responding to the allegation
	const first = claimIds.find((id) => entry(id).answers.includes(allegationIds[1]!))!;
	await page.keyboard.press('ArrowRight');
	expect(await focused()).toBe(`sentence:${first}`);
	const next = claimIds[claimIds.indexOf(first) + 1]!;
	await page.keyboard.press('ArrowDown');
	expect(await focused()).toBe(`sentence:${next}`);
	const sentence = loaded.case.sentences.find((s) => s.id === next)!;
	await expect(details.locator('blockquote')).toHaveText(sentence.text);
	// the sentence's own links light up: the key's and the student's (here the same)
	await expect(page.locator('path.link.active')).toHaveCount(2 * entry(next).answers.length);
	// and every node it has no link with fades (its words muted, never below AA)
	const lit = new Set([`sentence:${next}`, ...entry(next).answers.map((a) => `allegation:${a}`)]);
	await expect(page.locator('a[data-node].faded')).toHaveCount(
		allegationIds.length + claimIds.length - lit.size
	);
	for (const node of lit) {
		await expect(page.locator(`a[data-node="${node}"]`)).not.toHaveClass(/faded/);
	}
	await expect(page.locator('a[data-node][tabindex="0"]')).toHaveCount(1);

	await page.keyboard.press('End');
	expect(await focused()).toBe(`sentence:${claimIds.at(-1)}`);
	await page.keyboard.press('Home');
	expect(await focused()).toBe(`sentence:${claimIds[0]}`);
	await page.keyboard.press('ArrowLeft');
	expect(await focused()).toBe(`allegation:${entry(claimIds[0]!).answers[0] ?? 'A1'}`);
	// Tab leaves the chart in one step
	await page.keyboard.press('Tab');
	expect(await focused()).toBeNull();
});

test('before the tags are checked the map shows links only, uncoloured, then item by item', async ({
	page
}) => {
	await page.goto(URL);
	await linkAsTheKey(page);
	await page.getByRole('button', { name: 'Check my links' }).click();
	await expect(mapChart(page)).toBeVisible();
	const keyLinks = claimIds.reduce((n, id) => n + entry(id).answers.length, 0);
	await expect(page.locator('path.link.key')).toHaveCount(keyLinks);
	await expect(page.locator('path.link.key.tag-none')).toHaveCount(keyLinks);
	await expect(page.locator('a[data-node^="sentence:"].tag-none')).toHaveCount(claimIds.length);
	await expect(page.locator('.tag-word')).toHaveCount(0);
	await expect(page.locator('.rationale')).toHaveCount(0);
	await expect(page.locator('.map-results')).toContainText(
		`(0 of ${claimIds.length} sentences so far)`
	);
	for (const a of allegationIds) {
		await expect(page.locator(`[data-summary="${a}"]`)).toContainText('not tagged yet');
		await expect(page.locator(`[data-summary="${a}"]`)).not.toContainText('Checkable evidence');
	}
	const html = await page.content();
	for (const id of claimIds) expect(html).not.toContain(entry(id).rationale.slice(0, 40));
	await expectNoAxeViolations(page);

	// one sentence checked in the tagging exercise: that one gains its tag and reasons
	const one = claimIds.find((id) => entry(id).answers.length > 0)!;
	await page.goto(`/m/${CASE}/tag?feedback=immediate`);
	await page.locator(`[data-item="${one}"] input[value="${entry(one).tag}"]`).check();
	await page.getByRole('button', { name: `Check sentence ${one.slice(1)}` }).click();
	await expect(page.locator(`[data-item="${one}"] .rationale`)).toBeVisible();
	await page.goto(URL);
	await page.getByRole('link', { name: 'Start again' }).click();
	await linkAsTheKey(page);
	await page.getByRole('button', { name: 'Check my links' }).click();
	await expect(mapChart(page)).toBeVisible();
	await expect(page.locator('.rationale')).toHaveCount(1);
	await expect(page.locator(`[data-item="${one}"] .rationale`)).toHaveText(entry(one).rationale);
	await expect(page.locator(`a[data-node="sentence:${one}"]`)).toHaveClass(
		new RegExp(`tag-${entry(one).tag}`)
	);
	await expect(page.locator('a[data-node^="sentence:"].tag-none')).toHaveCount(claimIds.length - 1);
});

test('an incomplete submission says how many sentences are left', async ({ page }) => {
	await page.goto(URL);
	await page.locator(`[data-item="${claimIds[0]}"] input[value="A1"]`).check();
	await page.locator(`[data-item="${claimIds[1]}"] input[value="none"]`).check();
	await page.getByRole('button', { name: 'Check my links' }).click();
	const left = claimIds.slice(2);
	await expect(page.getByRole('alert')).toContainText(
		`Link every sentence: ${left.length} left (${left.slice(0, 5).join(', ')}, ...)`
	);
	await expect(page.locator('.rationale')).toHaveCount(0);
	await expect(page.locator('figure.allegation-map')).toHaveCount(0);
	// "None of them" and an allegation exclude each other as they are ticked
	await page.locator(`[data-item="${claimIds[1]}"] input[value="A2"]`).check();
	await expect(page.locator(`[data-item="${claimIds[1]}"] input[value="none"]`)).not.toBeChecked();
});

test('the key is not in the page before the student submits', async ({ page }) => {
	const response = await page.goto(URL);
	const html = await response!.text();
	for (const item of loaded.keys.letter.values()) {
		expect(html).not.toContain(item.rationale.slice(0, 60));
		if (item.otherReading) expect(html).not.toContain(item.otherReading.slice(0, 60));
	}
	expect(await page.content()).not.toContain(entry('L25').rationale.slice(0, 60));
	await expect(page.locator('.rationale')).toHaveCount(0);
	await expect(page.locator('figure.allegation-map')).toHaveCount(0);
	await expect(page.locator('[data-summary]')).toHaveCount(0);
});

test('bad form bodies get a 400 with a clear message, never a 500', async ({ request }) => {
	const origin = String(test.info().project.use.baseURL);
	const post = (form: Record<string, string>) =>
		request.post(`${URL}?/grade`, {
			form,
			headers: { origin, accept: 'application/json' }
		});
	for (const [form, message] of [
		[{ 'links-L4': 'A9' }, 'the links for L4 should be A1, A2, A3, A4 or'],
		[{ 'links-L999': 'A1' }, 'the field links-L999 should name a claim sentence'],
		[{ 'links-L3': 'A1' }, 'the field links-L3 should name a claim sentence'],
		[{ 'links-L4': 'A1' }, `Link every sentence: ${claimIds.length - 1} left`],
		[{}, `Link every sentence: ${claimIds.length} left`]
	] as const) {
		const response = await post(form);
		expect(response.status()).toBe(200); // SvelteKit wraps action failures in a JSON envelope
		const body = await response.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(JSON.stringify(body.data)).toContain(message);
		expect(JSON.stringify(body.data)).not.toContain('rationale');
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the letter can be linked and submitted, and the map is in the HTML', async ({ page }) => {
		await page.goto(URL);
		await linkAsTheKey(page);
		await page.getByRole('button', { name: 'Check my links' }).click();
		await expect(
			page.getByRole('heading', { name: 'Your links compared with the key' })
		).toBeVisible();
		// without JavaScript the form carries no tagging answers: the key's links, uncoloured
		await expect(mapChart(page)).toBeVisible();
		await expect(page.getByRole('table', { name: /allegation map as a table/ })).toBeVisible();
		const keyLinks = claimIds.reduce((n, id) => n + entry(id).answers.length, 0);
		await expect(page.locator('path.link.key.tag-none')).toHaveCount(keyLinks);
		await expect(page.locator('a[data-node^="sentence:"]')).toHaveCount(claimIds.length);
		await expect(page.locator('.rationale')).toHaveCount(0);
		// every node is a link to the same facts in the table or the exercise
		await expect(page.locator(`a[data-node="allegation:${allegationIds[0]}"]`)).toHaveAttribute(
			'href',
			`#map-row-${allegationIds[0]}`
		);
		// (axe needs JavaScript to run; the same server-rendered map is scanned above)
	});

	test('an incomplete submission gets a clear message and keeps the ticks', async ({ page }) => {
		await page.goto(URL);
		await page.locator(`[data-item="${claimIds[0]}"] input[value="A3"]`).check();
		await page.getByRole('button', { name: 'Check my links' }).click();
		await expect(page.getByRole('alert')).toContainText(
			`Link every sentence: ${claimIds.length - 1} left`
		);
		await expect(page.locator(`[data-item="${claimIds[0]}"] input[value="A3"]`)).toBeChecked();
	});

	test('"None of them" beside an allegation is refused with a message', async ({ page }) => {
		await page.goto(URL);
		await linkAsTheKey(page);
		const id = claimIds.find((x) => entry(x).answers.length === 0)!;
		await page.locator(`[data-item="${id}"] input[value="A1"]`).check();
		await page.getByRole('button', { name: 'Check my links' }).click();
		await expect(page.getByRole('alert')).toContainText(
			`the links for ${id} should be either allegations or "none of them", not both`
		);
	});
});
