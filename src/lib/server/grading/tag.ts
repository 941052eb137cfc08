// Server-side grading of a tag set: reads the key (server only) and returns feedback for the
// committed items alone, so no rationale reaches a browser before its answer is committed.
import { itemIds, type Case, type CaseKeys } from '$lib/content/case';
import type { ExerciseSet, Tag } from '$lib/content/vocabulary';
import type { GradeResult, ItemFeedback } from '$lib/exercises/tag/feedback';
import {
	balancedScore,
	creditFor,
	discernment,
	discernmentAdvice
} from '$lib/exercises/tag/scoring';
import { totalsOf } from '$lib/exercises/credit';
import {
	describeSubmissionError,
	Submission,
	submissionFromForm
} from '$lib/exercises/tag/submission';
import { getKeys } from '$lib/server/content';
import { gradeForm, type ExerciseForm } from './action';
import { GradingError } from './errors';

export function grade(c: Case, keys: CaseKeys, set: ExerciseSet, s: Submission): GradeResult {
	const ids = itemIds(c, set);
	const key = keys[set];
	if (!key || ids.length === 0) throw new GradingError('This module has no such exercise.');
	const known = new Set(ids);
	const unknown = [...Object.keys(s.tags), ...Object.keys(s.techniques), ...s.committed, s.commit]
		.filter((id): id is string => id !== undefined)
		.find((id) => !known.has(id));
	if (unknown) throw new GradingError(`There is no item ${unknown} in this exercise.`);

	let committed: string[];
	let open: string[] = [];
	if (s.handIn) {
		// "hand in what you have": every tagged item is committed; the rest count as unanswered
		committed = ids.filter((id) => s.tags[id]);
		open = ids.filter((id) => !s.tags[id]);
		if (committed.length === 0) throw new GradingError('Tag at least one sentence to hand in.');
	} else if (s.mode === 'set' && !s.commit) {
		const untagged = ids.filter((id) => !s.tags[id]);
		if (untagged.length) {
			throw new GradingError(
				`Tag every sentence before checking: ${untagged.length} still untagged (${untagged.slice(0, 5).join(', ')}${untagged.length > 5 ? ', ...' : ''}). Or hand in what you have: the ${untagged.length === 1 ? 'open item counts' : `${untagged.length} open items count`} as unanswered, not as wrong.`,
				{ open: untagged.length }
			);
		}
		committed = ids;
	} else {
		const wanted = new Set([...s.committed, ...(s.commit ? [s.commit] : [])]);
		if (wanted.size === 0) throw new GradingError('Choose an item to check.');
		committed = ids.filter((id) => wanted.has(id));
		const untagged = committed.find((id) => !s.tags[id]);
		if (untagged) throw new GradingError(`Choose a tag for ${untagged} before checking it.`);
	}

	const allegations = new Map(c.article.allegations.map((a) => [a.id, a.short]));
	const feedback = committed.map((id): ItemFeedback => {
		const entry = key.get(id);
		if (!entry) throw new GradingError(`There is no key for ${id}.`);
		const given = s.tags[id] as Tag;
		const givenTechnique = given === 'deflection' ? s.techniques[id] : undefined;
		return {
			id,
			given,
			givenTechnique,
			credit: creditFor(given, entry),
			tag: entry.tag,
			alsoDefensible: entry.alsoDefensible,
			contested: entry.contested,
			otherReading: entry.otherReading,
			technique: entry.technique,
			techniqueMatch: givenTechnique && entry.technique ? givenTechnique === entry.technique : null,
			answers: entry.answers.map((a) => ({ id: a, short: allegations.get(a) ?? a })),
			rationale: entry.rationale,
			sources: entry.sources ?? []
		};
	});
	const rows = discernment(feedback.map((f) => ({ given: f.given, key: f.tag })));
	return {
		set,
		mode: s.mode,
		tags: s.tags,
		techniques: s.techniques,
		committed,
		feedback,
		totals: totalsOf(
			feedback.map((f) => f.credit),
			open.length
		),
		discernment: rows,
		balanced: balancedScore(rows),
		advice: discernmentAdvice(rows, feedback.length),
		total: ids.length,
		complete: committed.length === ids.length || Boolean(s.handIn),
		handedIn: Boolean(s.handIn),
		open
	};
}

/** The tagging form: its fields, its schema, and the answers shown again beside a message. */
export const tagForm: ExerciseForm<
	Submission,
	{ tags?: Submission['tags']; techniques?: Submission['techniques']; open?: number }
> = {
	read: submissionFromForm,
	schema: Submission,
	describe: describeSubmissionError,
	echo: (_raw, body) => (body ? { tags: body.tags, techniques: body.techniques } : {}),
	what: 'the answers'
};

/** The grade action of a tagging set in self-study: validate, grade, or a 400 with a message. */
export function tagGradeAction(c: Case, set: ExerciseSet, request: Request) {
	return gradeForm(request, tagForm, (submission) => ({
		result: grade(c, getKeys(c), set, submission)
	}));
}
