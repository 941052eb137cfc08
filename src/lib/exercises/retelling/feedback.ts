// The shape of the graded retelling exercise as the browser receives it (only ever in the answer to
// a submission that sorted every item, since it carries the key's piles and rationales).
import type { Source } from '../../content/schemas.ts';
import type { Confidence, RetellingCategory } from '../../content/vocabulary.ts';
import type { Totals } from '../credit.ts';
import type { PileSummary } from './scoring.ts';
import type { Piles } from './submission.ts';

export interface RetellingItemFeedback {
	id: string;
	from: 'letter' | 'article';
	text: string;
	given: RetellingCategory;
	credit: number;
	category: RetellingCategory;
	alsoDefensible: RetellingCategory[];
	contested: boolean;
	otherReading?: string;
	rationale: string;
	sources: Source[];
	confidence: Confidence;
	caveat?: string;
}

export interface RetellingResult {
	piles: Piles;
	feedback: RetellingItemFeedback[];
	totals: Totals;
	summary: PileSummary[];
	advice: string[];
}
