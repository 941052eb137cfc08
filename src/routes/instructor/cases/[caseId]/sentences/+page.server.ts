// Step 2, the sentences: the rebuttal split with Intl.Segmenter; the instructor merges a sentence
// with the next, splits one before chosen words, and marks each claim or context. Every button is
// a form post (it works without JavaScript); the roles on the page are saved with any of them.
import {
	mergeWithNext,
	SentenceEditError,
	splitBefore,
	splitText,
	type Split
} from '$lib/content/sentence-split';
import type { CaseDraft, DraftKeyItem } from '$lib/content/draft';
import { applyRoles, readSentencesForm } from '$lib/server/forms/case-editor';
import { formFail } from '$lib/server/forms/parse';
import type { EditableCase } from '$lib/server/repo/authored-cases';
import { problemsOf, requireOwnCase, saveStep } from '../case.server';

const idsOf = (own: EditableCase) => (own.draft.letter?.paragraphs ?? []).flat().map((s) => s.id);

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	return {
		hasText: Boolean(own.draft.text),
		paragraphs: own.draft.letter?.paragraphs ?? [],
		problems: problemsOf(own, 'sentences')
	};
}

type Edit = (draft: CaseDraft, target: string, at: string) => CaseDraft;

/** Reads the roles (and the sentence a button names), applies the edit, saves. */
async function edit(
	locals: App.Locals,
	caseId: string,
	request: Request,
	button: 'merge' | 'split' | undefined,
	change: Edit | undefined,
	saved: string
) {
	const { instructorId, own } = await requireOwnCase(locals, caseId);
	const read = await readSentencesForm(request, idsOf(own), button);
	if (!read.ok) return read.failure;
	let draft = applyRoles(own.draft, read.data.roles);
	try {
		if (change) draft = change(draft, read.data.target ?? '', read.data.at ?? '');
	} catch (e) {
		if (e instanceof SentenceEditError) return formFail(400, e.message);
		throw e;
	}
	return saveStep(instructorId, own, draft, saved);
}

function withSplit(draft: CaseDraft, split: Split<DraftKeyItem>): CaseDraft {
	return {
		...draft,
		letter: { ...draft.letter, paragraphs: split.paragraphs },
		key: { items: split.key }
	};
}

export const actions = {
	save: ({ locals, params, request }) =>
		edit(locals, params.caseId, request, undefined, undefined, 'The sentences are saved.'),
	merge: ({ locals, params, request }) =>
		edit(
			locals,
			params.caseId,
			request,
			'merge',
			(draft, target) =>
				withSplit(
					draft,
					mergeWithNext(draft.letter?.paragraphs ?? [], draft.key?.items ?? [], target)
				),
			'The two sentences are one now.'
		),
	split: ({ locals, params, request }) =>
		edit(
			locals,
			params.caseId,
			request,
			'split',
			(draft, target, at) =>
				withSplit(
					draft,
					splitBefore(draft.letter?.paragraphs ?? [], draft.key?.items ?? [], target, at)
				),
			'The sentence is split in two.'
		),
	resplit: ({ locals, params, request }) =>
		edit(
			locals,
			params.caseId,
			request,
			undefined,
			(draft) => {
				if (!draft.text) throw new SentenceEditError('Paste the rebuttal in step 1 first.');
				return withSplit(
					draft,
					splitText(draft.text, draft.letter?.paragraphs ?? [], draft.key?.items ?? [])
				);
			},
			'The text is split again; unchanged sentences kept their role and key.'
		)
};
