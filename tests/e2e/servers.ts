// Servers that should refuse to start (no browser): the exit code, the output, and whether the
// process ever answered on its port.
import { rmSync } from 'node:fs';
import { spawnServer } from '../../bench/server';

export async function refusedStart(env: Record<string, string>) {
	const server = await spawnServer(env, { quiet: true });
	let listened = false;
	const probe = setInterval(() => {
		fetch(`${server.url}/healthz`).then(
			() => (listened = true),
			() => {}
		);
	}, 50);
	const timeout = setTimeout(() => server.process.kill('SIGKILL'), 60_000);
	const code = await server.exited;
	clearInterval(probe);
	clearTimeout(timeout);
	// a data folder made for this start alone goes with it
	if (!env.DATA_DIR) rmSync(server.dataDir, { recursive: true, force: true });
	return { code, output: server.output(), listened };
}
