// The case's content as the tests see it, read straight from lessons/ with the app's own loader.
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';

export const CASE = 'embassy-letter-2020';
export const loaded = loadCase(CASE, readCaseFiles(`lessons/${CASE}`));
export const claimIds = loaded.case.sentences.filter((s) => s.role === 'claim').map((s) => s.id);
export const keyTag = (id: string) => {
	const tag = loaded.keys.letter.get(id)?.tag;
	if (!tag) throw new Error(`no key for ${id}`);
	return tag;
};
export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
