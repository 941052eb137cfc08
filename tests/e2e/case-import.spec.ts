// Export and import of a case (issue 15): the author downloads the case folder as a zip; another
// instructor imports it through the form (which posts without JavaScript) and gets the same case
// as a draft of their own; hostile uploads (a path that climbs out, a zip bomb, too many entries,
// 10 MB, a file off the schema, not a zip at all) are refused with a message, never a 5xx, and
// nothing is stored. Only the owner downloads a case.
import { expect, test, type Page } from '@playwright/test';
import { KEY, TEXTS, writeCase } from './authored';
import { expectNoAxeViolations } from './axe';
import { signUpInstructor } from './instructor';
import { rawZip } from '../unit/raw-zip';
import { readCaseZip } from '../../src/lib/server/case-zip';

async function importZip(page: Page, name: string, buffer: Buffer) {
	await page.goto('/instructor/cases');
	await page.getByLabel('Zip file').setInputFiles({ name, mimeType: 'application/zip', buffer });
	await page.getByRole('button', { name: 'Import the case' }).click();
}

const yaml = (s: string) => Buffer.from(s, 'utf8');

test('a case exported by one instructor and imported by another is the same case', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	await signUpInstructor(page, 'Exporter');
	const { caseUrl } = await writeCase(page, 'River letter');
	await expect(page.getByRole('link', { name: 'Download the case folder (zip)' })).toBeVisible();
	const download = await page.request.get(`${caseUrl}/export`);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/zip');
	const zip = Buffer.from(await download.body());
	await page.goto('/instructor/cases');
	await expectNoAxeViolations(page);

	const context = await browser.newContext({ javaScriptEnabled: false });
	const other = await context.newPage();
	await signUpInstructor(other, 'Importer');
	// only the owner downloads it
	expect((await other.request.get(`${caseUrl}/export`)).status()).toBe(404);

	const hostile: [string, Buffer, RegExp][] = [
		[
			'traversal.zip',
			rawZip([{ name: '../../etc/cron.d/x.yaml', data: yaml('a: 1') }]),
			/invalid relative path|not a file of a case folder|unsafe/
		],
		[
			'bomb.zip',
			rawZip([{ name: 'c/letter.yaml', data: Buffer.alloc(30 * 1024 * 1024), deflate: true }]),
			/larger than 1 MB/
		],
		[
			'many.zip',
			rawZip(Array.from({ length: 101 }, (_, i) => ({ name: `c/f${i}.yaml`, data: yaml('a: 1') }))),
			/entries|files/
		],
		['big.zip', Buffer.alloc(10 * 1024 * 1024, 7), /at most 2 MB|too large|exceeds/i],
		[
			'schema.zip',
			rawZip([
				{ name: 'c/module.yaml', data: yaml('title: Fine\n') },
				{ name: 'c/answer-key.yaml', data: yaml('items:\n  - sentence: L1\n    tag: banana\n') }
			]),
			/answer-key\.yaml, item L1: .*tag/
		],
		['notzip.zip', yaml('just text'), /not a zip|damaged|unsafe|end of central/i]
	];
	for (const [name, buffer, message] of hostile) {
		await importZip(other, name, buffer);
		const alert = other.getByRole('alert');
		// a 10 MB body may be cut off by the server's body limit (a 413 page with its message)
		const text = (await alert.count()) ? await alert.innerText() : await other.content();
		expect(text, name).toMatch(message);
		expect(await other.content(), name).not.toMatch(/Internal Error|500/);
	}
	await other.goto('/instructor/cases');
	await expect(other.getByText('You have not started a case yet.')).toBeVisible();

	// the real zip: a draft of the importer's own, the same case
	await importZip(other, 'river.zip', zip);
	await expect(other).toHaveURL(/\/instructor\/cases\/[0-9a-f-]{36}\/preview$/);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('River letter');
	await expect(other.getByTestId('case-status')).toContainText('Draft, not published.');
	await expect(other.getByText(TEXTS.summary).first()).toBeVisible();
	await expect(other.getByRole('button', { name: 'Publish version 1' })).toBeVisible();
	// its own export is the same case folder, under its own module id
	const importedUrl = other.url().replace(/\/preview$/, '');
	const again = await other.request.get(`${importedUrl}/export`);
	expect(again.status()).toBe(200);
	const [before, after] = await Promise.all(
		[zip, Buffer.from(await again.body())].map((b) => readCaseZip(b))
	);
	const plain = (read: { folder: string | null; files: Record<string, string> }) =>
		JSON.stringify(read.files).replaceAll(read.folder!, 'MODULE');
	expect(Object.keys(after!.files).sort()).toEqual(Object.keys(before!.files).sort());
	expect(plain(after!)).toBe(plain(before!));
	for (const k of Object.values(KEY))
		expect(after!.files['answer-key.yaml']).toContain(k.rationale);
	await context.close();
});
