// The learning gain: the change in discernment from the pre-check (a baseline at the start of
// lesson 1) to the parallel post-check (lesson 7). Discernment is the balanced score, the macro F1
// over the tags the key uses (tag/scoring.ts), the same figure the results card reads in words.
// A set counts once it is finished (every item committed, or handed in with items open) and only
// its committed answers are scored. Pure, so the dashboard, the student's page and the post-check's
// results all read the same figures.
import type { Tag } from '../content/vocabulary.ts';
import { committedTags, type DashboardAttempt, type DashboardStudent } from './dashboard.ts';
import { balancedScore, discernment } from './tag/scoring.ts';

/** What every figure of the learning gain is read with: it is not an experiment. */
export const GAIN_CAVEAT =
	'Read this with care: there is no control group, the pre-check and the post-check use different (parallel) sentences, and the class practised in between, so the change is not an effect of the module alone.';

/** A student's discernment on a finished set (0..1); null while the set is unfinished or empty. */
export function setDiscernment(
	attempt: DashboardAttempt | undefined,
	key: ReadonlyMap<string, { tag: Tag }>,
	itemIds: readonly string[]
): number | null {
	if (!attempt || itemIds.length === 0) return null;
	const tags = committedTags(attempt, new Set(itemIds));
	const finished = Boolean(attempt.handedInAt) || itemIds.every((id) => tags[id]);
	if (!finished) return null;
	const pairs = Object.entries(tags).flatMap(([id, given]) => {
		const entry = key.get(id);
		return entry ? [{ given, key: entry.tag }] : [];
	});
	return pairs.length ? balancedScore(discernment(pairs)) : null;
}

/** One student's pre and post discernment and the change; the change only with both. */
export interface StudentGain {
	pre: number | null;
	post: number | null;
	change: number | null;
}

export function studentGain(pre: number | null, post: number | null): StudentGain {
	return { pre, post, change: pre !== null && post !== null ? post - pre : null };
}

/** The class's figures, over the students who have both (n). */
export interface ClassGain {
	/** students with both a pre- and a post-check */
	n: number;
	/** students with the pre-check only, the post-check only */
	preOnly: number;
	postOnly: number;
	/** means over the n students with both; null when n is 0 */
	meanPre: number | null;
	meanPost: number | null;
	meanChange: number | null;
}

const mean = (values: number[]) =>
	values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

export function classGain(students: readonly StudentGain[]): ClassGain {
	const both = students.filter((s) => s.pre !== null && s.post !== null);
	return {
		n: both.length,
		preOnly: students.filter((s) => s.pre !== null && s.post === null).length,
		postOnly: students.filter((s) => s.pre === null && s.post !== null).length,
		meanPre: mean(both.map((s) => s.pre!)),
		meanPost: mean(both.map((s) => s.post!)),
		meanChange: mean(both.map((s) => s.post! - s.pre!))
	};
}

/** A set's key and items, for scoring a pre- or post-check. */
export interface GainSet {
	key: ReadonlyMap<string, { tag: Tag }>;
	itemIds: readonly string[];
}

/** The class's learning gain from its stored work (the last attempt per set counts). */
export function classGainOf(
	students: readonly DashboardStudent[],
	pre: GainSet,
	post: GainSet
): ClassGain {
	return classGain(
		students.map((s) =>
			studentGain(
				setDiscernment(
					s.attempts.findLast((a) => a.set === 'precheck'),
					pre.key,
					pre.itemIds
				),
				setDiscernment(
					s.attempts.findLast((a) => a.set === 'postcheck'),
					post.key,
					post.itemIds
				)
			)
		)
	);
}

/** A discernment as a whole percentage: 0.625 -> "63%". */
export function percent(value: number): string {
	return `${Math.round(value * 100)}%`;
}

/** A change in percentage points, signed: 0.2 -> "+20 points", -0.05 -> "−5 points". */
export function points(change: number): string {
	const n = Math.round(change * 100);
	if (n === 0) return 'no change';
	return `${n > 0 ? '+' : '−'}${Math.abs(n)} point${Math.abs(n) === 1 ? '' : 's'}`;
}
