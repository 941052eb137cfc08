// The instructor guide's lesson list (titles, times, links) and the register entries its notes
// cite; the notes themselves load in +page.ts.
import { getCase, sourcesById } from '$lib/server/content';

export function load({ params }) {
	const c = getCase(params.module);
	return {
		lessons: c.lessons.map(({ number, slug, title, minutes }) => ({
			number,
			slug,
			title,
			minutes
		})),
		sources: sourcesById(c, c.noteSourceIds)
	};
}
