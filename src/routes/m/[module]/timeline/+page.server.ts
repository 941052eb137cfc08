// The case timeline: every event, the event to show (?event=<id>) and the events a letter sentence
// invokes (?sentence=<id>), all decided on the server so links work without JavaScript; and the
// case's question about the age of the sources, when it has one.
import { error } from '@sveltejs/kit';
import { hasOrderExercise } from '$lib/content/module-steps';
import { moduleCase } from '$lib/server/modules';

export async function load({ params, url, locals }) {
	const c = await moduleCase(locals, params.module);
	if (!c.timeline) error(404, 'This module has no timeline.');
	const events = c.timeline.events;
	const byId = new Map(events.map((e) => [e.id, e]));
	const text = new Map(c.sentences.map((s) => [s.id, s.text]));

	const sentenceParam = url.searchParams.get('sentence');
	const sentence =
		sentenceParam && text.has(sentenceParam)
			? { id: sentenceParam, text: text.get(sentenceParam) ?? '' }
			: null;
	const highlighted = sentence
		? events.filter((e) => e.sentences.includes(sentence.id)).map((e) => e.id)
		: [];
	const eventParam = url.searchParams.get('event');
	const selected = eventParam && byId.has(eventParam) ? eventParam : (highlighted[0] ?? null);

	const invoked = new Set(events.flatMap((e) => e.sentences));
	const sentences = Object.fromEntries([...invoked].map((id) => [id, text.get(id) ?? '']));

	return {
		events,
		selected,
		sentence,
		highlighted,
		sentences,
		ageQuestion: c.timeline.ageQuestion ?? null,
		/** a case written in the editor may have no events marked for the ordering exercise */
		hasOrder: hasOrderExercise(c),
		/** a parameter that named nothing, to say so rather than ignore it silently */
		unknown: {
			event: eventParam && !byId.has(eventParam) ? eventParam : null,
			sentence: sentenceParam && !sentence ? sentenceParam : null
		}
	};
}
