// The body of the ordering exercise, as one schema built from the exercise's event ids: parsed from
// form data on the server, so bad input gets a 400 message naming the field, never a 500.
import { z } from 'zod';
import { positionField } from './fields.ts';

/**
 * The body of a grading request: one field per event, `position-<event id>`, holding its position from 1
 * to n, each position used once. Parses to the ids in the order the student gave. Unknown fields
 * are refused, so a form for other events cannot be graded against these.
 */
export function orderBodySchema(ids: readonly string[]) {
	const n = ids.length;
	const expected = `a position from 1 to ${n}`;
	const position = z.coerce
		.number({ error: expected })
		.int({ error: expected })
		.min(1, { error: expected })
		.max(n, { error: expected });
	const shape = Object.fromEntries(ids.map((id) => [positionField(id), position]));
	return z
		.strictObject(shape)
		.superRefine((body, ctx) => {
			const seen = new Map<number, string>();
			for (const id of ids) {
				const value = body[positionField(id)] as number;
				const other = seen.get(value);
				if (other !== undefined) {
					ctx.addIssue({
						code: 'custom',
						path: [positionField(id)],
						message: `a position no other event has (${value} is also given to ${other})`
					});
				}
				seen.set(value, id);
			}
		})
		.transform((body) =>
			[...ids].sort(
				(a, b) => (body[positionField(a)] as number) - (body[positionField(b)] as number)
			)
		);
}

/** The first problem of a rejected body, as a sentence naming the field. */
export function describeOrderError(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'The positions could not be read.';
	if (issue.code === 'unrecognized_keys') {
		return `Unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: expected only the position fields of this exercise.`;
	}
	const field = issue.path.length ? `"${issue.path.join('.')}"` : 'the form';
	return `Field ${field}: expected ${issue.message}.`;
}
