// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else the system's /usr/bin/chromium,
// else Playwright's own download; with none, fail with a message saying how to get one.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
	try {
		const bundled = chromium.executablePath();
		if (bundled && existsSync(bundled)) return undefined; // Playwright's own browser: no path needed
	} catch {
		// no bundled browser either
	}
	throw new Error(
		[
			'No Chromium found for the end-to-end tests.',
			'Install one of:',
			'  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
			"  - Playwright's own browser: npx playwright install chromium",
			'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		].join('\n')
	);
}
