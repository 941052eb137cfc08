// The class page's roster: each student's progress on each assignment (lessons marked done, items
// committed per exercise), counted against the module's content.
import { itemIds, setsOf } from '$lib/content/case';
import { SETS_IN_ORDER, type ExerciseSet } from '$lib/content/vocabulary';
import { listStudents, listStudentsWithAttempts, type Assignment } from './classes';
import { assignmentCase } from '$lib/server/modules';

export interface Progress {
	lessons: { done: number; total: number };
	/** committed of total, per exercise the module has */
	sets: { set: ExerciseSet; committed: number; total: number }[];
}

export interface RosterRow {
	studentId: string;
	nickname: string;
	joinedAt: string;
	/** by assignment id */
	progress: Record<string, Progress>;
}

export async function rosterOf(classId: string, assignments: Assignment[]): Promise<RosterRow[]> {
	const students = await listStudents(classId);
	const rows: RosterRow[] = students.map((s) => ({
		studentId: s.studentId,
		nickname: s.nickname,
		joinedAt: s.joinedAt.toISOString(),
		progress: {}
	}));
	const byId = new Map(rows.map((r) => [r.studentId, r]));
	for (const a of assignments) {
		const c = await assignmentCase(a);
		if (!c) continue;
		const work = new Map((await listStudentsWithAttempts(a.id)).map((w) => [w.studentId, w]));
		const lessonSlugs = new Set(c.lessons.map((l) => l.slug));
		for (const row of byId.values()) {
			const w = work.get(row.studentId);
			row.progress[a.id] = {
				lessons: {
					done: w?.lessonsDone.filter((s) => lessonSlugs.has(s)).length ?? 0,
					total: c.lessons.length
				},
				sets: setsOf(c, SETS_IN_ORDER).map((set) => ({
					set,
					committed: w?.attempts.find((x) => x.set === set)?.committed.length ?? 0,
					total: itemIds(c, set).length
				}))
			};
		}
	}
	return rows;
}
