// A fetch-compatible function over node:http and node:https with an Agent of the caller's, for the
// bench and the no-browser specs that need what fetch does not give: a source address of their own
// (visitors at 127.0.0.2, 127.0.0.3... through a proxy), a certificate authority to trust (nginx's
// self-signed test certificate), a fixed pool of keep-alive connections, and errors that say
// whether a connection was refused (nothing was sent) or broke after it was made (a reset).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A request that got no whole response: `refused` when no connection could be made at all. */
export class RequestFailed extends Error {
	constructor(
		readonly code: string,
		readonly refused: boolean,
		message: string
	) {
		super(message);
	}
}

export interface AgentOptions {
	/** the local address to connect from, e.g. 127.0.0.2 */
	localAddress?: string;
	/** PEM certificate(s) to trust for https */
	ca?: string;
	/** connections kept open per host (default: unlimited) */
	maxSockets?: number;
}

export interface AgentFetch {
	(input: string | URL, init?: RequestInit): Promise<Response>;
	/** closes the agent's idle connections */
	destroy(): void;
}

/** Statuses whose Response may have no body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/** A fetch over keep-alive node:http(s) agents (redirects are never followed). */
export function agentFetch(options: AgentOptions = {}): AgentFetch {
	const common = {
		keepAlive: true,
		maxSockets: options.maxSockets ?? Infinity,
		localAddress: options.localAddress
	};
	const http = new HttpAgent(common);
	const https = new HttpsAgent({ ...common, ca: options.ca });
	const send = (input: string | URL, init: RequestInit = {}) =>
		new Promise<Response>((resolve, reject) => {
			const url = new URL(input);
			const secure = url.protocol === 'https:';
			const headers: Record<string, string> = {};
			new Headers(init.headers).forEach((value, name) => (headers[name] = value));
			const body =
				init.body === undefined || init.body === null
					? undefined
					: typeof init.body === 'string'
						? init.body
						: init.body instanceof URLSearchParams
							? init.body.toString()
							: Buffer.from(init.body as ArrayBuffer);
			if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
			const fail = (error: NodeJS.ErrnoException) => {
				const code = error.code ?? 'ERROR';
				reject(
					new RequestFailed(
						code,
						code === 'ECONNREFUSED',
						`${init.method ?? 'GET'} ${url.pathname}: ${error.message}`
					)
				);
			};
			const req = (secure ? httpsRequest : httpRequest)(
				url,
				{ method: init.method ?? 'GET', headers, agent: secure ? https : http },
				(res: IncomingMessage) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('error', fail);
					res.on('aborted', () =>
						fail(Object.assign(new Error('the response was cut short'), { code: 'ECONNRESET' }))
					);
					res.on('end', () => {
						if (!res.complete) return; // 'aborted' reports it
						const out = new Headers();
						for (let i = 0; i < res.rawHeaders.length; i += 2) {
							out.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
						}
						const status = res.statusCode ?? 0;
						resolve(
							new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
								status,
								statusText: res.statusMessage,
								headers: out
							})
						);
					});
				}
			);
			req.on('error', fail);
			req.end(body);
		});
	return Object.assign(send, {
		destroy: () => {
			http.destroy();
			https.destroy();
		}
	});
}
