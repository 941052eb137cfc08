// The instructor dashboard and projector view end to end: an instructor makes a class and assigns
// the module, students join in their own browsers and tag the whole letter, the dashboard shows
// their scores, the distribution per sentence and kappa; the projector updates as a third student
// submits; strangers get a 404; axe passes on both pages.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signUpInstructor as signUp } from './instructor';
import { CASE, claimIds, keyTag, loaded } from './content';
import { distribution, fleissKappa } from '../../src/lib/exercises/agreement';
import type { Tag } from '../../src/lib/content/vocabulary';

const PASSWORD = 'a long enough passphrase 42';

const signUpInstructor = (page: Page, name: string) =>
	signUp(page, name, { password: PASSWORD }).then(() => expect(page).toHaveURL(/\/instructor$/));

/** Creates a class, assigns the case to it; returns the class id and join code. */
async function createClassWithAssignment(page: Page, name: string) {
	await page.getByLabel('Class name').fill(name);
	await page.getByRole('button', { name: 'Create class' }).click();
	await expect(page).toHaveURL(/\/instructor\/classes\/[0-9a-f-]{36}/);
	const classId = new URL(page.url()).pathname.split('/')[3]!;
	const joinCode = (await page.getByTestId('join-code').textContent())!.trim();
	await page.getByLabel('Module').selectOption(CASE);
	await page.getByRole('button', { name: 'Assign' }).click();
	await expect(page.getByRole('status')).toContainText('assigned');
	return { classId, joinCode };
}

/** A student in a browser of their own: joins with the code, tags the whole letter, submits. */
async function studentSubmits(
	browser: Browser,
	joinCode: string,
	nickname: string,
	tagFor: (id: string) => Tag
): Promise<void> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/join/${joinCode}`);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${nickname}` })).toBeVisible();
	await page.goto(`/m/${CASE}/tag`);
	for (const id of claimIds) {
		await page.locator(`[data-item="${id}"] input[value="${tagFor(id)}"]`).check();
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await context.close();
}

const answers: Record<string, (id: string) => Tag> = {
	Ana: keyTag,
	Bo: () => 'deflection',
	Cy: () => 'assertion'
};

/** The kappa the dashboard should show for these students, from the app's own statistics. */
function expectedKappa(names: string[]): string {
	const tags = names.map((n) => Object.fromEntries(claimIds.map((id) => [id, answers[n]!(id)])));
	const kappa = fleissKappa(distribution(tags, claimIds).counts).kappa;
	return kappa!.toFixed(2);
}

