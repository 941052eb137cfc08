// Small helpers for writing lists and excerpts in sentences, used by the content's own views, the
// exercises' feedback and the charts' labels alike: one list joiner, one truncator.

/** A list in words: "A1", "A1 and A2", "A1, A2 and A3". */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 student", "3 students". */
export function countOf(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/**
 * The text (its white space collapsed) cut at a word boundary to at most `max` characters, with an
 * ellipsis when cut; a text with no word boundary in its second half is cut mid-word.
 */
export function truncate(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	if (max < 2) return '';
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
