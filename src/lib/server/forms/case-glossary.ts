// The case editor's step 4, the glossary (issue 15): the terms the case's lessons and glossary page
// show, in the format of the case folder's glossary.yaml. A term of the instructor's own brings its
// name and definition; a tag or a technique takes both from the tagging scheme (vocabulary.ts), so
// its entry adds only a note and an example. Each row is read with a message naming the term and
// the field; the rules across fields are left to the publish check, which lists them per term.
import { LIMITS, MAX_TERMS, type CaseDraft, type DraftGlossaryTerm } from '$lib/content/draft';
import { isSchemeWord } from '$lib/content/schemas';
import { TAGS, TECHNIQUES } from '$lib/content/vocabulary';
import { readEditorForm } from './case-editor';
import { present, readField, type Read } from './case-events';
import { formFail } from './parse';

/** A glossary id as the editor writes it (glossary.yaml takes lowercase words and dashes). */
const TERM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ID_MAX = 60;
/** ids the module's pages use for their own elements, never a term's anchor */
const PAGE_IDS: ReadonlySet<string> = new Set(['main']);

/** The words of the tagging scheme a row may choose instead of a term of its own. */
export const SCHEME_WORDS: readonly string[] = [...TAGS, ...TECHNIQUES];

const TERM_TEXT = [
	['term', 'Term', 100],
	['definition', 'Definition', LIMITS.field],
	['note', 'Note', LIMITS.field],
	['example', 'Example', LIMITS.field]
] as const;

/** A row of the form: the term's id so far (none for a new row) and what it holds now. */
export interface GlossaryRow {
	id?: string;
	/** a tag or technique chosen instead of a term of the instructor's own */
	word?: string;
	term?: string;
	definition?: string;
	note?: string;
	example?: string;
	related: string[];
}

/**
 * The glossary form: rows term-<n>-id (hidden), -word (a tag or a technique, or empty for a term
 * of one's own), -term, -definition, -note, -example, -related (checkboxes of the saved terms). A
 * row with nothing written is no term (an emptied row removes it). A tag or technique gets its
 * name and definition from the scheme, so typing them is refused.
 */
export async function readGlossaryForm(
	request: Request,
	savedIds: readonly string[]
): Promise<Read<GlossaryRow[]>> {
	const read = await readEditorForm(request, 'the glossary');
	if (!read.ok) return read;
	const { form } = read;
	const rows: GlossaryRow[] = [];
	const words = new Set<string>();
	for (let n = 1; n <= MAX_TERMS + 1; n++) {
		const rawId = form.get(`term-${n}-id`);
		const id = typeof rawId === 'string' && rawId ? rawId : undefined;
		const name = id ? `Term ${id}` : `New term ${n}`;
		const failure = (label: string, problem: string, field?: string) => ({
			ok: false as const,
			failure: formFail(
				400,
				`${name}, ${label}: ${problem}.`,
				form,
				field ? { [`term-${n}-${field}`]: problem } : {}
			)
		});
		if (id !== undefined && (id.length > ID_MAX || !TERM_ID.test(id) || !savedIds.includes(id)))
			return failure('Term', 'reload the page');
		const rawWord = form.get(`term-${n}-word`);
		const word = typeof rawWord === 'string' && rawWord ? rawWord : undefined;
		if (word !== undefined && !SCHEME_WORDS.includes(word))
			return failure('Word', 'choose a tag, a technique or a term of your own', 'word');
		const text: Record<string, string | undefined> = {};
		for (const [field, label, max] of TERM_TEXT) {
			const { value, problem } = readField(form, `term-${n}-${field}`, max);
			if (problem) return failure(label, problem, field);
			text[field] = value;
		}
		if (!word && TERM_TEXT.every(([field]) => text[field] === undefined)) continue;
		if (n > MAX_TERMS) return failure('Term', `a glossary has at most ${MAX_TERMS} terms`);
		if (word) {
			for (const [field, label] of [
				['term', 'Term'],
				['definition', 'Definition']
			] as const) {
				if (text[field] !== undefined)
					return failure(
						label,
						'leave it empty for a tag or a technique: the tagging scheme gives its name and definition',
						field
					);
			}
			if (words.has(word))
				return failure('Word', `${word} is in the glossary once already`, 'word');
			words.add(word);
		}
		const related = form.getAll(`term-${n}-related`).map(String);
		if (related.length > MAX_TERMS || related.some((r) => !savedIds.includes(r)))
			return failure('See also', 'choose among the terms of this glossary');
		rows.push({
			...(id && { id }),
			...(word && { word }),
			...present(text),
			related: savedIds.filter((r) => related.includes(r))
		});
	}
	return { ok: true, data: rows };
}

/** The id a new term of one's own gets: its name in lowercase words and dashes, never taken. */
export function termId(term: string | undefined, taken: ReadonlySet<string>): string {
	const slug = (term ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	const free = (id: string) => !taken.has(id) && !isSchemeWord(id) && !PAGE_IDS.has(id);
	if (slug && free(slug)) return slug;
	for (let i = 2; ; i++) {
		const id = slug ? `${slug}-${i}` : `term-${i - 1}`;
		if (free(id)) return id;
	}
}

/**
 * The draft with the glossary of the form, in the form's order. A tag or technique's id is the
 * word itself; a term of one's own keeps its id when renamed (the lessons' links stay), a new one
 * gets one from its name. "See also" links to removed terms (and to the term itself) go, and so
 * does a glossary left without terms.
 */
export function applyGlossary(draft: CaseDraft, rows: readonly GlossaryRow[]): CaseDraft {
	const taken = new Set(rows.flatMap((r) => (r.word ? [r.word] : r.id ? [r.id] : [])));
	const renamed = new Map<string, string>();
	const terms: DraftGlossaryTerm[] = rows.map((row) => {
		const own = row.id && !isSchemeWord(row.id) ? row.id : undefined;
		const id = row.word ?? own ?? termId(row.term, taken);
		taken.add(id);
		if (row.id && row.id !== id) renamed.set(row.id, id);
		return present({
			id,
			term: row.word ? undefined : row.term,
			definition: row.word ? undefined : row.definition,
			note: row.note,
			example: row.example,
			related: row.related
		}) as DraftGlossaryTerm;
	});
	const ids = new Set(terms.map((t) => t.id));
	for (const t of terms) {
		t.related = [
			...new Set((t.related ?? []).map((r) => renamed.get(r) ?? r).filter((r) => ids.has(r)))
		].filter((r) => r !== t.id);
	}
	return { ...draft, glossary: terms.length ? { terms } : undefined };
}
