// The join link a class shares: the join form with the code filled in (it posts to /join).
import { normaliseCode } from '$lib/server/codes';

export function load({ locals, params }) {
	const s = locals.student;
	return {
		code: normaliseCode(params.code).slice(0, 20),
		current: s ? { className: s.className, nickname: s.nickname } : null
	};
}
