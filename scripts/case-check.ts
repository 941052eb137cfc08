// npm run case:check <folder>: checks a case folder with the build's own loader and messages.
// Exit 1 with the messages when something is wrong; exit 0 with a one-line summary when not.
import { basename, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { loadCase } from '../src/lib/content/case.ts';
import { ContentError } from '../src/lib/content/errors.ts';
import { readCaseFiles } from '../src/lib/content/folder.ts';

const folder = process.argv[2];
if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
	console.error('Usage: npm run case:check <case folder>, e.g. npm run case:check lessons/my-case');
	process.exit(1);
}
const id = basename(resolve(folder));
try {
	const { case: c } = loadCase(id, readCaseFiles(folder));
	const claims = c.sentences.filter((s) => s.role === 'claim').length;
	const events = c.timeline?.events.length ?? 0;
	console.log(
		`${folder}: ok (${c.module.title}: ${c.lessons.length} lessons, ${claims} claim sentences, ${c.article.allegations.length} allegations, ${events} events, ${c.sources.length} sources)`
	);
} catch (error) {
	if (error instanceof ContentError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
