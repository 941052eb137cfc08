// The tagging exercise: the whole letter tagged by keyboard alone, graded on the server, with
// per-item rationales and totals; the same without JavaScript; immediate feedback; persistence.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, claimIds, keyTag, loaded } from './content';

const KEYS = { evidence: 'e', assertion: '2', deflection: 'd' } as const;

async function tabUntil(page: Page, predicate: () => boolean, what: string, limit = 80) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(predicate)) return;
	}
	throw new Error(`Tab never reached ${what}`);
}

test('a student tags the whole letter by keyboard alone and reads the feedback', async ({
	page
}) => {
	await page.goto(`/m/${CASE}/tag`);
	await expect(page.getByRole('heading', { name: 'Keyboard' })).toBeVisible();
	await expectNoAxeViolations(page);

	await tabUntil(
		page,
		() => (document.activeElement as HTMLInputElement | null)?.type === 'radio',
		'the first radio'
	);
	for (const [index, id] of claimIds.entries()) {
		await expect(page.locator(`[data-item="${id}"]`)).toContainText(
			loaded.case.sentences.find((s) => s.id === id)!.text.slice(0, 20)
		);
		await expect(page.locator(`[data-item="${id}"] input[type=radio]:focus`)).toHaveCount(1);
		await page.keyboard.press(KEYS[keyTag(id)]);
		await expect(page.locator(`[data-item="${id}"] input[value="${keyTag(id)}"]`)).toBeChecked();
		if (index < claimIds.length - 1) await page.keyboard.press(index % 2 ? 'j' : 'ArrowDown');
	}
	await expect(page.getByText(`${claimIds.length} of ${claimIds.length} tagged`)).toBeVisible();

	// K moves back up without changing anything
	await page.keyboard.press('k');
	await expect(page.locator(`[data-item="${claimIds.at(-2)}"] input:focus`)).toHaveCount(1);

	await tabUntil(
		page,
		() => document.activeElement?.textContent?.trim() === 'Check my answers',
		'the submit button'
	);
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Your results' })).toBeFocused();
	await expect(page.getByText(`${claimIds.length} out of ${claimIds.length}`)).toBeVisible();
	await expect(page.locator('.rationale')).toHaveCount(claimIds.length);
	const [firstId, firstEntry] = [...loaded.keys.letter][0]!;
	await expect(page.locator(`[data-item="${firstId}"] .rationale`)).toHaveText(
		firstEntry.rationale
	);
	// the score card first, with the next step; precision and recall behind a summary
	await expect(page.getByTestId('discernment-sentence')).toHaveText(
		'You told evidence, assertions and deflections apart well.'
	);
	await expect(page.locator('.summary').getByTestId('next-step')).toHaveAttribute(
		'href',
		`/m/${CASE}/lessons/the-timeline-and-four-years-ago`
	);
	await page.getByText('Precision and recall, tag by tag').click();
	await expect(page.getByRole('table', { name: 'Precision and recall per tag' })).toBeVisible();
	const contested = [...loaded.keys.letter.values()].filter((e) => e.contested).length;
	await expect(page.locator('.feedback .tag-contested')).toHaveCount(contested);
	await expectNoAxeViolations(page);

	// a reload keeps the work
	await page.reload();
	await expect(page.locator('.rationale')).toHaveCount(claimIds.length);
});

