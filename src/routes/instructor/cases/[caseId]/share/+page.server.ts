// Sharing the case with other instructors on this server: a link (a random token) that gives whoever
// opens it, signed in as an instructor, a draft copy of the published case; withdrawn at a click.
import { fail } from '@sveltejs/kit';
import { activeShareToken, createShareToken, revokeShareToken } from '$lib/server/repo/case-shares';
import { requireOwnCase } from '../case.server';

export async function load({ locals, params, url }) {
	const { instructorId, own } = await requireOwnCase(locals, params.caseId);
	const token = await activeShareToken(instructorId, own.id);
	return {
		published: own.status === 'published',
		link: token ? `${url.origin}/instructor/shared/${token}` : null
	};
}

export const actions = {
	create: async ({ locals, params }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		const token = await createShareToken(instructorId, own.id);
		if (!token) return fail(400, { message: 'Publish the case before you share it.' });
		return { shared: 'The link is ready: send it to the instructors you want to share with.' };
	},
	revoke: async ({ locals, params }) => {
		const { instructorId, own } = await requireOwnCase(locals, params.caseId);
		await revokeShareToken(instructorId, own.id);
		return {
			shared:
				'The link is withdrawn: whoever opens it now is told so. Copies made already stay theirs.'
		};
	}
};
