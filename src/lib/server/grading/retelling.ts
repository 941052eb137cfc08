// Server-side grading of the retelling exercise: reads its own key (server only, independent of
// the letter's tagging key) and answers only a submission that sorted every item, so the key's
// piles and rationales reach a browser only together with the student's committed answers.
import { error, fail } from '@sveltejs/kit';
import type { Case, CaseKeys } from '$lib/content/case';
import type { RetellingItemFeedback, RetellingResult } from '$lib/exercises/retelling/feedback';
import { pileCredit, pileSummaries, retellingAdvice } from '$lib/exercises/retelling/scoring';
import {
	describeRetellingError,
	pilesFromForm,
	retellingSubmissionSchema,
	unsortedItems,
	unsortedMessage,
	type Piles
} from '$lib/exercises/retelling/submission';
import { totalsOf } from '$lib/exercises/credit';
import { RETELLING_CATEGORIES } from '$lib/content/vocabulary';
import { getCase, getKeys } from './content';

export class RetellingGradingError extends Error {}

/** The exercise's public items, or a 404 for a case without one. */
export function retellingOf(c: Case) {
	if (!c.retelling) error(404, 'This module has no retelling exercise.');
	return c.retelling;
}

export function gradeRetelling(c: Case, keys: CaseKeys, piles: Piles): RetellingResult {
	const exercise = retellingOf(c);
	const ids = exercise.items.map((i) => i.id);
	const missing = unsortedItems(piles, ids);
	if (missing.length) throw new RetellingGradingError(unsortedMessage(missing));
	const feedback = exercise.items.map(({ id, from, text }): RetellingItemFeedback => {
		const entry = keys.retelling?.get(id);
		if (!entry) throw new RetellingGradingError(`There is no key for ${id}.`);
		const given = piles[id]!;
		return {
			id,
			from,
			text,
			given,
			credit: pileCredit(given, entry),
			category: entry.category,
			alsoDefensible: entry.alsoDefensible,
			contested: entry.contested,
			otherReading: entry.otherReading,
			rationale: entry.rationale,
			sources: entry.sources,
			confidence: entry.confidence,
			caveat: entry.caveat
		};
	});
	const pairs = feedback.map((f) => ({ given: f.given, key: f.category }));
	const summary = pileSummaries(pairs);
	return {
		piles: Object.fromEntries(feedback.map((f) => [f.id, f.given])),
		feedback,
		totals: totalsOf(feedback.map((f) => f.credit)),
		summary,
		advice: retellingAdvice(
			summary,
			feedback.filter((f) => f.from === 'letter').map((f) => ({ given: f.given, key: f.category }))
		)
	};
}

/** The raw radio values to show again beside a 400 message, kept only for known items and piles. */
function echoPiles(c: Case, raw: unknown): Record<string, string> {
	const known = new Set(retellingOf(c).items.map((i) => i.id));
	const piles = (raw as { piles?: unknown }).piles;
	if (!piles || typeof piles !== 'object') return {};
	return Object.fromEntries(
		Object.entries(piles).filter(
			([id, v]) =>
				known.has(id) &&
				typeof v === 'string' &&
				(RETELLING_CATEGORIES as readonly string[]).includes(v)
		)
	);
}

/** The form action of the retelling exercise: validate, grade, or fail with a clear 400. */
export async function retellingGradeAction(caseId: string, request: Request) {
	const c = getCase(caseId);
	const exercise = retellingOf(c);
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return fail(400, { message: 'Send the answers as a form.' });
	}
	const raw = pilesFromForm(form);
	const parsed = retellingSubmissionSchema(exercise.items.map((i) => i.id)).safeParse(raw);
	if (!parsed.success) {
		return fail(400, { message: describeRetellingError(parsed.error), piles: echoPiles(c, raw) });
	}
	try {
		return { result: gradeRetelling(c, getKeys(caseId), parsed.data.piles) };
	} catch (err) {
		if (err instanceof RetellingGradingError) {
			return fail(400, { message: err.message, piles: echoPiles(c, raw) });
		}
		throw err;
	}
}
