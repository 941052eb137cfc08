// A tagging exercise at a glance, for the dashboard: how the class's scores spread (students per
// band of the score ratio) and the sentences most missed (the lowest mean credit among those who
// answered them). Pure: computed from the dashboard's rows and distribution and the key.
import { TAGS } from '../content/vocabulary.ts';
import type { ItemDistribution } from './agreement.ts';
import type { StudentRow } from './dashboard.ts';
import { creditFor, type KeyForScoring } from './tag/scoring.ts';

export interface ScoreBand {
	/** the band's bounds as ratios: [from, to), the last one [from, 1] */
	from: number;
	to: number;
	students: number;
}

/**
 * Students with a score, per band of their score ratio (five bands of 20 percentage points by
 * default; a ratio of exactly 1 is in the last band). Students without a score are not counted.
 */
export function scoreBands(students: readonly StudentRow[], bands = 5): ScoreBand[] {
	const out = Array.from({ length: bands }, (_, i) => ({
		from: i / bands,
		to: (i + 1) / bands,
		students: 0
	}));
	for (const s of students) {
		if (!s.totals) continue;
		const band = Math.min(bands - 1, Math.floor(s.totals.ratio * bands + 1e-9));
		out[Math.max(0, band)]!.students += 1;
	}
	return out;
}

export interface MissedItem {
	id: string;
	/** students who answered it (committed) */
	answered: number;
	/** mean credit of their answers, 0..1 */
	meanCredit: number;
	/** answers with no credit at all */
	wrong: number;
}

/**
 * The items with the lowest mean credit among the students who answered them, lowest first (on a
 * tie, more wrong answers first, then the order of the items); items nobody answered are left
 * out, and so are items everyone got fully right.
 */
export function mostMissed(
	items: readonly ItemDistribution[],
	key: ReadonlyMap<string, KeyForScoring>,
	limit = 5
): MissedItem[] {
	const missed: MissedItem[] = [];
	for (const item of items) {
		const entry = key.get(item.id);
		if (!entry || item.total === 0) continue;
		let credit = 0;
		let wrong = 0;
		for (const tag of TAGS) {
			const c = creditFor(tag, entry);
			credit += c * item.counts[tag];
			if (c === 0) wrong += item.counts[tag];
		}
		const meanCredit = credit / item.total;
		if (meanCredit < 1) missed.push({ id: item.id, answered: item.total, meanCredit, wrong });
	}
	// a stable sort: on a full tie, the order of the items
	missed.sort((a, b) => a.meanCredit - b.meanCredit || b.wrong - a.wrong);
	return missed.slice(0, limit);
}
