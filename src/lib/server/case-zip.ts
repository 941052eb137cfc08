// A case folder as a zip: written for an instructor to download (the format of lessons/<case>/, so
// it can be committed there), and read back from an upload someone else made. Reading treats the
// zip as hostile: every limit is checked on the sizes the archive declares before anything is
// inflated, and again on the bytes that actually come out (a zip bomb lies about its sizes), and
// anything that is not a plain text file of the case format inside one folder is refused with a
// message naming the entry. What the files say is then the case loader's job (its ContentError
// names the file, item and field, as the build's checks do).
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import yazl from 'yazl';
import type { CaseFiles } from '../content/case.ts';

export const ZIP_LIMITS = {
	/** the upload itself */
	zipBytes: 2 * 1024 * 1024,
	entries: 100,
	/** one file, inflated */
	fileBytes: 1024 * 1024,
	/** every file together, inflated */
	totalBytes: 4 * 1024 * 1024
};
export type ZipLimits = typeof ZIP_LIMITS;

/** The kinds of file a case folder holds: its YAML, its lessons and notes, its primary source. */
const TEXT_FILE = /\.(ya?ml|md|txt)$/;
/** A path inside a case folder: lower-case names, at most one folder deep (instructor/notes.md). */
const CASE_PATH = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;

export class CaseZipError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CaseZipError';
	}
}

const kib = (bytes: number) =>
	bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

/** The Unix file type an archiver stored for an entry (0 when none was stored). */
function unixType(entry: Entry): number {
	return (entry.externalFileAttributes >>> 16) & 0o170000;
}

function open(bytes: Uint8Array): Promise<ZipFile> {
	return new Promise((resolve, reject) =>
		yauzl.fromBuffer(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
			{ lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true },
			(error, zip) => (error || !zip ? reject(error) : resolve(zip))
		)
	);
}

/** Inflates one entry, refusing it the moment it passes `limit` bytes, whatever it declared. */
function inflate(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		zip.openReadStream(entry, (error, stream) => {
			if (error || !stream) return reject(error);
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > limit) {
					stream.destroy();
					reject(new CaseZipError(`${entry.fileName} is larger than ${kib(limit)} once unpacked.`));
				} else chunks.push(chunk);
			});
			stream.on('error', reject);
			stream.on('end', () => resolve(Buffer.concat(chunks)));
		})
	);
}

/** Every entry's name and bytes, or a CaseZipError for the first thing wrong with the archive. */
async function entries(bytes: Uint8Array, limits: ZipLimits): Promise<Map<string, Buffer>> {
	if (bytes.byteLength > limits.zipBytes)
		throw new CaseZipError(`The zip is larger than ${kib(limits.zipBytes)}.`);
	let zip: ZipFile;
	try {
		zip = await open(bytes);
	} catch (error) {
		throw new CaseZipError(`This is not a zip file we can read (${(error as Error).message}).`);
	}
	if (zip.entryCount > limits.entries)
		throw new CaseZipError(
			`The zip holds ${zip.entryCount} entries; a case folder has at most ${limits.entries}.`
		);
	const found = new Map<string, Buffer>();
	let declared = 0;
	let total = 0;
	try {
		for (;;) {
			const entry = await new Promise<Entry | null>((resolve, reject) => {
				zip.once('entry', resolve);
				zip.once('end', () => resolve(null));
				zip.once('error', reject);
				zip.readEntry();
			});
			zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
			if (!entry) break;
			const name = entry.fileName;
			const type = unixType(entry);
			if (name.endsWith('/') || type === 0o040000) continue; // a folder: its files say it all
			if (type !== 0 && type !== 0o100000)
				throw new CaseZipError(
					`${name} is not a plain file (a link or a device); only files are accepted.`
				);
			if (entry.isEncrypted()) throw new CaseZipError(`${name} is encrypted.`);
			if (entry.uncompressedSize > limits.fileBytes)
				throw new CaseZipError(`${name} is larger than ${kib(limits.fileBytes)} once unpacked.`);
			declared += entry.uncompressedSize;
			if (declared > limits.totalBytes)
				throw new CaseZipError(
					`The files add up to more than ${kib(limits.totalBytes)} once unpacked.`
				);
			const data = await inflate(zip, entry, limits.fileBytes);
			total += data.length;
			if (total > limits.totalBytes)
				throw new CaseZipError(
					`The files add up to more than ${kib(limits.totalBytes)} once unpacked.`
				);
			if (found.has(name)) throw new CaseZipError(`${name} is in the zip twice.`);
			found.set(name, data);
		}
	} catch (error) {
		if (error instanceof CaseZipError) throw error;
		// yauzl's own refusals: a path that leaves the folder, a size that lies, a broken archive
		throw new CaseZipError(`The zip is damaged or unsafe: ${(error as Error).message}.`);
	} finally {
		zip.close();
	}
	return found;
}

/**
 * Reads a case folder from a zip: its files, keyed by their path inside the folder, and the
 * folder's name when the files sit in one (as `writeCaseZip` puts them). Throws a CaseZipError
 * with a message for the person who uploaded it.
 */
export async function readCaseZip(
	bytes: Uint8Array,
	limits: ZipLimits = ZIP_LIMITS
): Promise<{ folder: string | null; files: CaseFiles }> {
	const all = await entries(bytes, limits);
	const names = [...all.keys()];
	if (names.length === 0) throw new CaseZipError('The zip holds no files.');
	// one folder around everything (a zipped lessons/<case>/) is the case folder's own name
	const tops = new Set(names.map((name) => (name.includes('/') ? name.split('/')[0] : '')));
	const [top] = tops;
	const folder =
		tops.size === 1 && top && names.every((name) => name.startsWith(`${top}/`)) ? top : null;
	const files: CaseFiles = {};
	const decoder = new TextDecoder('utf-8', { fatal: true });
	for (const [name, data] of all) {
		const path = folder ? name.slice(folder.length + 1) : name;
		if (!CASE_PATH.test(path) || !TEXT_FILE.test(path))
			throw new CaseZipError(
				`${name} is not a file of a case folder (YAML, Markdown or text files with lower-case names, at most one folder deep).`
			);
		try {
			files[path] = decoder.decode(data);
		} catch {
			throw new CaseZipError(`${name} is not UTF-8 text.`);
		}
	}
	return { folder, files };
}

/** A case folder's files as a zip, inside a folder named after the case. */
export function writeCaseZip(caseId: string, files: CaseFiles): Promise<Buffer> {
	const zip = new yazl.ZipFile();
	const mtime = new Date(Date.UTC(2020, 0, 1));
	for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
		zip.addBuffer(Buffer.from(text, 'utf8'), `${caseId}/${path}`, { mtime, mode: 0o100644 });
	zip.end();
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
		zip.outputStream.on('error', reject);
		zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
	});
}
