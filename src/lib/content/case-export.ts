// A case written in the editor as the files of a case folder (lessons/<case>/), and back: the
// export writes each part of the draft as YAML (the text as it is), in the folder's own format;
// the import reads such files into a draft and checks it with the draft's schema, refusing
// anything else with the file, the item and the field named, as the build's content errors do.
import YAML from 'yaml';
import type { CaseFiles } from './case.ts';
import { DRAFT_FILES, parseDraft, type CaseDraft, type DraftProblem } from './draft.ts';

type Part = keyof typeof DRAFT_FILES;
const PART_OF_FILE = new Map(
	(Object.entries(DRAFT_FILES) as [Part, string][]).map(([part, file]) => [file, part])
);

/** The case folder's files of a draft: YAML for every part, the rebuttal as plain text. */
export function exportFiles(draft: CaseDraft): CaseFiles {
	const files: CaseFiles = {};
	for (const [part, file] of Object.entries(DRAFT_FILES) as [Part, string][]) {
		const value = draft[part];
		if (value === undefined) continue;
		files[file] = typeof value === 'string' ? value : YAML.stringify(value, { lineWidth: 0 });
	}
	return files;
}

/**
 * The draft in a case folder's files, or what is wrong with them: a file the editor does not take,
 * YAML that does not parse, or a part off the draft's schema or over its size limits.
 */
export function importFiles(
	files: CaseFiles
): { ok: true; draft: CaseDraft } | { ok: false; problems: DraftProblem[] } {
	const problems: DraftProblem[] = [];
	const draft: Record<string, unknown> = {};
	for (const [file, text] of Object.entries(files)) {
		const part = PART_OF_FILE.get(file);
		if (!part) {
			problems.push({
				file,
				message: `the editor does not take this file; a case it imports has ${[...PART_OF_FILE.keys()].join(', ')}`
			});
			continue;
		}
		if (part === 'text') {
			draft[part] = text;
			continue;
		}
		try {
			draft[part] = YAML.parse(text, { maxAliasCount: 0 });
		} catch (error) {
			const reason = error instanceof Error ? error.message.split('\n')[0] : 'it does not parse';
			problems.push({ file, message: `not valid YAML: ${reason}` });
		}
	}
	if (problems.length) return { ok: false, problems };
	return parseDraft(draft);
}
