// What must never reach a browser that has not earned it, built from the content itself so the
// tests stay true when the key or the notes change: every key's rationales and other readings
// (letter, practice, booster, retelling), and distinctive sentences of the instructor guide and
// notes (ones no public file also contains). The post-check's model answers are not secrets: the
// post-check is a self-check on an invented text whose answers a lesson shows on request, by
// design; nothing grades or stores it, and it says nothing about the letter's key. Also the
// pairings of the letter's key that lessons used to print as static text (each allegation with the
// sentences that respond to it, each technique with the sentences where the key sees it), and a
// detector for them in HTML, markdown or a JavaScript bundle.
// Each secret becomes a "needle": a run of plain words that survives HTML escaping, JSON encoding
// and typographic rewriting (no quotes, apostrophes, dashes or ampersands).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TECHNIQUE_INFO, TECHNIQUES } from '../../src/lib/content/vocabulary';
import { loaded } from './content';

const FOLDER = 'lessons';

function filesBelow(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = join(folder, name);
		return statSync(full).isDirectory() ? filesBelow(full) : [full];
	});
}

/**
 * What every visitor may read: the lessons, the letter, the article's summary, the timeline, the
 * glossary, the sources, the post-check, the module, and the public side of the practice texts
 * and of the retelling exercise (not their keys).
 */
let publicCache: string | undefined;
export function publicText(): string {
	publicCache ??= [
		...filesBelow(FOLDER)
			.filter((f) => !/[\\/]instructor[\\/]/.test(f))
			.filter((f) => !/(answer-key|practice|booster|retelling)\.ya?ml$/.test(f))
			.filter((f) => /\.(md|ya?ml|txt)$/.test(f))
			.map((f) => readFileSync(f, 'utf8')),
		...[loaded.case.practice, loaded.case.booster].flatMap((p) =>
			p
				? [
						p.title,
						p.notice,
						p.setting,
						...p.items.flatMap((i) => [i.text, i.hint ?? '']),
						...p.worked.flatMap((w) => [w.text, w.explanation])
					]
				: []
		),
		...(loaded.case.retelling
			? [
					loaded.case.retelling.title,
					loaded.case.retelling.intro,
					...loaded.case.retelling.items.map((i) => i.text)
				]
			: [])
	]
		.join('\n')
		.replace(/\s+/g, ' ');
	return publicCache;
}

/**
 * The longest run of plain text in `text` that no public file contains, cut to at most 40
 * characters; '' if none is 24 characters or more (a secret made only of quotations).
 */
