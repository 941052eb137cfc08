// Reads lessons/ from disk (Node only): used by the build's validation step and by unit tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCase, type CaseFiles, type LoadedCase } from './case.ts';

/** Every file below a case folder, keyed by its path relative to that folder. */
export function readCaseFiles(folder: string, prefix = ''): CaseFiles {
	const files: CaseFiles = {};
	for (const name of readdirSync(folder)) {
		const full = join(folder, name);
		if (statSync(full).isDirectory())
			Object.assign(files, readCaseFiles(full, `${prefix}${name}/`));
		else files[`${prefix}${name}`] = readFileSync(full, 'utf8');
	}
	return files;
}

/** Loads and checks every case below the lessons folder; throws a ContentError on the first bad file. */
export function validateLessonsFolder(root: string): LoadedCase[] {
	return readdirSync(root)
		.filter((name) => statSync(join(root, name)).isDirectory())
		.map((caseId) => loadCase(caseId, readCaseFiles(join(root, caseId))));
}
