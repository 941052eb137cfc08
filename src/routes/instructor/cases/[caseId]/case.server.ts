// The editor's steps share this: the signed-in instructor's own case (anyone else gets a 404, the
// same as for a case that does not exist), its problems before publishing grouped by step, and
// the save that every step's form ends with.
import { error } from '@sveltejs/kit';
import {
	publishCheck,
	withFixedFields,
	type CaseDraft,
	type DraftProblem,
	type PublishCheck
} from '$lib/content/draft';
import {
	TAG_INFO,
	TAGS,
	TECHNIQUE_FAMILIES,
	TECHNIQUE_INFO,
	TECHNIQUES
} from '$lib/content/vocabulary';
import { requireInstructor } from '$lib/server/auth/guards';
import { isDocumentSource } from '$lib/server/forms/case-events';
import { formFail } from '$lib/server/forms/parse';
import {
	DraftRefused,
	getAuthoredCase,
	saveAuthoredDraft,
	type EditableCase
} from '$lib/server/repo/authored-cases';

export const CASE_NOT_FOUND = 'There is no such case among yours.';

/**
 * The editor's steps, in order: their path under /instructor/cases/<id>/, their number and their
 * name. Step 4 is what a case may leave out: the timeline, the glossary and the practice.
 */
export const STEPS = [
	{ slug: 'texts', number: 1, label: 'Texts' },
	{ slug: 'sentences', number: 2, label: 'Sentences' },
	{ slug: 'key', number: 3, label: 'Key' },
	{ slug: 'events', number: 4, label: 'Timeline' },
	{ slug: 'glossary', number: 4, label: 'Glossary' },
	{ slug: 'practice', number: 4, label: 'Practice' },
	{ slug: 'preview', number: 5, label: 'Preview and publish' }
] as const;
export type StepSlug = (typeof STEPS)[number]['slug'];

export async function requireOwnCase(
	locals: App.Locals,
	caseId: string
): Promise<{ instructorId: string; own: EditableCase }> {
	const instructor = requireInstructor(locals);
	const own = await getAuthoredCase(instructor.id, caseId);
	if (!own) error(404, CASE_NOT_FOUND);
	return { instructorId: instructor.id, own };
}

/**
 * Which step fixes a problem: the sentences' roles are step 2, the key step 3, the events and the
 * case's own sources, the glossary and the practice step 4, the rest step 1.
 */
export function stepOf(problem: DraftProblem): StepSlug {
	if (problem.file === 'answer-key.yaml') return 'key';
	if (problem.file === 'timeline.yaml') return 'events';
	if (problem.file === 'glossary.yaml') return 'glossary';
	if (problem.file === 'practice.yaml') return 'practice';
	if (problem.file === 'sources.yaml' && problem.item && !isDocumentSource(problem.item))
		return 'events';
	if (problem.file === 'letter.yaml' && /field "(paragraphs|role)/.test(problem.message))
		return 'sentences';
	return 'texts';
}

/** The publish check of the case as it stands (content/draft.ts). */
export function checkOf(own: EditableCase): PublishCheck {
	return publishCheck(own.moduleId, withFixedFields(own.moduleId, own.draft));
}

export const NOT_READY =
	'The case is not complete yet: fix what the steps list, then preview it again.';

/** What publishing would refuse, for one step (every step when none is given). */
export function problemsOf(own: EditableCase, step?: StepSlug): DraftProblem[] {
	const check = checkOf(own);
	if (check.ok) return [];
	return step ? check.problems.filter((p) => stepOf(p) === step) : check.problems;
}

/** Saves a step's draft; a refused draft (too long, malformed) is a 400 naming the field. */
export async function saveStep(
	instructorId: string,
	own: EditableCase,
	draft: CaseDraft,
	saved: string
) {
	try {
		const ok = await saveAuthoredDraft(instructorId, own.id, withFixedFields(own.moduleId, draft));
		if (!ok) error(404, CASE_NOT_FOUND);
	} catch (e) {
		if (e instanceof DraftRefused) {
			const first = e.problems[0]!;
			return formFail(400, `${first.file}: ${first.message}`);
		}
		throw e;
	}
	return {
		saved: own.versionPublished
			? `${saved} This started version ${own.version + 1}: the published version stays as it was.`
			: saved
	};
}

/** The choices of a key item's fields (steps 3 and 4): the tags, and the techniques by family. */
export function keyChoices() {
	return {
		tags: TAGS.map((t) => ({ value: t, ...TAG_INFO[t] })),
		families: TECHNIQUE_FAMILIES.map((family) => ({
			family,
			techniques: TECHNIQUES.filter((t) => TECHNIQUE_INFO[t].family === family).map((t) => ({
				value: t,
				label: TECHNIQUE_INFO[t].label,
				definition: TECHNIQUE_INFO[t].definition
			}))
		}))
	};
}
