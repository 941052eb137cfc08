// The catalogue, the module overview, a lesson page and the primary-source reader, each with an
// axe-core scan; the reader must serve every sentence of the letter verbatim, with or without JS.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { CASE, loaded, normalise } from './content';

test('the catalogue lists the module', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Rebuttal Lab' })).toBeVisible();
	await expect(page.getByRole('link', { name: loaded.case.module.title })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('pages with nothing to run ship no JavaScript: the catalogue and the about page', async ({
	request
}) => {
	for (const path of ['/', '/about']) {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		const html = await response.text();
		expect(html, path).not.toMatch(/<script|modulepreload/);
		expect(response.headers()['link'] ?? '', path).not.toContain('modulepreload');
	}
});

test('a page paints from its own HTML: styles inline, the two upright faces preloaded from the app, no font swap', async ({
	request
}) => {
	// on a slow phone network every render-blocking stylesheet is a round trip before the first
	// paint, and a font swap lays every line out a second time (issue 12, Lighthouse)
	for (const path of [
		'/',
		`/m/${CASE}/lessons/tagging-the-letter`,
		`/m/${CASE}/tag`,
		`/m/${CASE}/timeline`
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const html = await response.text();
		expect(html, path).toContain('<style');
		// SvelteKit keeps the files' links for client-side navigation, switched off
		for (const link of html.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? []) {
			expect(link, path).toMatch(/ disabled /);
		}
		expect(html, path).toContain('font-display:optional');
		expect(html, path).not.toContain('font-display:swap');
		const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"[^>]*>/g)].map(
			([tag, href]) => [tag, href ?? ''] as const
		);
		expect(preloads.map(([, href]) => href.replace(/\.[\w-]+\.woff2$/, '')).sort(), path).toEqual([
			'/_app/immutable/assets/source-sans-3-latin-wght-normal',
			'/_app/immutable/assets/source-serif-4-latin-400-normal'
		]);
		for (const [tag, href] of preloads) {
			expect(tag, path).toContain('crossorigin');
			const font = await request.get(href);
			expect(font.status(), href).toBe(200);
			expect(html, path).toContain(href.replace(/^\//, '')); // the same file the @font-face names
		}
	}
});

test('pages and data come gzipped to a browser that accepts it, as they are to one that does not', async ({
	request
}) => {
	// the timeline's HTML was 150 KB on the wire instead of 34 KB when no proxy compressed it
	for (const path of [`/m/${CASE}/timeline`, `/m/${CASE}/tag/__data.json`]) {
		const gzip = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
		expect(gzip.status(), path).toBe(200);
		expect(gzip.headers()['content-encoding'], path).toBe('gzip');
		expect(gzip.headers()['vary'], path).toMatch(/Accept-Encoding/i);
		const plain = await request.get(path, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers()['content-encoding'], path).toBeUndefined();
		// the same document either way, once decompressed (the CSP nonce differs per answer)
		const strip = (text: string) => text.replace(/nonce(=|-)"?[\w+/=]+"?/g, '');
		expect(strip(await gzip.text()), path).toBe(strip(await plain.text()));
	}
});

test('the module overview says what students will do, lists the lessons and the time', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: loaded.case.module.title }).click();
	await expect(page).toHaveURL(`/m/${CASE}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(loaded.case.module.title);
	await expect(page.getByRole('heading', { name: 'What you will do' })).toBeVisible();
	const minutes = loaded.case.lessons.reduce((sum, l) => sum + l.minutes, 0);
	await expect(
		page.getByText(`About ${minutes} minutes in ${loaded.case.lessons.length} lessons`)
	).toBeVisible();
	for (const lesson of loaded.case.lessons) {
		await expect(page.getByRole('link', { name: lesson.title, exact: true })).toBeVisible();
	}
	await expectNoAxeViolations(page);
});

test('a lesson page shows its title, time, objectives, progress and the next lesson', async ({
	page
}) => {
	const [first, second] = loaded.case.lessons;
	test.skip(!first || !second, 'the module needs two lessons');
	await page.goto(`/m/${CASE}`);
	await page.getByRole('link', { name: 'Start the first lesson' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first!.title);
	await expect(page.getByText(`Lesson 1 · about ${first!.minutes} minutes`)).toBeVisible();
	await expect(page.getByText(`Lesson 1 of ${loaded.case.lessons.length}`)).toBeVisible();
	for (const objective of first!.objectives) await expect(page.getByText(objective)).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: new RegExp(`Next\\s+2\\. ${second!.title}`) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second!.title);
});

async function letterText(page: Page) {
	return page.locator('.letter').evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.sid, .events-link').forEach((n) => n.remove());
		return copy.textContent ?? '';
	});
}

async function checkReader(page: Page) {
	await page.goto(`/m/${CASE}/letter`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(loaded.case.letter.title);
	await expect(page.getByText(loaded.case.letter.author).first()).toBeVisible();
	const where = loaded.case.letter.sources[0]!;
	await expect(page.getByRole('link', { name: where.title, exact: true }).first()).toHaveAttribute(
		'href',
		where.url
	);
	// the copy's date line is metadata, shown as the publication date and not as a sentence
	await expect(page.locator('.source-header')).toContainText('Published');
	await expect(page.locator('.source-header time')).toHaveAttribute(
		'datetime',
		loaded.case.letter.date
	);
	await expect(page.locator('.letter')).not.toContainText(loaded.case.letter.header ?? 'date ');
	for (const sentence of loaded.case.sentences) {
		const text = await page.locator(`[id="${sentence.id}"]`).evaluate((el) => {
			const copy = el.cloneNode(true) as HTMLElement;
			copy.querySelector('.sid')?.remove();
			return copy.textContent ?? '';
		});
		expect(normalise(text), sentence.id).toBe(normalise(sentence.text));
	}
	const body = normalise(loaded.case.letterSource).slice(
		normalise(loaded.case.letter.header ?? '').length
	);
	expect(normalise(await letterText(page))).toBe(normalise(body));
	await expect(page.getByRole('heading', { name: /What the article alleged/ })).toBeVisible();
	await expect(
		page.getByRole('link', { name: `“${loaded.case.article.article.title}”` })
	).toHaveAttribute('href', loaded.case.article.article.source.url);
	await expect(page.locator('#copyright')).toContainText('right of reply');
}

test('the reader serves every sentence of the letter verbatim, addressable by link', async ({
	page
}) => {
	await checkReader(page);
	await page.getByRole('link', { name: 'sentence 16', exact: true }).click();
	await expect(page).toHaveURL(/#L16$/);
	await expect(page.locator('#L16')).toBeInViewport();
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the reader reads in full', async ({ page }) => {
		await checkReader(page);
	});
});

test('the hidden attribute hides what it is on, buttons and links styled as buttons included', async ({
	page
}) => {
	await page.goto(`/m/${CASE}`);
	const shown = await page.evaluate(() =>
		['button', 'a'].map((tag) => {
			const element = document.createElement(tag);
			element.className = 'button';
			element.textContent = 'Hidden';
			element.hidden = true;
			document.querySelector('main')!.append(element);
			return getComputedStyle(element).display;
		})
	);
	expect(shown).toEqual(['none', 'none']);
});

test('the plain text of the letter is the source file', async ({ request }) => {
	const response = await request.get(`/m/${CASE}/letter.txt`);
	expect(await response.text()).toBe(loaded.case.letterSource);
});

test('security headers are set', async ({ request }) => {
	const response = await request.get(`/m/${CASE}/letter`);
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-content-type-options']).toBe('nosniff');
});

test('an unknown module is a friendly 404', async ({ page }) => {
	const response = await page.goto('/m/no-such-module');
	expect(response?.status()).toBe(404);
	await expect(page.getByText('There is no module called "no-such-module".')).toBeVisible();
	await expectNoAxeViolations(page);
});
