// Grading a set of tags against a key: per-item credit, totals, and discernment (per-tag precision
// and recall), so that tagging everything one way visibly scores poorly.
import { TAG_INFO, TAGS, type Tag, type Technique } from '../../content/vocabulary.ts';
import { credit } from '../credit.ts';

/** The parts of a key entry scoring needs. */
export interface KeyForScoring {
	tag: Tag;
	alsoDefensible: Tag[];
	technique?: Technique;
}

/** 1 for the primary tag, 0.5 for an also-defensible tag, 0 otherwise. */
export function creditFor(given: Tag, key: KeyForScoring): number {
	return credit(given, key.tag, key.alsoDefensible);
}

/** What a reader scores by giving every item the same tag: one row per tag, in the order of TAGS. */
export function singleTagScores(
	keys: readonly KeyForScoring[]
): { tag: Tag; score: number; ratio: number }[] {
	return TAGS.map((tag) => {
		const score = keys.reduce((sum, key) => sum + creditFor(tag, key), 0);
		return { tag, score, ratio: keys.length ? score / keys.length : 0 };
	});
}

export interface TagDiscernment {
	tag: Tag;
	/** items the student gave this tag */
	given: number;
	/** items whose primary tag in the key is this tag */
	inKey: number;
	/** given this tag and the key's primary tag agrees */
	hits: number;
	/** given this tag where the key's primary tag is another */
	falseAlarms: number;
	/** key says this tag, the student gave another */
	misses: number;
	/** hits / given; null when the tag was never given */
	precision: number | null;
	/** hits / inKey; null when the key never uses the tag */
	recall: number | null;
}

/**
 * Per-tag precision and recall of the student's tags against the key's primary tags. A student who
 * tags everything "deflection" gets full recall for deflection but low precision, and zero recall
 * for the other tags.
 */
export function discernment(pairs: { given: Tag; key: Tag }[]): TagDiscernment[] {
	return TAGS.map((tag) => {
		const given = pairs.filter((p) => p.given === tag).length;
		const inKey = pairs.filter((p) => p.key === tag).length;
		const hits = pairs.filter((p) => p.given === tag && p.key === tag).length;
		return {
			tag,
			given,
			inKey,
			hits,
			falseAlarms: given - hits,
			misses: inKey - hits,
			precision: given ? hits / given : null,
			recall: inKey ? hits / inKey : null
		};
	});
}

/** The harmonic mean of precision and recall, averaged over the tags the key uses (macro F1). */
export function balancedScore(rows: TagDiscernment[]): number {
	const used = rows.filter((r) => r.inKey > 0);
	if (!used.length) return 0;
	const f1 = used.map((r) => {
		const p = r.precision ?? 0;
		const rec = r.recall ?? 0;
		return p + rec === 0 ? 0 : (2 * p * rec) / (p + rec);
	});
	return f1.reduce((a, b) => a + b, 0) / used.length;
}

/** A short reading of the discernment figures, in words a student can act on. */
export function discernmentAdvice(rows: TagDiscernment[], total: number): string[] {
	const advice: string[] = [];
	for (const row of rows) {
		if (total > 0 && row.given / total >= 0.6 && row.precision !== null && row.precision < 0.7) {
			advice.push(
				`You tagged ${row.given} of ${total} sentences “${row.tag}”, but only ${row.hits} of them are ${row.tag} in the key. Suspicion is not discernment: ask the question for each tag before you choose.`
			);
		}
		if (row.inKey > 0 && row.recall === 0) {
			advice.push(
				`You found none of the ${row.inKey} sentences the key tags “${row.tag}”. Look again, asking of each sentence: ${TAG_INFO[row.tag].question}`
			);
		}
	}
	return advice;
}