export function needleOf(text: string): string {
	const runs = text
		.split(/["'‘’“”&<>\\—–\-…*_`|[\]()]|\.\.\./)
		.map((run) => run.replace(/\s+/g, ' ').trim())
		.map((run) => run.slice(0, 40).trim())
		.filter((run) => run.length >= 24 && !publicText().includes(run))
		.sort((a, b) => b.length - a.length);
	return runs[0] ?? '';
}

export interface Secret {
	/** where it comes from, for the failure message */
	what: string;
	/** the item it belongs to (L9, P3...), when it is a key's */
	item?: string;
	needle: string;
}

/** Rationales and other readings of every key item (letter, practice, booster, retelling). */
export function keySecrets(): Secret[] {
	const secrets: Secret[] = [];
	for (const [set, key] of Object.entries(loaded.keys)) {
		if (!key) continue;
		for (const [item, entry] of key) {
			for (const [field, text] of [
				['rationale', entry.rationale],
				['other reading', entry.otherReading ?? '']
			] as const) {
				const needle = needleOf(text);
				if (needle) secrets.push({ what: `${set} ${item} ${field}`, item, needle });
			}
		}
	}
	return secrets;
}

/** The markdown of a note as plain prose: no frontmatter, script, tags, links or tables. */
function prose(markdown: string): string[] {
	const body = markdown
		.replace(/^---[\s\S]*?\n---\n/, '')
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
	return body
		.split('\n')
		.filter((line) => !/^\s*(\||#)/.test(line))
		.flatMap((line) => line.split(/(?<=[.!?])\s+/));
}

/**
 * Distinctive sentences of the instructor guide and notes: none of them in a public file, nor in
 * the key's rationales (which a student sees once they commit).
 */
export function guideSecrets(): Secret[] {
	const notes = filesBelow(FOLDER).filter((f) => /[\\/]instructor[\\/][^\\/]+\.md$/.test(f));
	// words the guide shares with the key's rationales reach a student who has committed anyway
	const keyText = Object.values(loaded.keys)
		.flatMap((key) => (key ? [...key.values()] : []))
		.flatMap((e) => [e.rationale, e.otherReading ?? ''])
		.join('\n')
		.replace(/\s+/g, ' ');
	const secrets: Secret[] = [];
	for (const file of notes) {
		const found = new Set<string>();
		for (const sentence of prose(readFileSync(file, 'utf8'))) {
			const needle = needleOf(sentence);
			if (needle.length < 30 || found.has(needle) || keyText.includes(needle)) continue;
			found.add(needle);
			secrets.push({ what: file, needle });
		}
	}
	return secrets;
}

/**
 * A pairing of the letter's key: an allegation with the sentences the key says respond to it, or a
 * technique with the sentences where the key sees it (as the main reading, or as the other reading
 * of sentences tagged otherwise). `anchors` are what a page writes next to the sentences (the
 * allegation's id; the technique's name or its question), `items` the sentence ids.
 */
export interface KeyPairing {
	what: string;
	kind: 'allegation' | 'technique';
	anchors: string[];
	items: string[];
}

/** Every pairing of the letter's key, built from the key itself. */
export function keyPairings(): KeyPairing[] {
	const key = [...loaded.keys.letter];
	const pairings: KeyPairing[] = [];
	for (const { id } of loaded.case.article.allegations) {
		const items = key.filter(([, e]) => e.answers.includes(id)).map(([s]) => s);
		if (items.length) {
			const what = `allegation ${id}: ${items.join(' ')}`;
			pairings.push({ what, kind: 'allegation', anchors: [id], items });
		}
	}
	for (const technique of TECHNIQUES) {
		const info = TECHNIQUE_INFO[technique];
		const anchors = [info.label, flatText(info.question).trim()];
		const main = key.filter(([, e]) => e.technique === technique && e.tag === 'deflection');
		const other = key.filter(([, e]) => e.technique === technique && e.tag !== 'deflection');
		for (const [reading, entries] of [
			['', main],
			[' (other reading)', other]
		] as const) {
			const items = entries.map(([s]) => s);
			if (items.length) {
				const what = `${technique}${reading}: ${items.join(' ')}`;
				pairings.push({ what, kind: 'technique', anchors, items });
			}
		}
	}
	return pairings;
}

/**
 * Text with every link to a sentence or allegation of the letter (HTML, escaped HTML in a bundle,
 * or markdown) turned into its id (L14, A3); drop-down lists (the tagging form's list of
 * techniques, which pairs nothing), other tags and quotation marks dropped; spaces collapsed: the
 * form in which a page pairs ids with what it says about them.
 */
export function flatText(text: string): string {
	return text
		.replace(/\\(["'])/g, '$1')
		.replace(/<select\b[\s\S]*?<\/select>/gi, ' ')
		.replace(/<a\b[^>]*?href=["'][^"']*\/letter#([LA]\d+)["'][^>]*>[\s\S]*?<\/a>/g, ' $1 ')
		.replace(/\[[^\]\n]*\]\([^)\s]*\/letter#([LA]\d+)\)/g, ' $1 ')
		.replace(/<\/?[a-z][^<>]*>/gi, ' ')
		.replace(/["'“”‘’]/g, '')
		.replace(/\s+/g, ' ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anchorPattern = (anchors: readonly string[]) =>
	new RegExp(`(?<!\\w)(?:${anchors.map(escapeRegExp).join('|')})(?!\\w)`, 'gi');

/** How far after an anchor its sentences are looked for (a table row, a sentence of prose). */
const WINDOW = 400;

/**
 * The pairings a text prints: an anchor followed, before the next anchor of its kind (the next
 * allegation, the next technique) and within a table row or so, by every sentence of the pairing
 * (in any order, among others).
 */
export function pairingsIn(text: string, pairings: readonly KeyPairing[]): KeyPairing[] {
	const flat = flatText(text);
	const all = keyPairings();
	const boundary = (kind: KeyPairing['kind']) =>
		anchorPattern(all.filter((p) => p.kind === kind).flatMap((p) => p.anchors));
	const next = { allegation: boundary('allegation'), technique: boundary('technique') };
	return pairings.filter((pairing) => {
		const after = next[pairing.kind];
		for (const match of flat.matchAll(anchorPattern(pairing.anchors))) {
			const start = match.index + match[0].length;
			after.lastIndex = start;
			const end = Math.min(after.exec(flat)?.index ?? flat.length, start + WINDOW);
			const ids = new Set(flat.slice(start, end).match(/\b[LA]\d+\b/g) ?? []);
			if (pairing.items.every((id) => ids.has(id))) return true;
		}
		return false;
	});
}
