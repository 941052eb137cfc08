// ESLint flat config: TypeScript and Svelte rules, formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Only src/lib/server/repo/ runs queries (and db/ opens the database): elsewhere neither the query
 * builder nor the database handle may be imported.
 */
const QUERIES_ONLY_IN_REPO = 'Only src/lib/server/repo/ runs queries: add or use a function there.';
const noQueries = [
	{ regex: '^drizzle-orm(/|$)', message: QUERIES_ONLY_IN_REPO },
	{
		regex: '(^\\$lib/server/|/)db/client$',
		importNames: ['database', 'listenOnDatabase'],
		message: QUERIES_ONLY_IN_REPO
	}
];

/**
 * Data flows one way: content, then exercises and charts, then server, then routes, then
 * components. A folder may not import the folders downstream of it (by $lib or by a relative path).
 */
const downstream = (folders, why, more = noQueries) => ({
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{ regex: `(^\\$lib/|/)(${folders.join('|')})(/|$)`, message: why },
				{ regex: '^\\$app/', message: why },
				...more
			]
		}
	]
});

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// the app is always served at the root (no paths.base), so plain hrefs are correct
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// later blocks replace this rule for their folders; those that may reach the server add noQueries
	{
		files: ['src/**'],
		ignores: ['src/lib/server/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: noQueries }] }
	},
	{
		files: ['src/lib/content/**'],
		rules: downstream(
			['exercises', 'charts', 'components', 'server', 'routes'],
			'content/ is upstream of everything: it reads and checks case folders, nothing else'
		)
	},
	{
		files: ['src/lib/exercises/**'],
		rules: downstream(
			['charts', 'components', 'server', 'routes'],
			'exercises/ is domain logic: it never imports drawing code, components or the server'
		)
	},
	{
		files: ['src/lib/charts/**'],
		rules: downstream(
			['components', 'server', 'routes'],
			'charts/ lays out data: it never imports components or the server'
		)
	},
	{
		files: ['src/lib/server/**'],
		rules: downstream(
			['components', 'routes'],
			'server/ serves data to routes: it never imports components or routes'
		)
	},
	{
		files: ['src/lib/server/repo/**', 'src/lib/server/db/**'],
		rules: downstream(
			['components', 'routes'],
			'server/ serves data to routes: it never imports components or routes',
			[]
		)
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	}
);
