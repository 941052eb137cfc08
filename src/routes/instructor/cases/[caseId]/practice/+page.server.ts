// Step 4, the practice: the case's warm-up, as practice.yaml wants it: a short text clearly
// labelled fictional (or quoted, saying from where), worked examples, and the items students tag
// before the rebuttal, each with its key. Optional: a case without practice items has no warm-up.
// The key is the instructor's: it never reaches a student's page before they commit an answer
// (the module's practice page is the tagging pipeline's, as for the built-in case).
import { MAX_PRACTICE_ITEMS, MAX_WORKED } from '$lib/content/draft';
import { applyPractice, readPracticeForm } from '$lib/server/forms/case-practice';
import type { EditableCase } from '$lib/server/repo/authored-cases';
import { keyChoices, problemsOf, requireOwnCase, saveStep } from '../case.server';

const itemsOf = (own: EditableCase) => own.draft.practice?.items ?? [];

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const problems = problemsOf(own, 'practice');
	const practice = own.draft.practice;
	const items = itemsOf(own);
	const ids = new Set(items.flatMap((i) => (i.id ? [i.id] : [])));
	return {
		text: {
			title: practice?.title ?? '',
			notice: practice?.notice ?? '',
			setting: practice?.setting ?? ''
		},
		worked: (practice?.worked ?? []).map((w) => ({
			text: w.text ?? '',
			tag: w.tag ?? '',
			technique: w.technique ?? '',
			explanation: w.explanation ?? ''
		})),
		items: items.map((i) => ({
			id: i.id ?? '',
			text: i.text ?? '',
			hint: i.hint ?? '',
			tag: i.key?.tag ?? '',
			alsoDefensible: i.key?.alsoDefensible ?? [],
			technique: i.key?.technique ?? '',
			contested: i.key?.contested ?? false,
			otherReading: i.key?.otherReading ?? '',
			rationale: i.key?.rationale ?? '',
			missing: problems.filter((p) => p.item === i.id).map((p) => p.message)
		})),
		otherProblems: problems.filter((p) => !p.item || !ids.has(p.item)),
		...keyChoices(),
		maxWorked: MAX_WORKED,
		maxItems: MAX_PRACTICE_ITEMS
	};
}

export const actions = {
	save: async ({ locals, params, request }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const read = await readPracticeForm(
			request,
			itemsOf(own).flatMap((i) => (i.id ? [i.id] : []))
		);
		if (!read.ok) return read.failure;
		return saveStep(
			instructorId,
			own,
			applyPractice(own.draft, read.data),
			'The practice is saved.'
		);
	}
};
