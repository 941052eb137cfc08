// The rate limits, in the database: N attempts per key within a window, then refusal with the
// time to wait; refund and reset; a key over its limit stays refused however many other keys are
// counted (nothing is evicted); parallel attempts cannot slip past; the counts hold across two
// connections (as two server processes would have) and across a restart; expired rows are pruned.
// On PGlite and on PostgreSQL (a database of its own on the server of TEST_DATABASE_URL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	openDatabase,
	type DatabaseConfig,
	type OpenDatabase
} from '../../src/lib/server/db/client';
import { rowsOf } from '../../src/lib/server/db/rows';
import { RateLimiter, describeWait } from '../../src/lib/server/repo/rate-limit';
import { testDatabaseUrl } from '../postgres.global';
import { ownDatabase } from './own-database';

const MINUTE = 60_000;

function clock(start = Date.parse('2026-03-02T09:00:00Z')) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('describeWait', () => {
	it('rounds up to whole minutes, at least one', () => {
		expect(describeWait(0)).toBe('1 minute');
		expect(describeWait(61_000)).toBe('2 minutes');
		expect(describeWait(15 * MINUTE)).toBe('15 minutes');
	});
});

interface Backend {
	name: string;
	/** a fresh, empty database of its own */
	fresh(): Promise<{ config: DatabaseConfig; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
	{
		name: 'PGlite (a data folder)',
		fresh: async () => {
			const dir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-limits-'));
			return {
				config: { kind: 'pglite', dataDir: join(dir, 'pglite') },
				cleanup: async () => rmSync(dir, { recursive: true, force: true })
			};
		}
	},
	{
		name: 'PostgreSQL (TEST_DATABASE_URL)',
		fresh: async () => {
			const own = await ownDatabase(testDatabaseUrl(), 'limits');
			return { config: { kind: 'postgres', url: own.url }, cleanup: own.drop };
		}
	}
];

describe.each(backends)('$name', (backend) => {
	let config: DatabaseConfig;
	let cleanup: () => Promise<void>;
	let open: OpenDatabase;
	const limiter = (name: string, limit: number, now: () => number, db = open) =>
		new RateLimiter({ name, limit, windowMs: 15 * MINUTE, now, db: async () => db.db });
	const rows = async (db = open) =>
		Number(
			rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from rate_limits`))[0]
				?.n
		);

	beforeAll(async () => {
		({ config, cleanup } = await backend.fresh());
		open = await openDatabase(config);
	}, 60_000);

	afterAll(async () => {
		await open?.close();
		await cleanup?.();
	});

	it('allows up to the limit within the window, then refuses until the window ends', async () => {
		const time = clock();
		const limits = limiter('window', 5, time.now);
		for (let i = 1; i <= 5; i++) {
			expect(await limits.consume('ada|1.2.3.4')).toEqual({
				allowed: true,
				count: i,
				retryAfterMs: 0
			});
			time.advance(MINUTE);
		}
		expect(await limits.consume('ada|1.2.3.4')).toEqual({
			allowed: false,
			count: 6,
			retryAfterMs: 10 * MINUTE // the window opened 5 minutes ago
		});
		expect((await limits.peek('ada|1.2.3.4')).allowed).toBe(false);
		// another account or address is not affected
		expect((await limits.consume('ada|5.6.7.8')).allowed).toBe(true);
		expect((await limits.consume('bob|1.2.3.4')).allowed).toBe(true);
		time.advance(10 * MINUTE);
		expect(await limits.peek('ada|1.2.3.4')).toEqual({ allowed: true, count: 0, retryAfterMs: 0 });
		expect(await limits.consume('ada|1.2.3.4')).toMatchObject({ allowed: true, count: 1 });
	});

	it('gives an attempt back on refund, and forgets a key on reset', async () => {
		const time = clock();
		const limits = limiter('refund', 2, time.now);
		await limits.consume('k');
		await limits.consume('k');
		await limits.refund('k');
		expect(await limits.consume('k')).toMatchObject({ allowed: true, count: 2 });
		expect(await limits.consume('k')).toMatchObject({ allowed: false, count: 3 });
		await limits.reset('k');
		expect(await limits.consume('k')).toMatchObject({ allowed: true, count: 1 });
	});

	it('never evicts a key over its limit, however many other keys are counted', async () => {
		const time = clock();
		const limits = limiter('flood', 5, time.now);
		for (let i = 0; i < 6; i++) await limits.consume('locked@example.org|10.0.0.1');
		// 10,050 failed sign-ins with made-up emails from the same address
		for (let i = 0; i < 10_050; i++) await limits.consume(`random-${i}@example.org|10.0.0.1`);
		expect(await limits.peek('locked@example.org|10.0.0.1')).toMatchObject({ allowed: false });
		expect((await limits.consume('locked@example.org|10.0.0.1')).allowed).toBe(false);
	}, 180_000);

	it('lets no parallel attempt slip past the limit', async () => {
		const limits = limiter('parallel', 5, clock().now);
		const results = await Promise.all(
			Array.from({ length: 30 }, () => limits.consume('guesser|10.0.0.2'))
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(5);
		expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 30 }, (_, i) => i + 1)
		);
	});

	it('holds across two connections and across a restart', async () => {
		const time = clock();
		// a second connection to the same data, as a second server process would have
		// (PGlite allows one process per folder, so there it is a second limiter on the one client)
		const other = config.kind === 'postgres' ? await openDatabase(config) : open;
		try {
			const first = limiter('shared', 5, time.now);
			const second = limiter('shared', 5, time.now, other);
			for (let i = 0; i < 3; i++) await first.consume('ada|10.0.0.3');
			expect(await second.consume('ada|10.0.0.3')).toMatchObject({ allowed: true, count: 4 });
			expect(await second.consume('ada|10.0.0.3')).toMatchObject({ allowed: true, count: 5 });
			expect((await first.consume('ada|10.0.0.3')).allowed).toBe(false);
		} finally {
			if (other !== open) await other.close();
		}
		// a restart: the database closed and opened again
		await open.close();
		open = await openDatabase(config);
		const again = limiter('shared', 5, time.now);
		expect(await again.peek('ada|10.0.0.3')).toMatchObject({ allowed: false, count: 6 });
		expect((await again.consume('ada|10.0.0.3')).allowed).toBe(false);
	}, 60_000);

	it('prunes expired rows, and keeps no email or address in clear', async () => {
		const time = clock(Date.parse('2026-04-01T09:00:00Z'));
		const limits = limiter('prune', 5, time.now);
		const stored = async () =>
			rowsOf<{ key: string }>(await open.db.execute(sql`select key from rate_limits`)).map(
				(r) => r.key
			);
		await limits.consume('old@example.org|10.0.0.4');
		// every row of the earlier tests has expired by this clock: only this one is left
		expect(await stored()).toEqual([limits.keyOf('old@example.org|10.0.0.4')]);
		expect((await stored())[0]).toMatch(/^prune:[0-9a-f]{64}$/);
		time.advance(16 * MINUTE);
		await limits.consume('new@example.org|10.0.0.4');
		expect(await stored()).toEqual([limits.keyOf('new@example.org|10.0.0.4')]);
		expect(await rows()).toBe(1);
	});
});
