// Instructor sign-in, limited to 5 failures per account and address and 20 per address (any
// account) per 15 minutes. Attempts are counted before the password is checked, so parallel
// guesses cannot slip past the limit; a success clears the account's count and gives back its
// attempt to the address.
import { redirect } from '@sveltejs/kit';
import { dummyHash, verifyPassword } from '$lib/server/auth/password';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { createSession } from '$lib/server/repo/sessions';
import { SIGN_IN_LABELS, SignInForm } from '$lib/server/forms/auth';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { NO_CLIENT_ADDRESS, clientAddress } from '$lib/server/client-address';
import { findInstructorByEmail } from '$lib/server/repo/instructors';
import { describeWait, signInAddressLimiter, signInLimiter } from '$lib/server/repo/rate-limit';

export function load({ locals, url }) {
	if (locals.instructor) redirect(303, '/instructor');
	return { signedUp: url.searchParams.has('signed-up') };
}

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = await parseForm(request, SignInForm, SIGN_IN_LABELS);
		if (!parsed.ok) return parsed.failure;
		const { email, password } = parsed.data;
		const address = clientAddress(getClientAddress);
		if (!address) return formFail(400, NO_CLIENT_ADDRESS, parsed.form);
		const key = `${email}|${address}`;
		const account = await signInLimiter.consume(key);
		if (!account.allowed) {
			return formFail(
				429,
				`Too many failed sign-ins for this account from your network. Try again in ${describeWait(account.retryAfterMs)}.`,
				parsed.form
			);
		}
		const network = await signInAddressLimiter.consume(address);
		if (!network.allowed) {
			return formFail(
				429,
				`Too many failed sign-ins from your network. Try again in ${describeWait(network.retryAfterMs)}.`,
				parsed.form
			);
		}
		const instructor = await findInstructorByEmail(email);
		// verify against a dummy hash for unknown addresses, so timing does not reveal accounts
		const ok = await verifyPassword(password, instructor?.passwordHash ?? (await dummyHash()));
		if (!instructor || !ok) {
			return formFail(400, 'The email or the password is not right.', parsed.form);
		}
		await signInLimiter.reset(key);
		await signInAddressLimiter.refund(address);
		const { token, expiresAt } = await createSession({ instructorId: instructor.id });
		setSessionCookie(cookies, url, token, expiresAt);
		redirect(303, '/instructor');
	}
};
