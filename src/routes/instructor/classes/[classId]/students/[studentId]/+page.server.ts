// One student of a class, for their instructor: their work on each assignment (every answer beside
// the key, the lessons done, their check answers), and the roster actions: rename them, give them a
// new resume code (shown once, here), or remove them with all their work; score their truth
// sandwich with the rubric and leave a comment. Owner only: another
// instructor's class, or a student of another class, is a 404.
import { error, fail, redirect } from '@sveltejs/kit';
import { requireOwnClass } from '$lib/server/auth/guards';
import { formFail, parseForm } from '$lib/server/forms/parse';
import {
	REMOVE_LABELS,
	RENAME_LABELS,
	RemoveStudentForm,
	RenameForm
} from '$lib/server/forms/roster';
import {
	getClassStudent,
	removeStudent,
	renameStudent,
	resetResumeCode
} from '$lib/server/repo/class-students';
import { studentWork } from '$lib/server/reports/student-work';
import { ReviewForm, SANDWICH_LABELS } from '$lib/exercises/sandwich/submission';
import { listAssignments } from '$lib/server/repo/classes';
import { reviewExerciseWork } from '$lib/server/repo/exercise-work';

const STUDENT_NOT_FOUND = 'There is no such student in this class.';

async function ownStudent(locals: App.Locals, classId: string, studentId: string) {
	const { cls } = await requireOwnClass(locals, classId);
	const student = await getClassStudent(cls.id, studentId);
	if (!student) error(404, STUDENT_NOT_FOUND);
	return { cls, student };
}

export async function load({ locals, params }) {
	const { cls, student } = await ownStudent(locals, params.classId, params.studentId);
	return {
		cls: { id: cls.id, name: cls.name },
		student: {
			id: student.id,
			nickname: student.nickname,
			joinedAt: student.createdAt.toISOString().slice(0, 10)
		},
		work: await studentWork(cls.id, student.id)
	};
}

export const actions = {
	rename: async ({ locals, params, request }) => {
		const { cls, student } = await ownStudent(locals, params.classId, params.studentId);
		const parsed = await parseForm(request, RenameForm, RENAME_LABELS);
		if (!parsed.ok) return parsed.failure;
		const renamed = await renameStudent(cls.id, student.id, parsed.data.nickname);
		if (renamed === null) error(404, STUDENT_NOT_FOUND);
		if (renamed === 'taken') {
			const taken = 'another student in this class already uses this nickname';
			return formFail(400, `Nickname: ${taken}.`, parsed.form, { nickname: taken });
		}
		return { saved: `Renamed: the class now shows ${renamed.nickname}.` };
	},

	resetCode: async ({ locals, params }) => {
		const { cls, student } = await ownStudent(locals, params.classId, params.studentId);
		const resumeCode = await resetResumeCode(cls.id, student.id);
		if (!resumeCode) error(404, STUDENT_NOT_FOUND);
		return { resumeCode };
	},

	/** the instructor's rubric scores and comment on the student's truth sandwich */
	review: async ({ locals, params, request }) => {
		const { cls, student } = await ownStudent(locals, params.classId, params.studentId);
		const form = await request.formData().catch(() => null);
		if (!form) return formFail(400, 'Send the scores as a form.');
		const assignmentId = form.get('assignment');
		const assignment = (await listAssignments(cls.id)).find((a) => a.id === assignmentId);
		if (!assignment) error(404, 'There is no such assignment in this class.');
		const parsed = await parseForm(form, ReviewForm, SANDWICH_LABELS);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, reviewOf: assignment.id });
		const owner = {
			studentId: student.id,
			assignmentId: assignment.id,
			exercise: 'sandwich' as const
		};
		if (!(await reviewExerciseWork(owner, parsed.data.scores, parsed.data.comment))) {
			const failure = formFail(400, 'The student has not handed in a truth sandwich yet.', form);
			return fail(400, { ...failure.data, reviewOf: assignment.id });
		}
		return { reviewed: assignment.id };
	},

	remove: async ({ locals, params, request }) => {
		const { cls, student } = await ownStudent(locals, params.classId, params.studentId);
		const parsed = await parseForm(request, RemoveStudentForm, REMOVE_LABELS);
		if (!parsed.ok) return parsed.failure;
		if (!(await removeStudent(cls.id, student.id))) error(404, STUDENT_NOT_FOUND);
		redirect(303, `/instructor/classes/${cls.id}?removed`);
	}
};
