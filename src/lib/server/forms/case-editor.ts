// The case editor's forms (issue 15): step 1, the texts; step 2, the sentences; step 3, the key.
// Each reads its fields with a message naming the field, and turns them into the next draft (the
// case folder's files as data, content/draft.ts). What was typed is stored as text and shown as
// text: nothing is read as HTML or markdown.
import { z } from 'zod';
import {
	ARTICLE_SOURCE,
	LIMITS,
	REBUTTAL_SOURCE,
	type CaseDraft,
	type DraftAllegation,
	type DraftKeyItem
} from '$lib/content/draft';
import { LetterFile, Source } from '$lib/content/schemas';
import { splitText } from '$lib/content/sentence-split';
import { ID_PREFIX, SOURCE_KINDS, TAGS, TECHNIQUES } from '$lib/content/vocabulary';
import { formFail, readForm, type FormFailure } from './parse';
import type { ActionFailure } from '@sveltejs/kit';

/** The largest body the server reads (adapter-node's BODY_SIZE_LIMIT default, 512 KB). */
const BODY_LIMIT = 512 * 1024;

/**
 * Reads an editor form; a body over the server's limit, or one that is not a form, is a 413 or a
 * 400 saying so (never a 5xx).
 */
export async function readEditorForm(
	request: Request,
	what: string
): Promise<{ ok: true; form: FormData } | { ok: false; failure: ActionFailure<FormFailure> }> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > BODY_LIMIT) {
		return {
			ok: false,
			failure: formFail(
				413,
				`The form is too large for the server (${Math.round(length / 1024).toLocaleString('en')} KB; at most 512 KB). A case allows ${LIMITS.text.toLocaleString('en')} characters for the rebuttal and ${LIMITS.field.toLocaleString('en')} for any other field.`
			)
		};
	}
	const form = await readForm(request);
	if (!form) return { ok: false, failure: formFail(400, `Send ${what} as a form.`) };
	return { ok: true, form };
}

/** How many allegations a case may have (a form row each, plus an empty one to add the next). */
export const MAX_ALLEGATIONS = 12;

const most = (max: number) => `use at most ${max.toLocaleString('en')} characters`;

/** A text field: trimmed, at most `max` characters, empty when left blank. */
const field = (max: number = LIMITS.field) =>
	z
		.string()
		.trim()
		.max(max, most(max))
		.optional()
		.transform((v) => v || undefined);

/** A field checked by a case file's own schema when it is filled in. */
const filled = (schema: z.ZodType<string, string>, max: number = LIMITS.field) =>
	field(max).pipe(schema.optional());

const kind = z
	.enum(SOURCE_KINDS, { message: 'choose what kind of publication it is' })
	.optional()
	.or(z.literal('').transform(() => undefined));

const optionalId = z
	.string()
	.regex(new RegExp(`^${ID_PREFIX.allegation}[0-9]{1,3}$`), 'reload the page')
	.optional()
	.or(z.literal('').transform(() => undefined));

/** The fields of the allegation rows: allegation-<n>-id, -short, -summary, -attribution. */
const allegationRows: Record<
	string,
	z.ZodType<string | undefined, string | undefined>
> = Object.fromEntries(
	Array.from({ length: MAX_ALLEGATIONS }, (_, i) => [
		[`allegation-${i + 1}-id`, optionalId],
		[`allegation-${i + 1}-short`, field(80)],
		[`allegation-${i + 1}-summary`, field()],
		[`allegation-${i + 1}-attribution`, field(200)]
	]).flat()
);

export const TextsForm = z.object({
	title: field(120),
	summary: field(),
	audience: field(200),
	level: field(200),
	text: field(LIMITS.text),
	rebuttalTitle: field(200),
	rebuttalAuthor: field(200),
	rebuttalDate: filled(LetterFile.shape.date, 10),
	rebuttalPublished: field(200),
	rebuttalUrl: filled(Source.shape.url, 500),
	rebuttalKind: kind,
	rebuttalLanguage: filled(Source.shape.language, 2),
	articleTitle: field(200),
	articleOutlet: field(200),
	articleAuthor: field(200),
	articleDate: filled(LetterFile.shape.date, 10),
	articleUrl: filled(Source.shape.url, 500),
	articleKind: kind,
	articleLanguage: filled(Source.shape.language, 2),
	caveats: field(),
	differences: field(),
	...allegationRows
});
export type TextsForm = z.infer<typeof TextsForm>;

