// Server-side grading of the retelling exercise: reads its own key (server only, independent of
// the letter's tagging key) and answers only a submission that sorted every item, so the key's
// piles and rationales reach a browser only together with the student's committed answers.
import { error } from '@sveltejs/kit';
import type { Case, CaseKeys } from '$lib/content/case';
import type { RetellingItemFeedback, RetellingResult } from '$lib/exercises/retelling/feedback';
import { pileCredit, pileSummaries, retellingAdvice } from '$lib/exercises/retelling/scoring';
import {
	describeRetellingError,
	pilesFromForm,
	retellingSubmissionSchema,
	unsortedItems,
	unsortedMessage,
	type Piles,
	type RetellingSubmission
} from '$lib/exercises/retelling/submission';
import { totalsOf } from '$lib/exercises/credit';
import { RETELLING_CATEGORIES } from '$lib/content/vocabulary';
import { getKeys } from '$lib/server/content';
import { gradeForm, type ExerciseForm } from './action';
import { GradingError } from './errors';

/** The exercise's public items, or a 404 for a case without one. */
export function retellingOf(c: Case) {
	if (!c.retelling) error(404, 'This module has no retelling exercise.');
	return c.retelling;
}

export function gradeRetelling(c: Case, keys: CaseKeys, piles: Piles): RetellingResult {
	const exercise = retellingOf(c);
	const ids = exercise.items.map((i) => i.id);
	const missing = unsortedItems(piles, ids);
	if (missing.length) throw new GradingError(unsortedMessage(missing));
	const feedback = exercise.items.map(({ id, from, text }): RetellingItemFeedback => {
		const entry = keys.retelling?.get(id);
		if (!entry) throw new GradingError(`There is no key for ${id}.`);
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
	const piles = (raw as { piles?: unknown } | undefined)?.piles;
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

/** The retelling form: its fields, this case's schema, and the piles shown again beside a message. */
export function retellingForm(
	c: Case
): ExerciseForm<RetellingSubmission, { piles: Record<string, string> }> {
	return {
		read: pilesFromForm,
		schema: retellingSubmissionSchema(retellingOf(c).items.map((i) => i.id)),
		describe: describeRetellingError,
		echo: (raw) => ({ piles: echoPiles(c, raw) }),
		what: 'the answers'
	};
}

/** The form action of the retelling exercise: validate, grade, or fail with a clear 400. */
export function retellingGradeAction(c: Case, request: Request) {
	return gradeForm(request, retellingForm(c), (body) => ({
		result: gradeRetelling(c, getKeys(c), body.piles)
	}));
}
