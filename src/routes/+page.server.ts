// The catalogue: every module in lessons/.
import { summarise } from '$lib/content/summary';
import { listCases } from '$lib/server/content';

// a list of links with nothing to run: the page ships no JavaScript (a link from it is a full load)
export const csr = false;

export function load() {
	return { modules: listCases().map(summarise) };
}
