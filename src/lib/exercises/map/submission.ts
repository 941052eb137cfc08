// The body of the linking exercise (which of the article's allegations each claim sentence of the
// letter responds to), as one schema built from a case's ids: parsed from form data on the server,
// so bad input gets a 400 message naming the field, never a 500.
import { z } from 'zod';
import { exampleId } from '../../content/vocabulary.ts';
import { FIELD_PREFIX, NONE } from './fields.ts';

/** Form fields beyond this many are not read: no letter has that many sentences times allegations. */
const MAX_FIELDS = 2000;

/** A student's links: sentence id -> the allegation ids it responds to; [] means "none of them". */
export type Links = Record<string, string[]>;

export interface MapSubmission {
	links: Links;
}

/**
 * The raw links of a form: every links-<sentence> field, its values in order. A Map collects them
 * so that a field named links-__proto__ is just an unknown sentence, not a prototype.
 */
export function linksFromForm(form: FormData): unknown {
	const links = new Map<string, unknown[]>();
	let fields = 0;
	for (const [name, value] of form.entries()) {
		if (!name.startsWith(FIELD_PREFIX)) continue;
		if (++fields > MAX_FIELDS) return { links: 'too many fields' };
		const id = name.slice(FIELD_PREFIX.length);
		const values = links.get(id) ?? [];
		values.push(typeof value === 'string' ? value : null);
		links.set(id, values);
	}
	return { links: Object.fromEntries(links) };
}

/**
 * The schema of a linking body for one case: every key a claim sentence of the letter, every
 * value a known allegation id or "none", each at most once, and "none" never beside an allegation.
 * The output writes "none of them" as an empty list.
 */
export function mapSubmissionSchema(
	sentenceIds: readonly string[],
	allegationIds: readonly string[]
) {
	const sentences = new Set(sentenceIds);
	const example = sentenceIds[0] ?? exampleId('sentence');
	const choices = new Set([...allegationIds, NONE]);
	const choiceList = `${allegationIds.join(', ')} or "${NONE}"`;
	const Sentence = z.string().refine((id) => sentences.has(id), {
		message: `a claim sentence of the letter, such as ${example}`
	});
	const Choice = z.string({ message: choiceList }).refine((v) => choices.has(v), choiceList);
	return z
		.object({
			links: z.record(
				Sentence,
				z
					.array(Choice, { message: `a list of ${choiceList}` })
					.min(1, `at least one of ${choiceList}`)
					.max(choices.size, `each of ${choiceList} at most once`)
					.superRefine((values, ctx) => {
						if (new Set(values).size !== values.length) {
							ctx.addIssue({ code: 'custom', message: `each of ${choiceList} at most once` });
						} else if (values.includes(NONE) && values.length > 1) {
							ctx.addIssue({
								code: 'custom',
								message: `either allegations or "none of them", not both`
							});
						}
					}),
				{ message: 'one list of links per sentence' }
			)
		})
		.transform((body): MapSubmission => ({
			links: Object.fromEntries(
				Object.entries(body.links).map(([id, values]) => [id, values.filter((v) => v !== NONE)])
			)
		}));
}

/** The first problem of a rejected body, as a sentence naming the field. */
export function describeMapError(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'The links could not be read.';
	const [, sentence] = issue.path;
	if (issue.code === 'invalid_key') {
		const inner = issue.issues[0]?.message ?? 'a claim sentence of the letter';
		return `The links could not be read: the field ${FIELD_PREFIX}${String(sentence)} should name ${inner}.`;
	}
	const where = sentence !== undefined ? `the links for ${String(sentence)}` : 'the links';
	const expected = issue.message.replace(
		/^Invalid (input|option|value|type)?:?\s*(expected\s+)?/i,
		''
	);
	return `The links could not be read: ${where} should be ${expected}.`;
}

/** The sentences without any answer (not even "none of them"), in the order given. */
export function missingSentences(links: Links, sentenceIds: readonly string[]): string[] {
	return sentenceIds.filter((id) => !Object.hasOwn(links, id));
}

/** What to tell a student who submitted before linking every sentence. */
export function incompleteMessage(missing: readonly string[]): string {
	const shown = missing.slice(0, 5).join(', ');
	const more = missing.length > 5 ? ', ...' : '';
	return `Link every sentence: ${missing.length} left (${shown}${more}). Tick "None of them" for a sentence that responds to no allegation.`;
}
