// Takes the README's screenshots of the built app: npx tsx scripts/screenshot.ts
import { chromium } from '@playwright/test';
import { startServer } from '../bench/server';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser';

const server = await startServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
	await page.goto(`${server.url}/m/embassy-letter-2020/tag?feedback=immediate`);
	for (const [id, tag] of [
		['L4', 'deflection'],
		['L5', 'deflection'],
		['L6', 'assertion']
	] as const) {
		await page.locator(`[data-item="${id}"] input[value=${tag}]`).check();
	}
	await page.getByRole('button', { name: 'Check L4' }).click();
	await page.locator('[data-item="L4"] .rationale').waitFor();
	await page.locator('h1').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'docs/screenshot-exercise.png' });
	await page.goto(`${server.url}/m/embassy-letter-2020/letter#L25`);
	await page.screenshot({ path: 'docs/screenshot-reader.png' });
} finally {
	await browser.close();
	await server.stop();
}
