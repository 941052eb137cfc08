// Joining a class with its code and a nickname.
import { joinAction } from '$lib/server/join-page';

export function load({ locals }) {
	const s = locals.student;
	return { current: s ? { className: s.className, nickname: s.nickname } : null };
}

export const actions = { default: joinAction };
