// Step 4, the timeline: the case's own sources (title, publisher, link, date, as sources.yaml
// wants them) and its dated events (date and precision, what happened, who asserts it, the sources
// it cites and so its confidence, the sentences that invoke it), as timeline.yaml wants them. Both
// optional: a case without events has no timeline. Each form saves the draft.
import { assessConfidence } from '$lib/content/confidence';
import {
	ASSERTER_INFO,
	ASSERTERS,
	CONFIDENCE_LABEL,
	PRECISIONS,
	SOURCE_KIND_LABEL,
	SOURCE_KINDS,
	type SourceKind
} from '$lib/content/vocabulary';
import {
	applyEvents,
	applySources,
	isDocumentSource,
	MAX_EVENTS,
	MAX_SOURCES,
	readEventsForm,
	readSourcesForm
} from '$lib/server/forms/case-events';
import type { EditableCase } from '$lib/server/repo/authored-cases';
import { problemsOf, requireOwnCase, saveStep } from '../case.server';

const registerOf = (own: EditableCase) => own.draft.sources?.sources ?? [];
const sentenceIdsOf = (own: EditableCase) =>
	(own.draft.letter?.paragraphs ?? []).flat().map((s) => s.id);

/** The confidence the case would show for an event's sources (computed, never typed). */
function confidenceOf(own: EditableCase, ids: string[], unverified: boolean): string | null {
	const register = registerOf(own);
	const cited = ids.flatMap((id) => {
		const s = register.find((r) => r.id === id);
		return s?.id && s.kind
			? [{ id: s.id, kind: s.kind as SourceKind, origin: s.origin ?? s.id }]
			: [];
	});
	if (!cited.length && !unverified) return null;
	const { confidence } = assessConfidence(cited, { unverified });
	return confidence === 'none' ? 'no source that can confirm it' : CONFIDENCE_LABEL[confidence];
}

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const problems = problemsOf(own, 'events');
	const register = registerOf(own);
	const events = own.draft.timeline?.events ?? [];
	const eventIds = new Set(events.map((e) => e.id));
	const ownSources = register.filter((s) => !isDocumentSource(s.id));
	const ownIds = new Set(ownSources.map((s) => s.id));
	return {
		documents: register
			.filter((s) => isDocumentSource(s.id))
			.map((s) => ({ id: s.id!, title: s.title ?? s.id! })),
		sources: ownSources.map((s) => ({
			id: s.id ?? '',
			title: s.title ?? '',
			publisher: s.publisher ?? '',
			url: s.url ?? '',
			date: s.date ?? '',
			kind: s.kind ?? 'newspaper',
			language: s.language ?? 'en',
			missing: problems.filter((p) => p.item === s.id).map((p) => p.message)
		})),
		events: events.map((e) => ({
			id: e.id ?? '',
			start: e.start ?? '',
			end: e.end ?? '',
			precision: e.precision ?? 'day',
			title: e.title ?? '',
			label: e.label ?? '',
			description: e.description ?? '',
			assertedBy: e.assertedBy ?? [],
			sources: e.sources ?? [],
			sentences: (e.sentences ?? []).join(' '),
			unverified: e.unverified ?? false,
			caveat: e.caveat ?? '',
			dateUncertain: e.dateUncertain ?? false,
			orderExercise: e.orderExercise ?? false,
			confidence: confidenceOf(own, e.sources ?? [], e.unverified ?? false),
			missing: problems.filter((p) => p.item === e.id).map((p) => p.message)
		})),
		otherProblems: problems.filter((p) => !p.item || !(eventIds.has(p.item) || ownIds.has(p.item))),
		sentenceCount: sentenceIdsOf(own).length,
		kinds: SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] })),
		precisions: [...PRECISIONS],
		asserters: ASSERTERS.map((a) => ({
			value: a,
			label: a === 'letter' ? 'The rebuttal' : ASSERTER_INFO[a].lane
		})),
		maxSources: MAX_SOURCES,
		maxEvents: MAX_EVENTS
	};
}

export const actions = {
	sources: async ({ locals, params, request }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const read = await readSourcesForm(request);
		if (!read.ok) return read.failure;
		return saveStep(
			instructorId,
			own,
			applySources(own.draft, read.data),
			'The sources are saved.'
		);
	},
	events: async ({ locals, params, request }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const read = await readEventsForm(
			request,
			registerOf(own).flatMap((s) => (s.id ? [s.id] : [])),
			sentenceIdsOf(own)
		);
		if (!read.ok) return read.failure;
		return saveStep(instructorId, own, applyEvents(own.draft, read.data), 'The events are saved.');
	}
};
