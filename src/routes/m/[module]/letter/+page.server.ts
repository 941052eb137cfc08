// The primary-source reader: the letter's sentences and the article's allegations, and for each
// sentence how many timeline events it invokes (to link it to the timeline).
import { moduleCase } from '$lib/server/modules';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	const invokes: Record<string, number> = {};
	for (const event of c.timeline?.events ?? []) {
		for (const id of event.sentences) invokes[id] = (invokes[id] ?? 0) + 1;
	}
	return { letter: c.letter, article: c.article, invokes };
}
