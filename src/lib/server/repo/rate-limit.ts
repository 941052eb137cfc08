// Rate limits kept in the database (table rate_limits), so that they hold across server processes
// sharing one PostgreSQL and across restarts, with the same code on PGlite. Each limiter counts
// attempts per key within a fixed window: an attempt is counted first, in one atomic upsert
// (insert ... on conflict do update ... returning), and refused when the count is over the limit,
// so parallel requests cannot slip past a check. A success can give its attempt back (refund).
// Keys are stored as the limiter's name and a sha256 (no email or address in clear). Expired rows
// are pruned; a row is never dropped while its window runs.
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { sha256 } from '$lib/server/auth/codes';
import { database, type Database } from '$lib/server/db/client';
import { rateLimits } from '$lib/server/db/schema';

export interface RateLimitOptions {
	/** names the limiter in its keys: sign-in, join... */
	name: string;
	/** attempts allowed within the window; the next one is refused */
	limit: number;
	windowMs: number;
	/** for tests */
	now?: () => number;
	/** for tests: the database to count in (default: the process-wide one) */
	db?: () => Promise<Database>;
}

export interface RateLimitStatus {
	allowed: boolean;
	/** attempts counted within the window */
	count: number;
	/** when refused: milliseconds until the window ends */
	retryAfterMs: number;
}

/** Expired rows are deleted at most this often per process. */
const PRUNE_EVERY_MS = 60_000;
let prunedAt = 0;

export class RateLimiter {
	readonly name: string;
	readonly limit: number;
	readonly windowMs: number;
	private readonly now: () => number;
	private readonly db: () => Promise<Database>;

	constructor(options: RateLimitOptions) {
		this.name = options.name;
		this.limit = options.limit;
		this.windowMs = options.windowMs;
		this.now = options.now ?? Date.now;
		this.db = options.db ?? database;
	}

	/** The stored key: the limiter's name and a hash of what it counts. */
	keyOf(key: string): string {
		return `${this.name}:${sha256(key)}`;
	}

	private status(count: number, resetAt: Date): RateLimitStatus {
		const allowed = count <= this.limit;
		return {
			allowed,
			count,
			retryAfterMs: allowed ? 0 : Math.max(0, resetAt.getTime() - this.now())
		};
	}

	/** Counts an attempt and says whether it is allowed (the count is within the limit). */
	async consume(key: string): Promise<RateLimitStatus> {
		const db = await this.db();
		const now = new Date(this.now());
		const stamp = sql`${now.toISOString()}::timestamptz`;
		const [row] = await db
			.insert(rateLimits)
			.values({ key: this.keyOf(key), count: 1, resetAt: new Date(now.getTime() + this.windowMs) })
			.onConflictDoUpdate({
				target: rateLimits.key,
				set: {
					count: sql`case when ${rateLimits.resetAt} <= ${stamp} then 1 else ${rateLimits.count} + 1 end`,
					resetAt: sql`case when ${rateLimits.resetAt} <= ${stamp} then excluded.reset_at else ${rateLimits.resetAt} end`
				}
			})
			.returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
		await this.prune(db, now);
		return this.status(row!.count, row!.resetAt);
	}

	/** The state of a key without counting an attempt. */
	async peek(key: string): Promise<RateLimitStatus> {
		const db = await this.db();
		const now = new Date(this.now());
		const [row] = await db
			.select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
			.from(rateLimits)
			.where(and(eq(rateLimits.key, this.keyOf(key)), gt(rateLimits.resetAt, now)));
		return row ? this.status(row.count, row.resetAt) : { allowed: true, count: 0, retryAfterMs: 0 };
	}

	/** Gives back one attempt (a success that should not count against the limit). */
	async refund(key: string): Promise<void> {
		const db = await this.db();
		await db
			.update(rateLimits)
			.set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
			.where(eq(rateLimits.key, this.keyOf(key)));
	}

	/** Forgets the key's attempts (after a success that clears them). */
	async reset(key: string): Promise<void> {
		const db = await this.db();
		await db.delete(rateLimits).where(eq(rateLimits.key, this.keyOf(key)));
	}

	private async prune(db: Database, now: Date): Promise<void> {
		if (now.getTime() - prunedAt < PRUNE_EVERY_MS && now.getTime() >= prunedAt) return;
		prunedAt = now.getTime();
		await db.delete(rateLimits).where(lte(rateLimits.resetAt, now));
	}
}

/** "15 minutes", "1 minute": how long until a refused key may try again. */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Failed sign-ins per account and address: 5 per 15 minutes. */
export const signInLimiter = new RateLimiter({
	name: 'sign-in',
	limit: 5,
	windowMs: FIFTEEN_MINUTES
});
/**
 * Failed sign-ins per address, whatever the account: 20 per 15 minutes, so that trying many
 * accounts (or flooding the per-account limiter with made-up ones) from one address stops too.
 */
export const signInAddressLimiter = new RateLimiter({
	name: 'sign-in-address',
	limit: 20,
	windowMs: FIFTEEN_MINUTES
});
/**
 * Instructor sign-ups per address: 30 per hour (a workshop signs up; a script does not), or
 * SIGNUP_LIMIT (checked as the server starts, scripts/serve.js) for a training day behind one address.
 */
export const signUpLimiter = new RateLimiter({
	name: 'sign-up',
	limit: Number(process.env.SIGNUP_LIMIT) || 30,
	windowMs: HOUR
});
/**
 * Wrong join and resume codes per address. A whole school often shares one address behind NAT,
 * and a refused address is refused for valid codes too, so the limit is high: 200 wrong codes in
 * 15 minutes still leaves a guesser facing about 8 * 10^11 possible codes.
 */
export const codeLimiter = new RateLimiter({ name: 'code', limit: 200, windowMs: FIFTEEN_MINUTES });
