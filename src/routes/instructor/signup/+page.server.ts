// Instructor sign-up: email, name and password (hashed with scrypt), then signed in. Sign-ups are
// limited per address (30 an hour).
import { redirect } from '@sveltejs/kit';
import { hashPassword } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { SIGN_UP_LABELS, SignUpForm } from '$lib/server/forms/auth';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { NO_CLIENT_ADDRESS, clientAddress } from '$lib/server/client-address';
import { createInstructor } from '$lib/server/instructors';
import { describeWait, signUpLimiter } from '$lib/server/rate-limit';

export function load({ locals }) {
	if (locals.instructor) redirect(303, '/instructor');
}

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
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
		const made = await createInstructor(email, displayName, await hashPassword(password));
		if (made === 'email-taken') {
			return formFail(
				400,
				'Email: this address already has an account. Sign in instead.',
				parsed.form,
				{
					email: 'this address already has an account'
				}
			);
		}
		const { token, expiresAt } = await createSession({ instructorId: made.id });
		setSessionCookie(cookies, url, token, expiresAt);
		redirect(303, '/instructor');
	}
};
