// A PostgreSQL database of its own for one test file, on the server of TEST_DATABASE_URL (whose
// role needs CREATEDB), so test files running in parallel do not share tables. Dropped afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export async function ownDatabase(
	url: string,
	prefix: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const own = new URL(url);
	own.pathname = `/${name}`;
	return {
		url: own.toString(),
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}
