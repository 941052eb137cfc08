// npm run bench -- --scale (and --district): past one machine. A throwaway PostgreSQL cluster
// (scripts/test-postgres.ts, durable: fsync on, as in production), 1, 2 and 4 app processes, and
// nginx running deploy/nginx.conf (https, a self-signed certificate) in front of them; the class
// load (bench/class-load.ts: 1,000 students join and hand in, 20 in flight) through nginx, and once
// straight to one process for comparison. Each run gives throughput, p50/p99 and where the CPU went
// (nginx, PostgreSQL, the app processes, the load client, and other work on the machine), since on
// a small machine the cores, not the design, set the ceiling. Then a district: 300 classes of 30
// students (9,000) join and hand in on one PostgreSQL, arriving class by class over ten minutes
// (an open loop: each student when due, however slow the server), while an instructor's dashboard
// of a finished 30-student class is timed over and over.
import { cpus, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { startTestPostgres, type TestPostgres } from '../scripts/test-postgres';
import { driveClass, openDashboardProbe, round, summarise } from './class-load';
import { addClass, keyTags, signUpInstructor, studentSubmits, type ClassSetup } from './classroom';
import { median, percentile, pool, succeeded, type Fetch } from './client';
import { CORES, startCpu, type CpuShare } from './cpu';
import { selfSignedCertificate, startNginx, type Certificate, type RunningNginx } from './nginx';
import { freePort, startServer, type RunningServer } from './server';
import { agentFetch } from './transport';

export const DISTRICT_TARGETS = { p99Ms: 300, dashboardMs: 50 };

export interface ScaleRow {
	processes: number;
	via: 'nginx, https' | 'direct, http';
	students: number;
	concurrency: number;
	requests: number;
	errors: number;
	errorSamples: string[];
	seconds: number;
	requestsPerSecond: number;
	latencyMs: { p50: number; p99: number; max: number };
	perStep: Record<string, { p50: number; p99: number }>;
	cpu: CpuShare;
	/** CPU milliseconds per request of each component, and what the machine's cores could serve
	 * if the server side (nginx, PostgreSQL, the app) had them to itself */
	cost: Cost;
}

export interface Cost {
	msPerRequest: Record<string, number>;
	serverMsPerRequest: number;
	coresCouldServe: number;
}

function costOf(cpu: CpuShare, requests: number): Cost {
	const msPerRequest = Object.fromEntries(
		Object.entries(cpu.seconds).map(([name, s]) => [name, round((s * 1000) / requests)])
	);
	const server = Object.entries(cpu.seconds)
		.filter(([name]) => name !== 'load client')
		.reduce((sum, [, s]) => sum + s, 0);
	const serverMs = (server * 1000) / requests;
	return {
		msPerRequest,
		serverMsPerRequest: round(serverMs),
		coresCouldServe: Math.round((CORES * 1000) / serverMs)
	};
}

export interface DistrictResult {
	processes: number;
	classes: number;
	studentsPerClass: number;
	students: number;
	instructors: number;
	windowSeconds: number;
	arrivalsPerSecond: number;
	requests: number;
	errors: number;
	errorSamples: string[];
	seconds: number;
	requestsPerSecond: number;
	latencyMs: { p50: number; p99: number; max: number };
	perStep: Record<string, { p50: number; p99: number }>;
	maxInFlight: number;
	cost: Cost;
	/** how late the load client started students against their schedule */
	startLagMs: { p99: number; max: number };
	/** a finished class's dashboard under the load: the page over https, and its computation
	 * (the class's work loaded from PostgreSQL, then computeDashboard) in this process */
	dashboard: {
		samples: number;
		students: number;
		pageMs: { p50: number; p99: number; max: number };
		computedMs: { p50: number; p99: number; max: number };
	};
	cpu: CpuShare;
}

interface Stack {
	base: string;
	databaseUrl: string;
	apps: RunningServer[];
	nginx?: RunningNginx;
	fetchFor(localAddress?: string): Fetch;
	stop(): Promise<void>;
}

async function freshDatabase(cluster: TestPostgres, name: string) {
	const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	await admin.end({ timeout: 5 });
	const url = new URL(cluster.url);
	url.pathname = `/${name}`;
	return url.toString();
}

/** `processes` app processes on a fresh database, behind nginx (or one, straight). */
async function startStack(
	cluster: TestPostgres,
	certificate: Certificate,
	processes: number,
	viaNginx: boolean
): Promise<Stack> {
	const databaseUrl = await freshDatabase(cluster, `scale_${processes}_${viaNginx ? 'n' : 'd'}`);
	const apps: RunningServer[] = [];
	const fetchers: ReturnType<typeof agentFetch>[] = [];
	const stopAll = async (nginx?: RunningNginx) => {
		for (const f of fetchers) f.destroy();
		await nginx?.stop();
		for (const app of apps) {
			await app.stop();
			rmSync(app.dataDir, { recursive: true, force: true });
		}
	};
	try {
		if (!viaNginx) {
			apps.push(await startServer({ DATABASE_URL: databaseUrl }));
			const fetch = agentFetch();
			fetchers.push(fetch);
			return {
				base: apps[0]!.url,
				databaseUrl,
				apps,
				fetchFor: () => fetch,
				stop: () => stopAll()
			};
		}
		const site = {
			upstreams: await Promise.all(Array.from({ length: processes }, () => freePort())),
			httpPort: await freePort(),
			httpsPort: await freePort(),
			certificate
		};
		const base = `https://127.0.0.1:${site.httpsPort}`;
		for (const port of site.upstreams) {
			apps.push(
				await startServer({
					PORT: String(port),
					DATABASE_URL: databaseUrl,
					ORIGIN: base,
					ADDRESS_HEADER: 'x-forwarded-for',
					XFF_DEPTH: '1'
				})
			);
		}
		const nginx = await startNginx(site, { workers: CORES });
		const byAddress = new Map<string, Fetch>();
		return {
			base,
			databaseUrl,
			apps,
			nginx,
			fetchFor: (localAddress = '127.0.0.1') => {
				let fetch = byAddress.get(localAddress);
				if (!fetch) {
					const made = agentFetch({ ca: certificate.pem, localAddress, maxSockets: 256 });
					fetchers.push(made);
					byAddress.set(localAddress, made);
					fetch = made;
				}
				return fetch;
			},
			stop: () => stopAll(nginx)
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

function cpuOf(stack: Stack, cluster: TestPostgres) {
	return startCpu({
		nginx: () => stack.nginx?.pids() ?? [],
		PostgreSQL: () => [cluster.pid()],
		'app processes': () => stack.apps.map((a) => a.process.pid!)
	});
}

/** The class load through a stack of `processes` app processes. */
async function scaleRow(
	cluster: TestPostgres,
	certificate: Certificate,
	processes: number,
	viaNginx: boolean,
	students: number,
	concurrency: number
): Promise<ScaleRow> {
	const stack = await startStack(cluster, certificate, processes, viaNginx);
	try {
		const fetch = stack.fetchFor();
		// warm up: each process renders the pages once, and the connections are made
		await driveClass(stack.base, 4 * processes, Math.min(concurrency, 4 * processes), fetch);
		const measure = cpuOf(stack, cluster);
		const driven = await driveClass(stack.base, students, concurrency, fetch);
		const cpu = measure();
		return {
			processes,
			via: viaNginx ? 'nginx, https' : 'direct, http',
			students,
			concurrency,
			...summarise(driven),
			cpu,
			cost: costOf(cpu, driven.requests)
		};
	} finally {
		await stack.stop();
	}
}

const spreadOf = (samples: number[]) => ({
	p50: round(median(samples)),
	p99: round(percentile(samples, 99)),
	max: round(Math.max(...samples))
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** 300 classes of 30 students on one database, an open loop, dashboards timed under the load. */
async function district(
	cluster: TestPostgres,
	certificate: Certificate,
	options: {
		processes: number;
		classes: number;
		perClass: number;
		instructors: number;
		windowSeconds: number;
	}
): Promise<DistrictResult> {
	const { processes, classes, perClass, instructors, windowSeconds } = options;
	const stack = await startStack(cluster, certificate, processes, true);
	try {
		// the instructors sign up through the real forms: sign-up allows 30 accounts per address an
		// hour, so they come from a few addresses, as teachers in several schools would
		console.log(`  setting up ${instructors} instructors and ${classes} classes...`);
		const teachers = await pool(instructors, 8, (i) =>
			signUpInstructor(stack.base, {
				displayName: `Teacher ${i + 1}`,
				fetch: stack.fetchFor(`127.0.0.${10 + Math.floor(i / 25)}`)
			})
		);
		const setups: ClassSetup[] = await pool(classes, 8, (c) =>
			addClass(teachers[c % instructors]!, { className: `Class ${c + 1}` })
		);

		// each class starts at its own moment of the window; its students arrive within 20 s
		const spread = Math.min(20, windowSeconds / 4);
		const arrivals: { at: number; cls: number; student: number }[] = [];
		for (let c = 0; c < classes; c++) {
			const start = (c / classes) * (windowSeconds - spread);
			for (let s = 0; s < perClass; s++) {
				arrivals.push({
					at: (start + ((s + Math.random()) / perClass) * spread) * 1000,
					cls: c,
					student: s
				});
			}
		}
		arrivals.sort((a, b) => a.at - b.at);

		const latencies: number[] = [];
		const steps: Record<string, number[]> = { join: [], page: [], grade: [] };
		const errorSamples: string[] = [];
		const lags: number[] = [];
		const handedIn = new Array<number>(classes).fill(0);
		const finished: number[] = [];
		const pages: number[] = [];
		const computed: number[] = [];
		const probe = await openDashboardProbe({ DATABASE_URL: stack.databaseUrl });
		let errors = 0;
		let requests = 0;
		let inFlight = 0;
		let maxInFlight = 0;
		let running = true;

		const fetch = stack.fetchFor();
		const measure = cpuOf(stack, cluster);
		const started = performance.now();

		// an instructor opens the dashboard of a class that has just finished, every 2 s
		const sampler = (async () => {
			let next = 0;
			while (running) {
				await sleep(2000);
				const cls = finished[Math.min(next, finished.length - 1)];
				if (cls === undefined) continue;
				next = finished.length;
				const setup = setups[cls]!;
				const page = await setup.instructor.get(`${setup.classUrl}/dashboard`);
				if (page.status === 200) pages.push(page.ms);
				else {
					errors++;
					if (errorSamples.length < 5) errorSamples.push(`dashboard: ${page.status}`);
				}
				const timed = await probe.time(setup.classId);
				if (timed.students === perClass && timed.submitted === perClass) {
					computed.push(timed.loadMs + timed.computeMs);
				} else {
					errors++;
					errorSamples.push(`dashboard: ${timed.students} students, ${timed.submitted} handed in`);
				}
			}
		})();

		const sessions: Promise<void>[] = [];
		for (const arrival of arrivals) {
			await sleep(arrival.at - (performance.now() - started));
			lags.push(performance.now() - started - arrival.at);
			const setup = setups[arrival.cls]!;
			const nickname = `Student ${String(arrival.student + 1).padStart(2, '0')}`;
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			sessions.push(
				studentSubmits(stack.base, setup.code, nickname, keyTags, fetch)
					.then((run) => {
						requests += 1 + (run.page ? 1 : 0) + (run.grade ? 1 : 0);
						for (const [step, r] of [
							['join', run.join],
							['page', run.page],
							['grade', run.grade]
						] as const) {
							if (!r) continue;
							latencies.push(r.ms);
							steps[step]!.push(r.ms);
						}
						const bad = [run.join, run.grade].find((r) => !r || !succeeded(r));
						if (bad || run.page?.status !== 200) {
							errors++;
							if (errorSamples.length < 5) {
								errorSamples.push(
									`${setup.code} ${nickname}: ${bad?.status} ${bad?.text.slice(0, 160)}`
								);
							}
						} else if (++handedIn[arrival.cls]! === perClass) finished.push(arrival.cls);
					})
					.catch((error) => {
						errors++;
						requests++;
						if (errorSamples.length < 5) errorSamples.push(`${nickname}: ${String(error)}`);
					})
					.finally(() => inFlight--)
			);
		}
		await Promise.all(sessions);
		const seconds = (performance.now() - started) / 1000;
		running = false;
		await sampler;
		const cpu = measure();
		await probe.close();
		const students = perClass * classes;
		return {
			processes,
			classes,
			studentsPerClass: perClass,
			students,
			instructors,
			windowSeconds,
			arrivalsPerSecond: round(students / (windowSeconds || 1)),
			requests,
			errors,
			errorSamples,
			seconds: round(seconds),
			requestsPerSecond: round(requests / seconds),
			latencyMs: {
				p50: round(percentile(latencies, 50)),
				p99: round(percentile(latencies, 99)),
				max: round(Math.max(...latencies))
			},
			perStep: Object.fromEntries(
				Object.entries(steps).map(([k, v]) => [
					k,
					{ p50: round(percentile(v, 50)), p99: round(percentile(v, 99)) }
				])
			),
			maxInFlight,
			cost: costOf(cpu, requests),
			startLagMs: { p99: round(percentile(lags, 99)), max: round(Math.max(...lags)) },
			dashboard: {
				samples: pages.length,
				students: perClass,
				pageMs: spreadOf(pages),
				computedMs: spreadOf(computed)
			},
			cpu
		};
	} finally {
		await stack.stop();
	}
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function cpuColumns(cpu: CpuShare) {
	return {
		nginx: pct(cpu.share.nginx ?? 0),
		PostgreSQL: pct(cpu.share.PostgreSQL ?? 0),
		app: pct(cpu.share['app processes'] ?? 0),
		client: pct(cpu.share['load client'] ?? 0),
		'other work': pct(cpu.otherWork),
		'machine busy': pct(cpu.machineBusy)
	};
}

export function printScale(rows: ScaleRow[]) {
	console.log(
		`\nScale: the class load (${rows[0]?.students} students, ${rows[0]?.concurrency} in flight) on PostgreSQL; CPU as a share of ${CORES} cores`
	);
	console.table(
		rows.map((r) => ({
			processes: r.processes,
			via: r.via,
			'req/s': r.requestsPerSecond,
			'p50 (ms)': r.latencyMs.p50,
			'p99 (ms)': r.latencyMs.p99,
			errors: r.errors,
			...cpuColumns(r.cpu),
			'server CPU ms/req': r.cost.serverMsPerRequest,
			[`${CORES} cores could serve (req/s)`]: r.cost.coresCouldServe
		}))
	);
	for (const r of rows) for (const e of r.errorSamples) console.log(`  error: ${e}`);
}

export function printDistrict(d: DistrictResult) {
	const ok = (met: boolean) => (met ? 'ok' : 'MISSED');
	console.log(
		`\nDistrict: ${d.classes} classes of ${d.studentsPerClass} (${d.students} students) on PostgreSQL, ${d.processes} app processes behind nginx, arriving over ${d.windowSeconds} s`
	);
	console.table([
		{ measure: 'requests', value: d.requests, target: '' },
		{ measure: 'throughput (req/s)', value: d.requestsPerSecond, target: '' },
		{ measure: 'errors', value: d.errors, target: `0 ${ok(d.errors === 0)}` },
		{ measure: 'latency p50 (ms)', value: d.latencyMs.p50, target: '' },
		{
			measure: 'latency p99 (ms)',
			value: d.latencyMs.p99,
			target: `< ${DISTRICT_TARGETS.p99Ms} ${ok(d.latencyMs.p99 < DISTRICT_TARGETS.p99Ms)}`
		},
		...Object.entries(d.perStep).map(([step, s]) => ({
			measure: `  ${step} p50 / p99 (ms)`,
			value: `${s.p50} / ${s.p99}`,
			target: ''
		})),
		{ measure: 'most requests in flight', value: d.maxInFlight, target: '' },
		{
			measure: 'start lag p99 / max (ms)',
			value: `${d.startLagMs.p99} / ${d.startLagMs.max}`,
			target: ''
		},
		{
			measure: `dashboard of ${d.dashboard.students} students under load, computed, p50 / p99 (ms, ${d.dashboard.samples} samples)`,
			value: `${d.dashboard.computedMs.p50} / ${d.dashboard.computedMs.p99}`,
			target: `< ${DISTRICT_TARGETS.dashboardMs} ${ok(d.dashboard.computedMs.p99 < DISTRICT_TARGETS.dashboardMs)}`
		},
		{
			measure: '  the whole page over https, p50 / p99 (ms)',
			value: `${d.dashboard.pageMs.p50} / ${d.dashboard.pageMs.p99}`,
			target: ''
		}
	]);
	console.log('CPU', cpuColumns(d.cpu));
	console.log(
		`Server CPU per request: ${d.cost.serverMsPerRequest} ms (${JSON.stringify(d.cost.msPerRequest)}); ` +
			`${CORES} cores to themselves could serve about ${d.cost.coresCouldServe} req/s.`
	);
	for (const e of d.errorSamples) console.log(`  error: ${e}`);
}

export interface ScaleOptions {
	scale: boolean;
	district: boolean;
	counts?: number[];
	students?: number;
	concurrency?: number;
	districtProcesses?: number;
	districtWindowSeconds?: number;
	classes?: number;
	perClass?: number;
}

export async function runScale(options: ScaleOptions) {
	const cluster = await startTestPostgres({
		database: 'rebuttal_lab_bench',
		durable: true,
		settings: { max_connections: '200' }
	});
	const certDir = mkdtempSync(join(tmpdir(), 'rebuttal-lab-cert-'));
	const certificate = selfSignedCertificate(certDir);
	const results: {
		machine: Record<string, unknown>;
		scale?: ScaleRow[];
		district?: DistrictResult;
	} = {
		machine: {
			cpus: cpus().length,
			cpu: cpus()[0]?.model,
			memoryGiB: Math.round(totalmem() / 2 ** 30),
			node: process.version,
			postgres: cluster.bindir
		}
	};
	try {
		if (options.scale) {
			const students = options.students ?? 1000;
			const concurrency = options.concurrency ?? 20;
			const rows: ScaleRow[] = [];
			console.log('\nScale runs...');
			rows.push(await scaleRow(cluster, certificate, 1, false, students, concurrency));
			for (const n of options.counts ?? [1, 2, 4]) {
				rows.push(await scaleRow(cluster, certificate, n, true, students, concurrency));
			}
			results.scale = rows;
			printScale(rows);
		}
		if (options.district) {
			console.log('\nDistrict run...');
			results.district = await district(cluster, certificate, {
				processes: options.districtProcesses ?? 2,
				classes: options.classes ?? 300,
				perClass: options.perClass ?? 30,
				instructors: Math.max(1, Math.round((options.classes ?? 300) / 3)),
				windowSeconds: options.districtWindowSeconds ?? 600
			});
			printDistrict(results.district);
		}
	} finally {
		await cluster.stop();
		rmSync(certDir, { recursive: true, force: true });
	}
	return results;
}
