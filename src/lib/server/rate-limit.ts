// An in-memory limiter of failures (wrong passwords, wrong codes) per key within a sliding window.
// One server process holds it; a restart forgets it, which is acceptable for a classroom tool.

export interface RateLimitOptions {
	/** failures allowed within the window; the next attempt is refused */
	limit: number;
	windowMs: number;
	/** for tests */
	now?: () => number;
	/** at most this many keys are remembered (oldest forgotten first) */
	maxKeys?: number;
}

export interface RateLimitStatus {
	allowed: boolean;
	/** failures within the window */
	failures: number;
	/** when refused: milliseconds until the oldest failure leaves the window */
	retryAfterMs: number;
}

export class RateLimiter {
	readonly limit: number;
	readonly windowMs: number;
	private readonly now: () => number;
	private readonly maxKeys: number;
	private readonly failures = new Map<string, number[]>();

	constructor(options: RateLimitOptions) {
		this.limit = options.limit;
		this.windowMs = options.windowMs;
		this.now = options.now ?? Date.now;
		this.maxKeys = options.maxKeys ?? 10_000;
	}

	private recent(key: string): number[] {
		const since = this.now() - this.windowMs;
		const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
		if (kept.length) this.failures.set(key, kept);
		else this.failures.delete(key);
		return kept;
	}

	/** May this key try now? */
	check(key: string): RateLimitStatus {
		const recent = this.recent(key);
		const allowed = recent.length < this.limit;
		const retryAfterMs = allowed ? 0 : Math.max(0, recent[0]! + this.windowMs - this.now());
		return { allowed, failures: recent.length, retryAfterMs };
	}

	/** Records a failure. */
	fail(key: string): RateLimitStatus {
		const recent = this.recent(key);
		recent.push(this.now());
		this.failures.delete(key); // re-insert: Map order is the eviction order
		this.failures.set(key, recent);
		while (this.failures.size > this.maxKeys) {
			const oldest = this.failures.keys().next().value;
			if (oldest === undefined) break;
			this.failures.delete(oldest);
		}
		return this.check(key);
	}

	/** Forgets the key's failures (after a success). */
	reset(key: string): void {
		this.failures.delete(key);
	}
}

/** "15 minutes", "1 minute": how long until a refused key may try again. */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Sign-in failures per account and address: 5 per 15 minutes. */
export const signInLimiter = new RateLimiter({ limit: 5, windowMs: FIFTEEN_MINUTES });
/**
 * Wrong join and resume codes per address. A whole school often shares one address behind NAT,
 * and a refused address is refused for valid codes too, so the limit is high: 200 wrong codes in
 * 15 minutes still leaves a guesser facing about 8 * 10^11 possible codes.
 */
export const codeLimiter = new RateLimiter({ limit: 200, windowMs: FIFTEEN_MINUTES });
