// Gzip of what the app renders: a page arrives compressed when the browser accepts gzip and
// decompresses to the very bytes rendered, with its status and every header (each cookie) kept;
// nothing is compressed that a client refused, that must flush (the live event stream), that is
// too small to gain, or that a cross-site request could make a BREACH oracle of (a private page).
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressResponse } from '../../src/lib/server/compress';

const html = '<!doctype html><p>' + 'Sentence 4 answers allegation A2. '.repeat(200) + '</p>';

function page(body = html, headers: Record<string, string> = {}, status = 200): Response {
	const h = new Headers({
		'content-type': 'text/html',
		'content-length': String(Buffer.byteLength(body)),
		...headers
	});
	h.append('set-cookie', 'a=1; Path=/; HttpOnly');
	h.append('set-cookie', 'b=2; Path=/; HttpOnly');
	return new Response(body, { status, headers: h });
}

function get(headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' }) {
	return new Request('http://127.0.0.1/m/case/tag', { headers });
}

describe('acceptsGzip', () => {
	it.each([
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8', true],
		['*', true],
		['identity', false],
		['gzip;q=0', false],
		['gzip;q=0, *', false],
		['br, *;q=0', false],
		['x-gzip', true],
		['', false]
	])('%j: %s', (header, expected) => {
		expect(acceptsGzip(header)).toBe(expected);
	});
	it('refuses without the header', () => expect(acceptsGzip(null)).toBe(false));
});

describe('compressResponse', () => {
	it('gzips a page to the same bytes, keeping status, cookies and headers', async () => {
		const out = compressResponse(get(), page(html, { 'x-frame-options': 'DENY' }, 400));
		expect(out.status).toBe(400);
		expect(out.headers.get('content-encoding')).toBe('gzip');
		expect(out.headers.get('content-length')).toBeNull();
		expect(out.headers.get('vary')).toBe('Accept-Encoding');
		expect(out.headers.get('x-frame-options')).toBe('DENY');
		expect(out.headers.getSetCookie()).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/; HttpOnly']);
		const bytes = Buffer.from(await out.arrayBuffer());
		expect(bytes.length).toBeLessThan(Buffer.byteLength(html) / 4);
		expect(gunzipSync(bytes).toString()).toBe(html);
	});

	it('adds to an existing Vary and weakens a strong ETag', () => {
		const out = compressResponse(get(), page(html, { vary: 'Cookie', etag: '"abc"' }));
		expect(out.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(out.headers.get('etag')).toBe('W/"abc"');
	});

	it('compresses JSON and CSV, not the event stream or an image', () => {
		for (const type of ['application/json', 'text/csv; charset=utf-8']) {
			const out = compressResponse(get(), page(html, { 'content-type': type }));
			expect(out.headers.get('content-encoding'), type).toBe('gzip');
		}
		for (const type of ['text/event-stream; charset=utf-8', 'image/png']) {
			const response = page(html, { 'content-type': type });
			expect(compressResponse(get(), response), type).toBe(response);
		}
	});

	it('leaves alone what the client refused or that is too small, but still varies', async () => {
		for (const [request, response] of [
			[get({}), page()],
			[get({ 'accept-encoding': 'identity' }), page()],
			[get(), page('<p>short</p>')]
		] as const) {
			const out = compressResponse(request, response);
			expect(out.headers.get('content-encoding')).toBeNull();
			expect(out.headers.get('vary')).toBe('Accept-Encoding');
			expect(out.headers.getSetCookie()).toHaveLength(2);
			expect((await out.text()).startsWith('<')).toBe(true);
		}
	});

	it('does not compress a private page asked for from another site (BREACH)', () => {
		const headers = { 'accept-encoding': 'gzip', 'sec-fetch-site': 'cross-site' };
		const privatePage = compressResponse(
			get(headers),
			page(html, { 'cache-control': 'private, no-store' })
		);
		expect(privatePage.headers.get('content-encoding')).toBeNull();
		// a public page followed from another site (a join link in an LMS) is still compressed
		expect(compressResponse(get(headers), page()).headers.get('content-encoding')).toBe('gzip');
		// the same private page asked for from the app itself is compressed
		const sameOrigin = compressResponse(
			get({ 'accept-encoding': 'gzip', 'sec-fetch-site': 'same-origin' }),
			page(html, { 'cache-control': 'private, no-store' })
		);
		expect(sameOrigin.headers.get('content-encoding')).toBe('gzip');
	});

	it('passes through HEAD, 304 and an answer already encoded', () => {
		const head = new Request('http://127.0.0.1/', {
			method: 'HEAD',
			headers: { 'accept-encoding': 'gzip' }
		});
		const response = page();
		expect(compressResponse(head, response)).toBe(response);
		const encoded = page(html, { 'content-encoding': 'br' });
		expect(compressResponse(get(), encoded)).toBe(encoded);
	});
});
