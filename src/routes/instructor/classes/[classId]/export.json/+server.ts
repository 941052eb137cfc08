// The class's work as JSON; ?ids=anonymous replaces nicknames with anonymous ids.
import { requireOwnClass } from '$lib/server/auth/guards';
import { buildExport, exportFileName } from '$lib/server/reports/export';

export async function GET({ locals, params, url }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	const ids = url.searchParams.get('ids') === 'anonymous' ? 'anonymous' : 'nickname';
	return new Response(JSON.stringify(await buildExport(cls, ids), null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(cls, 'json', ids)}"`,
			'cache-control': 'no-store'
		}
	});
}
