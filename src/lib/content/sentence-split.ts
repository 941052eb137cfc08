// The sentences of a pasted rebuttal: split with Intl.Segmenter (sentence granularity, in Node and
// in browsers), one paragraph per line of the text, then merged or split by the instructor. Ids are
// renumbered L1, L2, ... in reading order after every change, and the key's items follow their
// sentence. Every sentence is words of the text, in order, so the case loader's verbatim check
// holds by construction.
import { ID_PREFIX } from './vocabulary.ts';

export type SentenceRole = 'claim' | 'context';

export interface DraftSentence {
	id: string;
	role: SentenceRole;
	text: string;
	note?: string;
}

/** What follows a sentence around: a key item names its sentence. */
export interface Keyed {
	sentence: string;
}

export interface Split<K extends Keyed> {
	paragraphs: DraftSentence[][];
	key: K[];
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text's paragraphs (its non-empty lines), each split into sentence texts. */
export function segmentText(text: string, locale = 'en'): string[][] {
	const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
	return text
		.split(/\r\n|\r|\n/)
		.map(tidy)
		.filter((line) => line.length > 0)
		.map((line) =>
			[...segmenter.segment(line)].map((s) => tidy(s.segment)).filter((s) => s.length > 0)
		);
}

/** Renumbers the sentences in reading order; each key item follows its sentence, the others go. */
function renumber<K extends Keyed>(paragraphs: DraftSentence[][], key: K[]): Split<K> {
	const rename = new Map<string, string>();
	let n = 0;
	const numbered = paragraphs
		.filter((p) => p.length > 0)
		.map((p) =>
			p.map((s) => {
				const id = `${ID_PREFIX.sentence}${++n}`;
				rename.set(s.id, id);
				return { ...s, id };
			})
		);
	const renamed = key.flatMap((item) => {
		const id = rename.get(item.sentence);
		return id ? [{ ...item, sentence: id }] : [];
	});
	return { paragraphs: numbered, key: renamed };
}

/**
 * Splits a text into sentences. Sentences of the last split whose text is unchanged keep their
 * role, note and key item (matched in reading order); new sentences are claims.
 */
export function splitText<K extends Keyed>(
	text: string,
	before: DraftSentence[][] = [],
	key: K[] = []
): Split<K> {
	const old = before.flat();
	const used = new Set<number>();
	const carried: K[] = [];
	let fresh = 0;
	const paragraphs = segmentText(text).map((p) =>
		p.map((sentenceText): DraftSentence => {
			const index = old.findIndex((s, i) => !used.has(i) && s.text === sentenceText);
			const id = `new-${++fresh}`;
			if (index < 0) return { id, role: 'claim', text: sentenceText };
			used.add(index);
			const match = old[index]!;
			for (const item of key)
				if (item.sentence === match.id) carried.push({ ...item, sentence: id });
			return { ...match, id };
		})
	);
	return renumber(paragraphs, carried);
}

/** Where a sentence is: its paragraph and its place in it. */
function find(paragraphs: DraftSentence[][], id: string): [number, number] | undefined {
	for (const [p, paragraph] of paragraphs.entries()) {
		const s = paragraph.findIndex((x) => x.id === id);
		if (s >= 0) return [p, s];
	}
	return undefined;
}

export class SentenceEditError extends Error {}

/**
 * Merges a sentence with the next one of its paragraph. The merged sentence keeps the first's
 * role and key item (or the second's key item when the first has none).
 */
export function mergeWithNext<K extends Keyed>(
	paragraphs: DraftSentence[][],
	key: K[],
	id: string
): Split<K> {
	const at = find(paragraphs, id);
	if (!at) throw new SentenceEditError(`There is no sentence ${id}.`);
	const [p, s] = at;
	const paragraph = paragraphs[p]!;
	const first = paragraph[s]!;
	const second = paragraph[s + 1];
	if (!second) {
		throw new SentenceEditError(
			`${id} is the last sentence of its paragraph: there is no next sentence to merge it with.`
		);
	}
	const merged: DraftSentence = { ...first, text: `${first.text} ${second.text}` };
	const next = paragraphs.map((x, i) =>
		i === p ? [...x.slice(0, s), merged, ...x.slice(s + 2)] : x
	);
	const firstKeyed = key.some((k) => k.sentence === first.id);
	const kept = key
		.filter((k) => k.sentence !== (firstKeyed ? second.id : ''))
		.map((k) => (k.sentence === second.id ? { ...k, sentence: first.id } : k));
	return renumber(next, kept);
}

/**
 * Splits a sentence before the given words (the first words of the new sentence, as they stand
 * in it, after a space). The first part keeps the role and the key item; the second is new.
 */
export function splitBefore<K extends Keyed>(
	paragraphs: DraftSentence[][],
	key: K[],
	id: string,
	words: string
): Split<K> {
	const at = find(paragraphs, id);
	if (!at) throw new SentenceEditError(`There is no sentence ${id}.`);
	const [p, s] = at;
	const sentence = paragraphs[p]![s]!;
	const wanted = tidy(words);
	if (!wanted)
		throw new SentenceEditError(`Type the words where the new sentence starts in ${id}.`);
	let index = -1;
	for (let from = 1; from < sentence.text.length; from++) {
		const found = sentence.text.indexOf(wanted, from);
		if (found < 0) break;
		if (sentence.text[found - 1] === ' ') {
			index = found;
			break;
		}
		from = found;
	}
	if (index < 0) {
		throw new SentenceEditError(
			`${id} has no words "${wanted.slice(0, 60)}" after its first word: copy the words where the new sentence starts.`
		);
	}
	const first: DraftSentence = { ...sentence, text: sentence.text.slice(0, index).trim() };
	const second: DraftSentence = {
		id: 'new',
		role: sentence.role,
		text: sentence.text.slice(index)
	};
	const next = paragraphs.map((x, i) =>
		i === p ? [...x.slice(0, s), first, second, ...x.slice(s + 1)] : x
	);
	return renumber(next, key);
}