export const TEXTS_LABELS: Record<string, string> = {
	title: 'Title of the case',
	summary: 'Your summary of the article',
	audience: 'Audience',
	level: 'Level',
	text: 'The rebuttal',
	rebuttalTitle: 'Title of the rebuttal',
	rebuttalAuthor: 'Author of the rebuttal',
	rebuttalDate: 'Date of the rebuttal',
	rebuttalPublished: 'Where the rebuttal was published',
	rebuttalUrl: 'Link to the rebuttal',
	rebuttalKind: 'Kind of publication (rebuttal)',
	rebuttalLanguage: 'Language of the rebuttal',
	articleTitle: 'Title of the article',
	articleOutlet: 'Outlet',
	articleAuthor: 'Author of the article',
	articleDate: 'Date of the article',
	articleUrl: 'Link to the article',
	articleKind: 'Kind of publication (article)',
	articleLanguage: 'Language of the article',
	caveats: "The article's own caveats",
	differences: 'Where the rebuttal retells the article differently',
	...Object.fromEntries(
		Array.from({ length: MAX_ALLEGATIONS }, (_, i) => [
			[`allegation-${i + 1}-short`, `Allegation ${i + 1}, in a few words`],
			[`allegation-${i + 1}-summary`, `Allegation ${i + 1}, in a sentence`],
			[`allegation-${i + 1}-attribution`, `Allegation ${i + 1}, who the article attributes it to`]
		]).flat()
	)
};

const lines = (value: string | undefined) =>
	(value ?? '')
		.split(/\r\n|\r|\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((text) => ({ text }));

/** Keeps only the fields that hold something: a draft leaves a missing field out. */
function present<T extends Record<string, unknown>>(record: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(record).filter(([, v]) => v !== undefined)
	) as Partial<T>;
}

/**
 * The draft after step 1. A changed text is split again; sentences whose words did not change
 * keep their role and key item. An allegation emptied is removed, and the key's links to it go.
 */
export function applyTexts(draft: CaseDraft, form: TextsForm): CaseDraft {
	const f = form as Record<string, string | undefined>;
	const allegations: DraftAllegation[] = [];
	let next = Math.max(
		0,
		...(draft.allegations?.allegations ?? []).map((a) => Number(a.id?.slice(1) ?? 0))
	);
	for (let n = 1; n <= MAX_ALLEGATIONS; n++) {
		const row = present({
			short: f[`allegation-${n}-short`],
			summary: f[`allegation-${n}-summary`],
			attribution: f[`allegation-${n}-attribution`]
		});
		if (Object.keys(row).length === 0) continue;
		const id = f[`allegation-${n}-id`] ?? `${ID_PREFIX.allegation}${++next}`;
		allegations.push({ id, ...row });
	}
	const known = new Set(allegations.map((a) => a.id));

	let paragraphs = draft.letter?.paragraphs;
	let items = draft.key?.items ?? [];
	if (form.text !== draft.text) {
		const split = splitText(form.text ?? '', paragraphs ?? [], items);
		paragraphs = split.paragraphs.length ? split.paragraphs : undefined;
		items = split.key;
	}
	items = items.map((k) => ({ ...k, answers: (k.answers ?? []).filter((a) => known.has(a)) }));

	const source = (id: string, s: Record<string, string | undefined>) => present({ id, ...s });
	return {
		...draft,
		module: present({
			...draft.module,
			title: form.title,
			summary: form.summary,
			audience: form.audience,
			level: form.level
		}),
		sources: {
			sources: [
				source(REBUTTAL_SOURCE, {
					title: form.rebuttalTitle,
					publisher: form.rebuttalPublished,
					date: form.rebuttalDate,
					url: form.rebuttalUrl,
					kind: form.rebuttalKind,
					language: form.rebuttalLanguage
				}),
				source(ARTICLE_SOURCE, {
					title: form.articleTitle,
					publisher: form.articleOutlet,
					date: form.articleDate,
					url: form.articleUrl,
					kind: form.articleKind,
					language: form.articleLanguage
				}),
				// the case's own sources (step 4) stay as they are
				...(draft.sources?.sources ?? []).filter(
					(s) => s.id !== REBUTTAL_SOURCE && s.id !== ARTICLE_SOURCE
				)
			] as NonNullable<CaseDraft['sources']>['sources']
		},
		letter: present({
			...draft.letter,
			title: form.rebuttalTitle,
			author: form.rebuttalAuthor,
			date: form.rebuttalDate,
			published: form.rebuttalPublished,
			paragraphs
		}),
		text: form.text,
		allegations: {
			...draft.allegations,
			article: present({
				title: form.articleTitle,
				outlet: form.articleOutlet,
				author: form.articleAuthor,
				date: form.articleDate
			}),
			allegations,
			caveats: lines(form.caveats),
			differences: lines(form.differences)
		},
		key: { items }
	};
}

// ---- step 2: the sentences ----------------------------------------------------------------------

const SENTENCE_ID = new RegExp(`^${ID_PREFIX.sentence}[0-9]{1,4}$`);

