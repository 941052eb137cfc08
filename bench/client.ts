// A tiny HTTP client for the bench and the no-browser e2e specs: one cookie jar per simulated user,
// SvelteKit form posts (JSON envelope with `accept: application/json`, origin header set) on
// 127.0.0.1, and a bounded-concurrency runner with latency percentiles.
import { parse } from 'devalue';

export interface ActionResult {
	/** HTTP status of the response */
	status: number;
	/** SvelteKit's envelope: success, failure, redirect or error (null when the body was not JSON) */
	type: string | null;
	/** the action's data (devalue-decoded), the failure's data, or the error */
	data: unknown;
	location?: string;
	text: string;
	ms: number;
}

export type FormFields = Record<string, string | string[]>;

/** fetch, or a fetch of bench/transport.ts with a source address, a CA or a fixed pool */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

export class Client {
	readonly cookies = new Map<string, string>();

	constructor(
		readonly base: string,
		private readonly fetch: Fetch = (input, init) => globalThis.fetch(input, init)
	) {}

	private cookieHeader(): Record<string, string> {
		if (this.cookies.size === 0) return {};
		return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
	}

	private keep(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			const name = pair!.slice(0, at).trim();
			const value = pair!.slice(at + 1).trim();
			if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	/** A raw request with this client's cookies (no redirects followed). */
	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const response = await this.fetch(this.base + path, {
			redirect: 'manual',
			...init,
			headers: { ...this.cookieHeader(), ...(init.headers as Record<string, string>) }
		});
		this.keep(response);
		return response;
	}

	async get(path: string, headers: Record<string, string> = {}) {
		const started = performance.now();
		const response = await this.request(path, { headers });
		const text = await response.text();
		return {
			status: response.status,
			text,
			headers: response.headers,
			ms: performance.now() - started
		};
	}

	/** Posts a form to a SvelteKit action and reads the JSON envelope. */
	async action(path: string, fields: FormFields): Promise<ActionResult> {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
		}
		const started = performance.now();
		const response = await this.request(path, {
			method: 'POST',
			body,
			headers: {
				origin: this.base,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		const text = await response.text();
		const ms = performance.now() - started;
		let type: string | null = null;
		let data: unknown = null;
		let location: string | undefined;
		try {
			const envelope = JSON.parse(text);
			type = envelope.type ?? null;
			location = envelope.location;
			data = typeof envelope.data === 'string' ? parse(envelope.data) : (envelope.error ?? null);
		} catch {
			// not JSON: leave type null
		}
		return { status: response.status, type, data, location, text, ms };
	}
}

/** True for a form action that did what was asked (success or a redirect). */
export const succeeded = (r: ActionResult) =>
	r.status < 400 && (r.type === 'success' || r.type === 'redirect');

/** Runs `task` for 0..count-1 with at most `limit` in flight. */
export async function pool<T>(
	count: number,
	limit: number,
	task: (i: number) => Promise<T>
): Promise<T[]> {
	const results: T[] = new Array(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			results[i] = await task(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	return results;
}

/** The p-th percentile (0..100) of the samples, nearest rank. */
export function percentile(samples: number[], p: number): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}

export const median = (samples: number[]) => percentile(samples, 50);
