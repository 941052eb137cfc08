// What the module covers, for teachers deciding whether to use it: each lesson's objectives and
// time. Public, so nothing here comes from the key or the instructor notes (those are behind
// instructor sign-in, at /instructor/guide/<module>).
import { moduleCase } from '$lib/server/modules';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	return {
		lessons: c.lessons.map(({ number, slug, title, minutes, objectives }) => ({
			number,
			slug,
			title,
			minutes,
			objectives
		})),
		signedIn: locals.instructor !== null
	};
}
