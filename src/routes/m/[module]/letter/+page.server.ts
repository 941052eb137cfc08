// The primary-source reader: the letter's sentences and the article's allegations.
import { getCase } from '$lib/server/content';

export function load({ params }) {
	const c = getCase(params.module);
	return { letter: c.letter, article: c.article };
}
