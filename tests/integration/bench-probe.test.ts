// The bench's in-process dashboard probe compiles the app's server modules with its own Vite
// server (no config file). It must define every compile-time constant those modules read, or the
// class-load and district benches stop at their first dashboard sample. It runs in a child process
// as the bench does: Vitest's own defines would hide a missing one.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'rebuttal-probe-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const script = `
const { openDashboardProbe } = await import('./bench/class-load.ts');
const probe = await openDashboardProbe({ DATA_DIR: process.env.PROBE_DIR });
await probe.close();
console.log('probe opened and closed');
`;

it('opens the dashboard code and the database as the benches do, and closes them', async () => {
	const env: NodeJS.ProcessEnv = { ...process.env, PROBE_DIR: dataDir };
	for (const name of [
		'VITEST',
		'VITEST_MODE',
		'VITEST_POOL_ID',
		'VITEST_WORKER_ID',
		'DATABASE_URL'
	])
		delete env[name];
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', '--input-type=module', '--eval', script],
		{ env, timeout: 120_000 }
	);
	expect(stdout).toContain('probe opened and closed');
}, 150_000);
