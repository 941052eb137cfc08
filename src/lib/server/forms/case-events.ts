// The case editor's step 4 (issue 15): the case's own sources (the register entries its events
// cite, beside the rebuttal and the article of step 1) and its timeline events, in the format of
// the case folder's sources.yaml and timeline.yaml. Each form reads its rows with a message naming
// the item and the field; what the rules across fields require (a date written at the event's
// precision, a caveat for an unverified event...) is left to the publish check, which lists it
// per event, so a draft can be saved at any point.
import type { ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import {
	ARTICLE_SOURCE,
	LIMITS,
	REBUTTAL_SOURCE,
	type CaseDraft,
	type DraftEvent
} from '$lib/content/draft';
import { Source, TimelineEventFields } from '$lib/content/schemas';
import { ASSERTERS, ID_PREFIX, PRECISIONS, SOURCE_KINDS } from '$lib/content/vocabulary';
import { formFail, type FormFailure } from './parse';
import { readEditorForm } from './case-editor';

/** How many sources of its own and how many events a case may have (a form row each). */
export const MAX_SOURCES = 40;
export const MAX_EVENTS = 60;

/** The register ids the editor gives the instructor's own sources: source-1, source-2... */
const OWN_SOURCE = /^source-[0-9]{1,4}$/;
const EVENT_ID = new RegExp(`^${ID_PREFIX.event}[0-9]{1,4}$`);
const SENTENCE_ID = new RegExp(`^${ID_PREFIX.sentence}[0-9]{1,4}$`);

export type Read<T> = { ok: true; data: T } | { ok: false; failure: ActionFailure<FormFailure> };
type Entry = Partial<z.infer<typeof Source>>;

/** The two documents of step 1 are sources of the register too, edited there. */
export function isDocumentSource(id: string | undefined): boolean {
	return id === REBUTTAL_SOURCE || id === ARTICLE_SOURCE;
}

/** One text field of a row: trimmed, empty when blank, checked by `schema` when filled in. */
export function readField(
	form: FormData,
	name: string,
	max: number,
	schema?: z.ZodType
): { value?: string; problem?: string } {
	const raw = form.get(name);
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!value) return {};
	if (value.length > max) return { problem: `use at most ${max.toLocaleString('en')} characters` };
	if (schema) {
		const parsed = schema.safeParse(value);
		if (!parsed.success) return { problem: parsed.error.issues[0]!.message };
	}
	return { value };
}

/** Keeps only the fields that hold something: a draft leaves a missing field out. */
export function present<T extends Record<string, unknown>>(record: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(record).filter(([, v]) => v !== undefined)
	) as Partial<T>;
}

// ---- the case's own sources ---------------------------------------------------------------------

const SOURCE_FIELDS = [
	['title', 'Title', 300, Source.shape.title],
	['publisher', 'Publisher', 200, Source.shape.publisher],
	['url', 'Link', 500, Source.shape.url],
	['date', 'Date', 10, Source.shape.date.unwrap()],
	['language', 'Language', 2, Source.shape.language]
] as const;

/**
 * The sources form: rows source-<n>-id (hidden), -title, -publisher, -url, -date, -kind,
 * -language. A row left empty is no source (an emptied row removes it); a new row gets the next
 * free id. Problems name the source and the field.
 */
export async function readSourcesForm(request: Request): Promise<Read<Entry[]>> {
	const read = await readEditorForm(request, 'the sources');
	if (!read.ok) return read;
	const { form } = read;
	const rows: Entry[] = [];
	for (let n = 1; n <= MAX_SOURCES; n++) {
		const rawId = form.get(`source-${n}-id`);
		const id = typeof rawId === 'string' && rawId ? rawId : undefined;
		const name = id ? `Source ${id}` : `New source ${n}`;
		if (id !== undefined && !OWN_SOURCE.test(id))
			return { ok: false, failure: formFail(400, `${name}: reload the page.`, form) };
		const entry: Record<string, string | undefined> = { id };
		for (const [field, label, max, schema] of SOURCE_FIELDS) {
			const { value, problem } = readField(form, `source-${n}-${field}`, max, schema);
			if (problem) {
				return {
					ok: false,
					failure: formFail(400, `${name}, ${label}: ${problem}.`, form, {
						[`source-${n}-${field}`]: problem
					})
				};
			}
			entry[field] = value;
		}
		const written = SOURCE_FIELDS.some(([field]) => entry[field] !== undefined);
		if (!written) continue;
		const kind = form.get(`source-${n}-kind`);
		if (kind !== null && kind !== '' && !(SOURCE_KINDS as readonly unknown[]).includes(kind))
			return {
				ok: false,
				failure: formFail(400, `${name}, Kind: choose what kind of publication it is.`, form)
			};
		rows.push(present({ ...entry, kind: kind || undefined }) as Entry);
	}
	return { ok: true, data: rows };
}

/**
 * The draft with the instructor's own sources: the two documents of step 1 stay as they are, a
 * removed source leaves the events that cited it, new sources get the next ids.
 */
export function applySources(draft: CaseDraft, rows: Entry[]): CaseDraft {
	const register = draft.sources?.sources ?? [];
	const documents = register.filter((s) => isDocumentSource(s.id));
	let next = Math.max(
		0,
		...register.filter((s) => OWN_SOURCE.test(s.id ?? '')).map((s) => Number(s.id!.slice(7)))
	);
	const own = rows.map((row) => {
		const before = register.find((s) => s.id === row.id);
		return {
			...(before?.origin && { origin: before.origin }),
			...row,
			id: row.id ?? `source-${++next}`
		};
	});
	const known = new Set([...documents, ...own].map((s) => s.id));
	return {
		...draft,
		sources: { sources: [...documents, ...own] },
		...(draft.timeline && {
			timeline: {
				events: draft.timeline.events.map(({ sources, ...e }) => {
					const kept = (sources ?? []).filter((s) => known.has(s));
					return { ...e, ...(kept.length && { sources: kept }) };
				})
			}
		})
	};
}

