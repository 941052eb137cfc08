// The form action every exercise grades through (tag sets, map, ordering, retelling): read the
// form, parse it with the exercise's zod submission schema, grade it (the exercise's pure scorer,
// and for a class student the stored attempt), and answer a bad body or an ungradable submission
// with a 400 and a clear message, the student's answers echoed beside it for a no-JavaScript post.
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { AttemptConflict } from '$lib/server/repo/attempts';
import { GradingError } from './errors';

export interface ExerciseForm<Body, Echo extends Record<string, unknown>> {
	/** what the form's fields are, before validation (e.g. `{ links: { L4: ['A1'] } }`) */
	read: (form: FormData) => unknown;
	/** the exercise's submission schema */
	schema: z.ZodType<Body>;
	/** a sentence naming the field and what is expected */
	describe: (error: z.ZodError) => string;
	/**
	 * The answers to show again beside a message, kept to known items and values: from the raw
	 * fields, and the parsed body once it is valid.
	 */
	echo: (raw: unknown, body?: Body) => Echo;
	/** what the form carries, for the message when it cannot be read: "the answers", "the links" */
	what: string;
}

/** Reads and validates a form; the 400 to answer when it is bad. */
export async function readForm<Body, Echo extends Record<string, unknown>>(
	request: Request,
	exercise: ExerciseForm<Body, Echo>
) {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		const message = `Send ${exercise.what} as a form.`;
		return { failure: fail(400, { ...exercise.echo(undefined), message }) };
	}
	const raw = exercise.read(form);
	const parsed = exercise.schema.safeParse(raw);
	if (!parsed.success) {
		return {
			failure: fail(400, { ...exercise.echo(raw), message: exercise.describe(parsed.error) })
		};
	}
	return { form, raw, body: parsed.data };
}

/**
 * The grade action: validate, then `grade` (the exercise's grader: for a class student it stores
 * the attempt too, and returns what the feedback mode allows). A GradingError is a 400 with its
 * message, a conflicting save of the same attempt a 409; anything else is a bug and stays a 500.
 */
export async function gradeForm<Body, Echo extends Record<string, unknown>, Out>(
	request: Request,
	exercise: ExerciseForm<Body, Echo>,
	grade: (body: Body, form: FormData) => Out | Promise<Out>
) {
	const read = await readForm(request, exercise);
	if (read.failure) return read.failure;
	const { form, raw, body } = read;
	try {
		return await grade(body, form);
	} catch (error) {
		if (error instanceof GradingError) {
			const details = error.details as Partial<Echo>;
			return fail(error.status, {
				...exercise.echo(raw, body),
				...details,
				message: error.message
			});
		}
		if (error instanceof AttemptConflict) {
			return fail(409, { ...exercise.echo(raw, body), message: error.message });
		}
		throw error;
	}
}
