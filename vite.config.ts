// Vite configuration. The content plugin validates every file in lessons/ (and the test suite's
// fictional cases in tests/fixtures/) when a build or dev server starts, so a broken content file
// fails the build with the file, item id and field named.
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { validateLessonsFolder } from './src/lib/content/folder.ts';
import { chunkReport } from './bench/chunk-report.ts';
import { buildDefines } from './src/build-defines.ts';

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

export default defineConfig({
	plugins: [contentValidation(), sveltekit(), chunkReport()],
	define: buildDefines(),
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// a throwaway PostgreSQL for the integration tests unless TEST_DATABASE_URL names one
		globalSetup: ['tests/postgres.global.ts']
	}
});
