// Instructor sign-up: email, name and password (hashed with scrypt). The answer is the same whether
// or not the email already has an account (no account is made twice, none is changed), so the form
// cannot be used to find out who has one: either way the visitor is sent to sign in, with a note.
// Sign-ups are limited per address (30 an hour).
import { redirect } from '@sveltejs/kit';
import { hashPassword } from '$lib/server/auth/password';
import { SIGN_UP_LABELS, SignUpForm } from '$lib/server/forms/auth';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { NO_CLIENT_ADDRESS, clientAddress } from '$lib/server/client-address';
import { createInstructor } from '$lib/server/repo/instructors';
import { describeWait, signUpLimiter } from '$lib/server/repo/rate-limit';

export function load({ locals }) {
	if (locals.instructor) redirect(303, '/instructor');
}

export const actions = {
	default: async ({ request, getClientAddress }) => {
		const parsed = await parseForm(request, SignUpForm, SIGN_UP_LABELS);
		if (!parsed.ok) return parsed.failure;
		const address = clientAddress(getClientAddress);
		if (!address) return formFail(400, NO_CLIENT_ADDRESS, parsed.form);
		const limit = await signUpLimiter.consume(address);
		if (!limit.allowed) {
			return formFail(
				429,
				`Too many new accounts from your network. Try again in ${describeWait(limit.retryAfterMs)}.`,
				parsed.form
			);
		}
		const { email, displayName, password } = parsed.data;
		// hashed either way, so both answers take the same time
		await createInstructor(email, displayName, await hashPassword(password));
		redirect(303, '/instructor/signin?signed-up');
	}
};
