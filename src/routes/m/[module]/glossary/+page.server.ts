// The module's glossary: every term the lessons link to, in alphabetical order.
import { error } from '@sveltejs/kit';
import { moduleCase } from '$lib/server/modules';

export async function load({ params, locals }) {
	const glossary = (await moduleCase(locals, params.module)).glossary;
	if (!glossary) error(404, 'This module has no glossary.');
	const names = new Map(glossary.terms.map((t) => [t.id, t.term]));
	const terms = [...glossary.terms]
		.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
		.map((t) => ({
			...t,
			// only related ids that exist, with the name to use as link text
			related: t.related.flatMap((id) => {
				const term = names.get(id);
				return term ? [{ id, term }] : [];
			})
		}));
	return { terms };
}
