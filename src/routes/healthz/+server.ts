// GET /healthz: 200 with a small JSON when the database answers `select 1`, 503 otherwise; never
// cached. For load balancers, container health checks and monitoring.
import { json } from '@sveltejs/kit';
import { checkDatabase } from '$lib/server/db/client';

const TIMEOUT_MS = 5000;
const headers = { 'cache-control': 'no-store' };

export async function GET() {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('the database did not answer in time')), TIMEOUT_MS);
	});
	try {
		await Promise.race([checkDatabase(), timeout]);
		return json({ status: 'ok', database: 'ok' }, { headers });
	} catch (error) {
		console.error('Health check failed.', error);
		return json({ status: 'unavailable', database: 'unavailable' }, { status: 503, headers });
	} finally {
		clearTimeout(timer);
	}
}