export interface SentencesForm {
	roles: Record<string, 'claim' | 'context'>;
	/** the sentence a merge or split button names */
	target?: string;
	/** the words where the new sentence starts, for a split */
	at?: string;
}

type Read<T> = { ok: true; data: T } | { ok: false; failure: ActionFailure<FormFailure> };

/** Step 2's fields: each sentence's role, and which sentence a button acts on. */
export async function readSentencesForm(
	request: Request,
	ids: string[],
	button?: 'merge' | 'split'
): Promise<Read<SentencesForm>> {
	const read = await readEditorForm(request, 'the sentences');
	if (!read.ok) return read;
	const { form } = read;
	const roles: SentencesForm['roles'] = {};
	for (const id of ids) {
		const role = form.get(`role-${id}`);
		if (role === null) continue;
		if (role !== 'claim' && role !== 'context') {
			return {
				ok: false,
				failure: formFail(400, `Sentence ${id}: choose claim or context.`, form)
			};
		}
		roles[id] = role;
	}
	if (!button) return { ok: true, data: { roles } };
	const target = form.get(button);
	if (typeof target !== 'string' || !SENTENCE_ID.test(target) || !ids.includes(target)) {
		return {
			ok: false,
			failure: formFail(400, 'That sentence is not in this case: reload the page.', form)
		};
	}
	const at = form.get(`at-${target}`);
	if (button === 'split' && (typeof at !== 'string' || at.length > 500)) {
		return {
			ok: false,
			failure: formFail(400, `Sentence ${target}: type the first words of the new sentence.`, form)
		};
	}
	return { ok: true, data: { roles, target, ...(typeof at === 'string' && { at }) } };
}

/** The draft's sentences with the roles chosen on the page. */
export function applyRoles(draft: CaseDraft, roles: SentencesForm['roles']): CaseDraft {
	const paragraphs = draft.letter?.paragraphs;
	if (!paragraphs) return draft;
	return {
		...draft,
		letter: {
			...draft.letter,
			paragraphs: paragraphs.map((p) => p.map((s) => ({ ...s, role: roles[s.id] ?? s.role })))
		}
	};
}

// ---- step 3: the key ----------------------------------------------------------------------------

const TagField = z.enum(TAGS, { message: 'choose evidence, assertion or deflection' });
const TechniqueField = z.enum(TECHNIQUES, { message: 'choose a technique from the list' });

/**
 * Step 3's fields for each claim sentence (tag, also defensible, contested and the other reading,
 * technique, the allegations it answers, rationale), as draft key items: what is left blank stays
 * missing, to be flagged before publishing.
 */
export async function readKeyForm(
	request: Request,
	claims: string[],
	allegations: string[]
): Promise<Read<DraftKeyItem[]>> {
	const read = await readEditorForm(request, 'the key');
	if (!read.ok) return read;
	const { form } = read;
	const items: DraftKeyItem[] = [];
	const fail = (id: string, label: string, problem: string) => ({
		ok: false as const,
		failure: formFail(400, `Sentence ${id}, ${label}: ${problem}.`, form)
	});
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.trim() : '';
	};
	for (const id of claims) {
		const tag = text(`tag-${id}`);
		const parsedTag = tag ? TagField.safeParse(tag) : undefined;
		if (parsedTag && !parsedTag.success)
			return fail(id, 'Tag', 'choose evidence, assertion or deflection');
		const also = form.getAll(`also-${id}`).map(String);
		const badAlso = also.find((t) => !TagField.safeParse(t).success);
		if (badAlso !== undefined) return fail(id, 'Also defensible', 'choose among the three tags');
		const technique = text(`technique-${id}`);
		const parsedTechnique = technique ? TechniqueField.safeParse(technique) : undefined;
		if (parsedTechnique && !parsedTechnique.success)
			return fail(id, 'Technique', 'choose a technique from the list');
		const answers = form.getAll(`answers-${id}`).map(String);
		if (answers.some((a) => !allegations.includes(a)))
			return fail(id, 'Answers', 'choose among the allegations of step 1');
		const otherReading = text(`other-${id}`);
		const rationale = text(`rationale-${id}`);
		for (const [label, value] of [
			['Other reading', otherReading],
			['Rationale', rationale]
		] as const) {
			if (value.length > LIMITS.field) return fail(id, label, most(LIMITS.field));
		}
		items.push({
			sentence: id,
			...(parsedTag?.success && { tag: parsedTag.data }),
			alsoDefensible: [...new Set(also)].filter((t) => t !== tag) as DraftKeyItem['alsoDefensible'],
			contested: form.get(`contested-${id}`) !== null,
			...(otherReading && { otherReading }),
			...(parsedTechnique?.success && { technique: parsedTechnique.data }),
			answers: allegations.filter((a) => answers.includes(a)),
			...(rationale && { rationale })
		});
	}
	return { ok: true, data: items };
}
