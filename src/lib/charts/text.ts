// Measuring text without a browser, so layouts can run on the server and in tests: one estimate of
// rendered width in the UI font (generous, so real text rarely exceeds it), its inverse, and word
// wrapping to a number of characters. Cutting a text short is content/words.ts's truncate.

/** Average width of a character of the UI font, in ems, rounded up. */
const CHAR_EM = 0.56;

/** The UI font size the charts draw labels in, in pixels. */
export const LABEL_FONT_SIZE = 13;

/** An estimate of the rendered width of `text` at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number = LABEL_FONT_SIZE): number {
	return Math.ceil(text.length * fontSize * CHAR_EM);
}

/** How many characters fit in `width` pixels at `fontSize` (the inverse of textWidth). */
export function charsThatFit(width: number, fontSize: number = LABEL_FONT_SIZE): number {
	return Math.max(0, Math.floor(width / (fontSize * CHAR_EM)));
}

/** Words wrapped into lines of at most `chars` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, chars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > chars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}
