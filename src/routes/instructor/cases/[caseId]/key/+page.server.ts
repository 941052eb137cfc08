// Step 3, the key: per claim sentence the tag, the tags also defensible, whether it is contested
// and the other reading, the technique of a deflection, the allegations it answers and a
// rationale; beside it the scheme's definitions and the built-in case's rationales as examples,
// and what each item still lacks before the case can be published.
import { TAGS, TECHNIQUE_INFO } from '$lib/content/vocabulary';
import { getKeys, listCases } from '$lib/server/content';
import { readKeyForm } from '$lib/server/forms/case-editor';
import type { EditableCase } from '$lib/server/repo/authored-cases';
import { keyChoices, problemsOf, requireOwnCase, saveStep } from '../case.server';

const claimsOf = (own: EditableCase) =>
	(own.draft.letter?.paragraphs ?? []).flat().filter((s) => s.role === 'claim');
const allegationsOf = (own: EditableCase) =>
	(own.draft.allegations?.allegations ?? []).flatMap((a) =>
		a.id ? [{ id: a.id, short: a.short ?? a.id }] : []
	);

/** One example per tag from the cases the server serves: the sentence and its rationale. */
function examples() {
	const [builtIn] = listCases();
	if (!builtIn) return [];
	const key = getKeys(builtIn).letter;
	return TAGS.flatMap((tag) => {
		const claim = builtIn.claims.find((c) => key.get(c.id)?.tag === tag);
		const entry = claim && key.get(claim.id);
		if (!claim || !entry) return [];
		return [
			{
				tag,
				caseTitle: builtIn.module.title,
				sentence: claim.text,
				technique: entry.technique ? TECHNIQUE_INFO[entry.technique].label : null,
				rationale: entry.rationale
			}
		];
	});
}

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const items = new Map((own.draft.key?.items ?? []).map((k) => [k.sentence, k]));
	const problems = problemsOf(own, 'key');
	const claims = claimsOf(own);
	const claimIds = new Set(claims.map((s) => s.id));
	return {
		claims: claims.map((s) => {
			const k = items.get(s.id);
			return {
				id: s.id,
				text: s.text,
				tag: k?.tag ?? '',
				alsoDefensible: k?.alsoDefensible ?? [],
				contested: k?.contested ?? false,
				otherReading: k?.otherReading ?? '',
				technique: k?.technique ?? '',
				answers: k?.answers ?? [],
				rationale: k?.rationale ?? '',
				missing: problems.filter((p) => p.item === s.id).map((p) => p.message)
			};
		}),
		otherProblems: problems.filter((p) => !p.item || !claimIds.has(p.item)),
		allegations: allegationsOf(own),
		...keyChoices(),
		examples: examples()
	};
}

export const actions = {
	save: async ({ locals, params, request }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const read = await readKeyForm(
			request,
			claimsOf(own).map((s) => s.id),
			allegationsOf(own).map((a) => a.id)
		);
		if (!read.ok) return read.failure;
		return saveStep(
			instructorId,
			own,
			{ ...own.draft, key: { items: read.data } },
			'The key is saved.'
		);
	}
};
