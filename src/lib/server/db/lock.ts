// One server per data folder: an exclusive lock file in DATA_DIR holding the owner's pid, created
// atomically (O_EXCL). Two processes on one PGlite folder both acknowledge writes and lose some or
// all of them, or leave the folder unreadable, so a second process must refuse to start. A lock
// left by a process that died (kill -9, power loss) is taken over: its pid is checked for life.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'rebuttal-lab.lock';

export class DataDirLocked extends Error {
	constructor(
		readonly folder: string,
		readonly pid: number
	) {
		super(
			`The data folder ${folder} is in use by another Rebuttal Lab process (pid ${pid}). ` +
				'Two servers on one data folder lose data: stop the other one, or give this one a ' +
				`DATA_DIR of its own. If no process ${pid} is running, delete ${join(folder, LOCK_FILE)}.`
		);
	}
}

export interface DataDirLock {
	file: string;
	release(): void;
}

/** Whether a process with this pid is alive (EPERM: alive, but someone else's). */
export function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The pid in a lock file: null when there is no file, 0 when it holds no pid. */
function readPid(file: string): number | null {
	try {
		const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
		return Number.isInteger(pid) ? pid : 0;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/** A file made a moment ago may not hold its pid yet (between its creation and the write). */
function justMade(file: string): boolean {
	try {
		return Date.now() - statSync(file).mtimeMs < 2000;
	} catch {
		return false;
	}
}

/** Whether the owner of a lock file is gone: a dead pid, or no pid in a file not new. */
function stale(file: string, pid: number): boolean {
	if (pid === 0) return !justMade(file);
	return pid !== process.pid && !isAlive(pid);
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Creates `file` with our pid if it does not exist; false if it does. */
function create(file: string): boolean {
	let fd: number;
	try {
		fd = openSync(file, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, `${process.pid}\n`);
	} finally {
		closeSync(fd);
	}
	return true;
}

/**
 * Takes the data folder's lock, or throws DataDirLocked naming the live owner. A stale lock (its
 * pid dead) is removed under a second, short-lived lock, so two processes starting at once over a
 * stale lock cannot both take it.
 */
export function lockDataDir(folder: string): DataDirLock {
	const file = join(folder, LOCK_FILE);
	const guard = `${file}.takeover`;
	for (let attempt = 0; attempt < 50; attempt++) {
		if (create(file)) {
			let held = true;
			const release = () => {
				if (!held) return;
				held = false;
				process.off('exit', release);
				try {
					if (readPid(file) === process.pid) unlinkSync(file);
				} catch {
					// already gone: nothing to release
				}
			};
			process.on('exit', release);
			return { file, release };
		}
		const owner = readPid(file);
		if (owner === null) continue; // released in the meantime: try again
		if (!stale(file, owner)) {
			if (owner > 0) throw new DataDirLocked(folder, owner);
			pause(100); // being written: read it again
			continue;
		}
		// stale: take it over, one process at a time
		if (!create(guard)) {
			const taker = readPid(guard);
			if (taker !== null && stale(guard, taker)) unlinkSync(guard);
			else pause(100);
			continue;
		}
		try {
			if (readPid(file) === owner) unlinkSync(file);
		} finally {
			if (readPid(guard) === process.pid) unlinkSync(guard);
		}
	}
	throw new Error(`Could not take the lock ${file}: it keeps changing hands.`);
}