test('tagging everything "deflection" shows poor discernment', async ({ page }) => {
	await page.goto(`/m/${CASE}/tag`);
	for (const id of claimIds)
		await page.locator(`[data-item="${id}"] input[value=deflection]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(
		page.getByText(/You tagged \d+ of \d+ sentences “deflection”, but only/)
	).toBeVisible();
	await expect(
		page.getByText(/You found none of the \d+ sentences the key tags “evidence”/)
	).toBeVisible();
});

test('the key is not in the page before the student commits', async ({ page }) => {
	await page.goto(`/m/${CASE}/tag`);
	const html = await page.content();
	for (const entry of loaded.keys.letter.values()) {
		expect(html).not.toContain(entry.rationale.slice(0, 60));
	}
	await expect(page.locator('.rationale')).toHaveCount(0);
});

test('immediate feedback shows one item after it is committed, and locks it', async ({ page }) => {
	await page.goto(`/m/${CASE}/tag?feedback=immediate`);
	const [first, second] = claimIds;
	await page.locator(`[data-item="${first}"] input[value=assertion]`).check();
	await page.locator(`[data-item="${second}"] input[value=evidence]`).check();
	await page.getByRole('button', { name: `Check sentence ${first!.slice(1)}` }).click();
	await expect(page.locator(`[data-item="${first}"] .rationale`)).toHaveText(
		loaded.keys.letter.get(first!)!.rationale
	);
	await expect(page.locator('.rationale')).toHaveCount(1);
	await expect(
		page.locator(`[data-item="${first}"] input[type=radio][value=assertion]`)
	).toBeDisabled();
	await expect(page.getByRole('heading', { name: /Your results so far \(1 of/ })).toBeVisible();
	await page.getByRole('button', { name: `Check sentence ${second!.slice(1)}` }).click();
	await expect(page.locator('.rationale')).toHaveCount(2);
	await expectNoAxeViolations(page);
});

test('a reload keeps the tags chosen so far', async ({ page }) => {
	await page.goto(`/m/${CASE}/tag`);
	await page.locator(`[data-item="${claimIds[0]}"] input[value=evidence]`).check();
	await page.locator(`[data-item="${claimIds[1]}"] input[value=deflection]`).check();
	await page.locator(`[data-item="${claimIds[1]}"] select`).selectOption('loaded-labels');
	await page.reload();
	await expect(page.locator(`[data-item="${claimIds[0]}"] input[value=evidence]`)).toBeChecked();
	await expect(page.locator(`[data-item="${claimIds[1]}"] select`)).toHaveValue('loaded-labels');
	await expect(page.getByText(`2 of ${claimIds.length} tagged`)).toBeVisible();
});

test('checking an incomplete set says what is missing', async ({ page }) => {
	await page.goto(`/m/${CASE}/tag`);
	await page.locator(`[data-item="${claimIds[0]}"] input[value=evidence]`).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('alert')).toContainText(
		`Tag every sentence before checking: ${claimIds.length - 1} still untagged`
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the whole letter can be tagged, submitted and graded', async ({ page }) => {
		await page.goto(`/m/${CASE}/tag`);
		for (const id of claimIds)
			await page.locator(`[data-item="${id}"] input[value="${keyTag(id)}"]`).check();
		await page.getByRole('button', { name: 'Check my answers' }).click();
		await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
		await expect(page.getByText(`${claimIds.length} out of ${claimIds.length}`)).toBeVisible();
		await expect(page.locator('.rationale')).toHaveCount(claimIds.length);
		// (axe needs JavaScript to run; the same server-rendered results are scanned above)
	});

	test('an incomplete set gets a clear message and keeps the tags', async ({ page }) => {
		await page.goto(`/m/${CASE}/tag`);
		await page.locator(`[data-item="${claimIds[0]}"] input[value=assertion]`).check();
		await page.getByRole('button', { name: 'Check my answers' }).click();
		await expect(page.getByRole('alert')).toContainText('Tag every sentence before checking');
		await expect(page.locator(`[data-item="${claimIds[0]}"] input[value=assertion]`)).toBeChecked();
	});

	test('immediate feedback works item by item', async ({ page }) => {
		await page.goto(`/m/${CASE}/tag?feedback=immediate`);
		await page.locator(`[data-item="${claimIds[0]}"] input[value=assertion]`).check();
		await page.getByRole('button', { name: `Check sentence ${claimIds[0]!.slice(1)}` }).click();
		await expect(page.locator('.rationale')).toHaveCount(1);
		await page.locator(`[data-item="${claimIds[1]}"] input[value=evidence]`).check();
		await page.getByRole('button', { name: `Check sentence ${claimIds[1]!.slice(1)}` }).click();
		await expect(page.locator('.rationale')).toHaveCount(2);
	});
});

test('the practice page has a worked example, faded hints and its own grading', async ({
	page
}) => {
	const practice = loaded.case.practice!;
	await page.goto(`/m/${CASE}/practice`);
	await expect(page.getByText('Fictional.', { exact: false }).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Worked example' })).toBeVisible();
	const hinted = practice.items.filter((i) => i.hint).length;
	await expect(page.locator('.hint')).toHaveCount(hinted);
	const first = practice.items[0]!;
	const tag = loaded.keys.practice!.get(first.id)!.tag;
	await page.locator(`[data-item="${first.id}"] input[value="${tag}"]`).check();
	await page.getByRole('button', { name: `Check sentence ${first.id.slice(1)}` }).click();
	await expect(page.locator(`[data-item="${first.id}"] .verdict`)).toContainText('Full credit');
	await expectNoAxeViolations(page);
});

test('bad form bodies get a 400 with a clear message, never a 500', async ({
	request,
	baseURL
}) => {
	const post = (form: Record<string, string>) =>
		request.post(`/m/${CASE}/tag?/grade`, {
			form,
			headers: { origin: new URL(baseURL ?? '').origin, accept: 'application/json' }
		});
	for (const [form, message] of [
		[
			{ mode: 'set', 'tag-L4': 'opinion' },
			'the tag for L4 should be evidence, assertion or deflection'
		],
		[{ mode: 'never' }, 'mode should be'],
		[{ mode: 'set', 'tag-L999': 'evidence' }, 'There is no item L999'],
		[{ mode: 'immediate', commit: 'L4' }, 'Choose a tag for L4']
	] as const) {
		const response = await post(form);
		expect(response.status()).toBe(200); // SvelteKit wraps action failures in a JSON envelope
		const body = await response.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(JSON.stringify(body.data)).toContain(message);
	}
});
