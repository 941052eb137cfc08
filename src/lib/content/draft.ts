// An instructor's case while it is written: the files of a case folder (lessons/<case>/) as data,
// checked by the same schemas, each part allowed to be incomplete (the draft schema); the size
// limits per field and per case; and the publish check, which runs the full schema of every file
// and then the case loader's checks across files, naming the file, the item and the field.
import { z } from 'zod';
import { loadCase, type CaseFiles, type LoadedCase } from './case.ts';
import { ContentError, describeIssue, locate } from './errors.ts';
import {
	AllegationFields,
	AllegationsFile,
	AnswerKeyFile,
	GlossaryFile,
	GlossaryTermFields,
	KeyFields,
	LetterFile,
	ModuleFile,
	PracticeFile,
	PracticeKeyFields,
	Source,
	SourcedTextFields,
	SourcesFile,
	TimelineEventFields,
	TimelineFile,
	WorkedStep
} from './schemas.ts';

/** The parts of an authored case, and the file of a case folder each one is. */
export const DRAFT_FILES = {
	module: 'module.yaml',
	sources: 'sources.yaml',
	letter: 'letter.yaml',
	text: 'rebuttal.txt',
	allegations: 'allegations.yaml',
	key: 'answer-key.yaml',
	timeline: 'timeline.yaml',
	glossary: 'glossary.yaml',
	practice: 'practice.yaml'
} as const;
export type DraftPart = keyof typeof DRAFT_FILES;
const PARTS = Object.keys(DRAFT_FILES) as DraftPart[];

/**
 * Parts a case may leave out: a case without events has no timeline, one without terms no
 * glossary, one without practice items no warm-up.
 */
const OPTIONAL_PARTS: ReadonlySet<DraftPart> = new Set(['timeline', 'glossary', 'practice']);

/** The register ids the editor gives the case's two documents. */
export const REBUTTAL_SOURCE = 'rebuttal';
export const ARTICLE_SOURCE = 'article';

/** Size limits: per field, for the rebuttal's text, per list, and for the whole case. */
export const LIMITS = {
	field: 2_000,
	text: 30_000,
	items: 300,
	case: 400_000
} as const;

/** A key item being written: any field may be missing, the rationale may be short yet. */
export const DraftKeyItem = KeyFields.partial()
	.extend({ rationale: z.string().optional() })
	.required({ sentence: true });
export type DraftKeyItem = z.infer<typeof DraftKeyItem>;

/** A timeline event being written: any field may be missing. */
export const DraftEvent = TimelineEventFields.partial();
export type DraftEvent = z.infer<typeof DraftEvent>;

/**
 * How many glossary terms, worked examples and practice items a case may have: a form row each
 * in the editor, so a draft (or an imported case) holds no more than the editor can show.
 */
export const MAX_TERMS = 40;
export const MAX_WORKED = 6;
export const MAX_PRACTICE_ITEMS = 20;

const atMost = (max: number, what: string) => `at most ${max} ${what}`;

/** A glossary term being written: any field may be missing. */
export const DraftGlossaryTerm = GlossaryTermFields.partial();
export type DraftGlossaryTerm = z.infer<typeof DraftGlossaryTerm>;

/** A practice item being written: any field of it or of its key may be missing. */
export const DraftPracticeItem = z.object({
	id: z.string().optional(),
	text: z.string().optional(),
	hint: z.string().optional(),
	key: PracticeKeyFields.partial().extend({ rationale: z.string().optional() }).optional()
});
export type DraftPracticeItem = z.infer<typeof DraftPracticeItem>;
export type DraftWorkedStep = Partial<z.infer<typeof WorkedStep>>;

/** The practice text being written: its title, notice, setting, worked examples and items. */
export const DraftPractice = PracticeFile.extend({
	worked: z.array(WorkedStep.partial()).max(MAX_WORKED, atMost(MAX_WORKED, 'worked examples')),
	items: z
		.array(DraftPracticeItem)
		.max(MAX_PRACTICE_ITEMS, atMost(MAX_PRACTICE_ITEMS, 'practice items'))
}).partial();
export type DraftPractice = z.infer<typeof DraftPractice>;

/** The draft: every file's schema, with fields and list items allowed to be missing. */
export const CaseDraft = z.strictObject({
	module: ModuleFile.partial().optional(),
	sources: z.strictObject({ sources: z.array(Source.partial()) }).optional(),
	letter: LetterFile.partial().optional(),
	text: z.string().optional(),
	allegations: AllegationsFile.extend({
		article: AllegationsFile.shape.article.partial(),
		allegations: z.array(AllegationFields.partial()),
		sourcing: z.array(SourcedTextFields.partial()),
		caveats: z.array(SourcedTextFields.partial()),
		differences: z.array(SourcedTextFields.partial())
	})
		.partial()
		.optional(),
	key: z.strictObject({ items: z.array(DraftKeyItem) }).optional(),
	timeline: z.strictObject({ events: z.array(DraftEvent) }).optional(),
	glossary: z
		.strictObject({
			terms: z.array(DraftGlossaryTerm).max(MAX_TERMS, atMost(MAX_TERMS, 'glossary terms'))
		})
		.optional(),
	practice: DraftPractice.optional()
});
export type CaseDraft = z.infer<typeof CaseDraft>;
export type DraftAllegation = Partial<z.infer<typeof AllegationFields>>;

