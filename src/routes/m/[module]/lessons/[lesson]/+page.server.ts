// A lesson's metadata and its neighbours, from the validated content, with the register entries of
// the sources it cites (and the post-check, for the lesson that shows it); for a class student,
// whether the lesson is done and (with the lesson-order lock) which earlier lesson must be finished
// first, and the action that marks it done.
import { error, fail } from '@sveltejs/kit';
import { lessonBlockedBy } from '$lib/server/authorization';
import { classContext } from '$lib/server/class-exercise';
import { caseFolder, getCase, sourcesById } from '$lib/server/content';
import { lessonsDone, markLessonDone } from '$lib/server/students';

function findLesson(moduleId: string, slug: string) {
	const c = getCase(moduleId);
	const index = c.lessons.findIndex((l) => l.slug === slug);
	const lesson = c.lessons[index];
	if (!lesson) error(404, `This module has no lesson called "${slug}".`);
	return { c, index, lesson };
}

const link = (l: { slug: string; title: string; number: number } | undefined) =>
	l ? { slug: l.slug, title: l.title, number: l.number } : null;

export async function load({ params, locals }) {
	const { c, index, lesson } = findLesson(params.module, params.lesson);
	const ctx = await classContext(locals, params.module);
	let classProgress = null;
	if (ctx) {
		const done = await lessonsDone(ctx.studentId, ctx.assignment.id);
		const blockedBy = lessonBlockedBy(c.lessons, lesson.slug, done, ctx.assignment.lessonLock);
		classProgress = { done: done.includes(lesson.slug), blockedBy: link(blockedBy ?? undefined) };
	}
	return {
		lesson,
		folder: caseFolder(c),
		sources: sourcesById(c, lesson.sourceIds),
		postcheck: lesson.postcheck ? c.postcheck : undefined,
		previous: link(c.lessons[index - 1]),
		next: link(c.lessons[index + 1]),
		classProgress
	};
}

export const actions = {
	done: async ({ params, locals }) => {
		const { c, lesson } = findLesson(params.module, params.lesson);
		const ctx = await classContext(locals, params.module);
		if (!ctx) {
			return fail(400, { message: 'Only students in a class with this module can mark lessons.' });
		}
		const done = await lessonsDone(ctx.studentId, ctx.assignment.id);
		const blockedBy = lessonBlockedBy(c.lessons, lesson.slug, done, ctx.assignment.lessonLock);
		if (blockedBy) {
			return fail(400, { message: `Finish lesson ${blockedBy.number} first.` });
		}
		await markLessonDone(ctx.studentId, ctx.assignment.id, lesson.slug);
		return { marked: true };
	}
};
