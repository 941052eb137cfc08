// The server's view of lessons/: every case loaded once, with its answer key. Only server code
// imports this module, so the key never reaches the browser bundle.
import { error } from '@sveltejs/kit';
import { loadCase, type Case, type CaseKeys, type LoadedCase } from '$lib/content/case';
import type { Source } from '$lib/content/schemas';

const raw = import.meta.glob<string>(
	['/lessons/*/**/*.yaml', '/lessons/*/**/*.md', '/lessons/*/*.txt'],
	{
		query: '?raw',
		import: 'default',
		eager: true
	}
);

function groupByCase(): Map<string, Record<string, string>> {
	const cases = new Map<string, Record<string, string>>();
	for (const [path, text] of Object.entries(raw)) {
		const [, , caseId, ...rest] = path.split('/');
		if (!caseId) continue;
		const files = cases.get(caseId) ?? {};
		files[rest.join('/')] = text;
		cases.set(caseId, files);
	}
	return cases;
}

const loaded: Map<string, LoadedCase> = new Map(
	[...groupByCase()].map(([id, files]) => [id, loadCase(id, files)])
);

export function listCases(): Case[] {
	return [...loaded.values()].map((c) => c.case);
}

export function getCase(id: string): Case {
	const found = loaded.get(id);
	if (!found) error(404, `There is no module called "${id}".`);
	return found.case;
}

export function getKeys(id: string): CaseKeys {
	const found = loaded.get(id);
	if (!found) error(404, `There is no module called "${id}".`);
	return found.keys;
}

/** The register entries for some source ids, by id: what a page that cites them needs. */
export function sourcesById(c: Case, ids: readonly string[]): Record<string, Source> {
	const wanted = new Set(ids);
	return Object.fromEntries(c.sources.filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
}
