// The QR code of a class's join link, made on the server (npm `uqr`, no outside service) as the
// data of an SVG path: each run of dark modules in a row is one rectangle. The page draws it
// (JoinQr.svelte), so no QR library and no image file reaches the browser.
import { encode } from 'uqr';

export interface QrCode {
	/** modules per side, without the quiet zone */
	size: number;
	/** SVG path data of the dark modules, one unit per module */
	path: string;
}

/** The QR code of a text (error correction M: it survives a smudged projector or a crease). */
export function qrCode(text: string): QrCode {
	const { data, size } = encode(text, { ecc: 'M', border: 0 });
	const runs: string[] = [];
	data.forEach((row, y) => {
		for (let x = 0; x < row.length;) {
			if (!row[x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x++;
			runs.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
		}
	});
	return { size, path: runs.join('') };
}
