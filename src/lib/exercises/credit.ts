// Credit for one answer and totals over a set, the same rule for every exercise with a key of a
// primary answer and also-defensible ones (tags, retelling piles): 1 for the key's answer, a half
// for an answer the key also defends, 0 otherwise.

/** 1 for the primary answer, 0.5 for an also-defensible one, 0 otherwise. */
export function credit<T>(given: T, primary: T, alsoDefensible: readonly T[]): number {
	if (given === primary) return 1;
	if (alsoDefensible.includes(given)) return 0.5;
	return 0;
}

export interface Totals {
	/** sum of credit */
	score: number;
	/** items graded */
	graded: number;
	/** items with full credit */
	full: number;
	/** items with partial credit */
	partial: number;
	/** items left open when the set was handed in: no credit, and no answer (not a wrong one) */
	unanswered: number;
	/** score / (graded + unanswered), 0 when there is nothing */
	ratio: number;
}

/** Totals over the graded items' credit, and the items handed in unanswered. */
export function totalsOf(credits: number[], unanswered = 0): Totals {
	const score = credits.reduce((sum, c) => sum + c, 0);
	const out = credits.length + unanswered;
	return {
		score,
		graded: credits.length,
		full: credits.filter((c) => c === 1).length,
		partial: credits.filter((c) => c > 0 && c < 1).length,
		unanswered,
		ratio: out ? score / out : 0
	};
}
