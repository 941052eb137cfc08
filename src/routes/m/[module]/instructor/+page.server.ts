// What the module covers, for teachers deciding whether to use it: each lesson's objectives and
// time. Public, so nothing here comes from the key or the instructor notes (those are behind
// instructor sign-in, at /instructor/guide/<module>).
import { getCase } from '$lib/server/content';

export function load({ params, locals }) {
	const c = getCase(params.module);
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
