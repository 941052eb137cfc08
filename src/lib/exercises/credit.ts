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
	/** score / graded, 0 when nothing is graded */
	ratio: number;
}

export function totalsOf(credits: number[]): Totals {
	const score = credits.reduce((sum, c) => sum + c, 0);
	return {
		score,
		graded: credits.length,
		full: credits.filter((c) => c === 1).length,
		partial: credits.filter((c) => c > 0 && c < 1).length,
		ratio: credits.length ? score / credits.length : 0
	};
}
