// Step 4, the glossary: the words the case's lessons and glossary page explain, as glossary.yaml
// wants them. A term of the instructor's own has its name and definition; a tag or a technique
// takes both from the tagging scheme, and the case adds a note and an example. Optional: a case
// without terms has no glossary. The form saves the draft.
import { MAX_TERMS } from '$lib/content/draft';
import { isSchemeWord } from '$lib/content/schemas';
import {
	TAG_INFO,
	TAGS,
	TECHNIQUE_FAMILIES,
	TECHNIQUE_INFO,
	TECHNIQUES
} from '$lib/content/vocabulary';
import { applyGlossary, readGlossaryForm } from '$lib/server/forms/case-glossary';
import type { EditableCase } from '$lib/server/repo/authored-cases';
import { problemsOf, requireOwnCase, saveStep } from '../case.server';

const termsOf = (own: EditableCase) => own.draft.glossary?.terms ?? [];

/** A term's name as the page shows it: the scheme's for a tag or a technique. */
function nameOf(id: string, term: string | undefined): string {
	if ((TAGS as readonly string[]).includes(id)) return TAG_INFO[id as (typeof TAGS)[number]].label;
	if ((TECHNIQUES as readonly string[]).includes(id))
		return TECHNIQUE_INFO[id as (typeof TECHNIQUES)[number]].label;
	return term || id;
}

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const problems = problemsOf(own, 'glossary');
	const terms = termsOf(own);
	const ids = new Set(terms.flatMap((t) => (t.id ? [t.id] : [])));
	return {
		terms: terms.map((t) => ({
			id: t.id ?? '',
			word: t.id && isSchemeWord(t.id) ? t.id : '',
			name: nameOf(t.id ?? '', t.term),
			term: t.term ?? '',
			definition: t.definition ?? '',
			note: t.note ?? '',
			example: t.example ?? '',
			related: t.related ?? [],
			missing: problems.filter((p) => p.item === t.id).map((p) => p.message)
		})),
		otherProblems: problems.filter((p) => !p.item || !ids.has(p.item)),
		words: [
			{ group: 'Tags', options: TAGS.map((t) => ({ value: t, label: TAG_INFO[t].label })) },
			...TECHNIQUE_FAMILIES.map((family) => ({
				group: `Techniques: ${family.toLowerCase()}`,
				options: TECHNIQUES.filter((t) => TECHNIQUE_INFO[t].family === family).map((t) => ({
					value: t,
					label: TECHNIQUE_INFO[t].label
				}))
			}))
		],
		maxTerms: MAX_TERMS
	};
}

export const actions = {
	save: async ({ locals, params, request }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const read = await readGlossaryForm(
			request,
			termsOf(own).flatMap((t) => (t.id ? [t.id] : []))
		);
		if (!read.ok) return read.failure;
		return saveStep(
			instructorId,
			own,
			applyGlossary(own.draft, read.data),
			'The glossary is saved.'
		);
	}
};
