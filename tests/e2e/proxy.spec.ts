// Behind a real reverse proxy (nginx, no browser, servers of their own): with ADDRESS_HEADER set,
// two visitors at different addresses (127.0.0.2 and 127.0.0.3, through the same nginx) have limits
// of their own, so one student's wrong passwords lock out no one else; without it, both are the
// proxy's address and share one bucket. nginx runs in the foreground on free ports with a
// temporary prefix, configuration, pid and logs. A missing nginx fails the test, saying so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startServer, type RunningServer } from '../../bench/server';
import { refusedStart } from './servers';

const PASSWORD = 'correct horse battery staple';

function findNginx(): string {
	for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) {
		if (existsSync(path)) return path;
	}
	const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
	const found = which.stdout.trim();
	if (which.status === 0 && found) return found;
	throw new Error(
		'This test needs nginx: sudo apt-get install -y nginx-light (or nginx). .ci/run installs it.'
	);
}

/** nginx in the foreground, proxying each of its ports to one app, as a school's proxy would. */
async function startNginx(routes: { port: number; upstream: string }[]) {
	const prefix = mkdtempSync(join(tmpdir(), 'rebuttal-lab-nginx-'));
	for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
	const servers = routes
		.map(
			({ port, upstream }) => `
		server {
			listen 127.0.0.1:${port};
			location / {
				proxy_pass ${upstream};
				proxy_set_header Host $http_host;
				proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				proxy_set_header X-Forwarded-Proto $scheme;
			}
		}`
		)
		.join('\n');
	const conf = join(prefix, 'nginx.conf');
	writeFileSync(
		conf,
		`daemon off;
master_process off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 256; }
http {
	access_log ${join(prefix, 'access.log')};
	client_body_temp_path ${join(prefix, 'body')};
	proxy_temp_path ${join(prefix, 'proxy')};
	fastcgi_temp_path ${join(prefix, 'fastcgi')};
	uwsgi_temp_path ${join(prefix, 'uwsgi')};
	scgi_temp_path ${join(prefix, 'scgi')};
	${servers}
}
`
	);
	const nginx: ChildProcess = spawn(findNginx(), ['-p', prefix, '-c', conf], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	nginx.stderr?.on('data', (chunk) => (stderr += String(chunk)));
	for (let i = 0; i < 100; i++) {
		if (nginx.exitCode !== null) break;
		try {
			await post(`http://127.0.0.1:${routes[0]!.port}/healthz`, '127.0.0.2', null);
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	if (nginx.exitCode !== null) {
		throw new Error(
			`nginx did not start: ${stderr}${readFileSync(join(prefix, 'error.log'), 'utf8')}`
		);
	}
	return {
		stop: async () => {
			if (nginx.exitCode === null) {
				const gone = new Promise((r) => nginx.once('exit', r));
				nginx.kill('SIGTERM');
				await gone;
			}
			rmSync(prefix, { recursive: true, force: true });
		}
	};
}

/** A request from a given local address (GET when `form` is null); status and the JSON body. */
function post(
	url: string,
	from: string,
	form: Record<string, string> | null
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const body = form ? new URLSearchParams(form).toString() : undefined;
		const target = new URL(url);
		const req = request(
			url,
			{
				method: form ? 'POST' : 'GET',
				localAddress: from,
				headers: form
					? {
							origin: target.origin,
							accept: 'application/json',
							'content-type': 'application/x-www-form-urlencoded'
						}
					: {}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** The status of an action: the HTTP status of an error, else the one in SvelteKit's envelope. */
const actionStatus = (r: { status: number; body: string }) => {
	if (r.status >= 400) return r.status;
	const envelope = JSON.parse(r.body) as { type: string; status?: number };
	return envelope.type === 'redirect' ? 303 : (envelope.status ?? r.status);
};

test('behind nginx, ADDRESS_HEADER keeps two visitors apart; without it they share one bucket', async () => {
	test.setTimeout(180_000);
	const apps: RunningServer[] = [];
	let nginx: { stop(): Promise<void> } | undefined;
	try {
		const configured = await startServer({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
		apps.push(configured);
		const plain = await startServer();
		apps.push(plain);
		const [withSetting, withoutSetting] = [await freePort(), await freePort()];
		nginx = await startNginx([
			{ port: withSetting, upstream: configured.url },
			{ port: withoutSetting, upstream: plain.url }
		]);

		for (const [port, separate] of [
			[withSetting, true],
			[withoutSetting, false]
		] as const) {
			const base = `http://127.0.0.1:${port}`;
			const email = `proxied-${randomUUID()}@example.org`;
			const signedUp = await post(`${base}/instructor/signup`, '127.0.0.2', {
				email,
				displayName: 'Proxied',
				password: PASSWORD
			});
			expect(actionStatus(signedUp), signedUp.body).toBeLessThan(400);
			// one student at 127.0.0.2 gets the password wrong five times: locked out
			for (let i = 0; i < 5; i++) {
				const wrong = await post(`${base}/instructor/signin`, '127.0.0.2', {
					email,
					password: 'not the password'
				});
				expect(actionStatus(wrong)).toBe(400);
			}
			const locked = await post(`${base}/instructor/signin`, '127.0.0.2', {
				email,
				password: PASSWORD
			});
			expect(actionStatus(locked)).toBe(429);
			// the instructor at 127.0.0.3 signs in: with the setting, another bucket
			const other = await post(`${base}/instructor/signin`, '127.0.0.3', {
				email,
				password: PASSWORD
			});
			expect(actionStatus(other), `separate buckets: ${separate}`).toBe(separate ? 303 : 429);
		}

		// a request that bypasses the proxy lacks the header: a clear 400, not a 500
		const direct = await post(`${configured.url}/instructor/signin`, '127.0.0.2', {
			email: 'someone@example.org',
			password: 'x'
		});
		expect(actionStatus(direct)).toBe(400);
		expect(direct.body).toContain('ADDRESS_HEADER');
	} finally {
		await nginx?.stop();
		for (const app of apps) {
			await app.stop();
			rmSync(app.dataDir, { recursive: true, force: true });
		}
	}
});

test('a wrong ADDRESS_HEADER, XFF_DEPTH or SIGNUP_LIMIT stops the start with a message naming it', async () => {
	for (const [env, message] of [
		[{ SIGNUP_LIMIT: 'many' }, 'SIGNUP_LIMIT must be a whole number'],
		[{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' }, 'XFF_DEPTH must be a whole number'],
		[{ ADDRESS_HEADER: 'x forwarded for' }, 'ADDRESS_HEADER must be a header name']
	] as const) {
		const started = await refusedStart(env);
		expect(started.code).toBe(1);
		expect(started.listened).toBe(false);
		expect(started.output).toContain(message);
	}
});
