// The class's work as a download: one row per student per item (tag, technique, credit) and a
// total row per student per exercise, as CSV (safe to open in a spreadsheet) or JSON, and a
// gradebook CSV (one row per student, a column per exercise and a total); students named by
// nickname or by an anonymous id in order of joining, and each kind of file named apart.
import { creditFor } from '$lib/exercises/tag/scoring';
import { itemIds, setsOf } from '$lib/content/case';
import { isGraded, SETS_IN_ORDER, type ExerciseSet } from '$lib/content/vocabulary';
import {
	listAssignments,
	listStudents,
	listStudentsWithAttempts,
	type Class
} from '$lib/server/repo/classes';
import { getKeys } from '$lib/server/content';
import { assignmentCase } from '$lib/server/modules';
import { isLate } from '$lib/exercises/due-date';
import { RUBRIC_MAX } from '$lib/exercises/sandwich/rubric';
import type { WorkExercise } from '$lib/server/db/schema';
import { assignmentExerciseWork } from '$lib/server/repo/exercise-work';
import { hasOrderExercise, mapOf, orderOf, sandwichOf } from './student-work';

export type ExportIds = 'nickname' | 'anonymous';

export interface ExportItem {
	item: string;
	tag: string | null;
	technique: string | null;
	/** null until the item is committed */
	credit: number | null;
}

export interface ExportSet {
	set: ExerciseSet;
	items: ExportItem[];
	total: {
		score: number;
		committed: number;
		items: number;
		/** items left open when the set was handed in: unanswered, not wrong */
		unanswered: number;
		/** ISO time the set was handed in; null while open */
		handedInAt: string | null;
		/** handed in after the assignment's due date (23:59 UTC of its day) */
		late: boolean;
	};
}

/** A student's map, ordering or truth sandwich, as the exports count it. */
export interface ExportExercise {
	exercise: WorkExercise;
	/**
	 * points: the map's overlaps with the key (one per sentence), the ordering's pairs in the right
	 * order, the instructor's rubric total of the truth sandwich; null until handed in (or scored)
	 */
	score: number | null;
	outOf: number;
	/** the truth sandwich: the student's own rubric total */
	selfAssessment?: number | null;
	handedInAt: string | null;
	late: boolean;
}

export interface ClassExport {
	class: string;
	exportedAt: string;
	ids: ExportIds;
	students: {
		student: string;
		assignments: {
			module: string;
			lessonsDone: string[];
			sets: ExportSet[];
			/** the map, the ordering and the truth sandwich (absent in exports made before them) */
			exercises?: ExportExercise[];
		}[];
	}[];
}

/** Everything the class has done, per student, graded against the current keys. */
export async function buildExport(cls: Class, ids: ExportIds): Promise<ClassExport> {
	const roster = await listStudents(cls.id);
	const names = new Map(
		roster.map((s, i) => [
			s.studentId,
			ids === 'anonymous' ? `student-${String(i + 1).padStart(3, '0')}` : s.nickname
		])
	);
	const perStudent = new Map<string, ClassExport['students'][number]['assignments']>(
		roster.map((s) => [s.studentId, []])
	);
	for (const a of await listAssignments(cls.id)) {
		const c = await assignmentCase(a);
		if (!c) continue;
		const keys = getKeys(c);
		const handedIn = await assignmentExerciseWork(a.id);
		const pairs = hasOrderExercise(c)
			? ((n) => (n * (n - 1)) / 2)((c.timeline?.events ?? []).filter((e) => e.orderExercise).length)
			: 0;
		for (const work of await listStudentsWithAttempts(a.id)) {
			const rows = handedIn.filter((w) => w.studentId === work.studentId);
			const row = (exercise: WorkExercise) => rows.find((w) => w.exercise === exercise);
			const when = (exercise: WorkExercise) => {
				const at = row(exercise)?.handedInAt ?? null;
				return { handedInAt: at?.toISOString() ?? null, late: isLate(at, a.dueAt) };
			};
			const sandwich = sandwichOf(row('sandwich'));
			const exercises: ExportExercise[] = [
				{
					exercise: 'map',
					score: mapOf(c, row('map'))?.score ?? null,
					outOf: c.claims.length,
					...when('map')
				},
				...(hasOrderExercise(c)
					? [
							{
								exercise: 'order' as const,
								score: orderOf(c, row('order'))?.pairs.right ?? null,
								outOf: pairs,
								...when('order')
							}
						]
					: []),
				{
					exercise: 'sandwich',
					score: sandwich?.review?.total ?? null,
					outOf: RUBRIC_MAX,
					selfAssessment: sandwich?.selfTotal ?? null,
					...when('sandwich')
				}
			];
			const sets = setsOf(c, SETS_IN_ORDER).map((set): ExportSet => {
				const attempt = work.attempts.find((x) => x.set === set);
				const committed = new Set(attempt?.committed ?? []);
				const key = keys[set];
				const ids = itemIds(c, set);
				const items = ids
					.filter((id) => attempt?.tags[id])
					.map((id) => {
						const tag = attempt?.tags[id] ?? null;
						const entry = key?.get(id);
						return {
							item: id,
							tag,
							technique: attempt?.techniques[id] ?? null,
							credit: tag && entry && committed.has(id) ? creditFor(tag, entry) : null
						};
					});
				const score = items.reduce((sum, i) => sum + (i.credit ?? 0), 0);
				// a set handed in with items open: those count as unanswered, not as wrong
				const handedInAt = attempt?.handedInAt ?? null;
				const answered = ids.filter((id) => committed.has(id)).length;
				return {
					set,
					items,
					total: {
						score,
						committed: committed.size,
						items: ids.length,
						unanswered: handedInAt ? ids.length - answered : 0,
						handedInAt: handedInAt?.toISOString() ?? null,
						late: isLate(handedInAt, a.dueAt)
					}
				};
			});
			perStudent
				.get(work.studentId)
				?.push({ module: a.moduleId, lessonsDone: work.lessonsDone, sets, exercises });
		}
	}
	return {
		class: cls.name,
		exportedAt: new Date().toISOString(),
		ids,
		students: roster.map((s) => ({
			student: names.get(s.studentId)!,
			assignments: perStudent.get(s.studentId) ?? []
		}))
	};
}

