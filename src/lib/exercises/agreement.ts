// Class agreement as a teaching instrument: Fleiss' kappa and Krippendorff's alpha over a table of
// counts (sentences x tags), per-sentence agreement, and the class's tag distribution per sentence
// with the most contested sentences first. Agreement is not correctness: the key grades, the
// distribution picks the sentences worth discussing.
import { TAGS, type Tag } from '../content/vocabulary.ts';

/** How many raters gave each category to one item (one row of the counts table). */
export type CountRow = readonly number[];

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * P_i: the share of agreeing pairs among the raters of one item, i.e. the chance that two raters
 * drawn at random (without replacement) gave it the same category. Null with fewer than two raters.
 */
export function itemAgreement(row: CountRow): number | null {
	const n = sum(row);
	if (n < 2) return null;
	return row.reduce((s, x) => s + x * (x - 1), 0) / (n * (n - 1));
}

export interface KappaResult {
	/** null when kappa is undefined; `reason` then says why */
	kappa: number | null;
	reason?: string;
	/** P̄: mean observed agreement over the items used */
	observed: number | null;
	/** P̄e: agreement expected by chance from the pooled category shares */
	expected: number | null;
	/** p_j: share of all ratings (of the items used) in each category */
	shares: number[];
	/** P_i per row, in the order given; null for rows with fewer than two raters */
	perItem: (number | null)[];
	/** rows used (two raters or more) */
	items: number;
	/** rows left out (fewer than two raters) */
	excluded: number;
	/** the most and fewest raters of a used row, and all their ratings */
	raters: { min: number; max: number; ratings: number };
}

/**
 * Fleiss' kappa (Fleiss 1971) for N items, k categories and n raters per item, in the common
 * generalisation to a varying number of raters: each P_i uses its own n_i, P̄ is the plain mean of
 * the P_i, and p_j pools every rating. Rows with fewer than two raters carry no information about
 * agreement and are left out (counted in `excluded`). With n the same for every row this is exactly
 * Fleiss' statistic; with two raters it is Scott's pi.
 *
 * Kappa is null, with a reason, when no row has two raters or when every rating is in one category
 * (P̄e = 1, so the ratio is 0/0: there is no disagreement to measure against chance).
 */
export function fleissKappa(counts: readonly CountRow[]): KappaResult {
	const k = Math.max(0, ...counts.map((r) => r.length));
	const perItem = counts.map(itemAgreement);
	const used = counts.filter((_, i) => perItem[i] !== null);
	const sizes = used.map(sum);
	const ratings = sum(sizes);
	const base = {
		perItem,
		items: used.length,
		excluded: counts.length - used.length,
		raters: {
			min: sizes.length ? Math.min(...sizes) : 0,
			max: sizes.length ? Math.max(...sizes) : 0,
			ratings
		}
	};
	if (used.length === 0) {
		return {
			...base,
			kappa: null,
			reason:
				'No sentence has been tagged by two students yet, so there is no agreement to measure.',
			observed: null,
			expected: null,
			shares: Array.from({ length: k }, () => 0)
		};
	}
	const shares = Array.from({ length: k }, (_, j) => sum(used.map((r) => r[j] ?? 0)) / ratings);
	const observed = sum(perItem.filter((p): p is number => p !== null)) / used.length;
	const expected = sum(shares.map((p) => p * p));
	if (expected >= 1 - 1e-12) {
		return {
			...base,
			kappa: null,
			reason:
				'Every answer used the same tag, so agreement expected by chance is already 100% and kappa is undefined (0/0). The class agrees completely; whether it agrees with the key is a separate question.',
			observed,
			expected,
			shares
		};
	}
	return { ...base, kappa: (observed - expected) / (1 - expected), observed, expected, shares };
}

/**
 * Krippendorff's alpha for nominal data, from the same counts table: built from the coincidence
 * matrix, it handles a varying number of raters per item by design (Krippendorff 2011, "Computing
 * Krippendorff's alpha-reliability"). Null when fewer than two ratings are pairable or all
 * pairable ratings are in one category.
 */
export function krippendorffAlpha(counts: readonly CountRow[]): number | null {
	let n = 0;
	let agreeing = 0;
	const k = Math.max(0, ...counts.map((r) => r.length));
	const byCategory = Array.from({ length: k }, () => 0);
	for (const row of counts) {
		const m = sum(row);
		if (m < 2) continue;
		n += m;
		row.forEach((x, j) => {
			byCategory[j] = (byCategory[j] ?? 0) + x;
			agreeing += (x * (x - 1)) / (m - 1);
		});
	}
	const chance = sum(byCategory.map((x) => x * (x - 1)));
	const denominator = n * (n - 1) - chance;
	if (n < 2 || denominator <= 0) return null;
	return ((n - 1) * agreeing - chance) / denominator;
}

export interface KappaReading {
	label: 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';
	/** the band, e.g. "0.21 to 0.40" */
	band: string;
	/** says that the bands are a convention, not a test */
	convention: string;
}

const LANDIS_KOCH: [number, KappaReading['label'], string][] = [
	[0, 'poor', 'below 0'],
	[0.2, 'slight', '0.00 to 0.20'],
	[0.4, 'fair', '0.21 to 0.40'],
	[0.6, 'moderate', '0.41 to 0.60'],
	[0.8, 'substantial', '0.61 to 0.80'],
	[Infinity, 'almost perfect', '0.81 to 1.00']
];

