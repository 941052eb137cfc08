// The class-load bench: 1,000 students join one class and hand in the letter against the built
// server on a fresh embedded database (PGlite), 20 requests in flight from 127.0.0.1; then the
// dashboard of that class, over HTTP and computed in process on the same data folder.
import { createServer as createViteServer } from 'vite';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { median, percentile, pool, succeeded, type Fetch } from './client';
import { MODULE, keyTags, setUpClass, studentSubmits, type ClassSetup } from './classroom';
import { startServer } from './server';
import { buildDefines } from '../src/build-defines';

export const LOAD_TARGETS = { p99Ms: 300, dashboardMs: 100 };

export interface ClassLoadResult {
	students: number;
	concurrency: number;
	requests: number;
	errors: number;
	errorSamples: string[];
	seconds: number;
	requestsPerSecond: number;
	latencyMs: { p50: number; p99: number; max: number };
	perStep: Record<string, { p50: number; p99: number }>;
	dashboard: {
		httpMs: number;
		loadMs: number;
		computeMs: number;
		students: number;
		submitted: number;
	};
}

export const round = (n: number) => Math.round(n * 10) / 10;

export interface DashboardProbe {
	/** loads a class's work (listStudentsWithAttempts) and computes its dashboard, timing each */
	time(classId: string): Promise<{
		loadMs: number;
		computeMs: number;
		students: number;
		submitted: number;
	}>;
	close(): Promise<void>;
}

/**
 * The dashboard's own code in this process (through Vite, as the app's modules need), on the
 * database the environment names: a data folder no server holds, or a PostgreSQL a load runs on.
 */
export async function openDashboardProbe(
	env: { DATA_DIR: string } | { DATABASE_URL: string }
): Promise<DashboardProbe> {
	if ('DATA_DIR' in env) {
		process.env.DATA_DIR = env.DATA_DIR;
		delete process.env.DATABASE_URL;
	} else process.env.DATABASE_URL = env.DATABASE_URL;
	const vite = await createViteServer({
		configFile: false,
		root: process.cwd(),
		logLevel: 'error',
		appType: 'custom',
		resolve: { alias: { $lib: resolve('src/lib') } },
		define: buildDefines(),
		server: { middlewareMode: true, hmr: false, ws: false, watch: null }
	});
	const classes = await vite.ssrLoadModule('/src/lib/server/repo/classes.ts');
	const content = await vite.ssrLoadModule('/src/lib/server/content.ts');
	const caseModule = await vite.ssrLoadModule('/src/lib/content/case.ts');
	const dash = await vite.ssrLoadModule('/src/lib/exercises/dashboard.ts');
	const db = await vite.ssrLoadModule('/src/lib/server/db/client.ts');
	const c = content.getCase(MODULE);
	const key = content.getKeys(c).letter;
	const ids = caseModule.itemIds(c, 'letter');
	const lessons = c.lessons.map(({ slug, title, number }: Record<string, unknown>) => ({
		slug,
		title,
		number
	}));
	return {
		time: async (classId) => {
			const [assignment] = await classes.listAssignments(classId);
			let t = performance.now();
			const students = await classes.listStudentsWithAttempts(assignment.id);
			const loadMs = performance.now() - t;
			t = performance.now();
			const result = dash.computeDashboard(students, key, ids, lessons, 'letter');
			const computeMs = performance.now() - t;
			return { loadMs, computeMs, students: result.students.length, submitted: result.submitted };
		},
		close: async () => {
			await db.closeDatabase();
			await vite.close();
		}
	};
}

/** Times the dashboard in this process, on the data folder the stopped server left behind. */
async function dashboardInProcess(dataDir: string, classId: string) {
	const probe = await openDashboardProbe({ DATA_DIR: dataDir });
	try {
		const runs = [];
		for (let run = 0; run < 5; run++) runs.push(await probe.time(classId));
		return {
			loadMs: median(runs.map((r) => r.loadMs)),
			computeMs: median(runs.map((r) => r.computeMs)),
			students: runs[0]!.students,
			submitted: runs[0]!.submitted
		};
	} finally {
		await probe.close();
	}
}

export interface DrivenClass {
	setup: ClassSetup;
	requests: number;
	errors: number;
	errorSamples: string[];
	seconds: number;
	latencies: number[];
	steps: Record<'join' | 'page' | 'grade', number[]>;
}

/**
 * One class through `base`: an instructor sets it up, then `students` join, open the exercise and
 * hand in every tag, `concurrency` at a time (a closed loop), each over `fetch` when given.
 */
