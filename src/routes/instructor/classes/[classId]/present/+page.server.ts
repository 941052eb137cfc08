// The projector view: one sentence at a time, or the most contested list, with the class's
// distribution and the key only for what the instructor shows on the projector (?reveal=L7 or
// ?reveal=all: the projector only, not the students), so it works without JavaScript; the class's
// one reveal (assignment.server.ts); how to join, with the link's QR code. Owner only (else 404).
import { error } from '@sveltejs/kit';
import { classDependency } from '$lib/live';
import { requireOwnClass } from '$lib/server/auth/guards';
import { requireAssignmentCase } from '$lib/server/modules';
import { chooseAssignment, chooseSet, presentData } from '$lib/server/reports/dashboard';
import { qrCode } from '$lib/server/join-qr';
import { revealKey } from '../assignment.server';

export async function load({ depends, locals, params, url }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	depends(classDependency(cls.id)); // reloaded when the class's event stream signals a change
	const { assignment } = await chooseAssignment(cls, url);
	const joinUrl = `${url.origin}/join/${cls.joinCode}`;
	const base = {
		class: { id: cls.id, name: cls.name, joinCode: cls.joinCode },
		join: { url: joinUrl, qr: qrCode(joinUrl) }
	};
	if (!assignment) return { ...base, assignment: null };

	const c = await requireAssignmentCase(assignment);
	const set = chooseSet(c, url);
	const present = await presentData(c, assignment, set, url);
	const item = url.searchParams.get('item');
	if (item !== null && !present.items.some((i) => i.id === item)) {
		error(404, `There is no sentence ${item} in this exercise.`);
	}
	return {
		...base,
		assignment: {
			id: assignment.id,
			title: c.module.title,
			/** a 'reveal' assignment not revealed yet: present mode offers the same reveal */
			awaitsReveal: assignment.feedbackMode === 'reveal' && !assignment.revealedAt
		},
		set,
		item,
		present
	};
}

export const actions = {
	/** the class page's reveal, offered on the projector too (assignment.server.ts) */
	reveal: ({ locals, params, request }) => revealKey(locals, params.classId, request)
};
