// End-to-end tests against the built app (npm run build first; npm run test:e2e does both).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const E2E_DATA = 'test-results/e2e-data';
const executablePath = findChromium();

export default defineConfig({
	testDir: 'tests/e2e',
	// a throwaway PostgreSQL for the specs that run on it, unless TEST_DATABASE_URL names one
	globalSetup: './tests/postgres.global.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	timeout: 60_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: { executablePath, args: CHROMIUM_ARGS },
		trace: 'retain-on-failure'
	},
	webServer: {
		// a fresh database per run (the class tests sign up and join): the data folder is wiped here,
		// as the server starts, not in a globalSetup (which Playwright runs after the server is up)
		command: `node -e "require('node:fs').rmSync('${E2E_DATA}', { recursive: true, force: true })" && node scripts/serve.js`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		// FIXTURE_CASES=on: the fictional case of tests/fixtures/ is served next to the real one
		// the whole suite signs up from one address; rate-limits.spec checks the default on servers of its own
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: E2E_DATA,
			FIXTURE_CASES: 'on',
			SIGNUP_LIMIT: '500'
		}
	}
});
