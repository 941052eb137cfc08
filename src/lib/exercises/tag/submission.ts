// The body a student's browser sends to be graded, as one schema: parsed from form data on the
// server, so bad input gets a clear message (never a 500) whatever sent it.
import { z } from 'zod';
import { exampleId, GRADING_MODES, TAGS, TECHNIQUES } from '../../content/vocabulary.ts';
import { HAND_IN } from './fields.ts';

const MAX_ITEMS = 200;
const EXAMPLE = `an item id such as ${exampleId('sentence', 4)}`;
const ItemId = z.string().regex(/^[A-Z][0-9]{1,4}$/, EXAMPLE);
const Tag = z.enum(TAGS, { message: 'evidence, assertion or deflection' });
const Technique = z.enum(TECHNIQUES, { message: 'a technique from the list' });

export const Submission = z
	.object({
		mode: z.enum(GRADING_MODES, { message: 'feedback mode "set" or "immediate"' }),
		/** in immediate mode, the item being committed now */
		commit: ItemId.optional(),
		tags: z.record(ItemId, Tag),
		techniques: z.record(ItemId, Technique),
		/** items committed earlier (immediate mode); their answers are locked */
		committed: z.array(ItemId).max(MAX_ITEMS),
		/**
		 * "hand in what you have", confirmed: the tagged items are committed and the untagged ones
		 * count as unanswered (not as wrong)
		 */
		handIn: z.boolean().optional()
	})
	.refine((s) => Object.keys(s.tags).length <= MAX_ITEMS, {
		message: 'at most 200 tags',
		path: ['tags']
	});
export type Submission = z.infer<typeof Submission>;

/** Form field names: tag-<id>, technique-<id>, committed (repeated), commit, mode, handIn. */
export function submissionFromForm(form: FormData): unknown {
	const tags: Record<string, unknown> = {};
	const techniques: Record<string, unknown> = {};
	for (const [name, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		if (name.startsWith('tag-')) tags[name.slice(4)] = value;
		else if (name.startsWith('technique-') && value !== '') techniques[name.slice(10)] = value;
	}
	const commit = form.get('commit');
	return {
		mode: form.get('mode') ?? 'set',
		commit: typeof commit === 'string' && commit !== '' ? commit : undefined,
		tags,
		techniques,
		committed: form.getAll('committed'),
		...(form.get('handIn') === HAND_IN ? { handIn: true } : {})
	};
}

/** The first problem of a rejected submission, as a sentence naming the field. */
export function describeSubmissionError(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'The answers could not be read.';
	const [field, item] = issue.path;
	const names: Record<string, string> = { tags: 'the tag', techniques: 'the technique' };
	const label = names[String(field)] ?? String(field ?? 'the form');
	const where = item !== undefined ? `${label} for ${String(item)}` : label;
	const message = issue.code === 'invalid_key' ? EXAMPLE : issue.message;
	const expected = message.replace(/^Invalid (input|option|value|type)?:?\s*(expected\s+)?/i, '');
	return `The answers could not be read: ${where} should be ${expected}.`;
}
