// Scoring the linking exercise: per sentence, the set of allegations the student chose against the
// key's set (Jaccard overlap, precision and recall); totals over the letter; and per allegation,
// which responding sentences the student found. An empty set means "none of them".

export interface LinkScore {
	/** allegation ids the student chose, in the order of `order` when given */
	given: string[];
	/** allegation ids in the key */
	key: string[];
	/** chosen and in the key */
	hits: string[];
	/** in the key, not chosen */
	missed: string[];
	/** chosen, not in the key */
	extra: string[];
	/** |given ∩ key| / |given ∪ key|; 1 when both are empty ("none of them", rightly) */
	jaccard: number;
	/** hits / given; null when the student chose none */
	precision: number | null;
	/** hits / key; null when the key has none */
	recall: number | null;
	verdict: 'exact' | 'partial' | 'wrong';
}

/** Compares one sentence's chosen allegations with the key's. */
export function scoreLinks(given: readonly string[], key: readonly string[]): LinkScore {
	const chosen = [...new Set(given)];
	const keyed = [...new Set(key)];
	const keySet = new Set(keyed);
	const givenSet = new Set(chosen);
	const hits = chosen.filter((a) => keySet.has(a));
	const union = new Set([...chosen, ...keyed]).size;
	const jaccard = union === 0 ? 1 : hits.length / union;
	return {
		given: chosen,
		key: keyed,
		hits,
		missed: keyed.filter((a) => !givenSet.has(a)),
		extra: chosen.filter((a) => !keySet.has(a)),
		jaccard,
		precision: chosen.length ? hits.length / chosen.length : null,
		recall: keyed.length ? hits.length / keyed.length : null,
		verdict: jaccard === 1 ? 'exact' : jaccard > 0 ? 'partial' : 'wrong'
	};
}

export interface MapTotals {
	/** sentences graded */
	sentences: number;
	exact: number;
	partial: number;
	wrong: number;
	/** the sum of the sentences' Jaccard overlaps */
	score: number;
	/** score / sentences; 0 when nothing is graded */
	ratio: number;
	/** links counted one by one (sentence, allegation) over the whole letter */
	links: {
		given: number;
		inKey: number;
		hits: number;
		/** hits / given; null when the student drew no link */
		precision: number | null;
		/** hits / inKey; null when the key has no link */
		recall: number | null;
	};
	/** "none of them": sentences the key links to no allegation */
	none: {
		inKey: number;
		/** the key says none and so did the student */
		found: number;
		/** the student said none but the key links the sentence */
		falseNone: number;
	};
}

export function mapTotals(scores: readonly LinkScore[]): MapTotals {
	const sum = (f: (s: LinkScore) => number) => scores.reduce((n, s) => n + f(s), 0);
	const score = sum((s) => s.jaccard);
	const given = sum((s) => s.given.length);
	const inKey = sum((s) => s.key.length);
	const hits = sum((s) => s.hits.length);
	return {
		sentences: scores.length,
		exact: scores.filter((s) => s.verdict === 'exact').length,
		partial: scores.filter((s) => s.verdict === 'partial').length,
		wrong: scores.filter((s) => s.verdict === 'wrong').length,
		score,
		ratio: scores.length ? score / scores.length : 0,
		links: {
			given,
			inKey,
			hits,
			precision: given ? hits / given : null,
			recall: inKey ? hits / inKey : null
		},
		none: {
			inKey: scores.filter((s) => s.key.length === 0).length,
			found: scores.filter((s) => s.key.length === 0 && s.given.length === 0).length,
			falseNone: scores.filter((s) => s.key.length > 0 && s.given.length === 0).length
		}
	};
}

export interface AllegationRecall {
	id: string;
	/** sentences the key links to this allegation */
	inKey: string[];
	/** of those, the ones the student linked too */
	found: string[];
	/** of those, the ones the student did not link */
	missed: string[];
	/** sentences the student linked to it that the key does not */
	extra: string[];
}

/** Per allegation: which of its responding sentences the student found, missed or added. */
export function allegationRecall(
	allegationIds: readonly string[],
	rows: readonly { id: string; given: readonly string[]; key: readonly string[] }[]
): AllegationRecall[] {
	return allegationIds.map((a) => {
		const inKey = rows.filter((r) => r.key.includes(a)).map((r) => r.id);
		const given = new Set(rows.filter((r) => r.given.includes(a)).map((r) => r.id));
		return {
			id: a,
			inKey,
			found: inKey.filter((id) => given.has(id)),
			missed: inKey.filter((id) => !given.has(id)),
			extra: rows.filter((r) => given.has(r.id) && !r.key.includes(a)).map((r) => r.id)
		};
	});
}

/** A short reading of the totals, in words a student can act on. */
export function mapAdvice(totals: MapTotals): string[] {
	const advice: string[] = [];
	const { links, none } = totals;
	if (links.given >= 6 && links.precision !== null && links.precision < 0.5) {
		advice.push(
			`Only ${links.hits} of your ${links.given} links are in the key. A sentence that talks about cooperation in general does not thereby respond to a particular allegation: ask which allegation a reader would think it answers.`
		);
	}
	if (links.inKey > 0 && links.recall !== null && links.recall < 0.5) {
		advice.push(
			`You found ${links.hits} of the key's ${links.inKey} links. Sweeping denials of "such claims" respond to several allegations at once, even when they answer none of them well.`
		);
	}
	if (none.inKey > 0 && none.found < none.inKey / 2) {
		advice.push(
			`The key links ${none.inKey} sentences to no allegation at all; you said so for ${none.found}. Noticing what a rebuttal leaves unanswered is half of reading it.`
		);
	}
	return advice;
}
