// The class dashboard: for one set of one assignment, lesson progress, scores and discernment, the
// class's distribution per sentence (most contested first) and agreement. Owner only (else 404).
import { classDependency } from '$lib/live';
import { requireOwnClass } from '$lib/server/auth/guards';
import { assignmentCase, requireAssignmentCase } from '$lib/server/modules';
import {
	assignmentDashboard,
	chooseAssignment,
	chooseSet,
	sentenceRows
} from '$lib/server/reports/dashboard';
import { setsOf } from '$lib/content/case';
import { classExerciseViews } from '$lib/server/reports/class-exercises';
import { studentRowView } from '$lib/exercises/dashboard';

export async function load({ depends, locals, params, url }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	depends(classDependency(cls.id)); // reloaded when the class's event stream signals a change
	const { assignments, assignment } = await chooseAssignment(cls, url);
	const base = {
		class: { id: cls.id, name: cls.name },
		assignments: await Promise.all(
			assignments.map(async (a) => ({
				id: a.id,
				moduleId: a.moduleId,
				title: (await assignmentCase(a))?.module.title ?? a.moduleId
			}))
		)
	};
	if (!assignment) return { ...base, assignment: null };

	const c = await requireAssignmentCase(assignment);
	const set = chooseSet(c, url);
	const { dashboard, texts, gain } = await assignmentDashboard(c, assignment, set);
	const order = url.searchParams.get('order') === 'letter' ? 'letter' : 'contested';
	const rows = sentenceRows(dashboard, texts);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return {
		...base,
		assignment: {
			id: assignment.id,
			moduleId: assignment.moduleId,
			title: c.module.title,
			feedbackMode: assignment.feedbackMode
		},
		set,
		sets: setsOf(c),
		order,
		rows:
			order === 'letter'
				? rows
				: dashboard.distribution.contested.map((item) => byId.get(item.id)!),
		students: dashboard.students.map(studentRowView),
		lessons: dashboard.lessons,
		agreement: dashboard.agreement,
		submitted: dashboard.submitted,
		complete: dashboard.complete,
		late: dashboard.late,
		/** the due date, YYYY-MM-DD (due by 23:59 UTC), or null */
		dueAt: assignment.dueAt?.toISOString().slice(0, 10) ?? null,
		mean: dashboard.mean,
		bands: dashboard.bands,
		missed: dashboard.missed.map((m) => ({ ...m, text: texts.get(m.id) ?? '' })),
		itemCount: dashboard.itemIds.length,
		/** the change from the pre-check to the post-check (null without both) */
		gain,
		/** the class's map and ordering (issue 13) */
		exerciseViews: await classExerciseViews(c, assignment.id)
	};
}
