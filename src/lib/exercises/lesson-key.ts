// The rows of the letter's key that lesson pages show (<KeyMapTable />, <KeyTechniques />), as the
// browser receives them: only the sentences this reader may see, by the same rule as the allegation
// map (src/lib/server/visible-key.ts decides which). The lesson files themselves carry none of it.
import type { Tag, Technique } from '../content/schemas.ts';

/**
 * Who is reading: an instructor (sees the whole key), a class student (what their assignment's
 * feedback mode shows of their committed answers), a self-study reader (the tags checked in this
 * browser), or a visitor while self-study grading is off (nothing).
 */
export type KeyReaderKind = 'instructor' | 'class' | 'self-study' | 'self-study-off';

/** One sentence as the key tags it. */
export interface KeySentence {
	id: string;
	tag: Tag;
	/** for a deflection, or a sentence whose other reading is a deflection */
	technique?: Technique;
	contested: boolean;
}

/** An allegation and the sentences the key says respond to it. */
export interface AllegationKeyRow {
	allegation: string;
	short: string;
	sentences: KeySentence[];
}

/** A technique and the sentences where the key sees it. */
export interface TechniqueKeyRow {
	technique: Technique;
	/** deflections with this technique */
	sentences: KeySentence[];
	/** sentences tagged otherwise whose deflection reading is this technique */
	secondReading: KeySentence[];
}

export interface LessonKey {
	reader: KeyReaderKind;
	/** how many of the letter's claim sentences the rows may draw on */
	shown: number;
	/** the letter's claim sentences */
	total: number;
	map?: AllegationKeyRow[];
	techniques?: TechniqueKeyRow[];
}
