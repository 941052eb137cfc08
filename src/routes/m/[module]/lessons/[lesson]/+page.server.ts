// A lesson's metadata and its neighbours, from the validated content.
import { error } from '@sveltejs/kit';
import { getCase } from '$lib/server/content';

export function load({ params }) {
	const c = getCase(params.module);
	const index = c.lessons.findIndex((l) => l.slug === params.lesson);
	const lesson = c.lessons[index];
	if (!lesson) error(404, `This module has no lesson called "${params.lesson}".`);
	const link = (l: (typeof c.lessons)[number] | undefined) =>
		l ? { slug: l.slug, title: l.title, number: l.number } : null;
	return {
		lesson,
		previous: link(c.lessons[index - 1]),
		next: link(c.lessons[index + 1])
	};
}
