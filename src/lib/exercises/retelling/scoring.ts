// Scoring the retelling exercise: per item, 1 for the key's pile and 0.5 for a pile the key also
// accepts; totals; and per pile, how many of the key's items the student found there and how many
// they put there that belong elsewhere (so sorting everything into one pile visibly scores poorly).
import { RETELLING_CATEGORIES, type RetellingCategory } from '../../content/vocabulary.ts';
import { credit } from '../credit.ts';

export interface RetellingKeyForScoring {
	category: RetellingCategory;
	alsoDefensible: RetellingCategory[];
}

/** 1 for the key's pile, 0.5 for an also-defensible pile, 0 otherwise. */
export function pileCredit(given: RetellingCategory, key: RetellingKeyForScoring): number {
	return credit(given, key.category, key.alsoDefensible);
}

export interface PileSummary {
	category: RetellingCategory;
	/** items the key puts in this pile */
	inKey: number;
	/** of those, the ones the student put there too */
	found: number;
	/** items the student put here that the key puts elsewhere */
	extra: number;
}

/** Per pile: the key's items found, and the student's items that belong elsewhere. */
export function pileSummaries(
	pairs: readonly { given: RetellingCategory; key: RetellingCategory }[]
): PileSummary[] {
	return RETELLING_CATEGORIES.map((category) => ({
		category,
		inKey: pairs.filter((p) => p.key === category).length,
		found: pairs.filter((p) => p.key === category && p.given === category).length,
		extra: pairs.filter((p) => p.given === category && p.key !== category).length
	}));
}

/** A short reading of the piles, in words a student can act on. */
export function retellingAdvice(
	piles: readonly PileSummary[],
	fromLetter: readonly { given: RetellingCategory; key: RetellingCategory }[]
): string[] {
	const advice: string[] = [];
	const leftOut = piles.find((p) => p.category === 'left-out');
	if (leftOut && leftOut.inKey > 0 && leftOut.found < leftOut.inKey / 2) {
		advice.push(
			`The key finds ${leftOut.inKey} things the article reported that the letter never mentions; you found ${leftOut.found}. What a reply leaves out is as telling as what it says.`
		);
	}
	const missedInflation = fromLetter.filter((p) => p.key === 'inflated' && p.given !== 'inflated');
	if (missedInflation.length > 0) {
		advice.push(
			`Check the letter's own retelling against the article before judging the reply: ${missedInflation.length} of its claims go further than anything the article is shown to have said.`
		);
	}
	return advice;
}
