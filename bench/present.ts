// How many requests an open present page (the projector) makes: a minute with nobody handing in,
// then a minute with a student handing in every 10 seconds. It used to poll every 4 seconds (15
// requests a minute whatever happened); it now follows the class's event stream and reloads only
// after a change.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser';
import { keyTags, setUpClass, studentSubmits } from './classroom';

export interface PresentRequests {
	/** requests in 60 s with no hand-in (the event stream itself not counted) */
	idlePerMinute: number;
	/** requests in 60 s with a hand-in every 10 s */
	busyPerMinute: number;
	handInsWhileBusy: number;
	/** what polling every 4 s made, whatever happened */
	pollingPerMinute: number;
}

export async function measurePresentRequests(base: string): Promise<PresentRequests> {
	const setup = await setUpClass(base, { className: 'Projector bench' });
	await studentSubmits(base, setup.code, 'First', keyTags);
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext();
		await context.addCookies(
			[...setup.instructor.cookies].map(([name, value]) => ({ name, value, url: base }))
		);
		const page = await context.newPage();
		let requests = 0;
		page.on('request', (r) => {
			if (!new URL(r.url()).pathname.endsWith('/events')) requests++;
		});
		await page.goto(`${base}${setup.classUrl}/present`);
		await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
		requests = 0;
		await page.waitForTimeout(60_000);
		const idlePerMinute = requests;
		requests = 0;
		let handIns = 0;
		for (let i = 0; i < 6; i++) {
			await studentSubmits(base, setup.code, `Student ${i}`, keyTags);
			handIns++;
			await page.waitForTimeout(10_000);
		}
		return {
			idlePerMinute,
			busyPerMinute: requests,
			handInsWhileBusy: handIns,
			pollingPerMinute: 60 / 4
		};
	} finally {
		await browser.close();
	}
}
