// Vite configuration. The content plugin validates every file in lessons/ (and the test suite's
// fictional cases in tests/fixtures/) when a build or dev server starts, so a broken content file
// fails the build with the file, item id and field named.
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { validateLessonsFolder } from './src/lib/content/folder.ts';
import { chunkReport } from './bench/chunk-report.ts';

function contentValidation(): Plugin {
	return {
		name: 'rebuttal-lab:content',
		// unit tests load content themselves and assert on its errors
		apply: () => !process.env.VITEST,
		buildStart() {
			validateLessonsFolder('lessons');
			validateLessonsFolder('tests/fixtures');
		}
	};
}

/**
 * The test suite's fictional cases are compiled in only when FIXTURE_CASES=on as the build (or the
 * dev server) starts, and always for Vitest: elsewhere the branches that import them are dead code
 * and the production build holds none of their files.
 */
const fixtureCases =
	Boolean(process.env.VITEST) || process.env.FIXTURE_CASES?.trim().toLowerCase() === 'on';

export default defineConfig({
	plugins: [contentValidation(), sveltekit(), chunkReport()],
	define: { __FIXTURE_CASES__: JSON.stringify(fixtureCases) },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// a throwaway PostgreSQL for the integration tests unless TEST_DATABASE_URL names one
		globalSetup: ['tests/postgres.global.ts']
	}
});
