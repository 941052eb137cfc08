// Schemas for every content file in lessons/<case>/, defined once and used both for parsing and
// for the TypeScript types the rest of the app sees.
import { z } from 'zod';

import { ASSERTERS, TAGS, TECHNIQUES } from './vocabulary.ts';

export { ASSERTERS, TAGS, TECHNIQUES };
export const Tag = z.enum(TAGS);
export type Tag = z.infer<typeof Tag>;

export const Technique = z.enum(TECHNIQUES);
export type Technique = z.infer<typeof Technique>;

const id = (prefix: string) =>
	z.string().regex(new RegExp(`^${prefix}[0-9]+$`), `an id like ${prefix}1, ${prefix}2, ...`);
export const SentenceId = id('L');
export const AllegationId = id('A');

const isoDate = z
	.string()
	.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1, 'text that is not empty');
export const Link = z.object({ label: text, url: z.url({ message: 'a full web address' }) });
export type Link = z.infer<typeof Link>;

export const ModuleFile = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
	title: text,
	summary: text,
	audience: text,
	level: text,
	activities: z.array(text).min(1),
	sources: z.array(Link).min(1)
});
export type ModuleFile = z.infer<typeof ModuleFile>;

export const Sentence = z.object({
	id: SentenceId,
	role: z.enum(['context', 'claim']),
	text,
	/** why a context sentence is not tagged (salutation, restatement of the article...) */
	note: text.optional()
});
export type Sentence = z.infer<typeof Sentence>;

export const LetterFile = z.object({
	title: text,
	author: text,
	date: isoDate,
	published: text,
	links: z.array(Link).min(1),
	/** the verbatim source text, kept beside this file */
	sourceFile: z.string().regex(/^[\w.-]+\.txt$/, 'a .txt file name in the same folder'),
	paragraphs: z.array(z.array(Sentence).min(1)).min(1)
});
export type LetterFile = z.infer<typeof LetterFile>;

export const Allegation = z.object({
	id: AllegationId,
	short: text,
	summary: text,
	attribution: text,
	sources: z.array(Link).min(1)
});
export type Allegation = z.infer<typeof Allegation>;

export const AllegationsFile = z.object({
	article: z.object({
		title: text,
		outlet: text,
		author: text,
		date: isoDate,
		url: z.url()
	}),
	copyright: text,
	allegations: z.array(Allegation).min(1),
	caveats: z.array(text).min(1),
	differences: z.array(text).min(1)
});
export type AllegationsFile = z.infer<typeof AllegationsFile>;

