// Which items of the letter's key a reader may see outside the tagging exercise, and what a lesson
// shows of them. One rule for every page that shows the tagging key beside something else (the
// allegation map, the lessons' key tables): a signed-in instructor sees every item; a class student
// the items committed in their stored attempt, and only as the assignment's feedback mode allows
// (revealedTagging); a self-study reader the items whose tags this browser has checked, sent with
// the request and graded again by the tagging grader; a visitor, while self-study grading is off,
// none.
import { itemIds, type Case, type CaseKeys, type KeyTable } from '$lib/content/case';
import { TECHNIQUES, type Technique } from '$lib/content/vocabulary';
import type { ItemFeedback } from '$lib/exercises/tag/feedback';
import type { KeyReaderKind, KeySentence, LessonKey } from '$lib/exercises/lesson-key';
import {
	Submission,
	describeSubmissionError,
	submissionFromForm
} from '$lib/exercises/tag/submission';
import { classContext, revealedTagging, type ClassContext } from './class-work';
import { GradingError } from './errors';
import { grade } from './tag';
import { maySelfStudy } from '$lib/server/auth/self-study';

export type KeyReader =
	| { kind: 'instructor' }
	| { kind: 'class'; ctx: ClassContext }
	| { kind: 'self-study' }
	| { kind: 'self-study-off' };

/** Who is asking, for the key of this module. */
export async function keyReader(locals: App.Locals, c: Case): Promise<KeyReader> {
	if (locals.instructor) return { kind: 'instructor' };
	const ctx = await classContext(locals, c);
	if (ctx) return { kind: 'class', ctx };
	return maySelfStudy(locals) ? { kind: 'self-study' } : { kind: 'self-study-off' };
}

/**
 * Self-study: the tagging answers a form carries from this browser (the tag form's fields: tag-L4,
 * technique-L4, committed), graded by the tagging grader. Only committed items of the letter count
 * (a stale id from an older letter is dropped); the form can claim no more than the tag form itself
 * would answer. Throws a GradingError for a form that cannot be read.
 */
export function selfStudyTagging(c: Case, keys: CaseKeys, form: FormData): ItemFeedback[] {
	const parsed = Submission.safeParse(submissionFromForm(form));
	if (!parsed.success) throw new GradingError(describeSubmissionError(parsed.error));
	const known = new Set(itemIds(c, 'letter'));
	const committed = new Set(
		parsed.data.committed.filter((id) => known.has(id) && parsed.data.tags[id])
	);
	if (committed.size === 0) return [];
	const only = <T>(record: Record<string, T>) =>
		Object.fromEntries(Object.entries(record).filter(([id]) => committed.has(id)));
	return grade(c, keys, 'letter', {
		mode: 'immediate',
		tags: only(parsed.data.tags),
		techniques: only(parsed.data.techniques),
		committed: [...committed]
	}).feedback;
}

/** Every item of the letter's key, as feedback (an instructor's view). */
function wholeKey(c: Case, keys: CaseKeys): ItemFeedback[] {
	const ids = itemIds(c, 'letter');
	const tags = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)!.tag]));
	return grade(c, keys, 'letter', { mode: 'immediate', tags, techniques: {}, committed: ids })
		.feedback;
}

/**
 * The tagging feedback of the letter's items this reader may see. `form` carries a self-study
 * reader's checked answers (ignored for everyone else: their answers are on the server).
 */
export async function visibleTagging(
	c: Case,
	keys: CaseKeys,
	reader: KeyReader,
	form: FormData | null
): Promise<ItemFeedback[]> {
	switch (reader.kind) {
		case 'instructor':
			return wholeKey(c, keys);
		case 'class':
			return revealedTagging(c, keys, reader.ctx);
		case 'self-study':
			return form ? selfStudyTagging(c, keys, form) : [];
		case 'self-study-off':
			return [];
	}
}

const keySentence = (f: ItemFeedback): KeySentence => ({
	id: f.id,
	tag: f.tag,
	...(f.technique ? { technique: f.technique } : {}),
	contested: f.contested
});

/**
 * What a lesson's key tables show, built from the visible items only: for each allegation the
 * sentences that respond to it; for each technique the sentences where the key sees it (as the
 * main reading, or as the other reading of a sentence tagged otherwise).
 */
export function lessonKey(
	c: Case,
	reader: KeyReaderKind,
	visible: readonly ItemFeedback[],
	tables: readonly KeyTable[]
): LessonKey {
	// in the letter's order, whatever order the feedback came in
	const order = new Map(itemIds(c, 'letter').map((id, i) => [id, i]));
	const items = [...visible].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
	const result: LessonKey = { reader, shown: items.length, total: order.size };
	if (tables.includes('map')) {
		result.map = c.article.allegations.map(({ id, short }) => ({
			allegation: id,
			short,
			sentences: items.filter((f) => f.answers.some((a) => a.id === id)).map(keySentence)
		}));
	}
	if (tables.includes('techniques')) {
		const withTechnique = (t: Technique) => items.filter((f) => f.technique === t);
		result.techniques = TECHNIQUES.map((technique) => ({
			technique,
			sentences: withTechnique(technique)
				.filter((f) => f.tag === 'deflection')
				.map(keySentence),
			secondReading: withTechnique(technique)
				.filter((f) => f.tag !== 'deflection')
				.map(keySentence)
		})).filter((row) => row.sentences.length + row.secondReading.length > 0);
	}
	return result;
}
