// Joining a class with its code and a nickname: /join, or /join/<code>, the link a class shares,
// with the code filled in (its form posts to /join).
import { normaliseCode } from '$lib/server/auth/codes';
import { joinAction } from './join.server';

export function load({ locals, params }) {
	const s = locals.student;
	return {
		code: params.code ? normaliseCode(params.code).slice(0, 20) : '',
		current: s ? { className: s.className, nickname: s.nickname } : null
	};
}

export const actions = { default: joinAction };
