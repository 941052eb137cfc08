// A class student's home: their class, its assignments with due dates and their own progress.
import { redirect } from '@sveltejs/kit';
import { requireStudent } from '$lib/server/auth/guards';
import { clearClassCookie } from '$lib/server/auth/class-ended';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/auth/sessions';
import { deleteSession } from '$lib/server/repo/sessions';
import { itemIds, setsOf } from '$lib/content/case';
import { SETS_IN_ORDER } from '$lib/content/vocabulary';
import { assignmentCase } from '$lib/server/modules';
import { studentAssignments } from '$lib/server/repo/students';
import { dueStatus, dueWords } from '$lib/exercises/due-date';

export async function load({ locals }) {
	const student = requireStudent(locals);
	const rows = await studentAssignments(student.id, student.classId);
	const now = new Date();
	return {
		student: { nickname: student.nickname, className: student.className },
		assignments: (
			await Promise.all(
				rows.map(async (row) => ({ ...row, c: await assignmentCase(row.assignment) }))
			)
		).flatMap(({ assignment: a, committed, lessonsDone, c }) => {
			if (!c) return [];
			const done = new Set(lessonsDone);
			return [
				{
					moduleId: a.moduleId,
					title: c.module.title,
					dueAt: a.dueAt ? a.dueAt.toISOString().slice(0, 10) : null,
					due: a.dueAt ? dueWords(dueStatus(a.dueAt, now)) : null,
					lessons: c.lessons.map((l) => ({
						slug: l.slug,
						title: l.title,
						number: l.number,
						done: done.has(l.slug)
					})),
					sets: setsOf(c, SETS_IN_ORDER)
						.filter((set) => set !== 'booster' || a.boosterReleased)
						.map((set) => ({ set, committed: committed[set] ?? 0, total: itemIds(c, set).length }))
				}
			];
		})
	};
}

export const actions = {
	signout: async ({ cookies, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await deleteSession(token);
		clearSessionCookie(cookies, url);
		clearClassCookie(cookies, url);
		redirect(303, '/');
	}
};
