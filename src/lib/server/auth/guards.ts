// Page guards: instructor pages send signed-out visitors (and students) to sign in; a class that is
// not the signed-in instructor's is a 404, never a 403, so its existence is not revealed.
import { error, redirect } from '@sveltejs/kit';
import { actorOf, canViewClass } from './authorization';
import { getClassForInstructor, type Class } from '$lib/server/repo/classes';
import type { SignedInInstructor, SignedInStudent } from '$lib/server/repo/sessions';

export const CLASS_NOT_FOUND = 'There is no such class among yours.';

export function requireInstructor(locals: App.Locals): SignedInInstructor {
	if (!locals.instructor) redirect(303, '/instructor/signin');
	return locals.instructor;
}

export function requireStudent(locals: App.Locals): SignedInStudent {
	if (!locals.student) redirect(303, '/join');
	return locals.student;
}

/** The signed-in instructor's class, or a 404. */
export async function requireOwnClass(
	locals: App.Locals,
	classId: string
): Promise<{ instructor: SignedInInstructor; cls: Class }> {
	const instructor = requireInstructor(locals);
	const cls = await getClassForInstructor(instructor.id, classId);
	if (!cls || !canViewClass(actorOf(locals), cls)) error(404, CLASS_NOT_FOUND);
	return { instructor, cls };
}
