// A case folder as a zip: the built-in case goes out and comes back the same case, and every kind
// of hostile archive is refused with a message, before anything large is inflated. The hostile
// archives are made by hand below, since a well-behaved zip writer will not write them.
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/lib/content/case';
import { ContentError } from '../../src/lib/content/errors';
import { readCaseFiles } from '../../src/lib/content/folder';
import { CaseZipError, readCaseZip, writeCaseZip, ZIP_LIMITS } from '../../src/lib/server/case-zip';
import { rawZip } from './raw-zip';

const text = (s: string) => Buffer.from(s, 'utf8');
const builtIn = readCaseFiles('lessons/embassy-letter-2020');

async function refusal(zip: Uint8Array): Promise<string> {
	const error = await readCaseZip(zip).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(CaseZipError);
	return (error as Error).message;
}

describe('a case folder as a zip', () => {
	it('the built-in case goes out and comes back as the same case', async () => {
		const zip = await writeCaseZip('embassy-letter-2020', builtIn);
		const { folder, files } = await readCaseZip(zip);
		expect(folder).toBe('embassy-letter-2020');
		expect(files).toEqual(builtIn);
		expect(loadCase('embassy-letter-2020', files).case).toEqual(
			loadCase('embassy-letter-2020', builtIn).case
		);
	});

	it('files zipped without their folder are read the same way', async () => {
		const zip = rawZip(
			Object.entries(builtIn).map(([name, data]) => ({ name, data: text(data), deflate: true }))
		);
		const { folder, files } = await readCaseZip(zip);
		expect(folder).toBeNull();
		expect(files).toEqual(builtIn);
	});

	it('a file the case loader refuses is named with its item and field, as the build names it', async () => {
		const broken = {
			...builtIn,
			'answer-key.yaml': builtIn['answer-key.yaml']!.replace(/tag: evidence/, 'tag: proof')
		};
		const { folder, files } = await readCaseZip(await writeCaseZip('embassy-letter-2020', broken));
		const load = () => loadCase(folder!, files);
		expect(load).toThrow(ContentError);
		expect(load).toThrow(/answer-key\.yaml:\n.*L\d+.*field "tag"/);
	});
});

describe('a hostile zip is refused with a message', () => {
	it('a path that climbs out of the folder', async () => {
		expect(
			await refusal(rawZip([{ name: '../../etc/cron.d/x.yaml', data: text('a: 1') }]))
		).toMatch(/unsafe.*invalid relative path/);
		expect(await refusal(rawZip([{ name: 'case/../../x.yaml', data: text('a: 1') }]))).toMatch(
			/invalid relative path/
		);
	});

	it('an absolute path, and a Windows path', async () => {
		expect(await refusal(rawZip([{ name: '/etc/x.yaml', data: text('a: 1') }]))).toMatch(
			/absolute path/
		);
		expect(await refusal(rawZip([{ name: 'case\\x.yaml', data: text('a: 1') }]))).toMatch(
			/invalid characters/
		);
	});

	it('a symbolic link', async () => {
		const link = { name: 'case/letter.yaml', data: text('/etc/passwd'), mode: 0o120777 };
		expect(await refusal(rawZip([link]))).toMatch(/letter\.yaml is not a plain file/);
	});

	it('a zip bomb that declares its size honestly, before inflating it', async () => {
		const zeros = Buffer.alloc(ZIP_LIMITS.fileBytes * 20);
		const bomb = rawZip([{ name: 'case/letter.yaml', data: zeros, deflate: true }]);
		expect(bomb.length).toBeLessThan(ZIP_LIMITS.zipBytes);
		expect(await refusal(bomb)).toMatch(/letter\.yaml is larger than 1 MB once unpacked/);
	});

	it('a zip bomb that lies about its size', async () => {
		const zeros = Buffer.alloc(ZIP_LIMITS.fileBytes * 20);
		const bomb = rawZip([
			{ name: 'case/letter.yaml', data: zeros, deflate: true, declaredSize: 10 }
		]);
		expect(await refusal(bomb)).toMatch(/letter\.yaml is larger than 1 MB|damaged or unsafe/);
	});

	it('many files that add up to too much', async () => {
		const big = Buffer.alloc(ZIP_LIMITS.fileBytes - 1, 'a');
		const zip = rawZip(
			Array.from({ length: 5 }, (_, i) => ({ name: `case/f${i}.md`, data: big, deflate: true }))
		);
		expect(await refusal(zip)).toMatch(/add up to more than 4 MB/);
	});

	it('too many entries', async () => {
		const zip = rawZip(
			Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({
				name: `case/f${i}.md`,
				data: text('x')
			}))
		);
		expect(await refusal(zip)).toMatch(/101 entries; a case folder has at most 100/);
	});

	it('an upload larger than the limit', async () => {
		expect(await refusal(new Uint8Array(ZIP_LIMITS.zipBytes + 1))).toMatch(/larger than 2 MB/);
	});

	it('something that is not a zip, and an empty zip', async () => {
		expect(await refusal(text('<script>alert(1)</script>'))).toMatch(/not a zip file/);
		expect(await refusal(rawZip([]))).toMatch(/holds no files/);
	});

	it('files a case folder does not hold: code, pages, deep folders, odd names', async () => {
		for (const name of [
			'case/hooks.server.js',
			'case/page.svelte',
			'case/index.html',
			'case/a/b/c.md',
			'case/.env.yaml',
			'case/Letter.yaml'
		])
			expect(await refusal(rawZip([{ name, data: text('x') }]))).toMatch(
				/is not a file of a case folder/
			);
	});

	it('text that is not UTF-8', async () => {
		const zip = rawZip([{ name: 'case/letter.yaml', data: Buffer.from([0x74, 0xff, 0xfe, 0x00]) }]);
		expect(await refusal(zip)).toMatch(/letter\.yaml is not UTF-8 text/);
	});

	it('the same file twice', async () => {
		const twice = { name: 'case/letter.yaml', data: text('a: 1') };
		expect(await refusal(rawZip([twice, twice]))).toMatch(/twice/);
	});
});
