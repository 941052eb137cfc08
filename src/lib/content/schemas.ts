// Schemas for every content file in lessons/<case>/, defined once and used both for parsing and
// for the TypeScript types the rest of the app sees.
import { z } from 'zod';

import {
	ASSERTERS,
	FACT_ABOUT,
	ID_PREFIX,
	PRECISIONS,
	RETELLING_CATEGORIES,
	SOURCE_KINDS,
	TAGS,
	TECHNIQUES,
	type Confidence,
	type FactAbout,
	type IdKind,
	type Precision
} from './vocabulary.ts';

export const Tag = z.enum(TAGS);
export type Tag = z.infer<typeof Tag>;

export const Technique = z.enum(TECHNIQUES);
export type Technique = z.infer<typeof Technique>;

const id = (kind: IdKind) => {
	const prefix = ID_PREFIX[kind];
	return z
		.string()
		.regex(new RegExp(`^${prefix}[0-9]+$`), `an id like ${prefix}1, ${prefix}2, ...`);
};
export const SentenceId = id('sentence');
export const AllegationId = id('allegation');

const isoDate = z
	.string()
	.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1, 'text that is not empty');
const webAddress = z.url({ message: 'a full web address', protocol: /^https?$/ });

/** A source's id in the register: kebab-case, e.g. agency-2019-10-30. */
export const SourceId = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a source id in kebab-case, e.g. agency-2019-10-30');

/** One entry of the case's source register (sources.yaml). */
export const Source = z.strictObject({
	id: SourceId,
	title: text,
	publisher: text,
	/** when it was published, as precisely as known; absent when the page shows no date */
	date: isoDate.optional(),
	url: webAddress,
	kind: z.enum(SOURCE_KINDS),
	/** the language of the page, as a two-letter code (en, fr, nl, de, zh...) */
	language: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as en or fr'),
	/** sources that repeat one story (an agency dispatch and its reprints, a page and its copies) share an origin */
	origin: SourceId,
	note: text.optional()
});
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) });
export type SourcesFile = z.infer<typeof SourcesFile>;

/** Domains no content may cite or name (source-denylist.yaml), each with the reason. */
export const DenylistFile = z.strictObject({
	domains: z
		.array(
			z.strictObject({
				domain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain name such as example.org'),
				reason: text
			})
		)
		.min(1)
});
export type DenylistFile = z.infer<typeof DenylistFile>;

/** What every fact carries: the ids of its sources in the register, never links of its own. */
const citation = {
	sources: z.array(SourceId).min(1, 'at least one source id from sources.yaml'),
	/** the fact is what the article said (copies of the article count), or a fact about the world */
	about: z.enum(FACT_ABOUT).optional(),
	/** asserted but not confirmed by anything readable: say what in the caveat */
	unverified: z.boolean().default(false),
	caveat: text.optional()
};

function checkCitation(fact: { unverified: boolean; caveat?: string }, ctx: z.RefinementCtx) {
	if (fact.unverified && !fact.caveat) {
		ctx.addIssue({
			code: 'custom',
			path: ['caveat'],
			message: 'a caveat saying what is unverified, for an unverified fact'
		});
	}
}

/** A fact stated in a sentence of its own (a caveat of the article, a difference...). */
export const SourcedTextFields = z.strictObject({ text, ...citation });
export const SourcedText = SourcedTextFields.superRefine(checkCitation);
export type SourcedText = z.infer<typeof SourcedText>;

export const ModuleFile = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
	title: text,
	summary: text,
	audience: text,
	level: text,
	activities: z.array(text).min(1),
	/** the two documents of the case, as source ids */
	sources: z.array(SourceId).min(1)
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

export const LetterFile = z.strictObject({
	title: text,
	author: text,
	/** the date the copy was published (metadata of the copy, not a sentence of the letter) */
	date: isoDate,
	published: text,
	/** where the letter was published, as source ids */
	sources: z.array(SourceId).min(1),
	/** the verbatim source text, kept beside this file */
	sourceFile: z.string().regex(/^[\w.-]+\.txt$/, 'a .txt file name in the same folder'),
	/** metadata that heads the source file (e.g. the copy's date), verbatim: not part of the letter */
	header: text.optional(),
	/**
	 * what the reader says about the numbering, with [words](id) links to sentences, e.g. why the
	 * numbers do not start at 1
	 */
	readerNote: text.optional(),
	paragraphs: z.array(z.array(Sentence).min(1)).min(1)
});
export type LetterFile = z.infer<typeof LetterFile>;

/** One of the article's allegations: what the article said (its copies count as sources). */
export const AllegationFields = z.strictObject({
	id: AllegationId,
	short: text,
	summary: text,
	attribution: text,
	...citation
});
export const Allegation = AllegationFields.superRefine(checkCitation);
export type Allegation = z.infer<typeof Allegation>;

