// A published authored case in a class (issue 15), end to end: the instructor assigns their own
// case like the built-in module ("When I reveal the key"), the class page names the version; an
// edit published as version 2 leaves the class on version 1; a class student gets the standard
// lessons (both texts; the definitions with the case's own examples), tags the letter and links
// it; until the reveal, no page, no __data.json and no /_app file the pages load carries the key
// of any sentence that is not one of the lesson's worked examples; the dashboard shows the class's
// distribution; a draft is a 404 to the student and to another instructor, and is not offered.
import { expect, test, type Page } from '@playwright/test';
import { KEY, startCase, TEXTS, writeCase } from './authored';
import { expectNoAxeViolations } from './axe';
import { createClass, join, unique } from './classroom';
import { signUpInstructor } from './instructor';

/** the definitions lesson's examples: the first claim of each tag (L3, L2, L5); the rest is secret */
const EXAMPLES = ['L2', 'L3', 'L5'];
const SECRET = Object.entries(KEY)
	.filter(([id]) => !EXAMPLES.includes(id))
	.map(([, k]) => k.rationale);

/** The page, its __data.json and every /_app script it loads: none carries a secret rationale. */
async function expectNoKey(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	const data = await page.request.get(`${path.replace(/\/$/, '')}/__data.json`);
	const assets = await page.evaluate(() =>
		[...document.querySelectorAll('script[src], link[href^="/_app"]')].map(
			(e) => e.getAttribute('src') ?? e.getAttribute('href')!
		)
	);
	const scripts = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((e) => e.name)
			.filter((n) => n.includes('/_app/'))
	);
	const bodies = [await page.content(), await data.text()];
	for (const url of new Set([...assets, ...scripts]))
		bodies.push(await (await page.request.get(url)).text());
	for (const body of bodies) {
		for (const secret of SECRET) expect(body, path).not.toContain(secret);
		expect(body, path).not.toMatch(/"otherReading"|"alsoDefensible"/);
	}
}

test('an authored case in a class: versions, standard lessons, tagging, dashboard, key kept', async ({
	browser,
	page
}) => {
	test.setTimeout(300_000);
	await signUpInstructor(page, 'Teacher');
	const { caseUrl, moduleId } = await writeCase(page, 'River letter');
	const draftUrl = await startCase(page, 'Unfinished letter');
	const draftModule = `authored-${new URL(draftUrl).pathname.split('/').pop()}`;

	const { classUrl, code } = await createClass(page, `Authored ${unique()}`);
	const options = await page.getByLabel('Module').locator('option').allTextContents();
	expect(options).toContain('River letter (your case, version 1)');
	expect(options.join('\n')).not.toContain('Unfinished letter');
	await page.getByLabel('Module').selectOption(moduleId);
	await page.getByRole('radio', { name: 'When I reveal the key' }).last().check();
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The module is assigned');
	await expect(page.getByText('Your case, version 1')).toBeVisible();
	await expectNoAxeViolations(page);
	// a draft posted by hand is refused
	const forged = await page.request.post(`${classUrl}?/assign`, {
		form: { moduleId: draftModule, feedbackMode: 'set' },
		headers: { accept: 'application/json', origin: new URL(page.url()).origin }
	});
	expect(JSON.stringify(await forged.json())).toContain('choose a module from the list');

	// version 2: published after an edit; the class stays on version 1
	await page.goto(`${caseUrl}/texts`);
	await page.locator('#summary').fill('A second summary, for version two.');
	await page.getByRole('button', { name: 'Save the draft' }).click();
	await expect(page.getByRole('status')).toContainText('This started version 2');
	await page.goto(`${caseUrl}/preview`);
	await page.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(page.getByTestId('case-status')).toHaveText('Published (version 2).');
	await page.goto(classUrl);
	await expect(page.getByText('Your case, version 1')).toBeVisible();

	// the student: version 1, the standard lessons, no key before the reveal
	const { context, page: student } = await join(browser, code, 'Ada');
	await student.goto(`/m/${moduleId}`);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText('River letter');
	await expect(student.getByText(TEXTS.summary).first()).toBeVisible();
	await expect(student.getByText('A second summary, for version two.')).toHaveCount(0);
	// the standard sequence: both texts, the definitions, then tag and map
	for (const step of [
		'1. Read both texts',
		'2. Evidence, assertion, deflection',
		'Tag the letter',
		'Link the allegations'
	])
		await expect(student.getByRole('link', { name: step, exact: true }).last()).toBeVisible();
	await expectNoAxeViolations(student);
	await student.getByRole('link', { name: 'Start the first lesson' }).click();
	await expect(student.getByRole('heading', { level: 1, name: 'Read both texts' })).toBeVisible();
	await expect(student.getByText('Dead fish')).toBeVisible();
	await expect(student.getByText('The water board tested the river on 1 March')).toBeVisible();
	await expectNoAxeViolations(student);
	await student.goto(`/m/${moduleId}/lessons/evidence-assertion-deflection`);
	const examples = student.getByRole('list').filter({ hasText: KEY.L3!.rationale });
	for (const id of EXAMPLES) await expect(examples).toContainText(KEY[id]!.rationale);
	await expectNoAxeViolations(student);

	const m = `/m/${moduleId}`;
	const pages = [
		m,
		`${m}/lessons/read-the-texts`,
		`${m}/lessons/evidence-assertion-deflection`,
		`${m}/letter`,
		`${m}/tag`,
		`${m}/map`,
		`${m}/sources`
	];
	for (const path of pages) await expectNoKey(student, path);

	await student.goto(`${m}/tag`);
	await expectNoAxeViolations(student);
	for (const [id, k] of Object.entries(KEY))
		await student.locator(`[data-item="${id}"] input[value="${k.tag}"]`).check();
	await student.getByRole('button', { name: 'Hand in my answers' }).click();
	await expect(student.getByText('Your answers are in;')).toBeVisible();
	for (const path of pages) await expectNoKey(student, path);

	// a draft is no module, for the student and for another instructor
	expect((await student.goto(`/m/${draftModule}`))?.status()).toBe(404);
	const other = await browser.newContext();
	const stranger = await other.newPage();
	await signUpInstructor(stranger, 'Stranger');
	expect((await stranger.goto(`/m/${draftModule}`))?.status()).toBe(404);
	expect((await stranger.goto(`/m/${draftModule}/tag`))?.status()).toBe(404);
	await other.close();

	// the dashboard: the class's distribution per sentence of version 1
	await page.goto(`${classUrl}/dashboard`);
	await expect(page.getByRole('heading', { name: 'Class dashboard' })).toBeVisible();
	await expect(page.getByTestId('submitted')).toHaveText('1');
	const table = page.getByRole('table', { name: "The class's tags per sentence, against the key" });
	await expect(table.locator('tbody tr')).toHaveCount(Object.keys(KEY).length);
	await expect(table.locator('tr[data-item="L3"]')).toContainText('1 (100%)');
	await expectNoAxeViolations(page);
	await page.goto(`${classUrl}/present`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	// the reveal: now the student sees every rationale of version 1
	await page.goto(classUrl);
	const reveal = page.getByTestId('reveal-key');
	await reveal.getByRole('checkbox').check();
	await reveal.getByRole('button', { name: 'Reveal the key to the class' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The key is revealed' })).toBeVisible();
	await student.goto(`${m}/tag`);
	await expect(student.getByRole('heading', { name: 'Your results' })).toBeVisible();
	for (const k of Object.values(KEY)) await expect(student.getByText(k.rationale)).toBeVisible();
	await context.close();
});