export async function driveClass(
	base: string,
	students: number,
	concurrency: number,
	fetch?: Fetch
): Promise<DrivenClass> {
	const setup = await setUpClass(base, { className: 'Load test', fetch });
	const latencies: number[] = [];
	const steps: DrivenClass['steps'] = { join: [], page: [], grade: [] };
	const errorSamples: string[] = [];
	let errors = 0;
	let requests = 0;
	const started = performance.now();
	await pool(students, concurrency, async (i) => {
		const nickname = `Student ${String(i + 1).padStart(4, '0')}`;
		try {
			const run = await studentSubmits(base, setup.code, nickname, keyTags, fetch);
			requests += 1 + (run.page ? 1 : 0) + (run.grade ? 1 : 0);
			latencies.push(run.join.ms);
			steps.join.push(run.join.ms);
			if (run.page) {
				latencies.push(run.page.ms);
				steps.page.push(run.page.ms);
			}
			if (run.grade) {
				latencies.push(run.grade.ms);
				steps.grade.push(run.grade.ms);
			}
			const bad = [run.join, run.grade].find((r) => !r || !succeeded(r));
			const pageBad = run.page && run.page.status !== 200;
			if (bad || pageBad) {
				errors++;
				if (errorSamples.length < 5) {
					errorSamples.push(
						`${nickname}: ${bad ? `${bad.status} ${bad.text.slice(0, 200)}` : `page ${run.page?.status}`}`
					);
				}
			}
		} catch (error) {
			errors++;
			requests++;
			if (errorSamples.length < 5) errorSamples.push(`${nickname}: ${String(error)}`);
		}
	});
	const seconds = (performance.now() - started) / 1000;
	return { setup, requests, errors, errorSamples, seconds, latencies, steps };
}

/** Percentiles of a driven class, rounded for the results file. */
export function summarise(driven: DrivenClass) {
	return {
		requests: driven.requests,
		errors: driven.errors,
		errorSamples: driven.errorSamples,
		seconds: round(driven.seconds),
		requestsPerSecond: round(driven.requests / driven.seconds),
		latencyMs: {
			p50: round(percentile(driven.latencies, 50)),
			p99: round(percentile(driven.latencies, 99)),
			max: round(Math.max(...driven.latencies))
		},
		perStep: Object.fromEntries(
			Object.entries(driven.steps).map(([k, v]) => [
				k,
				{ p50: round(percentile(v, 50)), p99: round(percentile(v, 99)) }
			])
		)
	};
}

export async function runClassLoad(students = 1000, concurrency = 20): Promise<ClassLoadResult> {
	const server = await startServer();
	let driven: DrivenClass;
	let httpMs: number;
	try {
		driven = await driveClass(server.url, students, concurrency);
		const dashboardUrl = `${driven.setup.classUrl}/dashboard`;
		const times: number[] = [];
		for (let run = 0; run < 5; run++) {
			const response = await driven.setup.instructor.get(dashboardUrl);
			if (response.status !== 200) throw new Error(`dashboard: ${response.status}`);
			times.push(response.ms);
		}
		httpMs = median(times);
	} finally {
		await server.stop();
	}
	const inProcess = await dashboardInProcess(server.dataDir, driven.setup.classId);
	rmSync(server.dataDir, { recursive: true, force: true });
	return {
		students,
		concurrency,
		...summarise(driven),
		dashboard: {
			httpMs: round(httpMs),
			loadMs: round(inProcess.loadMs),
			computeMs: round(inProcess.computeMs),
			students: inProcess.students,
			submitted: inProcess.submitted
		}
	};
}

/** Prints the class-load table with the targets. */
export function printClassLoad(r: ClassLoadResult) {
	const ok = (met: boolean) => (met ? 'ok' : 'MISSED');
	console.log(
		`\nClass load: ${r.students} students join and hand in the letter, ${r.concurrency} in flight`
	);
	console.table([
		{ measure: 'requests', value: r.requests, target: '' },
		{ measure: 'throughput (req/s)', value: r.requestsPerSecond, target: '' },
		{ measure: 'errors', value: r.errors, target: `0 ${ok(r.errors === 0)}` },
		{ measure: 'latency p50 (ms)', value: r.latencyMs.p50, target: '' },
		{
			measure: 'latency p99 (ms)',
			value: r.latencyMs.p99,
			target: `< ${LOAD_TARGETS.p99Ms} ${ok(r.latencyMs.p99 < LOAD_TARGETS.p99Ms)}`
		},
		...Object.entries(r.perStep).map(([step, s]) => ({
			measure: `  ${step} p50 / p99 (ms)`,
			value: `${s.p50} / ${s.p99}`,
			target: ''
		})),
		{
			measure: 'dashboard page, HTTP (ms, median of 5)',
			value: r.dashboard.httpMs,
			target: `< ${LOAD_TARGETS.dashboardMs} ${ok(r.dashboard.httpMs < LOAD_TARGETS.dashboardMs)}`
		},
		{
			measure: 'listStudentsWithAttempts (ms, median of 5)',
			value: r.dashboard.loadMs,
			target: ''
		},
		{
			measure: 'computeDashboard (ms, median of 5)',
			value: r.dashboard.computeMs,
			target: `< ${LOAD_TARGETS.dashboardMs} ${ok(r.dashboard.computeMs < LOAD_TARGETS.dashboardMs)}`
		}
	]);
	for (const sample of r.errorSamples) console.log(`  error: ${sample}`);
}