/** Rationales argue rather than pronounce: 2 to 4 sentences. */
export function countSentences(value: string): number {
	return value
		.split(/(?<=[.!?])\s+(?=[A-Z"'‘“(])/)
		.map((s) => s.trim())
		.filter((s) => s.length > 0).length;
}
const rationale = text.refine((v) => {
	const n = countSentences(v);
	return n >= 2 && n <= 4;
}, 'a rationale of 2 to 4 sentences');

const KeyFields = z.object({
	/** the sentence (L1...) this entry grades */
	sentence: SentenceId,
	tag: Tag,
	alsoDefensible: z.array(Tag).default([]),
	contested: z.boolean().default(false),
	/** names the other reading when the item is contested */
	otherReading: text.optional(),
	technique: Technique.optional(),
	answers: z.array(AllegationId).default([]),
	rationale
});

type KeyFields = Omit<z.infer<typeof KeyFields>, 'sentence'>;

function checkKeyFields(item: KeyFields, ctx: z.RefinementCtx) {
	if (item.alsoDefensible.includes(item.tag)) {
		ctx.addIssue({
			code: 'custom',
			path: ['alsoDefensible'],
			message: 'tags other than the primary tag'
		});
	}
	if (item.tag === 'deflection' && !item.technique) {
		ctx.addIssue({
			code: 'custom',
			path: ['technique'],
			message: 'a technique for every deflection'
		});
	}
	if (item.contested && !item.otherReading) {
		ctx.addIssue({
			code: 'custom',
			path: ['otherReading'],
			message: 'the other reading, named, for a contested item'
		});
	}
}

export const KeyItem = KeyFields.superRefine(checkKeyFields);
/** The key of a practice item: the same fields, without a letter sentence or allegation. */
export const PracticeKey = KeyFields.omit({ sentence: true, answers: true }).superRefine(
	(item, ctx) => checkKeyFields({ ...item, answers: [] }, ctx)
);
export type KeyItem = z.infer<typeof KeyItem>;

export const AnswerKeyFile = z.object({ items: z.array(KeyItem).min(1) });
export type AnswerKeyFile = z.infer<typeof AnswerKeyFile>;

export const LessonFrontmatter = z.object({
	title: text,
	minutes: z.number().int().min(5).max(30),
	objectives: z.array(text).min(1),
	summary: text
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatter>;

/** A practice item: public text and hint, plus the key (server only) in the same entry. */
export const PracticeItem = z.object({
	id: z.string().regex(/^[PB][0-9]+$/, 'an id like P1 (practice) or B1 (booster)'),
	text,
	/** faded guidance: a hint shown beside early items and dropped for later ones */
	hint: text.optional(),
	key: PracticeKey
});
export type PracticeItem = z.infer<typeof PracticeItem>;

export const WorkedStep = z.object({
	text,
	tag: Tag,
	technique: Technique.optional(),
	/** the expert's thinking aloud: which question settles it, and why */
	explanation: text
});

/** A clearly labelled fictional text for the warm-up (practice.yaml) or the booster (booster.yaml). */
export const PracticeFile = z.object({
	title: text,
	notice: text,
	setting: text,
	worked: z.array(WorkedStep).default([]),
	items: z.array(PracticeItem).min(1)
});
export type PracticeFile = z.infer<typeof PracticeFile>;

export const GlossaryFile = z.object({
	terms: z
		.array(
			z.object({
				id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
				term: text,
				definition: text,
				example: text.optional(),
				related: z.array(z.string()).default([])
			})
		)
		.min(1)
});
export type GlossaryFile = z.infer<typeof GlossaryFile>;

export const Asserter = z.enum(ASSERTERS);
export type Asserter = z.infer<typeof Asserter>;

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];
/** How a date of each precision is written: YYYY-MM-DD, YYYY-MM or YYYY. */
const DATE_PARTS: Record<Precision, number> = { day: 3, month: 2, year: 1 };

export const TimelineEvent = z
	.object({
		id: z.string().regex(/^E[0-9]+$/, 'an id like E1, E2, ...'),
		/** first day (or month, or year) of the event */
		start: isoDate,
		/** last day (or month, or year) of a range; absent for a single date */
		end: isoDate.optional(),
		precision: z.enum(PRECISIONS),
		title: text,
		/** a short label drawn on the chart; the title is used when absent */
		label: text.max(28, 'a chart label of at most 28 characters').optional(),
		description: text,
		assertedBy: z.array(Asserter).min(1),
		/** 2+ independent sources, 1 source, or reported but not confirmed */
		confidence: z.enum(['multiple', 'single', 'unverified']),
		/** the start-end interval only bounds when it happened: the exact date is not confirmed */
		dateUncertain: z.boolean().default(false),
		/** what in particular is unconfirmed, e.g. the exact date */
		caveat: text.optional(),
		sources: z.array(Link).min(1),
		/** letter sentences that invoke this event */
		sentences: z.array(SentenceId).default([]),
		/** one of the events students put in order in the ordering exercise */
		orderExercise: z.boolean().default(false)
	})
	.superRefine((event, ctx) => {
		for (const field of ['start', 'end'] as const) {
			const value = event[field];
			if (value && value.split('-').length !== DATE_PARTS[event.precision]) {
				ctx.addIssue({
					code: 'custom',
					path: [field],
					message: `a date written ${['YYYY', 'YYYY-MM', 'YYYY-MM-DD'][DATE_PARTS[event.precision] - 1]} for precision ${event.precision}`
				});
			}
		}
		if (event.dateUncertain && !event.caveat) {
			ctx.addIssue({
				code: 'custom',
				path: ['caveat'],
				message: 'a caveat saying what is uncertain about the date'
			});
		}
	});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineFile = z.object({ events: z.array(TimelineEvent).min(1) });
export type TimelineFile = z.infer<typeof TimelineFile>;