// ---- the timeline's events ----------------------------------------------------------------------

const EVENT_TEXT = [
	['start', 'Date', 10, TimelineEventFields.shape.start],
	['end', 'End date', 10, TimelineEventFields.shape.end.unwrap()],
	['title', 'What happened', 300, undefined],
	['label', 'Chart label', 28, undefined],
	['description', 'Description', LIMITS.field, undefined],
	['caveat', 'Caveat', LIMITS.field, undefined]
] as const;

/**
 * The events form: rows event-<n>-id (hidden), -start, -end, -precision, -title, -label,
 * -description, -asserted (checkboxes), -sources (checkboxes of the register), -sentences (ids
 * such as "L3 L5"), -unverified, -caveat, -uncertain, -order. A row whose text fields are all
 * empty is no event (an emptied row removes it). Problems name the event and the field.
 */
export async function readEventsForm(
	request: Request,
	sourceIds: string[],
	sentenceIds: string[]
): Promise<Read<DraftEvent[]>> {
	const read = await readEditorForm(request, 'the events');
	if (!read.ok) return read;
	const { form } = read;
	const events: DraftEvent[] = [];
	for (let n = 1; n <= MAX_EVENTS; n++) {
		const rawId = form.get(`event-${n}-id`);
		const id = typeof rawId === 'string' && rawId ? rawId : undefined;
		const name = id ? `Event ${id}` : `New event ${n}`;
		const failure = (label: string, problem: string, field?: string) => ({
			ok: false as const,
			failure: formFail(
				400,
				`${name}, ${label}: ${problem}.`,
				form,
				field ? { [`event-${n}-${field}`]: problem } : {}
			)
		});
		if (id !== undefined && !EVENT_ID.test(id)) return failure('Event', 'reload the page');
		const text: Record<string, string | undefined> = {};
		for (const [field, label, max, schema] of EVENT_TEXT) {
			const { value, problem } = readField(form, `event-${n}-${field}`, max, schema);
			if (problem) return failure(label, problem, field);
			text[field] = value;
		}
		if (EVENT_TEXT.every(([field]) => text[field] === undefined)) continue;
		const precision = form.get(`event-${n}-precision`) || undefined;
		if (precision !== undefined && !(PRECISIONS as readonly unknown[]).includes(precision))
			return failure('Precision', 'choose day, month or year');
		const assertedBy = form.getAll(`event-${n}-asserted`).map(String);
		if (assertedBy.some((a) => !(ASSERTERS as readonly string[]).includes(a)))
			return failure('Asserted by', 'choose the article, the rebuttal or independent sources');
		const sources = form.getAll(`event-${n}-sources`).map(String);
		if (sources.some((s) => !sourceIds.includes(s)))
			return failure('Sources', 'choose among the sources of this case');
		const rawSentences = form.get(`event-${n}-sentences`);
		const sentences = (typeof rawSentences === 'string' ? rawSentences : '')
			.split(/[\s,;]+/)
			.map((s) => s.trim().toUpperCase())
			.filter(Boolean);
		if (sentences.length > 200) return failure('Sentences', 'name at most 200 sentences');
		const unknown = sentences.find((s) => !SENTENCE_ID.test(s) || !sentenceIds.includes(s));
		if (unknown !== undefined)
			return failure(
				'Sentences',
				`${unknown.slice(0, 12)} is not a sentence of the rebuttal (write ids such as L3 L5, from step 2)`,
				'sentences'
			);
		// a list left empty stays missing (the file wants one entry at least): the publish check
		// names it for this event
		const asserted = ASSERTERS.filter((a) => assertedBy.includes(a));
		const cited = sourceIds.filter((s) => sources.includes(s));
		events.push({
			...(id && { id }),
			...present(text),
			...(precision && { precision: precision as DraftEvent['precision'] }),
			...(asserted.length && { assertedBy: asserted }),
			...(cited.length && { sources: cited }),
			sentences: sentenceIds.filter((s) => sentences.includes(s)),
			unverified: form.get(`event-${n}-unverified`) !== null,
			dateUncertain: form.get(`event-${n}-uncertain`) !== null,
			orderExercise: form.get(`event-${n}-order`) !== null
		});
	}
	return { ok: true, data: events };
}

/**
 * The draft with the events of the form, in date order (ids never change: new events get the next
 * free id, E1, E2...); fields the form does not show (an imported event's "about") are kept.
 */
export function applyEvents(draft: CaseDraft, rows: DraftEvent[]): CaseDraft {
	const before = draft.timeline?.events ?? [];
	let next = Math.max(0, ...before.map((e) => Number(e.id?.slice(1) ?? 0)));
	const events = rows.map((row) => {
		const old = before.find((e) => e.id === row.id);
		const { label, end, caveat, ...rest } = row;
		// the optional fields the form shows are as the form has them, emptied or not
		const kept: DraftEvent = { ...old };
		delete kept.label;
		delete kept.end;
		delete kept.caveat;
		return {
			...kept,
			...rest,
			...(label && { label }),
			...(end && { end }),
			...(caveat && { caveat }),
			id: row.id ?? `${ID_PREFIX.event}${++next}`
		};
	});
	events.sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999'));
	return { ...draft, timeline: { events } };
}
