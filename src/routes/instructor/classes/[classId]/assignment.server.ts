// The per-assignment actions of a class: the assignment a form names (owner only, else 404), the one
// "reveal the key" action that the class page and present mode both offer, and taking an assignment
// back. The last two are confirmed by a ticked box (ConfirmAction.svelte), refused without it.
import { error } from '@sveltejs/kit';
import { requireOwnClass } from '$lib/server/auth/guards';
import {
	AssignmentRef,
	REVEAL_LABELS,
	RevealForm,
	TAKE_BACK_LABELS,
	TakeBackForm
} from '$lib/server/forms/classes';
import { formFail, parseForm, readForm } from '$lib/server/forms/parse';
import { deleteAssignment, getAssignment, revealAssignment } from '$lib/server/repo/classes';

/** The class and the assignment a per-assignment form names; a 400 when it names none. */
export async function ownAssignment(locals: App.Locals, classId: string, request: Request) {
	const { cls } = await requireOwnClass(locals, classId);
	const form = await readForm(request);
	const ref = AssignmentRef.safeParse({ assignment: form?.get('assignment') });
	if (!form || !ref.success)
		return { failure: formFail(400, 'The assignment is missing; reload the page.') };
	const assignment = await getAssignment(cls.id, ref.data.assignment);
	if (!assignment) error(404, 'There is no such assignment in this class.');
	return { cls, form, assignment };
}

/**
 * Reveals the key of a 'reveal' assignment to its students (and so to the projector): confirmed by
 * a ticked box, refused with a 400 and a message otherwise. Present mode's "show the key for this
 * sentence" is another thing: it shows the key on the projector only.
 */
export async function revealKey(locals: App.Locals, classId: string, request: Request) {
	const { cls } = await requireOwnClass(locals, classId);
	const parsed = await parseForm(request, RevealForm, REVEAL_LABELS);
	if (!parsed.ok) return parsed.failure;
	const assignment = await getAssignment(cls.id, parsed.data.assignment);
	if (!assignment) error(404, 'There is no such assignment in this class.');
	if (assignment.feedbackMode !== 'reveal') {
		return formFail(
			400,
			'This assignment gives feedback without a reveal: there is nothing to reveal.',
			parsed.form
		);
	}
	await revealAssignment(cls.id, assignment.id);
	return {
		saved: 'The key is revealed: students now see their feedback.',
		assignment: assignment.id
	};
}

/**
 * Takes an assignment back: the module leaves the students' class page and every student's work
 * on it is removed (the page reminds the instructor to export first). Confirmed by a ticked box.
 */
export async function takeBack(locals: App.Locals, classId: string, request: Request) {
	const { cls } = await requireOwnClass(locals, classId);
	const parsed = await parseForm(request, TakeBackForm, TAKE_BACK_LABELS);
	if (!parsed.ok) return parsed.failure;
	const assignment = await getAssignment(cls.id, parsed.data.assignment);
	if (!assignment || !(await deleteAssignment(cls.id, assignment.id))) {
		error(404, 'There is no such assignment in this class.');
	}
	return { saved: "The assignment is taken back, with its students' work on it." };
}
