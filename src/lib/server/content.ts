// The server's view of lessons/: every case loaded once, with its answer key. Only server code
// imports this module, so the key never reaches the browser bundle.
import { error } from '@sveltejs/kit';
import { loadCase, type Case, type CaseKeys, type LoadedCase } from '$lib/content/case';
import type { Source } from '$lib/content/schemas';

// the options are written out in each call: Vite reads them statically
/** the case folders the app serves: lessons/<case>/ */
const lessonFiles = import.meta.glob<string>(
	['/lessons/*/**/*.yaml', '/lessons/*/**/*.md', '/lessons/*/*.txt'],
	{ query: '?raw', import: 'default', eager: true }
);
/**
 * the test suite's fictional cases: tests/fixtures/<case>/, compiled in only by a build made with
 * FIXTURE_CASES=on (__FIXTURE_CASES__) and served only when the server runs with it too
 */
const fixtureFiles: Record<string, string> = __FIXTURE_CASES__
	? import.meta.glob<string>(
			['/tests/fixtures/*/**/*.yaml', '/tests/fixtures/*/**/*.md', '/tests/fixtures/*/*.txt'],
			{ query: '?raw', import: 'default', eager: true }
		)
	: {};

/** FIXTURE_CASES from the environment: "on" serves the fixture cases too (the e2e server does). */
export function fixtureCasesOn(env: NodeJS.ProcessEnv = process.env): boolean {
	return (env.FIXTURE_CASES ?? '').trim().toLowerCase() === 'on';
}

/** The files of each case below a root folder ("/lessons/"), keyed by case id, then by path. */
function groupByCase(
	root: string,
	raw: Record<string, string>
): Map<string, { folder: string; files: Record<string, string> }> {
	const cases = new Map<string, { folder: string; files: Record<string, string> }>();
	for (const [path, text] of Object.entries(raw)) {
		const [caseId, ...rest] = path.slice(root.length).split('/');
		if (!caseId) continue;
		const entry = cases.get(caseId) ?? { folder: `${root}${caseId}/`, files: {} };
		entry.files[rest.join('/')] = text;
		cases.set(caseId, entry);
	}
	return cases;
}

if (fixtureCasesOn() && !__FIXTURE_CASES__) {
	throw new Error(
		'FIXTURE_CASES=on, but this build holds no fixture cases: build it with FIXTURE_CASES=on (npm run test:e2e does).'
	);
}

const folders = new Map([
	...groupByCase('/lessons/', lessonFiles),
	...(fixtureCasesOn() ? groupByCase('/tests/fixtures/', fixtureFiles) : [])
]);

const loaded: Map<string, LoadedCase> = new Map(
	[...folders].map(([id, { files }]) => [id, loadCase(id, files)])
);

/** The folder of a case in the project ("/lessons/<case>/"): where its compiled lessons and notes are. */
export function caseFolder(c: Case): string {
	return folders.get(c.id)?.folder ?? `/lessons/${c.id}/`;
}

export function listCases(): Case[] {
	return [...loaded.values()].map((c) => c.case);
}

export function getCase(id: string): Case {
	const found = loaded.get(id);
	if (!found) error(404, `There is no module called "${id}".`);
	return found.case;
}

/** the keys of the authored cases the server has loaded (server/modules.ts), by their Case */
const authoredKeys = new WeakMap<Case, CaseKeys>();

/** Records the key of an authored case loaded from the database, for getKeys. */
export function keepAuthoredKeys({ case: c, keys }: LoadedCase): Case {
	authoredKeys.set(c, keys);
	return c;
}

/** The answer key of a case: read here only, and passed by the graders to what they grade. */
export function getKeys(c: Case): CaseKeys {
	const found = loaded.get(c.id)?.keys ?? authoredKeys.get(c);
	if (!found) error(404, `There is no module called "${c.id}".`);
	return found;
}

/** The register entries for some source ids, by id: what a page that cites them needs. */
export function sourcesById(c: Case, ids: readonly string[]): Record<string, Source> {
	const wanted = new Set(ids);
	return Object.fromEntries(c.sources.filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
}
