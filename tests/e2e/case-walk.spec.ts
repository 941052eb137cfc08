// One walk through a case, run on the real case and on the fictional fixture case
// (tests/fixtures/, served because the e2e server runs with FIXTURE_CASES=on): the overview, the
// first lesson, tagging the whole letter with the key's tags, the map and the timeline. The same
// pages render both cases from their folders alone: nothing in the code is written for one case.
import { expect, test } from '@playwright/test';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';
import { expectNoAxeViolations } from './axe';

const CASES = [
	{ id: 'embassy-letter-2020', folder: 'lessons/embassy-letter-2020' },
	{ id: 'fictional-harbour-letter', folder: 'tests/fixtures/fictional-harbour-letter' }
];

for (const { id, folder } of CASES) {
	const loaded = loadCase(id, readCaseFiles(folder));
	const c = loaded.case;
	const claims = c.sentences.filter((s) => s.role === 'claim');

	test(`${id}: overview, first lesson, tagging, map and timeline`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/');
		await page.getByRole('link', { name: c.module.title, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.module.title);

		await page.getByRole('link', { name: 'Start the first lesson' }).click();
		await expect(page).toHaveURL(new RegExp(`/m/${id}/lessons/${c.lessons[0]!.slug}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.lessons[0]!.title);
		await expectNoAxeViolations(page);

		// tag every claim with the key's tag: every one is right
		await page.goto(`/m/${id}/tag`);
		await expect(page.locator('[data-item]')).toHaveCount(claims.length);
		for (const s of claims) {
			const tag = loaded.keys.letter.get(s.id)!.tag;
			await page.locator(`[data-item="${s.id}"] input[value="${tag}"]`).check();
		}
		await page.getByRole('button', { name: 'Check my answers' }).click();
		await expect(page.getByRole('heading', { name: 'Your results' })).toBeFocused();
		await expect(page.getByText(`${claims.length} out of ${claims.length}`)).toBeVisible();
		await expect(page.locator('.rationale')).toHaveCount(claims.length);

		// the map: one item per claim, and every allegation listed beside them
		await page.goto(`/m/${id}/map`);
		await expect(page.locator('[data-item]')).toHaveCount(claims.length);
		for (const a of c.article.allegations) {
			await expect(page.locator('dd', { hasText: a.summary })).toHaveCount(1);
		}
		await expectNoAxeViolations(page);

		// the timeline: every event in the table, and the case's question about the age of sources
		await page.goto(`/m/${id}/timeline`);
		const events = c.timeline?.events ?? [];
		const table = page.locator('table');
		for (const e of events) {
			await expect(table.locator(`a[data-event="${e.id}"]`)).toHaveText(e.title);
		}
		const age = c.timeline?.ageQuestion;
		if (age) await expect(page.getByRole('heading', { name: age.title })).toBeVisible();
		await expectNoAxeViolations(page);
	});
}
