// The form of a lesson's check for understanding: which check, and what the student typed.
import { z } from 'zod';
import { CHECK_ANSWER_MAX } from '../db/schema';

export const CheckAnswerForm = z.object({
	check: z
		.string({ message: 'say which check the answer is for' })
		.min(1, 'say which check the answer is for')
		.max(100, 'use a check id of this lesson'),
	answer: z
		.string({ message: 'type your answer in the box' })
		.max(
			CHECK_ANSWER_MAX,
			`use at most ${CHECK_ANSWER_MAX.toLocaleString('en')} characters (shorten your answer)`
		)
});
export const CHECK_ANSWER_LABELS = { check: 'Check', answer: 'Your answer' };
