// The per-assignment actions of a class, shared by the class page and present mode: the assignment
// a form names (owner only, else 404), and the one "reveal the key" action both pages offer.
import { error } from '@sveltejs/kit';
import { requireOwnClass } from '$lib/server/auth/guards';
import { AssignmentRef, REVEAL_LABELS, RevealForm } from '$lib/server/forms/classes';
import { formFail, parseForm, readForm } from '$lib/server/forms/parse';
import { getAssignment, revealAssignment } from '$lib/server/repo/classes';

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
