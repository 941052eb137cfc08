// The case's source register: every source the module cites, grouped by kind, with the other
// sources that repeat the same story and the public facts each one is cited for.
import { sourceUses } from '$lib/content/source-uses';
import { SOURCE_KINDS } from '$lib/content/vocabulary';
import { moduleCase } from '$lib/server/modules';

export async function load({ params, locals }) {
	const c = await moduleCase(locals, params.module);
	const uses = sourceUses(c);
	const byOrigin = new Map<string, string[]>();
	for (const s of c.sources) byOrigin.set(s.origin, [...(byOrigin.get(s.origin) ?? []), s.id]);
	const titles = new Map(c.sources.map((s) => [s.id, `${s.publisher}: ${s.title}`]));
	const entries = c.sources.map((source) => ({
		source,
		/** the other sources that repeat the same story */
		sameOrigin: (byOrigin.get(source.origin) ?? [])
			.filter((id) => id !== source.id)
			.map((id) => ({ id, label: titles.get(id) ?? id })),
		uses: uses.get(source.id) ?? []
	}));
	return {
		groups: SOURCE_KINDS.map((kind) => ({
			kind,
			entries: entries.filter((e) => e.source.kind === kind)
		})).filter((g) => g.entries.length > 0),
		count: c.sources.length,
		origins: byOrigin.size
	};
}
