// npm run case:check <folder or zip>: checks a case folder, or a zip of one (as the case editor
// exports it), with the build's own loader and messages. A zip is read as an upload is: the same
// limits and refusals. Exit 1 with the messages when something is wrong; exit 0 with a one-line
// summary when not.
import { basename, resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadCase, type CaseFiles } from '../src/lib/content/case.ts';
import { ContentError } from '../src/lib/content/errors.ts';
import { readCaseFiles } from '../src/lib/content/folder.ts';
import { CaseZipError, readCaseZip } from '../src/lib/server/case-zip.ts';

const target = process.argv[2];
if (!target || !existsSync(target)) {
	console.error(
		'Usage: npm run case:check <case folder or zip>, e.g. npm run case:check lessons/my-case'
	);
	process.exit(1);
}

async function filesOf(path: string): Promise<{ id: string; files: CaseFiles }> {
	if (statSync(path).isDirectory())
		return { id: basename(resolve(path)), files: readCaseFiles(path) };
	const { folder, files } = await readCaseZip(readFileSync(path));
	return { id: folder ?? basename(path).replace(/\.zip$/i, ''), files };
}

try {
	const { id, files } = await filesOf(target);
	const { case: c } = loadCase(id, files);
	const claims = c.sentences.filter((s) => s.role === 'claim').length;
	const events = c.timeline?.events.length ?? 0;
	console.log(
		`${target}: ok (${c.module.title}: ${c.lessons.length} lessons, ${claims} claim sentences, ${c.article.allegations.length} allegations, ${events} events, ${c.sources.length} sources)`
	);
} catch (error) {
	if (error instanceof ContentError || error instanceof CaseZipError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