/**
 * A formula starter (= + - @, after any spaces) at the start of the text or of any part a
 * spreadsheet might split it into: after a comma, semicolon (the separator in many locales), tab
 * or line break. A file opened with the "wrong" separator splits a quoted cell too.
 */
const FORMULA_PART = /(^|[,;\t\r\n])(\s*)(?=[=+\-@])/g;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula, in any of its parts, gets a single
 * quote before the starter (a leading tab or carriage return too); cells with a comma, quote or
 * line break are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = value.replace(FORMULA_PART, "$1$2'");
	if (/^[\t\r]/.test(text)) text = `'${text}`;
	return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null)[][]): string {
	// a byte order mark, so spreadsheets read nicknames in any script as UTF-8
	return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = [
	'row',
	'student',
	'module',
	'set',
	'item',
	'tag',
	'technique',
	'credit',
	'committed',
	'items',
	'unanswered',
	'handed_in_at',
	'late'
];

export function exportToCsv(data: ClassExport): string {
	const rows: (string | number | null)[][] = [CSV_HEADER];
	for (const s of data.students) {
		for (const a of s.assignments) {
			for (const set of a.sets) {
				for (const i of set.items) {
					rows.push([
						'item',
						s.student,
						a.module,
						set.set,
						i.item,
						i.tag,
						i.technique,
						i.credit,
						null,
						null,
						null,
						null,
						null
					]);
				}
				const t = set.total;
				rows.push([
					'total',
					s.student,
					a.module,
					set.set,
					null,
					null,
					null,
					t.score,
					t.committed,
					t.items,
					t.unanswered,
					t.handedInAt,
					t.handedInAt ? (t.late ? 'yes' : 'no') : null
				]);
			}
			// the map, the ordering and the truth sandwich: a total row each (their set column
			// names the exercise; the truth sandwich's credit is the instructor's rubric score)
			for (const e of a.exercises ?? []) {
				rows.push([
					'total',
					s.student,
					a.module,
					e.exercise,
					null,
					null,
					null,
					e.score,
					null,
					e.outOf,
					null,
					e.handedInAt,
					e.handedInAt ? (e.late ? 'yes' : 'no') : null
				]);
			}
		}
	}
	return toCsv(rows);
}

/**
 * The gradebook: one row per student, a column per exercise of each assignment (the score, in
 * points out of the set's items: open and unanswered items score 0; the map out of its sentences,
 * the ordering out of its pairs of events, the truth sandwich out of the rubric's 10 points once
 * the instructor has scored it, 0 before) and the total over them, ready
 * to paste into a school gradebook. The pre- and post-check are left out: they are not graded. The header says what each column is out of.
 */
export function exportToGradebook(data: ClassExport): string {
	const columns = new Map<string, { module: string; set: string; items: number }>();
	for (const s of data.students) {
		for (const a of s.assignments) {
			// the pre- and post-check are a baseline and its check, never marks
			for (const set of a.sets.filter((x) => isGraded(x.set))) {
				const id = `${a.module}/${set.set}`;
				if (!columns.has(id))
					columns.set(id, { module: a.module, set: set.set, items: set.total.items });
			}
			for (const e of a.exercises ?? []) {
				const id = `${a.module}/${e.exercise}`;
				if (!columns.has(id))
					columns.set(id, { module: a.module, set: e.exercise, items: e.outOf });
			}
		}
	}
	const outOf = [...columns.values()].reduce((sum, c) => sum + c.items, 0);
	const header = [
		'student',
		...[...columns.values()].map((c) => `${c.module} ${c.set} (out of ${c.items})`),
		`total (out of ${outOf})`
	];
	const rows = data.students.map((s) => {
		const scores = new Map<string, number>(
			s.assignments.flatMap((a) => [
				...a.sets.map((set): [string, number] => [`${a.module}/${set.set}`, set.total.score]),
				...(a.exercises ?? []).map((e): [string, number] => [
					`${a.module}/${e.exercise}`,
					e.score ?? 0
				])
			])
		);
		const cells = [...columns.keys()].map((id) => scores.get(id) ?? 0);
		return [s.student, ...cells, cells.reduce((sum, n) => sum + n, 0)];
	});
	return toCsv([header, ...rows]);
}

export type ExportKind = 'items' | 'gradebook';

/**
 * A file name from the class name (letters and digits, dashes between), the day, and what the file
 * holds: "period-3-2026-11-30-nicknames.csv", "…-anonymous.json", "…-gradebook-nicknames.csv".
 */
export function exportFileName(
	cls: Class,
	extension: 'csv' | 'json',
	ids: ExportIds,
	kind: ExportKind = 'items'
): string {
	const slug =
		cls.name
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/[\s_-]+/g, '-')
			.toLowerCase()
			.slice(0, 60) || 'class';
	const what = [
		kind === 'gradebook' ? 'gradebook' : '',
		ids === 'anonymous' ? 'anonymous' : 'nicknames'
	]
		.filter(Boolean)
		.join('-');
	return `${slug}-${new Date().toISOString().slice(0, 10)}-${what}.${extension}`;
}
