// The shape of a graded linking exercise as the browser receives it, the one-line reason shown
// beside each sentence's rationale, and what the map teaches: per allegation, how many evidence,
// assertion and deflection sentences respond to it, and what that means. The grade carries the links (the student's and the key's) for
// every sentence; what comes from the tagging key (tag, technique, rationale, other reading) only
// for sentences whose tag the student has committed in the tagging exercise, and may see.
import { sentenceList } from '../../content/item-name.ts';
import { listWords } from '../../content/words.ts';
import type { AllegationRecall, LinkScore, MapTotals } from './scoring.ts';
import type { Links } from './submission.ts';
import {
	TAG_INFO,
	TAGS,
	TECHNIQUE_INFO,
	type Tag,
	type Technique
} from '../../content/vocabulary.ts';

/** The tagging key of one sentence, sent only once its tag is committed (and may be shown). */
export interface MapTagging {
	/** the key's tag of the sentence */
	tag: Tag;
	technique?: Technique;
	contested: boolean;
	otherReading?: string;
	rationale: string;
}

export interface MapSentenceFeedback {
	id: string;
	text: string;
	score: LinkScore;
	/** absent until the student has committed this sentence's tag in the tagging exercise */
	tagging?: MapTagging;
}

export interface MapResult {
	/** the student's links as graded; [] is "none of them" */
	links: Links;
	/** the article's allegations in order (public, kept here so a saved result stands alone) */
	allegations: { id: string; short: string }[];
	/** one entry per claim sentence, in reading order */
	feedback: MapSentenceFeedback[];
	totals: MapTotals;
	recall: AllegationRecall[];
	advice: string[];
}

/**
 * One line on why a sentence does or does not answer the allegations the key links it to, from
 * its key tag and technique; the key's rationale then argues it in full.
 */
export function linkReason(
	f: Pick<MapTagging, 'tag' | 'technique'> & Pick<MapSentenceFeedback, 'score'>
): string {
	const answers = listWords(f.score.key);
	const technique = f.technique ? ` (${TECHNIQUE_INFO[f.technique].label.toLowerCase()})` : '';
	if (!f.score.key.length) {
		switch (f.tag) {
			case 'evidence':
				return 'It responds to none of the allegations: it is checkable, but about something no allegation raised.';
			case 'assertion':
				return 'It responds to none of the allegations: a general claim, offered without support.';
			case 'deflection':
				return `It responds to none of the allegations: it moves attention elsewhere${technique}.`;
		}
	}
	switch (f.tag) {
		case 'evidence':
			return `It responds to ${answers} with something a reader can check; the question is whether it answers the allegation itself.`;
		case 'assertion':
			return `It responds to ${answers}, but only with a claim offered without support: there is nothing to check.`;
		case 'deflection':
			return `It responds to ${answers} only by moving attention away from what was alleged${technique}.`;
	}
}

export interface MapAllegation {
	id: string;
	short: string;
}

export interface MapSentence {
	id: string;
	text: string;
	/** the key's tag; null until the student has committed their own tag for the sentence */
	tag: Tag | null;
	/** allegation ids the key links it to */
	answers: readonly string[];
	/** allegation ids the student linked it to ([] is "none of them") */
	given: readonly string[];
}

export interface AllegationSummary {
	id: string;
	short: string;
	/** key sentences responding to it, by their key tag */
	byTag: Record<Tag, string[]>;
	/** all key sentences responding to it, in reading order */
	sentences: string[];
	/** responding sentences whose tag is not known yet (the student has not committed theirs) */
	untagged: string[];
	/** sentences the student linked to it */
	given: string[];
	/**
	 * evidence: some checkable answer; unsupported: only assertions and deflections; unanswered;
	 * pending: some responding sentence's tag is not known yet, so the kind of answer is not either
	 */
	verdict: 'evidence' | 'unsupported' | 'unanswered' | 'pending';
}

