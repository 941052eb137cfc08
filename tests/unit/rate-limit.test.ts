// The in-memory failure limiter: N failures per key within a sliding window, then refusal with
// the time to wait; success resets; keys are independent; memory is bounded.
import { describe, expect, it } from 'vitest';
import { RateLimiter, describeWait } from '../../src/lib/server/rate-limit';

function clock(start = 0) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

const MINUTE = 60_000;

describe('RateLimiter', () => {
	it('allows up to the limit of failures, then refuses until the oldest leaves the window', () => {
		const time = clock(1_000_000);
		const limiter = new RateLimiter({ limit: 5, windowMs: 15 * MINUTE, now: time.now });
		for (let i = 0; i < 5; i++) {
			expect(limiter.check('ada|1.2.3.4').allowed).toBe(true);
			limiter.fail('ada|1.2.3.4');
			time.advance(MINUTE);
		}
		const refused = limiter.check('ada|1.2.3.4');
		expect(refused).toMatchObject({ allowed: false, failures: 5 });
		expect(refused.retryAfterMs).toBe(10 * MINUTE); // first failure was 5 minutes ago
		time.advance(10 * MINUTE);
		expect(limiter.check('ada|1.2.3.4')).toMatchObject({ allowed: true, failures: 4 });
	});

	it('keeps keys apart: another account or address is not affected', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: MINUTE, now: clock().now });
		limiter.fail('ada|1.1.1.1');
		limiter.fail('ada|1.1.1.1');
		expect(limiter.check('ada|1.1.1.1').allowed).toBe(false);
		expect(limiter.check('ada|2.2.2.2').allowed).toBe(true);
		expect(limiter.check('bob|1.1.1.1').allowed).toBe(true);
	});

	it('forgets a key after a success', () => {
		const limiter = new RateLimiter({ limit: 2, windowMs: MINUTE, now: clock().now });
		limiter.fail('k');
		limiter.fail('k');
		limiter.reset('k');
		expect(limiter.check('k')).toMatchObject({ allowed: true, failures: 0 });
	});

	it('reports the state after a failure', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: MINUTE, now: clock().now });
		expect(limiter.fail('k')).toMatchObject({ allowed: false, failures: 1, retryAfterMs: MINUTE });
	});

	it('remembers at most maxKeys keys, forgetting the least recently failed', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: MINUTE, now: clock().now, maxKeys: 2 });
		limiter.fail('a');
		limiter.fail('b');
		limiter.fail('a');
		limiter.fail('c');
		expect(limiter.check('b').allowed).toBe(true); // evicted
		expect(limiter.check('a').allowed).toBe(false);
		expect(limiter.check('c').allowed).toBe(false);
	});
});

describe('describeWait', () => {
	it('rounds up to whole minutes, at least one', () => {
		expect(describeWait(0)).toBe('1 minute');
		expect(describeWait(61_000)).toBe('2 minutes');
		expect(describeWait(15 * MINUTE)).toBe('15 minutes');
	});
});
