// A case folder as a zip: the built-in case goes out and comes back the same case, and every kind
// of hostile archive is refused with a message, before anything large is inflated. The hostile
// archives are made by hand below, since a well-behaved zip writer will not write them.
import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/lib/content/case';
import { ContentError } from '../../src/lib/content/errors';
import { readCaseFiles } from '../../src/lib/content/folder';
import { CaseZipError, readCaseZip, writeCaseZip, ZIP_LIMITS } from '../../src/lib/server/case-zip';

interface RawEntry {
	name: string;
	data: Buffer;
	deflate?: boolean;
	/** the inflated size written in the headers, when it should lie */
	declaredSize?: number;
	/** the Unix mode stored in the external attributes */
	mode?: number;
}

/** A zip with exactly the entries given, names and sizes unchecked. */
function rawZip(entries: RawEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const body = entry.deflate ? deflateRawSync(entry.data) : entry.data;
		const size = entry.declaredSize ?? entry.data.length;
		const crc = crc32(entry.data);
		const method = entry.deflate ? 8 : 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // names in UTF-8
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so the mode counts
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

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
