// The shape of a graded linking exercise as the browser receives it, and the one-line reason shown
// beside each sentence's rationale. The grade carries the links (the student's and the key's) for
// every sentence; what comes from the tagging key (tag, technique, rationale, other reading) only
// for sentences whose tag the student has committed in the tagging exercise, and may see.
import { listWords } from '../charts/allegation-map.ts';
import type { Tag, Technique } from '../content/schemas.ts';
import type { AllegationRecall, LinkScore, MapTotals } from './map-scoring.ts';
import type { Links } from './map-submission.ts';
import { TECHNIQUE_INFO } from '../content/vocabulary.ts';

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
