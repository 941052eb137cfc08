// The preview's timeline: the case's events as a student sees them on the module's timeline page
// (chart, details, table), the event to show chosen by ?event=<id> so it works without JavaScript.
import { error } from '@sveltejs/kit';
import { checkOf, requireOwnCase } from '../../case.server';

export async function load({ locals, params, url }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const check = checkOf(own);
	if (!check.ok) return { ready: false as const, problems: check.problems };
	const c = check.loaded.case;
	if (!c.timeline) error(404, 'This case has no events yet: add them in step 4.');
	const events = c.timeline.events;
	const eventParam = url.searchParams.get('event');
	const selected = eventParam && events.some((e) => e.id === eventParam) ? eventParam : null;
	const text = new Map(c.sentences.map((s) => [s.id, s.text]));
	const invoked = new Set(events.flatMap((e) => e.sentences));
	return {
		ready: true as const,
		problems: [],
		preview: {
			id: c.id,
			events,
			selected,
			sentences: Object.fromEntries([...invoked].map((id) => [id, text.get(id) ?? '']))
		}
	};
}
