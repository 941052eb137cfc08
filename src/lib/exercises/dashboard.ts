// The instructor dashboard of one assignment as a pure function of the class's work and the key:
// roster progress per lesson, each student's score and discernment, the class's distribution per
// item (most contested first) and agreement (Fleiss' kappa, Krippendorff's alpha) with its caveat.
// Pure, so a 1,000-student class can be computed and timed without a database.
import { TAGS, type ExerciseSet, type Tag } from '../content/vocabulary.ts';
import { totalsOf, type Totals } from './credit.ts';
import { isLate } from './due-date.ts';
import { mostMissed, scoreBands, type MissedItem, type ScoreBand } from './dashboard-summary.ts';
import {
	distribution,
	fleissKappa,
	kappaCaveat,
	krippendorffAlpha,
	landisKoch,
	type ClassDistribution,
	type KappaReading,
	type KappaResult,
	type StudentTags
} from './agreement.ts';
import {
	balancedScore,
	creditFor,
	discernment,
	type KeyForScoring,
	type TagDiscernment
} from './tag/scoring.ts';

/** A student's current answers to one set (the shape `listStudentsWithAttempts` returns). */
export interface DashboardAttempt {
	set: string;
	tags: Readonly<Partial<Record<string, Tag>>>;
	committed: readonly string[];
	/** when the set was handed in (whole, or with items open); null or absent while open */
	handedInAt?: Date | null;
}

export interface DashboardStudent {
	studentId: string;
	nickname: string;
	/** at most one per set; with several, the last one counts */
	attempts: readonly DashboardAttempt[];
	/** slugs of the lessons marked done */
	lessonsDone: readonly string[];
}

export interface DashboardLesson {
	slug: string;
	title: string;
	number: number;
}

export interface StudentRow {
	studentId: string;
	nickname: string;
	/** per lesson, in the order of `lessons`: marked done? */
	lessons: boolean[];
	lessonsDone: number;
	/** items of the set committed (graded) */
	committed: number;
	/** every item committed, or the set handed in with items open */
	complete: boolean;
	/** items left open at hand-in: unanswered, not wrong (0 while the set is open) */
	unanswered: number;
	/** handed in after the assignment's due date (due-date.ts) */
	late: boolean;
	/** null until the student has committed an item */
	totals: Totals | null;
	discernment: TagDiscernment[] | null;
	/** macro F1 against the key's primary tags; null until something is committed */
	balanced: number | null;
}

/**
 * What the dashboard page shows of a student's row: the score, the discernment per tag and the
 * lessons. The counts behind them stay on the server: the page carries one row per student, and
 * for a large class every byte of a row is a thousand in the page.
 */
export interface StudentRowView {
	studentId: string;
	nickname: string;
	lessons: boolean[];
	lessonsDone: number;
	committed: number;
	unanswered: number;
	late: boolean;
	totals: Pick<Totals, 'score' | 'graded' | 'unanswered' | 'ratio'> | null;
	/** precision and recall per tag, in the order of TAGS */
	discernment: [precision: number | null, recall: number | null][] | null;
	balanced: number | null;
}

/** A student's row as the dashboard page shows it (StudentRowView). */
export function studentRowView(row: StudentRow): StudentRowView {
	const { studentId, nickname, lessons, lessonsDone, committed, unanswered, late, balanced } = row;
	const totals = row.totals && {
		score: row.totals.score,
		graded: row.totals.graded,
		unanswered: row.totals.unanswered,
		ratio: row.totals.ratio
	};
	const discernment =
		row.discernment &&
		TAGS.map((tag): [number | null, number | null] => {
			const d = row.discernment!.find((x) => x.tag === tag);
			return [d?.precision ?? null, d?.recall ?? null];
		});
	return {
		studentId,
		nickname,
		lessons,
		lessonsDone,
		committed,
		unanswered,
		late,
		totals,
		discernment,
		balanced
	};
}

export interface DashboardAgreement extends KappaResult {
	/** Krippendorff's alpha (nominal) over the same table */
	alpha: number | null;
	/** the Landis & Koch reading; null when kappa is */
	reading: KappaReading | null;
	/** the small-class caveat; null for a large enough class and set */
	caveat: string | null;
}

