// Nothing in src/ is written for one case: no file names a case id (of lessons/ or of the test
// fixtures), and no code holds a literal sentence, event, allegation or item id such as 'L14' or
// 'E7'. A component that special-cases a case fails here; the case's words belong in its folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PREFIX } from '../../src/lib/content/vocabulary';

const caseIds = ['lessons', 'tests/fixtures'].flatMap((root) =>
	readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory())
);

function filesBelow(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return filesBelow(path);
		return /\.(ts|js|svelte|css|html)$/.test(name) ? [path] : [];
	});
}

/** The code of a file without its comments (ids in a comment's example are words, not code). */
function withoutComments(text: string): string {
	return text
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

const PREFIXES = Object.values(ID_PREFIX).join('');
/** an id of a case's content as a literal: 'L14', "E7", `A3` */
const LITERAL_ID = new RegExp(`(['"\`])[${PREFIXES}][0-9]+\\1`, 'g');

describe('no case in src/', () => {
	const files = filesBelow('src');

	it('reads the code and both case ids', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(caseIds).toEqual(
			expect.arrayContaining(['embassy-letter-2020', 'fictional-harbour-letter'])
		);
	});

	it('names no case id in any file', () => {
		const hits = files.flatMap((file) => {
			const text = readFileSync(file, 'utf8');
			return caseIds.filter((id) => text.includes(id)).map((id) => `${file}: ${id}`);
		});
		expect(hits).toEqual([]);
	});

	it('holds no literal sentence, event, allegation or item id in code', () => {
		const hits = files.flatMap((file) =>
			[...withoutComments(readFileSync(file, 'utf8')).matchAll(LITERAL_ID)].map(
				(m) => `${file}: ${m[0]}`
			)
		);
		expect(hits).toEqual([]);
	});

	it('would catch a special case', () => {
		const code = withoutComments(
			"// an example: 'L14'\nif (sentence.id === 'L14') return AGE['embassy-letter-2020'];"
		);
		expect(code.match(LITERAL_ID)).toEqual(["'L14'"]);
		expect(withoutComments("/** 'E7' */ const x = `E7`;").match(LITERAL_ID)).toEqual(['`E7`']);
	});
});
