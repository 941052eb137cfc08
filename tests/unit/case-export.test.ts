// A case written in the editor, exported as a zip of a case folder and imported back: the zip
// passes `npm run case:check` (the build's own loader), the import yields the same draft, and an
// import of anything else is refused with the file, item and field named.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFiles, importFiles } from '../../src/lib/content/case-export';
import { parseDraft, publishCheck, withFixedFields } from '../../src/lib/content/draft';
import { readCaseZip, writeCaseZip } from '../../src/lib/server/case-zip';
import { completeDraft, extrasDraft, MODULE_ID, timelineDraft } from './authored-case';

/** Runs `npm run case:check` on a zip of the files; its output. */
async function caseCheck(files: Record<string, string>) {
	const zip = await writeCaseZip(MODULE_ID, files);
	const dir = mkdtempSync(join(tmpdir(), 'case-export-'));
	try {
		const path = join(dir, 'case.zip');
		writeFileSync(path, zip);
		return {
			zip,
			...spawnSync('node_modules/.bin/tsx', ['scripts/case-check.ts', path], { encoding: 'utf8' })
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('case export and import', () => {
	it('exports YAML files that case:check passes, and imports them as the same draft', async () => {
		const draft = withFixedFields(MODULE_ID, timelineDraft());
		const files = exportFiles(draft);
		expect(Object.keys(files).sort()).toEqual([
			'allegations.yaml',
			'answer-key.yaml',
			'letter.yaml',
			'module.yaml',
			'rebuttal.txt',
			'sources.yaml',
			'timeline.yaml'
		]);
		expect(files['module.yaml']).toMatch(/^id: authored-/m);
		const checked = await caseCheck(files);
		expect(checked.stderr).toBe('');
		expect(checked.status).toBe(0);
		expect(checked.stdout).toContain('3 claim sentences, 2 allegations');
		const zip = checked.zip;
		const read = await readCaseZip(zip);
		expect(read.folder).toBe(MODULE_ID);
		// the same draft as the schema reads it (its defaults filled in), and so the same case
		const imported = importFiles(read.files);
		expect(imported).toEqual(parseDraft(draft));
		if (!imported.ok) return;
		const before = publishCheck(MODULE_ID, draft);
		const after = publishCheck(MODULE_ID, imported.draft);
		if (!before.ok || !after.ok) throw new Error('the exported case no longer passes the check');
		expect(after.loaded).toEqual(before.loaded);
	}, 60_000);

	it('exports the glossary and the practice as glossary.yaml and practice.yaml, and imports them back', async () => {
		const draft = withFixedFields(MODULE_ID, extrasDraft());
		const files = exportFiles(draft);
		expect(Object.keys(files).sort()).toEqual([
			'allegations.yaml',
			'answer-key.yaml',
			'glossary.yaml',
			'letter.yaml',
			'module.yaml',
			'practice.yaml',
			'rebuttal.txt',
			'sources.yaml'
		]);
		expect(files['practice.yaml']).toMatch(/^title: "?Practice \(fictional\)/m);
		expect(files['glossary.yaml']).toMatch(/^terms:/m);
		const checked = await caseCheck(files);
		expect(checked.stderr).toBe('');
		expect(checked.status).toBe(0);
		const read = await readCaseZip(checked.zip);
		const imported = importFiles(read.files);
		expect(imported).toEqual(parseDraft(draft));
		if (!imported.ok) return;
		const before = publishCheck(MODULE_ID, draft);
		const after = publishCheck(MODULE_ID, imported.draft);
		if (!before.ok || !after.ok) throw new Error('the exported case no longer passes the check');
		expect(after.loaded.case.glossary!.terms.map((t) => t.id)).toEqual([
			'water-board',
			'whataboutism'
		]);
		expect(after.loaded.keys.practice!.size).toBe(3);
		expect(after.loaded).toEqual(before.loaded);
	}, 60_000);

	it('refuses a glossary or practice off the schema, naming the file, the item and the field', () => {
		const files = exportFiles(withFixedFields(MODULE_ID, extrasDraft()));
		const glossary = importFiles({
			...files,
			'glossary.yaml': 'terms:\n  - id: water-board\n    term: W\n    definitoin: typo\n'
		});
		expect(glossary.ok).toBe(false);
		if (!glossary.ok)
			expect(glossary.problems[0]).toEqual({
				file: 'glossary.yaml',
				item: 'water-board',
				message: 'item water-board, field "definitoin": expected no such field (remove it)'
			});
		const practice = importFiles({
			...files,
			'practice.yaml': files['practice.yaml']!.replace(
				'technique: whataboutism',
				'technique: lying'
			)
		});
		expect(practice.ok).toBe(false);
		if (!practice.ok) {
			expect(practice.problems[0]).toMatchObject({ file: 'practice.yaml', item: 'P2' });
			expect(practice.problems[0]!.message).toMatch(/^item P2, field "key.technique": expected/);
		}
		// the schema's limits hold for an import as for the editor
		const many = importFiles({
			...files,
			'practice.yaml': `items:\n${Array.from({ length: 21 }, (_, i) => `  - id: P${i + 1}\n`).join('')}`
		});
		expect(many.ok).toBe(false);
		if (!many.ok)
			expect(many.problems[0]).toMatchObject({
				file: 'practice.yaml',
				message: 'field "items": expected at most 20 practice items'
			});
	});

	it('refuses a file the editor does not take, YAML that does not parse, and a schema failure', () => {
		const files = exportFiles(withFixedFields(MODULE_ID, completeDraft()));
		const extra = importFiles({ ...files, 'booster.yaml': 'items: []' });
		expect(extra.ok).toBe(false);
		if (!extra.ok)
			expect(extra.problems[0]).toMatchObject({
				file: 'booster.yaml',
				message: expect.stringMatching(/^the editor does not take this file/)
			});

		// a timeline is taken, but not the built-in case's question about the age of the sources
		const age = importFiles({
			...exportFiles(withFixedFields(MODULE_ID, timelineDraft())),
			'timeline.yaml': 'events: []\nageQuestion: {}'
		});
		expect(age.ok).toBe(false);
		if (!age.ok)
			expect(age.problems[0]).toEqual({
				file: 'timeline.yaml',
				message: 'field "ageQuestion": expected no such field (remove it)'
			});

		const broken = importFiles({ ...files, 'letter.yaml': 'paragraphs: [unclosed' });
		expect(broken.ok).toBe(false);
		if (!broken.ok)
			expect(broken.problems[0]).toMatchObject({
				file: 'letter.yaml',
				message: expect.stringMatching(/^not valid YAML/)
			});

		const key = files['answer-key.yaml']!.replace('tag: evidence', 'tag: banana');
		const schema = importFiles({ ...files, 'answer-key.yaml': key });
		expect(schema.ok).toBe(false);
		if (!schema.ok) {
			expect(schema.problems[0]).toMatchObject({ file: 'answer-key.yaml', item: 'L3' });
			expect(schema.problems[0]!.message).toMatch(/tag/);
		}

		const aliases = importFiles({ ...files, 'module.yaml': 'a: &x [1]\nb: *x' });
		expect(aliases.ok).toBe(false);
	});
});
