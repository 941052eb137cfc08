// What the tests of the real case share: its files, the case loaded once, and the ContentError a
// broken copy throws.
import { readCaseFiles } from '../../src/lib/content/folder';
import { loadCase, type CaseFiles } from '../../src/lib/content/case';
import { ContentError } from '../../src/lib/content/errors';

export const CASE = 'embassy-letter-2020';
export const FOLDER = `lessons/${CASE}`;

/** A fresh copy of the real case's files, to break one of them. */
export const files = (): CaseFiles => readCaseFiles(FOLDER);

/** The real case as the app loads it: the public case and its keys. */
export const real = loadCase(CASE, files());

/** The ContentError `fn` throws; fails the test when it loads instead. */
export function errorOf(fn: () => unknown): ContentError {
	try {
		fn();
	} catch (error) {
		if (error instanceof ContentError) return error;
		throw error;
	}
	throw new Error('expected a ContentError, but the content loaded');
}
