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
import { completeDraft, MODULE_ID, timelineDraft } from './authored-case';

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
		const zip = await writeCaseZip(MODULE_ID, files);
		const dir = mkdtempSync(join(tmpdir(), 'case-export-'));
		try {
			const path = join(dir, 'case.zip');
			writeFileSync(path, zip);
			const checked = spawnSync('node_modules/.bin/tsx', ['scripts/case-check.ts', path], {
				encoding: 'utf8'
			});
			expect(checked.stderr).toBe('');
			expect(checked.status).toBe(0);
			expect(checked.stdout).toContain('3 claim sentences, 2 allegations');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
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

	it('refuses a file the editor does not take, YAML that does not parse, and a schema failure', () => {
		const files = exportFiles(withFixedFields(MODULE_ID, completeDraft()));
		const extra = importFiles({ ...files, 'glossary.yaml': 'terms: []' });
		expect(extra.ok).toBe(false);
		if (!extra.ok)
			expect(extra.problems[0]).toMatchObject({
				file: 'glossary.yaml',
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
