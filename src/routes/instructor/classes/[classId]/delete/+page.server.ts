// Deleting a class, in two steps that work without JavaScript: this page asks, its form deletes.
import { redirect } from '@sveltejs/kit';
import { requireOwnClass } from '$lib/server/auth/guards';
import { deleteClassForInstructor, listStudents } from '$lib/server/repo/classes';
import { formFail, readForm } from '$lib/server/forms/parse';

export async function load({ locals, params }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	return {
		cls: { id: cls.id, name: cls.name },
		studentCount: (await listStudents(cls.id)).length
	};
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const { instructor, cls } = await requireOwnClass(locals, params.classId);
		const form = await readForm(request);
		if (form?.get('confirm') !== 'delete') {
			return formFail(400, 'Confirm with the "Delete" button on this page.', form);
		}
		await deleteClassForInstructor(instructor.id, cls.id);
		redirect(303, '/instructor?deleted=1');
	}
};
