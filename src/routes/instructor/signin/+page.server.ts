// Instructor sign-in, limited to 5 failures per account and address per 15 minutes.
import { redirect } from '@sveltejs/kit';
import { dummyHash, verifyPassword } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { SIGN_IN_LABELS, SignInForm } from '$lib/server/forms/auth';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { findInstructorByEmail } from '$lib/server/instructors';
import { describeWait, signInLimiter } from '$lib/server/rate-limit';

export function load({ locals }) {
	if (locals.instructor) redirect(303, '/instructor');
}

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = await parseForm(request, SignInForm, SIGN_IN_LABELS);
		if (!parsed.ok) return parsed.failure;
		const { email, password } = parsed.data;
		const key = `${email}|${getClientAddress()}`;
		const status = signInLimiter.check(key);
		if (!status.allowed) {
			return formFail(
				429,
				`Too many failed sign-ins for this account from your network. Try again in ${describeWait(status.retryAfterMs)}.`,
				parsed.form
			);
		}
		const instructor = await findInstructorByEmail(email);
		// verify against a dummy hash for unknown addresses, so timing does not reveal accounts
		const ok = await verifyPassword(password, instructor?.passwordHash ?? (await dummyHash()));
		if (!instructor || !ok) {
			signInLimiter.fail(key);
			return formFail(400, 'The email or the password is not right.', parsed.form);
		}
		signInLimiter.reset(key);
		const { token, expiresAt } = await createSession({ instructorId: instructor.id });
		setSessionCookie(cookies, url, token, expiresAt);
		redirect(303, '/instructor');
	}
};