export interface Dashboard {
	set: ExerciseSet;
	itemIds: string[];
	students: StudentRow[];
	lessons: (DashboardLesson & { done: number })[];
	distribution: ClassDistribution;
	agreement: DashboardAgreement;
	/** students who committed at least one item of the set */
	submitted: number;
	/** students who committed every item of the set, or handed it in with items open */
	complete: number;
	/** students who handed the set in after the due date */
	late: number;
	/** means over the students who committed something; null when nobody has */
	mean: { ratio: number | null; balanced: number | null };
	/** students per band of their score (dashboard-summary.ts) */
	bands: ScoreBand[];
	/** the items most missed, lowest mean credit first */
	missed: MissedItem[];
}

const mean = (values: number[]) =>
	values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

/** A student's committed tags in the set, restricted to the set's items. */
export function committedTags(
	attempt: DashboardAttempt | undefined,
	itemIds: ReadonlySet<string>
): Record<string, Tag> {
	const tags: Record<string, Tag> = {};
	if (!attempt) return tags;
	for (const id of attempt.committed) {
		const tag = attempt.tags[id];
		if (tag && itemIds.has(id)) tags[id] = tag;
	}
	return tags;
}

/**
 * The whole dashboard of one set of an assignment. Only committed answers count, both for scores
 * and for the class distribution: a draft is not an answer. Scores are recomputed from the key, so
 * they always match the key the dashboard shows.
 */
export function computeDashboard(
	students: readonly DashboardStudent[],
	key: ReadonlyMap<string, KeyForScoring>,
	itemIds: readonly string[],
	lessons: readonly DashboardLesson[],
	set: ExerciseSet = 'letter',
	dueAt: Date | null = null
): Dashboard {
	const items = new Set(itemIds);
	const tagsByStudent: StudentTags[] = [];
	const lessonDone = lessons.map(() => 0);

	const rows = students.map((student): StudentRow => {
		const done = new Set(student.lessonsDone);
		const marks = lessons.map((l, i) => {
			const has = done.has(l.slug);
			if (has) lessonDone[i]! += 1;
			return has;
		});
		const attempt = student.attempts.findLast((a) => a.set === set);
		const tags = committedTags(attempt, items);
		tagsByStudent.push(tags);
		const pairs = Object.entries(tags).flatMap(([id, given]) => {
			const entry = key.get(id);
			return entry ? [{ given, entry }] : [];
		});
		const committed = Object.keys(tags).length;
		const handedIn = Boolean(attempt?.handedInAt);
		const unanswered = handedIn ? Math.max(0, itemIds.length - committed) : 0;
		const rowsOf = pairs.length
			? discernment(pairs.map((p) => ({ given: p.given, key: p.entry.tag })))
			: null;
		return {
			studentId: student.studentId,
			nickname: student.nickname,
			lessons: marks,
			lessonsDone: marks.filter(Boolean).length,
			committed,
			complete: itemIds.length > 0 && (committed === itemIds.length || handedIn),
			unanswered,
			late: isLate(attempt?.handedInAt, dueAt),
			totals: pairs.length
				? totalsOf(
						pairs.map((p) => creditFor(p.given, p.entry)),
						unanswered
					)
				: null,
			discernment: rowsOf,
			balanced: rowsOf ? balancedScore(rowsOf) : null
		};
	});

	const keyTags = new Map([...key].map(([id, entry]) => [id, entry.tag]));
	const dist = distribution(tagsByStudent, itemIds, keyTags);
	const kappa = fleissKappa(dist.counts);
	const scored = rows.filter((r) => r.totals !== null);
	return {
		set,
		itemIds: [...itemIds],
		students: rows,
		lessons: lessons.map((l, i) => ({ ...l, done: lessonDone[i] ?? 0 })),
		distribution: dist,
		agreement: {
			...kappa,
			alpha: krippendorffAlpha(dist.counts),
			reading: kappa.kappa === null ? null : landisKoch(kappa.kappa),
			caveat: kappa.items ? kappaCaveat(kappa.raters.max, kappa.items) : null
		},
		submitted: scored.length,
		complete: rows.filter((r) => r.complete).length,
		late: rows.filter((r) => r.late).length,
		mean: {
			ratio: mean(scored.map((r) => r.totals!.ratio)),
			balanced: mean(scored.map((r) => r.balanced!))
		},
		bands: scoreBands(rows),
		missed: mostMissed(dist.items, key)
	};
}
