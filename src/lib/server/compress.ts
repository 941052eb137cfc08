// Gzip for the pages and data the app renders. adapter-node serves the files under /_app
// precompressed, but every page, `__data.json` and export came out as it was rendered: the
// timeline's HTML was 150 KB on the wire instead of 34 KB, most of a phone's first second on a slow
// network when no proxy compresses in front (a classroom laptop serving the room). Behind nginx
// (deploy/nginx.conf) the proxy sees the Content-Encoding and passes the answer through as it is.
//
// BREACH: a response compressed with a secret and text an attacker chose in it leaks the secret
// by its length. An attacker's page can make a signed-in browser ask for such a response only
// cross-site, so a response for a session (private) is left uncompressed when the browser says the
// request came from another site (Sec-Fetch-Site). Public pages carry no secret and stay compressed,
// so a join link followed from a class's LMS still arrives compressed.

/** types worth compressing; the class live pages' event stream is left alone (it must flush) */
const COMPRESSIBLE =
	/^(text\/(html|csv|plain|css|javascript)|application\/(json|javascript)|image\/svg\+xml)\b/i;
/** below this a gzip header and the CPU cost more than they save */
const MIN_BYTES = 1024;

/** true when the Accept-Encoding header accepts gzip (a q of 0 refuses it) */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	let gzip: number | null = null;
	let star: number | null = null;
	for (const part of header.split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzip = weight;
		else if (name.trim() === '*') star = weight;
	}
	const weight = gzip ?? star ?? 0;
	return Number.isFinite(weight) && weight > 0;
}

/**
 * The response gzipped when the request accepts it and the body is worth it, else the response
 * as it came. Adds `Vary: Accept-Encoding` to every compressible response either way, so a cache
 * never hands gzip to a client that did not ask for it.
 */
export function compressResponse(request: Request, response: Response): Response {
	const type = response.headers.get('content-type') ?? '';
	if (!response.body || !COMPRESSIBLE.test(type) || response.headers.has('content-encoding')) {
		return response;
	}
	if (request.method === 'HEAD' || response.status === 204 || response.status === 304) {
		return response;
	}
	const headers = new Headers(response.headers);
	const vary = headers.get('vary');
	if (!vary || !/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) {
		headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	}
	const length = Number(response.headers.get('content-length') ?? NaN);
	const isPrivate = /\b(private|no-store)\b/i.test(headers.get('cache-control') ?? '');
	const crossSite = request.headers.get('sec-fetch-site') === 'cross-site';
	if (
		!acceptsGzip(request.headers.get('accept-encoding')) ||
		length < MIN_BYTES ||
		(isPrivate && crossSite)
	) {
		return withHeaders(response, headers);
	}
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	// the bytes changed: a strong validator of the plain body no longer names them
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

function withHeaders(response: Response, headers: Headers): Response {
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