test('the dashboard and the projector show the class work, live', async ({ browser, page }) => {
	test.setTimeout(240_000);
	await signUpInstructor(page, 'Dana');
	const { classId, joinCode } = await createClassWithAssignment(page, 'Period 4');

	await studentSubmits(browser, joinCode, 'Ana', answers.Ana!);
	await studentSubmits(browser, joinCode, 'Bo', answers.Bo!);

	// the dashboard: both students, a row per claim sentence, kappa with its caveat
	await page.goto(`/instructor/classes/${classId}/dashboard`);
	await expect(page.getByRole('heading', { name: 'Class dashboard' })).toBeVisible();
	await expect(page.getByTestId('submitted')).toHaveText('2');
	const scores = page.getByRole('table', { name: /Score and discernment per student/ });
	await expect(scores.locator('tr[data-student="Ana"]')).toContainText(
		`${claimIds.length} of ${claimIds.length}`
	);
	await expect(scores.locator('tr[data-student="Ana"]')).toContainText('100%');
	await expect(scores.locator('tr[data-student="Bo"]')).toBeVisible();
	const table = page.getByRole('table', { name: "The class's tags per sentence, against the key" });
	await expect(table.locator('tbody tr')).toHaveCount(claimIds.length);
	for (const id of claimIds) await expect(table.locator(`tr[data-item="${id}"]`)).toHaveCount(1);
	const evidence = claimIds.find((id) => keyTag(id) === 'evidence')!;
	await expect(table.locator(`tr[data-item="${evidence}"]`)).toContainText('1 (50%)');
	await expect(page.getByText(`Fleiss' kappa: ${expectedKappa(['Ana', 'Bo'])}`)).toBeVisible();
	await expect(page.getByText(/kappa is unstable/)).toBeVisible();
	await expect(page.getByRole('figure')).toContainText('most contested first');
	// each bar shows its sentence on hover and on focus (one tab stop; Up and Down move)
	const bars = page.getByRole('group', { name: /^The class's tags, one bar per sentence/ });
	const textOf = (id: string) => loaded.case.sentences.find((s) => s.id === id)!.text;
	const firstBar = bars.locator('a[data-row]').first();
	const firstId = (await firstBar.getAttribute('data-row'))!;
	await firstBar.hover();
	await expect(page.getByRole('tooltip')).toContainText(textOf(firstId));
	await page.mouse.move(0, 0);
	await expect(page.getByRole('tooltip')).toHaveCount(0);
	await expect(bars.locator('a[data-row][tabindex="0"]')).toHaveCount(1);
	await firstBar.focus();
	await page.keyboard.press('ArrowDown');
	const secondId = (await bars.locator('a[data-row]').nth(1).getAttribute('data-row'))!;
	await expect(bars.locator(`a[data-row="${secondId}"]`)).toBeFocused();
	await expect(page.getByRole('tooltip')).toContainText(textOf(secondId));
	await expectNoAxeViolations(page);
	// a bar leads to its row in the table
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`#distribution-${secondId}$`));

	// the projector: the most contested list, then one sentence, its key hidden until revealed
	await page.goto(`/instructor/classes/${classId}/present`);
	await expect(page.getByTestId('present-submitted')).toHaveText('2');
	await expect(page.getByRole('heading', { name: 'The most contested sentences' })).toBeVisible();
	await expectNoAxeViolations(page);

	const [first] = claimIds;
	const rationale = loaded.keys.letter.get(first!)!.rationale;
	await page.getByRole('link', { name: 'One sentence at a time →' }).click();
	await expect(page.getByRole('heading', { name: `Sentence ${first}` })).toBeVisible();
	await expect(page.getByTestId('present-counts')).toContainText('2 answers');
	expect(await page.content()).not.toContain(rationale.slice(0, 60));
	await page.getByRole('link', { name: 'Show the key for this sentence (projector only)' }).click();
	await expect(page).toHaveURL(new RegExp(`reveal=${first}`));
	await expect(page.getByRole('heading', { name: 'The key' })).toBeVisible();
	await expect(page.getByText(rationale)).toBeVisible();
	await expectNoAxeViolations(page);

	// a third student submits: the projector catches up without a reload
	await studentSubmits(browser, joinCode, 'Cy', answers.Cy!);
	await expect(page.getByTestId('present-submitted')).toHaveText('3', { timeout: 20_000 });
	await expect(page.getByTestId('present-counts')).toContainText('3 answers');
	await page.getByRole('button', { name: 'Pause live updates' }).click();
	await expect(page.getByText('Live updates paused.')).toBeVisible();

	await page.goto(`/instructor/classes/${classId}/dashboard`);
	await expect(
		page.getByText(`Fleiss' kappa: ${expectedKappa(['Ana', 'Bo', 'Cy'])}`)
	).toBeVisible();

	// the exercise at a glance: students per band of 20 points, and the sentence most missed
	const names = ['Ana', 'Bo', 'Cy'];
	const creditOf = (id: string, tag: Tag) => {
		const key = loaded.keys.letter.get(id)!;
		return tag === key.tag ? 1 : key.alsoDefensible.includes(tag) ? 0.5 : 0;
	};
	const bands = [0, 0, 0, 0, 0];
	for (const name of names) {
		const ratio =
			claimIds.reduce((sum, id) => sum + creditOf(id, answers[name]!(id)), 0) / claimIds.length;
		bands[Math.min(4, Math.floor(ratio * 5))]! += 1;
	}
	await expect(page.getByTestId('score-bands').locator('tbody td')).toHaveText(bands.map(String));
	const mean = (id: string) => names.reduce((sum, n) => sum + creditOf(id, answers[n]!(id)), 0) / 3;
	const lowest = Math.min(...claimIds.map(mean));
	const top = page.getByTestId('most-missed').locator('li').first();
	await expect(top).toContainText(`Mean credit ${Math.round(lowest * 100)}%`);
	expect(claimIds.filter((id) => mean(id) === lowest)).toContain(
		(await top.locator('strong').textContent())!.trim()
	);
});

test("another instructor's dashboard, projector and data are a 404", async ({ browser, page }) => {
	await signUpInstructor(page, 'Owner');
	const { classId } = await createClassWithAssignment(page, 'Private class');

	const context = await browser.newContext();
	const stranger = await context.newPage();
	await signUpInstructor(stranger, 'Stranger');
	for (const path of ['dashboard', 'present', 'events']) {
		const response = await stranger.goto(`/instructor/classes/${classId}/${path}`);
		expect(response?.status(), path).toBe(404);
	}
	await context.close();

	// signed out, the event stream is a plain 404 too (not a sign-in page)
	const anonymous = await browser.newContext();
	const response = await anonymous.request.get(`/instructor/classes/${classId}/events`);
	expect(response.status()).toBe(404);
	await anonymous.close();
});
