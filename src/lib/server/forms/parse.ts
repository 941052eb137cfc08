// Reading a form body through a zod schema: a clear message per field for the page to show beside
// the field, and the values to refill the form with (never passwords).
import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';

export interface FormFailure {
	/** the first problem, as a sentence for the form's alert */
	message: string;
	/** field name → what is wrong with it */
	errors: Record<string, string>;
	/** what was typed, to refill the form */
	values: Record<string, string>;
}

const SECRET = /password|secret/i;

/** Reads the request body as form data; null when it is not a form. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

function valuesOf(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string' && !SECRET.test(name)) values[name] = value.slice(0, 500);
	}
	return values;
}

/** A 4xx failure with a message (and optionally one field's error), refilling the form. */
export function formFail(
	status: number,
	message: string,
	form?: FormData | null,
	errors: Record<string, string> = {}
): ActionFailure<FormFailure> {
	return fail(status, { message, errors, values: form ? valuesOf(form) : {} });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; failure: ActionFailure<FormFailure> };

/**
 * Parses a request's form body with the schema. Each issue becomes "<label>: <message>" for the
 * field it concerns; labels name fields as the page does.
 */
export async function parseForm<S extends z.ZodType>(
	source: Request | FormData,
	schema: S,
	labels: Record<string, string>
): Promise<Parsed<z.infer<S>> & { form?: FormData }> {
	const form = source instanceof FormData ? source : await readForm(source);
	if (!form) return { ok: false, failure: formFail(400, 'Send the details as a form.') };
	const raw: Record<string, string> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') raw[name] = value;
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data, form };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	const [field, problem] = Object.entries(errors)[0]!;
	const label = labels[field];
	const message = label ? `${label}: ${problem}` : problem;
	return { ok: false, failure: formFail(400, message, form, errors), form };
}

/** A checkbox: present ("on") is true, absent is false. */
export const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('1')])
	.optional()
	.transform((v) => v !== undefined);
