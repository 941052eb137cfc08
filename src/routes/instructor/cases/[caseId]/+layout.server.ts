// Every step of the editor: the instructor's own case (or a 404), and how many problems each step
// has left before the case can be published.
import { problemsOf, requireOwnCase, STEPS, stepOf } from './case.server';

export async function load({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const problems = problemsOf(own);
	return {
		authored: {
			id: own.id,
			title: own.title,
			status: own.status,
			version: own.version,
			versionPublished: own.versionPublished
		},
		steps: STEPS.map((s) => ({
			...s,
			problems: problems.filter((p) => stepOf(p) === s.slug).length
		}))
	};
}
