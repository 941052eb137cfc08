// Continuing on another device: the resume code a student was shown when joining.
import { redirect } from '@sveltejs/kit';
import { setClassCookie } from '$lib/server/auth/class-ended';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { createSession } from '$lib/server/repo/sessions';
import { RESUME_LABELS, ResumeForm } from '$lib/server/forms/join';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { codeLimiter, describeWait } from '$lib/server/repo/rate-limit';
import { NO_CLIENT_ADDRESS, clientAddress } from '$lib/server/client-address';
import { findStudentByResumeCode } from '$lib/server/repo/students';

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = await parseForm(request, ResumeForm, RESUME_LABELS);
		if (!parsed.ok) return parsed.failure;
		// counted first (atomic), given back when the code is a student's
		const client = clientAddress(getClientAddress);
		if (!client) return formFail(400, NO_CLIENT_ADDRESS, parsed.form);
		const address = `resume|${client}`;
		const status = await codeLimiter.consume(address);
		if (!status.allowed) {
			return formFail(
				429,
				`Too many wrong resume codes from your network. Try again in ${describeWait(status.retryAfterMs)}.`,
				parsed.form
			);
		}
		const found = await findStudentByResumeCode(parsed.data.code);
		if (!found) {
			return formFail(
				400,
				'Resume code: no student has this code. Check it and try again.',
				parsed.form,
				{
					code: 'no student has this code'
				}
			);
		}
		await codeLimiter.refund(address);
		const { token, expiresAt } = await createSession({ studentId: found.student.id });
		setSessionCookie(cookies, url, token, expiresAt);
		setClassCookie(cookies, url, found.class.id, expiresAt);
		redirect(303, '/student');
	}
};
