// Global set-up for Vitest and Playwright: the PostgreSQL runs of the tests need a server, so when
// TEST_DATABASE_URL is unset a throwaway cluster is started here (scripts/test-postgres.ts) and its
// URL exported to the test processes; it is stopped and deleted at the end. Without PostgreSQL's
// programs the run stops here, naming the install command: the tests never skip PostgreSQL.
import { startTestPostgres } from '../scripts/test-postgres';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
	if (process.env.TEST_DATABASE_URL) return undefined;
	const cluster = await startTestPostgres();
	process.env.TEST_DATABASE_URL = cluster.url;
	return async () => {
		await cluster.stop();
		delete process.env.TEST_DATABASE_URL;
	};
}

/** TEST_DATABASE_URL, which the global set-up guarantees; a clear error if it is missing. */
export function testDatabaseUrl(): string {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		throw new Error(
			'TEST_DATABASE_URL is not set: run the tests through vitest or playwright, whose global ' +
				'set-up (tests/postgres.global.ts) starts a throwaway PostgreSQL.'
		);
	}
	return url;
}
