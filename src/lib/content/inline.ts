// Case copy with links in it, written in a content file as [words](id): [sentence 16](L16) links to
// a sentence of the letter, [the newest report](E7) to an event of the timeline. The loader checks
// every id; pages render the pieces as text and links (never as HTML, so copy cannot inject markup).

/** A piece of linked copy: plain words, or words linking to a sentence, an event or an allegation. */
export interface Inline {
	text: string;
	/** the id the words link to */
	link?: string;
}

const LINK = /\[([^\]]+)\]\(([A-Z][0-9]+)\)/g;

/** Splits copy into plain words and links, in order. */
export function parseInline(copy: string): Inline[] {
	const pieces: Inline[] = [];
	let at = 0;
	for (const match of copy.matchAll(LINK)) {
		const index = match.index ?? 0;
		if (index > at) pieces.push({ text: copy.slice(at, index) });
		pieces.push({ text: match[1] ?? '', link: match[2] });
		at = index + match[0].length;
	}
	if (at < copy.length) pieces.push({ text: copy.slice(at) });
	return pieces;
}

/** The ids a piece of copy links to that are not among the known ones, as [words](id). */
export function unknownLinks(pieces: readonly Inline[], known: ReadonlySet<string>): string[] {
	return pieces
		.filter((p) => p.link !== undefined && !known.has(p.link))
		.map((p) => `[${p.text}](${p.link})`);
}