export const LANDIS_KOCH_CONVENTION =
	'Landis and Koch (1977) proposed these bands as a convention for reading kappa; they are not derived from any test, and other authors draw the lines elsewhere.';

/** The Landis & Koch (1977) reading of a kappa, labelled as the convention it is. */
export function landisKoch(kappa: number): KappaReading {
	// the bands are written to two decimals (0.21 to 0.40), so read kappa at that precision
	const rounded = Math.round(kappa * 100) / 100;
	const found = LANDIS_KOCH.find(([upper], i) => (i === 0 ? rounded < upper : rounded <= upper));
	const [, label, band] = found ?? LANDIS_KOCH[LANDIS_KOCH.length - 1]!;
	return { label, band, convention: LANDIS_KOCH_CONVENTION };
}

/** Below this many raters or items, kappa moves a lot with one answer. */
export const SMALL_CLASS = 10;

/**
 * The small-class caveat, or null when the class and the set are large enough for kappa to be
 * read as more than a rough guide. Raters are the most students who tagged any one sentence.
 */
export function kappaCaveat(raters: number, items: number): string | null {
	const parts: string[] = [];
	if (raters < SMALL_CLASS) parts.push(`${raters} ${raters === 1 ? 'student' : 'students'}`);
	if (items < SMALL_CLASS) parts.push(`${items} ${items === 1 ? 'sentence' : 'sentences'}`);
	if (!parts.length) return null;
	return `With only ${parts.join(' and ')}, kappa is unstable: one answer can move it a lot, so read it as a rough guide, not a measurement.`;
}

export type TagCounts = Record<Tag, number>;

export interface ItemDistribution {
	id: string;
	counts: TagCounts;
	/** students who tagged this item */
	total: number;
	/** the most frequent tags (several on a tie; none without answers) */
	modal: Tag[];
	/** P_i; null with fewer than two answers */
	agreement: number | null;
	/** Shannon entropy of the tags, scaled to 0 (all one tag) .. 1 (even split over three tags) */
	entropy: number;
	/** the key's primary tag, when a key was given */
	keyTag: Tag | null;
	/** share of the answers that give the key's primary tag; null without a key or answers */
	keyShare: number | null;
}

export interface ClassDistribution {
	/** one entry per item id, in the order given */
	items: ItemDistribution[];
	/** the same entries, most contested first (see `byContestedness`) */
	contested: ItemDistribution[];
	/** the counts table (items x TAGS) in the order of `items`, for kappa and alpha */
	counts: number[][];
}

/** One student's tags: item id -> tag, for the items that student committed. */
export type StudentTags = Readonly<Partial<Record<string, Tag>>>;

const emptyCounts = (): TagCounts => ({ evidence: 0, assertion: 0, deflection: 0 });

function entropyOf(counts: TagCounts, total: number): number {
	if (total === 0) return 0;
	let h = 0;
	for (const tag of TAGS) {
		const p = counts[tag] / total;
		if (p > 0) h -= p * Math.log(p);
	}
	return h / Math.log(TAGS.length);
}

/**
 * Orders items most contested first: lowest per-item agreement P_i first (the chance that two
 * students picked at random agree), then, on a tie, the higher entropy (answers spread over more
 * tags), then the lower share agreeing with the key, then the original order. Items with fewer
 * than two answers cannot be contested yet and come last.
 */
export function byContestedness(items: readonly ItemDistribution[]): ItemDistribution[] {
	const position = new Map(items.map((item, i) => [item.id, i]));
	const last = (v: number | null, fallback: number) => (v === null ? fallback : v);
	return [...items].sort(
		(a, b) =>
			last(a.agreement, Infinity) - last(b.agreement, Infinity) ||
			b.entropy - a.entropy ||
			last(a.keyShare, Infinity) - last(b.keyShare, Infinity) ||
			(position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)
	);
}

/**
 * The class's tags per item: counts per tag, agreement, entropy, the share agreeing with the key's
 * primary tag (when `keyTags` is given), and the most contested ordering. Tags for item ids not in
 * `itemIds` are ignored.
 */
export function distribution(
	tagsByStudent: Iterable<StudentTags>,
	itemIds: readonly string[],
	keyTags?: ReadonlyMap<string, Tag> | Readonly<Record<string, Tag>>
): ClassDistribution {
	const counts = new Map(itemIds.map((id) => [id, emptyCounts()]));
	for (const tags of tagsByStudent) {
		for (const [id, tag] of Object.entries(tags)) {
			const row = counts.get(id);
			if (row && tag && tag in row) row[tag] += 1;
		}
	}
	const keyOf = (id: string): Tag | null =>
		(keyTags instanceof Map
			? keyTags.get(id)
			: (keyTags as Record<string, Tag> | undefined)?.[id]) ?? null;
	const items = itemIds.map((id): ItemDistribution => {
		const c = counts.get(id) ?? emptyCounts();
		const row = TAGS.map((t) => c[t]);
		const total = sum(row);
		const top = Math.max(...row);
		const keyTag = keyOf(id);
		return {
			id,
			counts: c,
			total,
			modal: total ? TAGS.filter((t) => c[t] === top) : [],
			agreement: itemAgreement(row),
			entropy: entropyOf(c, total),
			keyTag,
			keyShare: keyTag && total ? c[keyTag] / total : null
		};
	});
	return {
		items,
		contested: byContestedness(items),
		counts: items.map((item) => TAGS.map((t) => item.counts[t]))
	};
}
