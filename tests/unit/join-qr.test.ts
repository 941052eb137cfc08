// The join link's QR code: the path the server sends draws exactly the dark modules of the code
// uqr makes for the link, no more and no fewer, and nothing of it depends on the browser.
import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrCode } from '../../src/lib/server/join-qr';

/** The grid a path of "M x y h n v1 h-n z" runs paints. */
function paint(path: string, size: number): boolean[][] {
	const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
	for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
		for (let i = 0; i < Number(n); i++) {
			const row = grid[Number(y)]!;
			expect(row[Number(x) + i], `module ${Number(x) + i},${y} painted twice`).toBe(false);
			row[Number(x) + i] = true;
		}
	}
	return grid;
}

describe('qrCode', () => {
	for (const link of [
		'https://school.example.org/join/ABCD2345',
		'http://127.0.0.1:4306/join/ZZZZ9999'
	]) {
		it(`draws every dark module of ${link} and nothing else`, () => {
			const qr = qrCode(link);
			const { data, size } = encode(link, { ecc: 'M', border: 0 });
			expect(qr.size).toBe(size);
			expect(qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
			expect(paint(qr.path, size)).toEqual(data);
		});
	}
});
