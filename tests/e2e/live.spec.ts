// Live dashboard and present mode: a class's event stream (server-sent events fed by PostgreSQL's
// LISTEN/NOTIFY, or the embedded database's) tells an open page that a student's work changed, and
// the page reloads its figures then, and only then. Servers of their own: a stream survives no
// graceful shutdown (it ends cleanly so the process can exit), and with two processes on one
// PostgreSQL a hand-in on one reaches a projector connected to the other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Request } from '@playwright/test';
import { Client } from '../../bench/client';
import { keyTags, setUpClass, studentSubmits } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { ownDatabase } from '../integration/own-database';
import { testDatabaseUrl } from '../postgres.global';

/** An open event stream: the events read so far, and whether it ended cleanly. */
interface Stream {
	response: Response;
	events: string[];
	ended: Promise<'ended' | string>;
	close(): void;
}

async function openStream(client: Client, path: string): Promise<Stream> {
	const controller = new AbortController();
	const response = await client.request(path, { signal: controller.signal });
	const events: string[] = [];
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	const ended = (async () => {
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return 'ended';
				buffer += decoder.decode(value, { stream: true });
				let at: number;
				while ((at = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, at);
					buffer = buffer.slice(at + 2);
					const name = /^event: (.+)$/m.exec(block)?.[1];
					if (name) events.push(name);
				}
			}
		} catch (error) {
			return String(error);
		}
	})();
	return { response, events, ended, close: () => controller.abort() };
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
	for (let waited = 0; !check(); waited += 50) {
		if (waited > ms) throw new Error(`waited ${ms} ms for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

test.describe('a server of its own (embedded database)', () => {
	let dir: string;
	let server: RunningServer;

	test.beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-live-'));
		server = await startServer({ DATA_DIR: dir });
	});

	test.afterAll(async () => {
		await server?.stop('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	});

	test("the class's stream: owner only, a change after hand-ins, bursts coalesced", async () => {
		test.setTimeout(90_000);
		const setup = await setUpClass(server.url, { className: 'Live stream' });

		// nobody else gets a stream: signed out, or another instructor
		const stranger = await setUpClass(server.url, { className: 'Not yours' });
		expect((await new Client(server.url).request(`${setup.classUrl}/events`)).status).toBe(404);
		expect((await stranger.instructor.request(`${setup.classUrl}/events`)).status).toBe(404);

		const stream = await openStream(setup.instructor, `${setup.classUrl}/events`);
		try {
			expect(stream.response.status).toBe(200);
			expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
			expect(stream.response.headers.get('cache-control')).toContain('no-store');
			expect(stream.response.headers.get('x-accel-buffering')).toBe('no');

			await studentSubmits(server.url, setup.code, 'First', keyTags);
			await until(() => stream.events.length === 1, 'a change event');
			expect(stream.events).toEqual(['change']);

			// five students hand in at once: the page is told a few times at most, not 15 times (each
			// student joins, opens the exercise and hands in)
			await Promise.all(
				['A', 'B', 'C', 'D', 'E'].map((n) => studentSubmits(server.url, setup.code, n, keyTags))
			);
			await until(() => stream.events.length >= 2, 'a change event for the burst');
			await new Promise((r) => setTimeout(r, 2500));
			expect(stream.events.length).toBeLessThanOrEqual(4);

			// another class's hand-ins say nothing here
			const before = stream.events.length;
			await studentSubmits(server.url, stranger.code, 'Elsewhere', keyTags);
			await new Promise((r) => setTimeout(r, 2500));
			expect(stream.events).toHaveLength(before);
		} finally {
			stream.close();
		}
	});

	test('the present page asks for nothing between hand-ins, and updates after one', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const setup = await setUpClass(server.url, { className: 'Projector' });
		await studentSubmits(server.url, setup.code, 'Early', keyTags);

		const context = await browser.newContext({ baseURL: server.url });
		try {
			await context.addCookies(
				[...setup.instructor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
			);
			const page = await context.newPage();
			const requests: string[] = [];
			page.on('request', (r: Request) => requests.push(new URL(r.url()).pathname));
			await page.goto(`${setup.classUrl}/present`);
			await expect(page.getByTestId('present-submitted')).toHaveText('1');
			await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');

			// a quiet minute's worth of polling (the page polled every 4 s before): nothing at all
			requests.length = 0;
			await page.waitForTimeout(9000);
			expect(requests, 'requests while no student handed in').toEqual([]);

			await studentSubmits(server.url, setup.code, 'Late', keyTags);
			await expect(page.getByTestId('present-submitted')).toHaveText('2', { timeout: 15_000 });
			// the student's three requests make one reload, or two if they straddle a second
			const reloads = requests.filter((p) => p.endsWith('__data.json'));
			expect(reloads.length).toBeGreaterThanOrEqual(1);
			expect(reloads.length).toBeLessThanOrEqual(2);
			await expect(page.getByTestId('live-status')).toContainText('Updates as students hand in');
		} finally {
			await context.close();
		}
	});

	test('an open stream ends cleanly at SIGTERM, and the server exits 0', async () => {
		test.setTimeout(60_000);
		const own = mkdtempSync(join(tmpdir(), 'rebuttal-lab-live-stop-'));
		const stopping = await startServer({ DATA_DIR: own });
		try {
			const setup = await setUpClass(stopping.url, { className: 'Stopping' });
			const stream = await openStream(setup.instructor, `${setup.classUrl}/events`);
			expect(stream.response.status).toBe(200);
			stopping.process.kill('SIGTERM');
			expect(await stream.ended).toBe('ended');
			expect(await stopping.exited).toBe(0);
		} finally {
			await stopping.stop('SIGKILL');
			rmSync(own, { recursive: true, force: true });
		}
	});
});

test('two app processes on one PostgreSQL: a hand-in on one reaches a stream on the other', async () => {
	test.setTimeout(120_000);
	const own = await ownDatabase(testDatabaseUrl(), 'live');
	let first: RunningServer | undefined;
	let second: RunningServer | undefined;
	try {
		first = await startServer({ DATABASE_URL: own.url });
		second = await startServer({ DATABASE_URL: own.url });
		const setup = await setUpClass(first.url, { className: 'Two processes' });
		const stream = await openStream(setup.instructor, `${setup.classUrl}/events`);
		try {
			await studentSubmits(second.url, setup.code, 'Over there', keyTags);
			await until(() => stream.events.length >= 1, 'a change event from the other process');
			expect(stream.events[0]).toBe('change');
		} finally {
			stream.close();
		}
	} finally {
		await first?.stop('SIGKILL');
		await second?.stop('SIGKILL');
		await own.drop();
	}
});
