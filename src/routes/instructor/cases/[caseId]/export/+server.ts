// The case as a zip of a case folder (draft or published), in the format of lessons/<case>/: it
// can be committed there, checked with `npm run case:check`, or imported by another instructor.
// The owner's only (anyone else gets the 404 of a case that does not exist).
import { exportFiles } from '$lib/content/case-export';
import { withFixedFields } from '$lib/content/draft';
import { writeCaseZip } from '$lib/server/case-zip';
import { requireOwnCase } from '../case.server';

export async function GET({ locals, params }) {
	const { own } = await requireOwnCase(locals, params.caseId);
	const zip = await writeCaseZip(
		own.moduleId,
		exportFiles(withFixedFields(own.moduleId, own.draft))
	);
	return new Response(new Uint8Array(zip), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${own.moduleId}.zip"`,
			'cache-control': 'private, no-store'
		}
	});
}