/** The full schema of each part: what publishing requires. */
const FULL: Record<DraftPart, z.ZodType> = {
	module: ModuleFile,
	sources: SourcesFile,
	letter: LetterFile,
	text: z.string().trim().min(1, 'the text of the rebuttal'),
	allegations: AllegationsFile,
	key: AnswerKeyFile,
	timeline: TimelineFile,
	glossary: GlossaryFile,
	practice: PracticeFile
};

/** "expected string, received undefined" reads "not written yet" in the editor. */
const missing = (message: string) =>
	message.replace(/expected ([^:]*), received undefined$/, 'not written yet (expected $1)');

/** A problem with a case: the file it is in, and what is wrong (naming the item and the field). */
export interface DraftProblem {
	file: string;
	message: string;
	/** the item (sentence, allegation, source) the problem is about, when there is one */
	item?: string;
}

const number = (n: number) => n.toLocaleString('en');

/** Fields, lists and the whole case over their limits, each problem naming where it is. */
export function sizeProblems(draft: unknown): DraftProblem[] {
	const problems: DraftProblem[] = [];
	if (!draft || typeof draft !== 'object') return problems;
	const total = JSON.stringify(draft).length;
	if (total > LIMITS.case) {
		problems.push({
			file: '(the whole case)',
			message: `expected at most ${number(LIMITS.case)} characters in all; this case has ${number(total)}`
		});
	}
	for (const part of PARTS) {
		const value = (draft as Record<string, unknown>)[part];
		const file = DRAFT_FILES[part];
		if (typeof value === 'string') {
			if (value.length > LIMITS.text) {
				problems.push({
					file,
					message: `expected at most ${number(LIMITS.text)} characters; this text has ${number(value.length)}`
				});
			}
			continue;
		}
		const walk = (node: unknown, path: PropertyKey[]) => {
			if (typeof node === 'string' && node.length > LIMITS.field) {
				const { item, field } = locate(value, path);
				problems.push({
					file,
					item,
					message: `${item ? `item ${item}, ` : ''}field "${field}": expected at most ${number(LIMITS.field)} characters; it has ${number(node.length)}`
				});
			} else if (Array.isArray(node)) {
				if (node.length > LIMITS.items) {
					const { item, field } = locate(value, path);
					problems.push({
						file,
						item,
						message: `${item ? `item ${item}, ` : ''}field "${field}": expected at most ${number(LIMITS.items)} entries; it has ${number(node.length)}`
					});
				}
				node.forEach((x, i) => walk(x, [...path, i]));
			} else if (node && typeof node === 'object') {
				for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
			}
		};
		walk(value, []);
	}
	return problems;
}

/** Parses a stored or submitted draft: the draft schema and the size limits. */
export function parseDraft(
	data: unknown
): { ok: true; draft: CaseDraft } | { ok: false; problems: DraftProblem[] } {
	const sizes = sizeProblems(data);
	if (sizes.length) return { ok: false, problems: sizes };
	const parsed = CaseDraft.safeParse(data);
	if (parsed.success) return { ok: true, draft: parsed.data };
	return {
		ok: false,
		problems: parsed.error.issues.map((issue) => {
			const [part, ...path] = issue.path;
			const file = DRAFT_FILES[part as DraftPart] ?? '(the case)';
			const within = (data as Record<string, unknown>)[part as string];
			return {
				file,
				message: describeIssue(within, { ...issue, path }),
				item: locate(within, path).item
			};
		})
	};
}

/** The case folder's files, as text (JSON is YAML): what the case loader reads. */
export function draftFiles(draft: CaseDraft): CaseFiles {
	const files: CaseFiles = {};
	for (const part of PARTS) {
		const value = draft[part];
		if (value === undefined) continue;
		files[DRAFT_FILES[part]] = typeof value === 'string' ? value : JSON.stringify(value, null, 1);
	}
	return files;
}

export type PublishCheck =
	{ ok: true; loaded: LoadedCase } | { ok: false; problems: DraftProblem[] };

/**
 * What publishing requires: every file complete by its full schema (every problem of every file
 * listed), then the loader's checks across files (sentence ids, the key of every claim sentence,
 * known allegations, the text verbatim, every source cited...).
 */
