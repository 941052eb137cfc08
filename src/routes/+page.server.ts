// The catalogue: every module in lessons/.
import { summarise } from '$lib/content/summary';
import { listCases } from '$lib/server/content';

export function load() {
	return { modules: listCases().map(summarise) };
}
