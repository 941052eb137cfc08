// Server-side grading of the linking exercise: reads the key (server only) and answers only a
// submission that links every claim sentence, so the key's links, tags and rationales reach a
// browser only together with the student's committed answer for each of them.
import { fail } from '@sveltejs/kit';
import type { Case, CaseKeys } from '$lib/content/case';
import type { MapResult, MapSentenceFeedback } from '$lib/exercises/map-feedback';
import { allegationRecall, mapAdvice, mapTotals, scoreLinks } from '$lib/exercises/map-scoring';
import {
	describeMapError,
	incompleteMessage,
	linksFromForm,
	mapSubmissionSchema,
	missingSentences,
	NONE,
	type Links,
	type MapSubmission
} from '$lib/exercises/map-submission';
import { getCase, getKeys } from './content';

export class MapGradingError extends Error {}

/** The claim sentences students link, in reading order. */
export function claimIds(c: Case): string[] {
	return c.sentences.filter((s) => s.role === 'claim').map((s) => s.id);
}

/** The body schema for this case's sentences and allegations. */
export function mapSchemaFor(c: Case) {
	return mapSubmissionSchema(
		claimIds(c),
		c.article.allegations.map((a) => a.id)
	);
}

export function gradeMap(c: Case, keys: CaseKeys, submission: MapSubmission): MapResult {
	const ids = claimIds(c);
	const missing = missingSentences(submission.links, ids);
	if (missing.length) throw new MapGradingError(incompleteMessage(missing));
	const order = c.article.allegations.map((a) => a.id);
	const inOrder = (list: readonly string[]) => order.filter((a) => list.includes(a));
	const texts = new Map(c.sentences.map((s) => [s.id, s.text]));

	const feedback = ids.map((id): MapSentenceFeedback => {
		const entry = keys.letter.get(id);
		if (!entry) throw new MapGradingError(`There is no key for ${id}.`);
		return {
			id,
			text: texts.get(id) ?? '',
			tag: entry.tag,
			technique: entry.technique,
			contested: entry.contested,
			otherReading: entry.otherReading,
			rationale: entry.rationale,
			score: scoreLinks(inOrder(submission.links[id] ?? []), inOrder(entry.answers))
		};
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
	const links = (raw as { links?: unknown }).links;
	if (!links || typeof links !== 'object') return {};
	return Object.fromEntries(
		Object.entries(links)
			.filter(([id, v]) => known.has(id) && Array.isArray(v))
			.map(([id, v]) => [id, (v as unknown[]).filter((x): x is string => values.has(x as string))])
	);
}

/** The form action of the linking exercise: validate, grade, or fail with a clear 400. */
export async function mapGradeAction(caseId: string, request: Request) {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return fail(400, { message: 'Send the links as a form.' });
	}
	const c = getCase(caseId);
	const raw = linksFromForm(form);
	const parsed = mapSchemaFor(c).safeParse(raw);
	if (!parsed.success) {
		return fail(400, { message: describeMapError(parsed.error), links: echoLinks(c, raw) });
	}
	try {
		return { result: gradeMap(c, getKeys(caseId), parsed.data) };
	} catch (error) {
		if (error instanceof MapGradingError) {
			return fail(400, { message: error.message, links: echoLinks(c, raw) });
		}
		throw error;
	}
}
