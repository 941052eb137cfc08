// Which register entries a <Source id>, <SourceList id> or source link reads, and for which module.
// A SvelteKit page passes the entries it cites in its data (page.data.sources) and the module in
// its route; the instructor guide, rendered to HTML on the server outside any SvelteKit page
// (src/lib/server/instructor-guide.ts), passes both as a component context instead.
import { getContext } from 'svelte';
import { page } from '$app/state';
import type { Source } from '$lib/content/schemas';

const KEY = Symbol('source-register');

export interface SourceRegister {
	moduleId: string;
	/** the register's entries by id: the ones the page cites */
	sources: Record<string, Source>;
}

/** The context to render a component with, outside a SvelteKit page (svelte/server's `render`). */
export function sourceRegisterContext(register: SourceRegister): Map<unknown, unknown> {
	return new Map([[KEY, register]]);
}

/** The register for the component being initialised; read its fields inside `$derived`. */
export function sourceRegister(): SourceRegister {
	const given = getContext<SourceRegister | undefined>(KEY);
	if (given) return given;
	return {
		get moduleId() {
			return page.params.module ?? '';
		},
		get sources() {
			return (page.data.sources ?? {}) as Record<string, Source>;
		}
	};
}