/** For each allegation: which sentences respond to it in the key, by tag, and its verdict. */
export function summariseAllegations(
	allegations: readonly MapAllegation[],
	sentences: readonly MapSentence[]
): AllegationSummary[] {
	return allegations.map(({ id, short }) => {
		const responding = sentences.filter((s) => s.answers.includes(id));
		const byTag = Object.fromEntries(
			TAGS.map((tag) => [tag, responding.filter((s) => s.tag === tag).map((s) => s.id)])
		) as Record<Tag, string[]>;
		const untagged = responding.filter((s) => s.tag === null).map((s) => s.id);
		return {
			id,
			short,
			byTag,
			sentences: responding.map((s) => s.id),
			untagged,
			given: sentences.filter((s) => s.given.includes(id)).map((s) => s.id),
			verdict: !responding.length
				? 'unanswered'
				: untagged.length
					? 'pending'
					: byTag.evidence.length
						? 'evidence'
						: 'unsupported'
		};
	});
}

/** "2 evidence sentences (sentences 25 and 26)", "0 assertions", "1 deflection (sentence 4)". */
export function countPhrase(tag: Tag, ids: readonly string[]): string {
	const noun = TAG_INFO[tag].noun[ids.length === 1 ? 0 : 1];
	return `${ids.length} ${noun}${ids.length ? ` (${sentenceList(ids)})` : ''}`;
}

/**
 * "A4: 2 evidence sentences (L25, L26), 0 assertions, 2 deflections (L4, L5).", with ", 1 not
 * tagged yet (L9)" before the full stop while some tags are not known.
 */
export function describeSummary(s: AllegationSummary): string {
	const parts = TAGS.map((tag) => countPhrase(tag, s.byTag[tag]));
	if (s.untagged.length) {
		parts.push(`${s.untagged.length} not tagged yet (${sentenceList(s.untagged)})`);
	}
	return `${s.id}: ${parts.join(', ')}.`;
}

/** What the summary means for the allegation, in one sentence. */
export function describeVerdict(s: AllegationSummary): string {
	switch (s.verdict) {
		case 'evidence':
			return `Checkable evidence: ${sentenceList(s.byTag.evidence)}. Read what it does and does not settle.`;
		case 'unsupported':
			return 'No checkable evidence: only assertions and deflections.';
		case 'unanswered':
			return 'No sentence of the letter responds to it.';
		case 'pending':
			return `What kind of answer it got shows once you have checked your tags for ${sentenceList(s.untagged)} in the tagging exercise.`;
	}
}

/** The overall lesson of the map: which allegations got checkable evidence, which did not. */
export function overallLesson(
	summaries: readonly AllegationSummary[],
	sentences: readonly MapSentence[]
): string[] {
	const none = sentences.filter((s) => s.answers.length === 0).length;
	const noneLine = `${none} of the ${sentences.length} claim sentences respond to none of the allegations.`;
	const tagged = sentences.filter((s) => s.tag !== null).length;
	if (tagged < sentences.length) {
		return [
			noneLine,
			`Which allegation got checkable evidence shows once you have checked your tags in the tagging exercise (${tagged} of ${sentences.length} sentences so far).`
		];
	}
	const withEvidence = summaries.filter((s) => s.verdict === 'evidence');
	const unsupported = summaries.filter((s) => s.verdict === 'unsupported');
	const unanswered = summaries.filter((s) => s.verdict === 'unanswered');
	const lines: string[] = [];
	if (withEvidence.length) {
		const parts = withEvidence.map((s) => `${s.id} (${sentenceList(s.byTag.evidence)})`);
		lines.push(`Checkable evidence reached ${listWords(parts)}.`);
	} else lines.push('No allegation got checkable evidence.');
	if (unsupported.length) {
		const ids = unsupported.map((s) => s.id);
		lines.push(
			`${listWords(ids)} got only assertions and deflections: nothing a reader could check.`
		);
	}
	if (unanswered.length) {
		lines.push(
			`${listWords(unanswered.map((s) => s.id))}: no sentence responds at all, which does not make the allegation true.`
		);
	}
	lines.push(noneLine);
	const evidence = [...new Set(withEvidence.flatMap((s) => s.byTag.evidence))];
	if (evidence.length) {
		lines.push(
			`Checkable is not the same as answered: the reasons below say what ${sentenceList(evidence)} ${evidence.length === 1 ? 'does' : 'do'} and ${evidence.length === 1 ? 'does' : 'do'} not settle.`
		);
	}
	return lines;
}