export function publishCheck(caseId: string, draft: CaseDraft): PublishCheck {
	const problems = sizeProblems(draft);
	for (const part of PARTS) {
		const file = DRAFT_FILES[part];
		const value = draft[part];
		if (value === undefined) {
			if (!OPTIONAL_PARTS.has(part)) problems.push({ file, message: 'not written yet' });
			continue;
		}
		const parsed = FULL[part].safeParse(value);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				problems.push({
					file,
					message: missing(describeIssue(value, issue)),
					item: locate(value, issue.path).item
				});
			}
		}
	}
	if (problems.length) return { ok: false, problems };
	try {
		return { ok: true, loaded: loadCase(caseId, draftFiles(draft)) };
	} catch (error) {
		if (!(error instanceof ContentError)) throw error;
		const file = error.file.split('/').pop() ?? error.file;
		return {
			ok: false,
			problems: error.problems.map((message) => ({
				file,
				message,
				item: /^item ([^,]+),/.exec(message)?.[1]
			}))
		};
	}
}

/** Does a part of a draft hold anything (a list with an entry, a field with a value)? */
function written(value: unknown): boolean {
	return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
}

/**
 * What students do in an authored case, in the order of its path: the standard sequence, with the
 * warm-up and the timeline when the case has them.
 */
export function authoredActivities(has: { practice: boolean; timeline: boolean }): string[] {
	return [
		'Read the rebuttal and a summary of the article it answers',
		...(has.practice ? ['Warm up on a short invented text, with worked examples first'] : []),
		'Tag each claim sentence of the rebuttal as evidence, assertion or deflection',
		'Link each sentence to the allegation it answers',
		...(has.timeline ? ['Explore a timeline of the events: who asserts each, on what sources'] : [])
	];
}

/** What the case says about the article's copyright: it is summarised and linked, never copied. */
export const ARTICLE_COPYRIGHT =
	"The article is its publisher's copyright: this case summarises it in the instructor's own words and links to it.";

/**
 * The fields the editor fills in itself, the same for every authored case: the module id, the
 * file name of the text, and which of the two documents each fact cites (allegations and caveats
 * cite the article for what it said; differences cite both; the key cites the rebuttal).
 */
export function withFixedFields(moduleId: string, draft: CaseDraft): CaseDraft {
	const { module, sources, letter, allegations, key, timeline, glossary, practice } = draft;
	const claims = (letter?.paragraphs ?? [])
		.flat()
		.filter((s) => s.role === 'claim')
		.map((s) => s.id);
	const cites = (ids: string[], about?: 'article') => ({
		sources: ids,
		...(about && { about })
	});
	const hasPractice = !!practice && Object.values(practice).some(written);
	const hasTimeline = !!timeline?.events.length;
	return {
		...draft,
		module: {
			...module,
			id: moduleId,
			// the path of an authored case is the standard one: what students do follows from what
			// the case has, never from a list kept from when the draft was made or imported
			activities: authoredActivities({ practice: hasPractice, timeline: hasTimeline }),
			sources: [ARTICLE_SOURCE, REBUTTAL_SOURCE]
		},
		sources: sources && {
			sources: sources.sources.map((s) => ({ ...s, ...(s.id && { origin: s.origin ?? s.id }) }))
		},
		// a case without events has no timeline.yaml
		timeline: hasTimeline ? timeline : undefined,
		// nor one without terms a glossary, nor one with nothing of a practice text a warm-up
		glossary: glossary?.terms.length ? glossary : undefined,
		practice: hasPractice ? practice : undefined,
		letter: { ...letter, sources: [REBUTTAL_SOURCE], sourceFile: DRAFT_FILES.text },
		allegations: {
			...allegations,
			article: { ...allegations?.article, source: ARTICLE_SOURCE },
			copyright: allegations?.copyright ?? ARTICLE_COPYRIGHT,
			allegations: (allegations?.allegations ?? []).map((a) => ({
				...a,
				...cites([ARTICLE_SOURCE], 'article')
			})),
			sourcing: (allegations?.sourcing ?? []).map((t) => ({
				...t,
				...cites([ARTICLE_SOURCE], 'article')
			})),
			caveats: (allegations?.caveats ?? []).map((t) => ({
				...t,
				...cites([ARTICLE_SOURCE], 'article')
			})),
			differences: (allegations?.differences ?? []).map((t) => ({
				...t,
				...cites([REBUTTAL_SOURCE, ARTICLE_SOURCE])
			}))
		},
		// one item per claim sentence, in reading order, however little of it is written: what is
		// missing is then named per item; a sentence marked context loses its item
		key: {
			items: [...claims].map((sentence) => ({
				...(key?.items.find((k) => k.sentence === sentence) ?? { sentence }),
				sources: [REBUTTAL_SOURCE]
			}))
		}
	};
}
