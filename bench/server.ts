// Starts the built app on a free port with a throwaway data folder, for benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

export interface RunningServer {
	url: string;
	dataDir: string;
	process: ChildProcess;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(
	env: Record<string, string> = {},
	options: {
		/** drop the server's error log (tests that send malformed requests on purpose) */ quiet?: boolean;
	} = {}
): Promise<RunningServer> {
	const port = await freePort();
	const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'rebuttal-lab-bench-'));
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'ignore', options.quiet ? 'ignore' : 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		url,
		dataDir,
		process: child,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}
