// Every module page knows its module's summary (title, lessons) for navigation.
import { summarise } from '$lib/content/summary';
import { getCase } from '$lib/server/content';

export function load({ params }) {
	return { module: summarise(getCase(params.module)) };
}
