// The bodies of the truth sandwich's forms, parsed on the server: the student's piece with their
// self-assessment, and the instructor's scores with a comment. Each criterion is a radio group
// (rubric-<id>) holding 0, 1 or 2.
import { z } from 'zod';
import {
	COMMENT_MAX,
	SANDWICH_RUBRIC,
	SANDWICH_TEXT_MAX,
	criterionField,
	type RubricScores
} from './rubric.ts';

const level = (label: string) =>
	z.enum(['0', '1', '2'], { message: `choose a level for “${label}”: 0, 1 or 2` });

const rubricShape = Object.fromEntries(
	SANDWICH_RUBRIC.map((c) => [criterionField(c.id), level(c.label)])
);

const scoresOf = (body: Record<string, unknown>): RubricScores =>
	Object.fromEntries(
		SANDWICH_RUBRIC.map((c) => [c.id, Number(body[criterionField(c.id)])])
	) as RubricScores;

/** The student's hand-in: the text and a level for every criterion. */
export const SandwichForm = z
	.object({
		text: z
			.string({ message: 'write your truth sandwich' })
			.trim()
			.min(1, 'write your truth sandwich')
			.max(SANDWICH_TEXT_MAX, `at most ${SANDWICH_TEXT_MAX} characters`),
		...rubricShape
	})
	.transform((body) => ({ text: body.text, self: scoresOf(body) }));
export type SandwichAnswer = z.infer<typeof SandwichForm>;

/** The instructor's review: a level for every criterion and an optional comment. */
export const ReviewForm = z
	.object({
		comment: z
			.string()
			.trim()
			.max(COMMENT_MAX, `at most ${COMMENT_MAX} characters`)
			.optional()
			.default(''),
		...rubricShape
	})
	.transform((body) => ({ comment: body.comment, scores: scoresOf(body) }));

/** The fields' names as the forms label them, for the messages. */
export const SANDWICH_LABELS: Record<string, string> = {
	text: 'Your truth sandwich',
	comment: 'Comment',
	...Object.fromEntries(SANDWICH_RUBRIC.map((c) => [criterionField(c.id), c.label]))
};

/** A stored answer, read back (its shape may be older than this code). */
export const StoredSandwich = z.object({
	text: z.string(),
	self: z.record(z.string(), z.number().int().min(0).max(2))
});
