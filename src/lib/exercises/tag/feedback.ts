// The shape of graded feedback as the browser receives it (after the student has committed).
import type { Source } from '../../content/schemas.ts';
import type { ExerciseSet, GradingMode, Tag, Technique } from '../../content/vocabulary.ts';
import type { Totals } from '../credit.ts';
import type { TagDiscernment } from './scoring.ts';

export interface ItemFeedback {
	id: string;
	given: Tag;
	givenTechnique?: Technique;
	credit: number;
	tag: Tag;
	alsoDefensible: Tag[];
	contested: boolean;
	otherReading?: string;
	technique?: Technique;
	/** null when the student named no technique or the key has none */
	techniqueMatch: boolean | null;
	answers: { id: string; short: string }[];
	rationale: string;
	/** the register's sources for what the rationale states as fact (none for invented texts) */
	sources: Source[];
}

export interface GradeResult {
	set: ExerciseSet;
	mode: GradingMode;
	tags: Record<string, Tag>;
	techniques: Record<string, Technique>;
	committed: string[];
	feedback: ItemFeedback[];
	totals: Totals;
	discernment: TagDiscernment[];
	/** macro F1 over the tags the key uses */
	balanced: number;
	advice: string[];
	/** items in the whole set */
	total: number;
	/** every item committed, or the set handed in with items open */
	complete: boolean;
	/** handed in with items left open ("hand in what you have") */
	handedIn: boolean;
	/** the items left open at hand-in: unanswered, not wrong */
	open: string[];
}
