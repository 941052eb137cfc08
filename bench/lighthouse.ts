// Lighthouse in its default mobile mode (simulated throttling) against pages of the built app,
// driving the system Chromium.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser';

export interface LighthouseScore {
	url: string;
	performance: number | null;
	accessibility: number | null;
	failedAudits: string[];
	/** the web fonts the page loaded (woff2 is compressed already: bytes as sent) */
	fonts: { files: number; bytes: number };
}

export async function runLighthouse(urls: string[]): Promise<LighthouseScore[]> {
	const chrome = await chromeLauncher.launch({
		chromePath: findChromium() ?? undefined,
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	const scores: LighthouseScore[] = [];
	try {
		for (const url of urls) {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility']
			});
			const lhr = result?.lhr;
			const score = (id: string) => {
				const value = lhr?.categories[id]?.score;
				return value === null || value === undefined ? null : Math.round(value * 100);
			};
			const failedAudits = Object.values(lhr?.audits ?? {})
				.filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
				.map((a) => a.id);
			const requests =
				(
					lhr?.audits['network-requests']?.details as
						| { items?: { resourceType?: string; transferSize?: number; resourceSize?: number }[] }
						| undefined
				)?.items ?? [];
			const fonts = requests.filter((r) => r.resourceType === 'Font');
			scores.push({
				url,
				fonts: {
					files: fonts.length,
					bytes: fonts.reduce((n, r) => n + (r.transferSize || r.resourceSize || 0), 0)
				},
				performance: score('performance'),
				accessibility: score('accessibility'),
				failedAudits
			});
		}
	} finally {
		await chrome.kill();
	}
	return scores;
}
