// Server-side grading of the linking exercise: reads the key (server only) and answers only a
// submission that links every claim sentence, with link feedback: the student's links, the key's,
// their scores and each allegation's recall. Nothing from the tagging key (tag, technique,
// rationale, other reading, and so the tag-coloured map) is added but for the sentences whose key
// the student may see (visible-key.ts, the rule the lessons' key tables share): in self-study the
// tag answers the map form carries, graded again by the tagging grader; in a class the stored
// attempt under the assignment's feedback rules; for an instructor, all of them.
import type { Case, CaseKeys } from '$lib/content/case';
import type { ItemFeedback } from '$lib/exercises/tag/feedback';
import type { MapResult, MapSentenceFeedback } from '$lib/exercises/map/feedback';
import { allegationRecall, mapAdvice, mapTotals, scoreLinks } from '$lib/exercises/map/scoring';
import {
	describeMapError,
	incompleteMessage,
	linksFromForm,
	mapSubmissionSchema,
	missingSentences,
	type Links,
	type MapSubmission
} from '$lib/exercises/map/submission';
import { NONE } from '$lib/exercises/map/fields';
import { getKeys } from '$lib/server/content';
import { gradeForm, type ExerciseForm } from './action';
import { GradingError } from './errors';

/** The claim sentences students link, in reading order. */
export function claimIds(c: Case): string[] {
	return c.claims.map((s) => s.id);
}

/** The body schema for this case's sentences and allegations. */
export function mapSchemaFor(c: Case) {
	return mapSubmissionSchema(
		claimIds(c),
		c.article.allegations.map((a) => a.id)
	);
}

/**
 * Grades the links. `tagged` is the tagging feedback of the sentences whose tag the student has
 * committed (and may see): only those sentences get their tag, technique and rationale.
 */
export function gradeMap(
	c: Case,
	keys: CaseKeys,
	submission: MapSubmission,
	tagged: readonly ItemFeedback[] = []
): MapResult {
	const ids = claimIds(c);
	const taggedById = new Map(tagged.map((f) => [f.id, f]));
	const missing = missingSentences(submission.links, ids);
	if (missing.length) throw new GradingError(incompleteMessage(missing));
	const order = c.article.allegations.map((a) => a.id);
	const inOrder = (list: readonly string[]) => order.filter((a) => list.includes(a));
	const texts = new Map(c.sentences.map((s) => [s.id, s.text]));

	const feedback = ids.map((id): MapSentenceFeedback => {
		const entry = keys.letter.get(id);
		if (!entry) throw new GradingError(`There is no key for ${id}.`);
		const feedback: MapSentenceFeedback = {
			id,
			text: texts.get(id) ?? '',
			score: scoreLinks(inOrder(submission.links[id] ?? []), inOrder(entry.answers))
		};
		const t = taggedById.get(id);
		if (t) {
			feedback.tagging = {
				tag: t.tag,
				...(t.technique ? { technique: t.technique } : {}),
				contested: t.contested,
				...(t.otherReading ? { otherReading: t.otherReading } : {}),
				rationale: t.rationale
			};
		}
		return feedback;
	});
	const totals = mapTotals(feedback.map((f) => f.score));
	const links: Links = Object.fromEntries(feedback.map((f) => [f.id, f.score.given]));
	return {
		links,
		allegations: c.article.allegations.map(({ id, short }) => ({ id, short })),
		feedback,
		totals,
		recall: allegationRecall(
			order,
			feedback.map((f) => ({ id: f.id, given: f.score.given, key: f.score.key }))
		),
		advice: mapAdvice(totals)
	};
}

/**
 * The raw checkbox values to show again beside a 400 message (no-JavaScript posts), kept only for
 * known sentences and known values.
 */
function echoLinks(c: Case, raw: unknown): Record<string, string[]> {
	const known = new Set(claimIds(c));
	const values = new Set([...c.article.allegations.map((a) => a.id), NONE]);
	const links = (raw as { links?: unknown } | undefined)?.links;
	if (!links || typeof links !== 'object') return {};
	return Object.fromEntries(
		Object.entries(links)
			.filter(([id, v]) => known.has(id) && Array.isArray(v))
			.map(([id, v]) => [id, (v as unknown[]).filter((x): x is string => values.has(x as string))])
	);
}

/** Where the tagging feedback of a map submission comes from (visible-key.ts). */
export type TaggingSource = (form: FormData) => ItemFeedback[] | Promise<ItemFeedback[]>;

/** The linking form: its fields, this case's schema, and the links shown again beside a message. */
export function mapForm(c: Case): ExerciseForm<MapSubmission, { links: Record<string, string[]> }> {
	return {
		read: linksFromForm,
		schema: mapSchemaFor(c),
		describe: describeMapError,
		echo: (raw) => ({ links: echoLinks(c, raw) }),
		what: 'the links'
	};
}

/** The form action of the linking exercise: validate, grade, or fail with a clear 400. */
export function mapGradeAction(c: Case, request: Request, tagging: TaggingSource) {
	return gradeForm(request, mapForm(c), async (submission, form) => ({
		result: gradeMap(c, getKeys(c), submission, await tagging(form))
	}));
}
