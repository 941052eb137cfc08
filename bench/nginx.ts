// The repository's nginx configuration (deploy/nginx.conf), run for real by the scale bench and
// the deploy spec: its upstream lines, listen ports and certificate paths replaced with a run's own
// (each replacement must match, so a change to the file that would go untested fails loudly),
// inside a minimal main configuration with a temporary prefix (pid, logs, temporary files), nginx
// in the foreground. A self-signed certificate for 127.0.0.1 is made with openssl.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DEPLOY_CONFIG = resolve('deploy/nginx.conf');

export function findNginx(): string {
	for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) {
		if (existsSync(path)) return path;
	}
	const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
	const found = which.stdout.trim();
	if (which.status === 0 && found) return found;
	throw new Error(
		'nginx is needed: sudo apt-get install -y nginx-light (or nginx). .ci/run installs it.'
	);
}

export interface Certificate {
	cert: string;
	key: string;
	/** the certificate's PEM, for a client to trust */
	pem: string;
}

/** A self-signed certificate for 127.0.0.1 (and localhost), valid two days. */
export function selfSignedCertificate(dir: string): Certificate {
	const cert = join(dir, 'cert.pem');
	const key = join(dir, 'key.pem');
	const made = spawnSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1,DNS:localhost',
			'-keyout',
			key,
			'-out',
			cert
		],
		{ encoding: 'utf8' }
	);
	if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
	return { cert, key, pem: readFileSync(cert, 'utf8') };
}

export interface SiteOptions {
	/** the app processes' ports */
	upstreams: number[];
	httpPort: number;
	httpsPort: number;
	certificate: Certificate;
}

function replaceExactly(text: string, pattern: RegExp, by: string, times: number): string {
	const all = new RegExp(
		pattern.source,
		pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`
	);
	const found = [...text.matchAll(all)].length;
	if (found !== times) {
		throw new Error(
			`${DEPLOY_CONFIG}: expected ${times} match(es) of ${pattern}, found ${found}; ` +
				'update bench/nginx.ts with the file.'
		);
	}
	return text.replace(pattern, by);
}

/** deploy/nginx.conf with a run's upstreams, ports (on 127.0.0.1) and certificate. */
export function siteConfig(options: SiteOptions): string {
	let text = readFileSync(DEPLOY_CONFIG, 'utf8');
	const servers = options.upstreams
		.map((port) => `\tserver 127.0.0.1:${port} max_fails=1 fail_timeout=5s;\n`)
		.join('');
	// the block of server lines, in its place
	text = replaceExactly(text, /^(?:\tserver 127\.0\.0\.1:\d+ [^;\n]*;\n)+/m, servers, 1);
	text = replaceExactly(text, /^\tlisten \[::\]:(80|443 ssl);\n/gm, '', 2);
	text = replaceExactly(text, /^\tlisten 80;$/m, `\tlisten 127.0.0.1:${options.httpPort};`, 1);
	text = replaceExactly(
		text,
		/^\tlisten 443 ssl;$/m,
		`\tlisten 127.0.0.1:${options.httpsPort} ssl;`,
		1
	);
	text = replaceExactly(
		text,
		/^\tssl_certificate \S+;$/m,
		`\tssl_certificate ${options.certificate.cert};`,
		1
	);
	text = replaceExactly(
		text,
		/^\tssl_certificate_key \S+;$/m,
		`\tssl_certificate_key ${options.certificate.key};`,
		1
	);
	return text;
}

export interface RunningNginx {
	prefix: string;
	process: ChildProcess;
	/** the master's pid and its workers' */
	pids(): number[];
	stop(): Promise<void>;
}

/** Writes the main configuration around the site into a fresh prefix; returns its path. */
function writeConfig(site: string, workers: number): { prefix: string; conf: string } {
	const prefix = mkdtempSync(join(tmpdir(), 'rebuttal-lab-nginx-'));
	for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
	writeFileSync(join(prefix, 'site.conf'), site);
	const conf = join(prefix, 'nginx.conf');
	writeFileSync(
		conf,
		`daemon off;
worker_processes ${workers};
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${join(prefix, 'body')};
	proxy_temp_path ${join(prefix, 'proxy')};
	fastcgi_temp_path ${join(prefix, 'fastcgi')};
	uwsgi_temp_path ${join(prefix, 'uwsgi')};
	scgi_temp_path ${join(prefix, 'scgi')};
	include ${join(prefix, 'site.conf')};
}
`
	);
	return { prefix, conf };
}

/** `nginx -t` on the site inside the main configuration: exit code and output. */
export function testConfig(site: string): { code: number | null; output: string } {
	const { prefix, conf } = writeConfig(site, 1);
	try {
		const result = spawnSync(
			findNginx(),
			['-t', '-p', prefix, '-e', join(prefix, 'error.log'), '-c', conf],
			{ encoding: 'utf8' }
		);
		return { code: result.status, output: `${result.stdout}${result.stderr}` };
	} finally {
		rmSync(prefix, { recursive: true, force: true });
	}
}

/** Starts nginx in the foreground on the site; resolves once its https port answers. */
export async function startNginx(
	options: SiteOptions,
	settings: { workers?: number } = {}
): Promise<RunningNginx> {
	const { prefix, conf } = writeConfig(siteConfig(options), settings.workers ?? 1);
	const child = spawn(findNginx(), ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', conf], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
	const exited = new Promise((r) => child.once('exit', r));
	const errorLog = () => {
		const file = join(prefix, 'error.log');
		return existsSync(file) ? readFileSync(file, 'utf8') : '';
	};
	for (let i = 0; i < 100 && child.exitCode === null; i++) {
		const up = await fetch(`http://127.0.0.1:${options.httpPort}/`, { redirect: 'manual' }).then(
			() => true,
			() => false
		);
		if (up) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	if (child.exitCode !== null) {
		rmSync(prefix, { recursive: true, force: true });
		throw new Error(`nginx did not start: ${stderr}${errorLog()}`);
	}
	return {
		prefix,
		process: child,
		pids: () => {
			const found = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' });
			return [child.pid!, ...found.stdout.split(/\s+/).filter(Boolean).map(Number)];
		},
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGQUIT'); // graceful: finish what is in flight
				await exited;
			}
			rmSync(prefix, { recursive: true, force: true });
		}
	};
}
