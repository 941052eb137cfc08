// Step 1, the texts: the rebuttal pasted with its author, date, where it was published and a link;
// the article it answers as the instructor's summary and a link; the article's allegations.
import { fail } from '@sveltejs/kit';
import { ARTICLE_SOURCE, LIMITS, REBUTTAL_SOURCE } from '$lib/content/draft';
import { SOURCE_KIND_LABEL, SOURCE_KINDS } from '$lib/content/vocabulary';
import {
	applyTexts,
	MAX_ALLEGATIONS,
	readEditorForm,
	TEXTS_LABELS,
	TextsForm
} from '$lib/server/forms/case-editor';
import { problemsOf, requireOwnCase, saveStep } from '../case.server';

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const d = own.draft;
	const source = (id: string) => d.sources?.sources.find((s) => s.id === id);
	const rebuttal = source(REBUTTAL_SOURCE);
	const article = source(ARTICLE_SOURCE);
	const lines = (list?: { text?: string }[]) => (list ?? []).map((t) => t.text ?? '').join('\n');
	return {
		values: {
			title: d.module?.title ?? '',
			summary: d.module?.summary ?? '',
			audience: d.module?.audience ?? '',
			level: d.module?.level ?? '',
			text: d.text ?? '',
			rebuttalTitle: d.letter?.title ?? '',
			rebuttalAuthor: d.letter?.author ?? '',
			rebuttalDate: d.letter?.date ?? '',
			rebuttalPublished: d.letter?.published ?? '',
			rebuttalUrl: rebuttal?.url ?? '',
			rebuttalKind: rebuttal?.kind ?? 'primary-document',
			rebuttalLanguage: rebuttal?.language ?? 'en',
			articleTitle: d.allegations?.article?.title ?? '',
			articleOutlet: d.allegations?.article?.outlet ?? '',
			articleAuthor: d.allegations?.article?.author ?? '',
			articleDate: d.allegations?.article?.date ?? '',
			articleUrl: article?.url ?? '',
			articleKind: article?.kind ?? 'newspaper',
			articleLanguage: article?.language ?? 'en',
			caveats: lines(d.allegations?.caveats),
			differences: lines(d.allegations?.differences)
		} as Record<string, string>,
		allegations: (d.allegations?.allegations ?? []).map((a) => ({
			id: a.id ?? '',
			short: a.short ?? '',
			summary: a.summary ?? '',
			attribution: a.attribution ?? ''
		})),
		maxAllegations: MAX_ALLEGATIONS,
		kinds: SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] })),
		limits: LIMITS,
		problems: problemsOf(own, 'texts')
	};
}

export const actions = {
	save: async ({ locals, params, request }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const read = await readEditorForm(request, 'the texts');
		if (!read.ok) return read.failure;
		const { form } = read;
		const raw: Record<string, string> = {};
		for (const [name, value] of form.entries())
			if (typeof value === 'string') raw[name] = value.slice(0, LIMITS.text + 1);
		const parsed = TextsForm.safeParse(raw);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			const [name, problem] = Object.entries(errors)[0]!;
			const message = `${TEXTS_LABELS[name] ?? name}: ${problem}`;
			return fail(400, { message, errors, values: raw });
		}
		return saveStep(instructorId, own, applyTexts(own.draft, parsed.data), 'The texts are saved.');
	}
};
