// A case's own address opens its first step.
import { redirect } from '@sveltejs/kit';
import { requireOwnCase } from './case.server';

export async function load({ locals, params }) {
	await requireOwnCase(locals, params.caseId);
	redirect(303, `/instructor/cases/${params.caseId}/texts`);
}