export const AllegationsFile = z.strictObject({
	article: z.strictObject({
		title: text,
		outlet: text,
		author: text,
		date: isoDate,
		/** the article itself, as a source id */
		source: SourceId
	}),
	copyright: text,
	allegations: z.array(Allegation).min(1),
	/** how the article supported its report: its kinds of evidence, each with its sources */
	sourcing: z.array(SourcedText).default([]),
	caveats: z.array(SourcedText).min(1),
	differences: z.array(SourcedText).min(1)
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

/** A key item's fields before the rules across them (a draft may hold some of them). */
export const KeyFields = z.object({
	/** the sentence this entry grades */
	sentence: SentenceId,
	tag: Tag,
	alsoDefensible: z.array(Tag).default([]),
	contested: z.boolean().default(false),
	/** names the other reading when the item is contested */
	otherReading: text.optional(),
	technique: Technique.optional(),
	answers: z.array(AllegationId).default([]),
	rationale,
	/** the register's sources for what the rationale states as fact (the letter itself at least) */
	sources: z.array(SourceId).min(1, 'at least one source id from sources.yaml')
});

type KeyItemFields = Omit<z.infer<typeof KeyFields>, 'sentence' | 'sources'>;

function checkKeyFields(item: KeyItemFields, ctx: z.RefinementCtx) {
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
/** A practice item's key fields before the rules across them (a draft may hold some of them). */
export const PracticeKeyFields = KeyFields.omit({
	sentence: true,
	answers: true,
	sources: true
});
/** The key of a practice item: the same fields, without a letter sentence or allegation. */
export const PracticeKey = PracticeKeyFields.superRefine((item, ctx) =>
	checkKeyFields({ ...item, answers: [] }, ctx)
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

/** A practice item's id: P1 (practice), B1 (booster), Q1 (pre-check) or C1 (post-check). */
export const PracticeItemId = z
	.string()
	.regex(
		new RegExp(
			`^[${ID_PREFIX.practice}${ID_PREFIX.booster}${ID_PREFIX.precheck}${ID_PREFIX.postcheck}][0-9]+$`
		),
		`an id like ${ID_PREFIX.practice}1 (practice), ${ID_PREFIX.booster}1 (booster), ${ID_PREFIX.precheck}1 (pre-check) or ${ID_PREFIX.postcheck}1 (post-check)`
	);

/** A practice item: public text and hint, plus the key (server only) in the same entry. */
export const PracticeItem = z.object({
	id: PracticeItemId,
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

/**
 * A clearly labelled fictional text for the warm-up (practice.yaml), the booster (booster.yaml), the
 * pre-check (precheck.yaml) or the post-check (postcheck.yaml).
 */
export const PracticeFile = z.object({
	title: text,
	notice: text,
	setting: text,
	worked: z.array(WorkedStep).default([]),
	items: z.array(PracticeItem).min(1)
});
export type PracticeFile = z.infer<typeof PracticeFile>;

/** The scheme's words (tags and techniques): the vocabulary defines them, a glossary only adds. */
const SCHEME_WORDS: ReadonlySet<string> = new Set([...TAGS, ...TECHNIQUES]);

/**
 * A glossary term. For a tag or a technique the term and its definition are the tagging scheme's
 * (vocabulary.ts): the case's entry adds only a note, an example and related terms. Every other
 * term brings its own name and definition.
 */
export const GlossaryTermFields = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
	term: text.optional(),
	definition: text.optional(),
	/** the case's own addition to the definition (how its lessons teach the word) */
	note: text.optional(),
	example: text.optional(),
	related: z.array(z.string()).default([])
});

/** Is this glossary id a word of the tagging scheme (a tag or a technique)? */
export function isSchemeWord(id: string): boolean {
	return SCHEME_WORDS.has(id);
}

export const GlossaryTerm = GlossaryTermFields.superRefine((entry, ctx) => {
	const scheme = SCHEME_WORDS.has(entry.id);
	for (const field of ['term', 'definition'] as const) {
		if (scheme && entry[field] !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: [field],
				message: `no ${field} for a tag or a technique: the tagging scheme gives it (write a note or an example instead)`
			});
		} else if (!scheme && entry[field] === undefined) {
			const what = field === 'term' ? 'the name of the term' : 'a definition of the term';
			ctx.addIssue({ code: 'custom', path: [field], message: what });
		}
	}
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const GlossaryFile = z.strictObject({ terms: z.array(GlossaryTerm).min(1) });
export type GlossaryFile = z.infer<typeof GlossaryFile>;

export const Asserter = z.enum(ASSERTERS);
export type Asserter = z.infer<typeof Asserter>;

/** How a date of each precision is written: YYYY-MM-DD, YYYY-MM or YYYY. */
const DATE_PARTS: Record<Precision, number> = { day: 3, month: 2, year: 1 };

/** A timeline event's fields before the rules across them (a draft may hold some of them). */
export const TimelineEventFields = z.strictObject({
	id: id('event'),
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
	/** the start-end interval only bounds when it happened: the exact date is not confirmed */
	dateUncertain: z.boolean().default(false),
	/** sources (ids), unverified flag and caveat; the confidence is computed from the sources */
	...citation,
	/** letter sentences that invoke this event */
	sentences: z.array(SentenceId).default([]),
	/** one of the events students put in order in the ordering exercise */
	orderExercise: z.boolean().default(false)
});

export const TimelineEvent = TimelineEventFields.superRefine((event, ctx) => {
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
	checkCitation(event, ctx);
});
/** A timeline event as written in timeline.yaml: its sources are ids in the register. */
export type TimelineEventEntry = z.infer<typeof TimelineEvent>;

const EventId = id('event');

/**
 * A question about the age of the sources, for a letter that dismisses the article's sources as
 * old: the sentence that does it, the events the timeline figure puts side by side, and the copy
 * (with [words](id) links to sentences and events) that asks what follows from the age and what
 * does not.
 */
export const AgeQuestion = z.strictObject({
	title: text,
	/** the sentence of the letter that dismisses the sources by their age */
	sentence: SentenceId,
	/** the event spanning the reports the article rests on */
	reports: EventId,
	oldest: EventId,
	newest: EventId,
	/** the article's publication, as an event */
	article: EventId,
	/** events newer than every report */
	later: z.array(EventId).min(1),
	/** leads into the quoted sentence */
	intro: text,
	/** what students answer before they open the discussion */
	prompt: text,
	discussion: z.array(z.strictObject({ heading: text, points: z.array(text).min(1) })).min(1),
	closing: text.optional()
});
export type AgeQuestion = z.infer<typeof AgeQuestion>;

export const TimelineFile = z.strictObject({
	events: z.array(TimelineEvent).min(1),
	ageQuestion: AgeQuestion.optional()
});
export type TimelineFile = z.infer<typeof TimelineFile>;

/** A fact as the app shows it: its sources looked up in the register, its confidence computed. */
export interface Sourced {
	sources: Source[];
	confidence: Confidence;
	/** what the sources are cited to confirm: a fact about the world, or what the article said */
	about: FactAbout;
	caveat?: string;
}
/** A content entry with its source ids replaced by the register's entries. */
export type Resolved<T extends { sources: string[] }> = Omit<
	T,
	'sources' | 'about' | 'unverified' | 'caveat'
> &
	Sourced;

/** A timeline event as pages and charts see it. */
export type TimelineEvent = Resolved<TimelineEventEntry>;

// ---- the retelling exercise ------------------------------------------------------------------

export const RetellingCategory = z.enum(RETELLING_CATEGORIES);
export type RetellingCategory = z.infer<typeof RetellingCategory>;

export const RetellingKey = z
	.strictObject({
		category: RetellingCategory,
		alsoDefensible: z.array(RetellingCategory).default([]),
		contested: z.boolean().default(false),
		otherReading: text.optional(),
		rationale,
		...citation
	})
	.superRefine((key, ctx) => {
		if (key.alsoDefensible.includes(key.category)) {
			ctx.addIssue({
				code: 'custom',
				path: ['alsoDefensible'],
				message: 'categories other than the primary category'
			});
		}
		if (key.contested && !key.otherReading) {
			ctx.addIssue({
				code: 'custom',
				path: ['otherReading'],
				message: 'the other reading, named, for a contested item'
			});
		}
		checkCitation(key, ctx);
	});
export type RetellingKey = z.infer<typeof RetellingKey>;

/**
 * One item to sort: a claim of the letter's retelling of the article (quoted from its sentence),
 * or something the article actually reported (paraphrased).
 */
export const RetellingItem = z
	.strictObject({
		id: id('retelling'),
		from: z.enum(['letter', 'article']),
		/** for an item from the letter: the sentence it quotes */
		sentence: SentenceId.optional(),
		text,
		key: RetellingKey
	})
	.superRefine((item, ctx) => {
		if (item.from === 'letter' && !item.sentence) {
			ctx.addIssue({
				code: 'custom',
				path: ['sentence'],
				message: 'the letter sentence an item from the letter quotes'
			});
		}
	});
export type RetellingItem = z.infer<typeof RetellingItem>;

export const RetellingFile = z.strictObject({
	title: text,
	intro: text,
	items: z.array(RetellingItem).min(3)
});
export type RetellingFile = z.infer<typeof RetellingFile>;
