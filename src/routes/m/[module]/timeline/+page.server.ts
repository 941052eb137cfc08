// The case timeline: every event, the event to show (?event=E3) and the events a letter sentence
// invokes (?sentence=L16), all decided on the server so links work without JavaScript.
import { error } from '@sveltejs/kit';
import { getCase } from '$lib/server/content';

/**
 * The "four years ago" question, for a case whose letter dismisses the article's sources by their
 * age: which events are the reports, the oldest and newest of them, the article, and later events.
 */
const AGE_QUESTIONS: Record<
	string,
	{
		sentence: string;
		reports: string;
		oldest: string;
		newest: string;
		article: string;
		later: string[];
	}
> = {
	'embassy-letter-2020': {
		sentence: 'L4',
		reports: 'E3',
		oldest: 'E4',
		newest: 'E7',
		article: 'E19',
		later: ['E12', 'E17', 'E22']
	}
};

export function load({ params, url }) {
	const c = getCase(params.module);
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

	const age = AGE_QUESTIONS[c.id];
	const pick = (id: string) => byId.get(id);
	const ageQuestion =
		age &&
		[age.reports, age.oldest, age.newest, age.article, ...age.later].every((id) => byId.has(id))
			? {
					sentence: { id: age.sentence, text: text.get(age.sentence) ?? '' },
					reports: pick(age.reports)!,
					oldest: pick(age.oldest)!,
					newest: pick(age.newest)!,
					article: pick(age.article)!,
					later: age.later.map((id) => pick(id)!)
				}
			: null;

	return {
		events,
		selected,
		sentence,
		highlighted,
		sentences,
		ageQuestion,
		/** a parameter that named nothing, to say so rather than ignore it silently */
		unknown: {
			event: eventParam && !byId.has(eventParam) ? eventParam : null,
			sentence: sentenceParam && !sentence ? sentenceParam : null
		}
	};
}
