// The printable instructor guide of a module, for signed-in instructors only: it discusses the
// answer key. Rendered on the server (instructor-guide.ts), with the register entries its notes
// cite; nothing of it is in the browser bundle.
import { error } from '@sveltejs/kit';
import { requireInstructor } from '$lib/server/auth/guards';
import { getCase } from '$lib/server/content';
import { instructorNotes } from '$lib/server/instructor-guide';

export async function load({ params, locals }) {
	requireInstructor(locals);
	const c = getCase(params.module);
	const notes = await instructorNotes(c);
	if (notes.length === 0) error(404, 'This module has no instructor guide.');
	return {
		module: { id: c.id, title: c.module.title },
		lessons: c.lessons.map(({ number, slug, title, minutes }) => ({
			number,
			slug,
			title,
			minutes
		})),
		notes
	};
}
