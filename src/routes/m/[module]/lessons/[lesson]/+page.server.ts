// A lesson's metadata and its neighbours, from the validated content, with the register entries of
// the sources it cites (and the post-check, for the lesson that shows it); for a lesson with key
// tables (<KeyMapTable />, <KeyTechniques />), their rows for the sentences this reader may see
// (visible-key.ts), and the `key` action a self-study page asks with the tags checked in its
// browser; for a class student, whether the lesson is done and (with the lesson-order lock) which
// earlier lesson must be finished first, the action that marks it done, and their answers to the
// lesson's checks for understanding with the action that saves one.
import { error, fail } from '@sveltejs/kit';
import type { Case, Lesson } from '$lib/content/case';
import { standardLessonKind, tagExamples } from '$lib/content/standard-lessons';
import { lessonBlockedBy } from '$lib/server/auth/authorization';
import { classContext } from '$lib/server/grading/class-work';
import { lessonCheckAnswers, saveCheckAnswer } from '$lib/server/repo/check-answers';
import { moduleCase } from '$lib/server/modules';
import { caseFolder, getKeys, sourcesById } from '$lib/server/content';
import { CHECK_ANSWER_MAX } from '$lib/server/db/schema';
import { CHECK_ANSWER_LABELS, CheckAnswerForm } from '$lib/server/forms/check-answer';
import { parseForm } from '$lib/server/forms/parse';
import { GradingError } from '$lib/server/grading/errors';
import { lessonsDone, markLessonDone } from '$lib/server/repo/students';
import { keyReader, lessonKey, visibleTagging } from '$lib/server/grading/visible-key';

async function findLesson(locals: App.Locals, moduleId: string, slug: string) {
	const c = await moduleCase(locals, moduleId);
	const index = c.lessons.findIndex((l) => l.slug === slug);
	const lesson = c.lessons[index];
	if (!lesson) error(404, `This module has no lesson called "${slug}".`);
	return { c, index, lesson };
}

/**
 * What a standard lesson of an authored case shows (content/standard-lessons.ts): both texts, or
 * the tag criteria with the case's own examples and its glossary's terms; null for a lesson
 * written in mdsvex.
 */
function standardLessonData(c: Case, lesson: Lesson) {
	const kind = standardLessonKind(lesson);
	if (kind === 'read') return { kind, letter: c.letter, article: c.article };
	if (kind === 'definitions') {
		return {
			kind,
			examples: tagExamples(c.claims, getKeys(c).letter),
			glossary: (c.glossary?.terms ?? []).map(({ id, term, definition }) => ({
				id,
				term,
				definition
			}))
		};
	}
	return null;
}

const link = (l: { slug: string; title: string; number: number } | undefined) =>
	l ? { slug: l.slug, title: l.title, number: l.number } : null;

export async function load({ params, locals }) {
	const { c, index, lesson } = await findLesson(locals, params.module, params.lesson);
	const ctx = await classContext(locals, c);
	let classProgress = null;
	let checkAnswers: Record<string, string> | null = null;
	if (ctx) {
		const done = await lessonsDone(ctx.studentId, ctx.assignment.id);
		const blockedBy = lessonBlockedBy(c.lessons, lesson.slug, done, ctx.assignment.lessonLock);
		classProgress = { done: done.includes(lesson.slug), blockedBy: link(blockedBy ?? undefined) };
		checkAnswers = await lessonCheckAnswers({
			studentId: ctx.studentId,
			assignmentId: ctx.assignment.id,
			lessonSlug: lesson.slug
		});
	}
	let key = undefined;
	if (lesson.keyTables.length > 0) {
		const reader = await keyReader(locals, c);
		const visible = await visibleTagging(c, getKeys(c), reader, null);
		key = lessonKey(c, reader.kind, visible, lesson.keyTables);
	}
	return {
		lesson,
		standard: standardLessonData(c, lesson),
		folder: caseFolder(c),
		sources: sourcesById(c, lesson.sourceIds),
		lessonKey: key,
		previous: link(c.lessons[index - 1]),
		next: link(c.lessons[index + 1]),
		classProgress,
		checkAnswers
	};
}

export const actions = {
	done: async ({ params, locals }) => {
		const { c, lesson } = await findLesson(locals, params.module, params.lesson);
		const ctx = await classContext(locals, c);
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
	},

	/** A class student's answer to one of the lesson's checks (self-study keeps it in the browser). */
	check: async ({ params, request, locals }) => {
		const { c, lesson } = await findLesson(locals, params.module, params.lesson);
		const parsed = await parseForm(request, CheckAnswerForm, CHECK_ANSWER_LABELS);
		const check = parsed.form?.get('check');
		// the page shows the message at the check it concerns (or at the top of the lesson)
		const refused = (message: string) =>
			fail(400, {
				message,
				check: typeof check === 'string' ? check.slice(0, 100) : '',
				answer: String(parsed.form?.get('answer') ?? '').slice(0, CHECK_ANSWER_MAX)
			});
		if (!parsed.ok) return refused(parsed.failure.data.message);
		const ctx = await classContext(locals, c);
		if (!ctx) {
			return refused(
				'Only students in a class with this module save answers on the server; in self-study your answer stays in this browser.'
			);
		}
		if (!lesson.checks.some((ch) => ch.id === parsed.data.check)) {
			return refused(`Check: this lesson has no check called "${parsed.data.check}".`);
		}
		const done = await lessonsDone(ctx.studentId, ctx.assignment.id);
		const blockedBy = lessonBlockedBy(c.lessons, lesson.slug, done, ctx.assignment.lessonLock);
		if (blockedBy) return refused(`Finish lesson ${blockedBy.number} first.`);
		await saveCheckAnswer(
			{ studentId: ctx.studentId, assignmentId: ctx.assignment.id, lessonSlug: lesson.slug },
			parsed.data.check,
			parsed.data.answer
		);
		return { checkSaved: parsed.data.check };
	},

	/** The key tables' rows for the tags this browser has checked (self-study; the form carries the
	 * tag form's fields). Everyone else gets what the page's load gives them. */
	key: async ({ params, request, locals }) => {
		const { c, lesson } = await findLesson(locals, params.module, params.lesson);
		if (lesson.keyTables.length === 0) {
			return fail(400, { message: 'This lesson shows no table of the key.' });
		}
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { message: 'Send the checked tags as a form.' });
		}
		const reader = await keyReader(locals, c);
		try {
			const visible = await visibleTagging(c, getKeys(c), reader, form);
			return { lessonKey: lessonKey(c, reader.kind, visible, lesson.keyTables) };
		} catch (err) {
			if (err instanceof GradingError) return fail(400, { message: err.message });
			throw err;
		}
	}
};
