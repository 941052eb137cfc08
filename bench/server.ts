// Starts the built app (scripts/serve.js) on a free port with a throwaway data folder, for
// benchmarks and the no-browser end-to-end specs: ready once /healthz answers, or failed when the
// process exits first (its output is kept for the message).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
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

export interface ServerProcess {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** stdout and stderr so far (unless quiet) */
	output(): string;
	/** resolves with the exit code (null when killed by a signal) */
	exited: Promise<number | null>;
}

export interface RunningServer extends ServerProcess {
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns scripts/serve.js without waiting for it. */
export async function spawnServer(
	env: Record<string, string> = {},
	options: { quiet?: boolean } = {}
): Promise<ServerProcess> {
	// a given PORT (a process restarted behind a proxy keeps its port), else a free one
	const port = env.PORT ? Number(env.PORT) : await freePort();
	const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'rebuttal-lab-bench-'));
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	for (const stream of [child.stdout, child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (chunk: string) => {
			output += chunk;
			if (!options.quiet && stream === child.stderr) process.stderr.write(chunk);
		});
	}
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		process: child,
		output: () => output,
		exited
	};
}

/** Resolves true once the server answers /healthz with 200, false if the process exits first. */
export async function ready(server: ServerProcess, timeoutMs = 60_000): Promise<boolean> {
	let gone = false;
	void server.exited.then(() => (gone = true));
	const until = Date.now() + timeoutMs;
	while (!gone && Date.now() < until) {
		try {
			if ((await fetch(`${server.url}/healthz`)).ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return false;
}

export async function startServer(
	env: Record<string, string> = {},
	options: {
		/** drop the server's error log (tests that send malformed requests on purpose) */ quiet?: boolean;
	} = {}
): Promise<RunningServer> {
	const server = await spawnServer(env, options);
	const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
		new Promise<void>((resolve) => {
			const child = server.process;
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill(signal);
		});
	if (!(await ready(server))) {
		await stop('SIGKILL');
		throw new Error(`The server did not start:\n${server.output()}`);
	}
	return { ...server, stop };
}
