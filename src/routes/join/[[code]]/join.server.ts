// Joining a class: the form action of /join (the form at /join/<code> posts there too). A wrong code is a 400 with a
// clear message; wrong codes per address are rate-limited; the resume code is shown once.
import { setClassCookie } from '$lib/server/auth/class-ended';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { createSession } from '$lib/server/repo/sessions';
import { NO_CLIENT_ADDRESS, clientAddress } from '$lib/server/client-address';
import { JOIN_LABELS, JoinForm } from '$lib/server/forms/join';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { codeLimiter, describeWait } from '$lib/server/repo/rate-limit';
import { joinClass } from '$lib/server/repo/students';

export async function joinAction({
	request,
	cookies,
	url,
	locals,
	getClientAddress
}: {
	request: Request;
	locals: App.Locals;
	cookies: import('@sveltejs/kit').Cookies;
	url: URL;
	getClientAddress: () => string;
}) {
	const parsed = await parseForm(request, JoinForm, JOIN_LABELS);
	if (!parsed.ok) return parsed.failure;
	const { code, nickname } = parsed.data;
	// counted first (atomic), given back when the code is a class's
	const client = clientAddress(getClientAddress);
	if (!client) return formFail(400, NO_CLIENT_ADDRESS, parsed.form);
	const address = `join|${client}`;
	const status = await codeLimiter.consume(address);
	if (!status.allowed) {
		return formFail(
			429,
			`Too many wrong class codes from your network. Try again in ${describeWait(status.retryAfterMs)}.`,
			parsed.form
		);
	}
	const joined = await joinClass(code, nickname);
	if (!joined.ok && joined.reason === 'no-class') {
		return formFail(
			400,
			`Class code: there is no class with the code ${code}. Check the code with your instructor.`,
			parsed.form,
			{ code: `there is no class with the code ${code}` }
		);
	}
	await codeLimiter.refund(address);
	if (!joined.ok) {
		return formFail(
			400,
			`Nickname: someone in this class already uses “${nickname}”. Choose another nickname.`,
			parsed.form,
			{ nickname: 'someone in this class already uses this nickname' }
		);
	}
	const { token, expiresAt } = await createSession({ studentId: joined.student.id });
	setSessionCookie(cookies, url, token, expiresAt);
	setClassCookie(cookies, url, joined.class.id, expiresAt);
	// the page rendered after this action (its header too) shows the student signed in
	locals.instructor = null;
	locals.student = {
		id: joined.student.id,
		nickname: joined.student.nickname,
		classId: joined.class.id,
		className: joined.class.name
	};
	return {
		joined: {
			className: joined.class.name,
			nickname: joined.student.nickname,
			resumeCode: joined.resumeCode
		}
	};
}
