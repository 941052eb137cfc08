// The body of the retelling exercise (which pile each item goes in: answered by the letter,
// invented or inflated by its retelling, left out), as one schema built from a case's item ids:
// parsed from form data on the server, so bad input gets a 400 message naming the field.
import { z } from 'zod';
import {
	exampleId,
	RETELLING_CATEGORIES,
	type RetellingCategory
} from '../../content/vocabulary.ts';
import { FIELD_PREFIX } from './fields.ts';

/** Form fields beyond this many are not read: no exercise has that many items. */
const MAX_FIELDS = 500;

/** A student's answers: item id -> the pile they put it in. */
export type Piles = Record<string, RetellingCategory>;

/**
 * The raw piles of a form: every pile-<item> field. A Map collects them so that a field named
 * pile-__proto__ is just an unknown item, not a prototype; a repeated field is kept as a list so
 * the schema can refuse it.
 */
export function pilesFromForm(form: FormData): unknown {
	const piles = new Map<string, unknown>();
	let fields = 0;
	for (const [name, value] of form.entries()) {
		if (!name.startsWith(FIELD_PREFIX)) continue;
		if (++fields > MAX_FIELDS) return { piles: 'too many fields' };
		const id = name.slice(FIELD_PREFIX.length);
		const given = typeof value === 'string' ? value : null;
		piles.set(id, piles.has(id) ? [piles.get(id), given] : given);
	}
	return { piles: Object.fromEntries(piles) };
}

const choiceList = RETELLING_CATEGORIES.map((c) => `"${c}"`).join(', ');

/** The schema of a retelling body for one case: every key a known item, every value one pile. */
export function retellingSubmissionSchema(itemIds: readonly string[]) {
	const items = new Set(itemIds);
	const Item = z.string().refine((id) => items.has(id), {
		message: `an item of this exercise, such as ${itemIds[0] ?? exampleId('retelling')}`
	});
	return z.object({
		piles: z.record(Item, z.enum(RETELLING_CATEGORIES, { message: `one of ${choiceList}` }), {
			message: 'one pile per item'
		})
	});
}
export type RetellingSubmission = z.infer<ReturnType<typeof retellingSubmissionSchema>>;

/** The first problem of a rejected body, as a sentence naming the field. */
export function describeRetellingError(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'The answers could not be read.';
	const [, item] = issue.path;
	if (issue.code === 'invalid_key') {
		const inner = issue.issues[0]?.message ?? 'an item of this exercise';
		return `The answers could not be read: the field ${FIELD_PREFIX}${String(item)} should name ${inner}.`;
	}
	const where = item !== undefined ? `the pile for ${String(item)}` : 'the piles';
	const expected = issue.message.replace(
		/^Invalid (input|option|value|type)?:?\s*(expected\s+)?/i,
		''
	);
	return `The answers could not be read: ${where} should be ${expected}.`;
}

/** The items without a pile, in the order given. */
export function unsortedItems(piles: Piles, itemIds: readonly string[]): string[] {
	return itemIds.filter((id) => !Object.hasOwn(piles, id));
}

/** What to tell a student who submitted before sorting every item. */
export function unsortedMessage(missing: readonly string[]): string {
	const shown = missing.slice(0, 5).join(', ');
	const more = missing.length > 5 ? ', ...' : '';
	return `Sort every item before checking: ${missing.length} left (${shown}${more}).`;
}
