// The class's gradebook as CSV: one row per student, a column per exercise and a total;
// ?ids=anonymous replaces nicknames with anonymous ids. Owner only (else 404).
import { requireOwnClass } from '$lib/server/auth/guards';
import { buildExport, exportFileName, exportToGradebook } from '$lib/server/reports/export';

export async function GET({ locals, params, url }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	const ids = url.searchParams.get('ids') === 'anonymous' ? 'anonymous' : 'nickname';
	const body = exportToGradebook(await buildExport(cls, ids));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(cls, 'csv', ids, 'gradebook')}"`,
			'cache-control': 'no-store'
		}
	});
}
