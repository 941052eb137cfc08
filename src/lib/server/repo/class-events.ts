// "Something in this class changed": the signal behind the live dashboard and present mode.
// Every write a class's figures depend on (a student joins, hands in, commits an item, finishes a
// lesson; an assignment is made, changed, revealed or removed) sends a PostgreSQL NOTIFY on one
// channel with the class id, in the same statement sequence as the write, so the signal goes out
// only once the write is committed. Each app process LISTENs once (postgres-js keeps a connection
// for it; on PGlite the notification comes from the embedded database in this process) and fans
// the signal out to the class's open event streams. With several processes behind a proxy, a
// hand-in on one reaches a projector connected to another.
import { sql, type SQL } from 'drizzle-orm';
import { database, listenOnDatabase, type Database } from '$lib/server/db/client';

/** the one channel; the payload is the class id */
export const CLASS_CHANNEL = 'rebuttal_lab_class';

/** The NOTIFY for a class (run it with the write, on the same transaction when there is one). */
export function classChanged(classId: string): SQL {
	return sql`select pg_notify(${CLASS_CHANNEL}, ${classId})`;
}

/** The NOTIFY for the class an assignment belongs to. */
export function assignmentChanged(assignmentId: string): SQL {
	return sql`select pg_notify(${CLASS_CHANNEL}, class_id::text) from assignments where id = ${assignmentId}`;
}

type Watcher = () => void;
const watchers = new Map<string, Set<Watcher>>();
/** the LISTEN of this process, and on which database (tests swap databases) */
let listening: { db: Database; ready: Promise<unknown> } | undefined;

function deliver(classId: string): void {
	for (const watcher of watchers.get(classId) ?? []) {
		try {
			watcher();
		} catch (error) {
			console.error('A class watcher failed.', error);
		}
	}
}

/**
 * Calls `onChange` after every committed change to the class, until the returned stop is called.
 * Resolves once this process listens, so no change committed after it resolves is missed.
 */
export async function watchClass(classId: string, onChange: Watcher): Promise<() => void> {
	const db = await database();
	if (listening?.db !== db) {
		const ready = listenOnDatabase(CLASS_CHANNEL, deliver).catch((error) => {
			if (listening?.ready === ready) listening = undefined; // the next watcher tries again
			throw error;
		});
		listening = { db, ready };
	}
	await listening.ready;
	let set = watchers.get(classId);
	if (!set) watchers.set(classId, (set = new Set()));
	set.add(onChange);
	return () => {
		set.delete(onChange);
		if (set.size === 0 && watchers.get(classId) === set) watchers.delete(classId);
	};
}

/** How many event streams this process holds open (for tests and the bench). */
export function watcherCount(): number {
	let n = 0;
	for (const set of watchers.values()) n += set.size;
	return n;
}

/** after a change, wait this long for more before telling the page (a class hands in together) */
const SETTLE_MS = 1000;
/** a comment line this often keeps proxies and browsers from closing a quiet stream */
const HEARTBEAT_MS = 25_000;
/** how long a browser waits before reconnecting after the stream ends */
const RETRY_MS = 3000;

/** the streams open in this process, ended at a graceful shutdown so that it can finish */
const streams = new Set<() => void>();
let stopping = false;
process.on('rebuttal-lab:stopping' as 'exit', () => {
	stopping = true;
	for (const end of [...streams]) end();
});

/**
 * A `text/event-stream` response for a class's live pages: a `change` event (no data: the page
 * reloads its own figures, through the same load and checks as any request) at most once a
 * second, and nothing else but a heartbeat comment. Ends at a graceful shutdown; the browser
 * then reconnects (behind a proxy, to another process).
 */
export async function classEventStream(classId: string): Promise<Response> {
	if (stopping) {
		return new Response('The server is restarting.', {
			status: 503,
			headers: { 'retry-after': '3', 'cache-control': 'no-store' }
		});
	}
	const encoder = new TextEncoder();
	let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
	let open = true;
	let settling: ReturnType<typeof setTimeout> | undefined;
	const send = (text: string) => {
		if (open) controller?.enqueue(encoder.encode(text));
	};
	// listening before the response starts: a database that cannot listen is a plain error
	const stopWatching = await watchClass(classId, () => {
		settling ??= setTimeout(() => {
			settling = undefined;
			send('event: change\ndata: {}\n\n');
		}, SETTLE_MS);
	});
	const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
	const end = () => {
		if (!open) return;
		open = false;
		clearTimeout(settling);
		clearInterval(heartbeat);
		stopWatching();
		streams.delete(end);
		try {
			controller?.close();
		} catch {
			// the browser has gone already
		}
	};
	streams.add(end);
	const stream = new ReadableStream<Uint8Array>({
		start(c) {
			controller = c;
			send(`retry: ${RETRY_MS}\n: listening\n\n`);
		},
		cancel: end
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// nginx: pass each event on at once instead of buffering the response
			'x-accel-buffering': 'no'
		}
	});
}
