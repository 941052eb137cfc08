// The class's work as CSV; ?ids=anonymous replaces nicknames with anonymous ids.
import { requireOwnClass } from '$lib/server/auth/guards';
import { buildExport, exportFileName, exportToCsv } from '$lib/server/reports/export';

export async function GET({ locals, params, url }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	const ids = url.searchParams.get('ids') === 'anonymous' ? 'anonymous' : 'nickname';
	const body = exportToCsv(await buildExport(cls, ids));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(cls, 'csv', ids)}"`,
			'cache-control': 'no-store'
		}
	});
}
