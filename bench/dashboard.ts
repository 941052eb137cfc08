// The dashboard bench (issue 13): a class whose students have done every exercise (the pre-check,
// the warm-up, the letter, the allegation map, the timeline ordering, a lesson's check, the truth
// sandwich, the post-check, and some lessons marked done), seeded through the real forms against
// the built server on a fresh embedded database (PGlite), 20 requests in flight; then the class
// dashboard over HTTP and the same work in process (the queries, then everything the page's load
// computes), median of 5 each. Run for 30 and for 1,000 students.
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { loadCase } from '../src/lib/content/case';
import { readCaseFiles } from '../src/lib/content/folder';
import { correctOrder } from '../src/lib/exercises/order/scoring';
import { buildDefines } from '../src/build-defines';
import { Client, median, pool, succeeded, type FormFields } from './client';
import { MODULE, setUpClass } from './classroom';
import { round } from './class-load';
import { startServer } from './server';

/** Targets of issue 13: the dashboard page, every exercise done. */
export const DASHBOARD_TARGETS: Record<number, number> = { 30: 50, 1000: 100 };
export const DASHBOARD_CLASSES = [30, 1000];

const loaded = loadCase(MODULE, readCaseFiles(`lessons/${MODULE}`));
const TAGS = ['evidence', 'assertion', 'deflection'] as const;

/** A set's items with their key's tag, in order. */
function keyed(set: 'letter' | 'practice' | 'precheck' | 'postcheck') {
	const key = loaded.keys[set]!;
	return [...key.keys()].map((id) => ({ id, tag: key.get(id)!.tag }));
}
const SETS = {
	precheck: keyed('precheck'),
	practice: keyed('practice'),
	letter: keyed('letter'),
	postcheck: keyed('postcheck')
};
const claims = loaded.case.sentences.filter((s) => s.role === 'claim').map((s) => s.id);
const links = new Map(claims.map((id) => [id, loaded.keys.letter.get(id)?.answers ?? []]));
const order = correctOrder((loaded.case.timeline?.events ?? []).filter((e) => e.orderExercise));
const lessons = loaded.case.lessons;
const checked = lessons.find((l) => l.checks.length > 0)!;
const RUBRIC = ['fact', 'warning', 'fallacy', 'fairness', 'clarity'];

/**
 * Student i's tags: the key's, but every item where (i + j) % 4 is 0 gets the next tag, so the
 * class spreads over the bands and the distribution has something to show.
 */
function tagFields(i: number, items: { id: string; tag: string }[]): FormFields {
	const fields: FormFields = { mode: 'set', attempt: randomUUID() };
	items.forEach(({ id, tag }, j) => {
		const wrong = (i + j) % 4 === 0;
		fields[`tag-${id}`] = wrong ? TAGS[(TAGS.indexOf(tag as never) + 1) % 3]! : tag;
	});
	return fields;
}

/** Student i's map: the key's links, but "none of them" on every fifth sentence (shifted by i). */
function mapFields(i: number): FormFields {
	const fields: FormFields = {};
	claims.forEach((id, j) => {
		const given = (i + j) % 5 === 0 ? [] : links.get(id)!;
		fields[`links-${id}`] = given.length ? [...given] : ['none'];
	});
	return fields;
}

/** Student i's order: the true one with two neighbours swapped (which two depends on i). */
function orderFields(i: number): FormFields {
	const given = [...order];
	const at = i % (given.length - 1);
	[given[at], given[at + 1]] = [given[at + 1]!, given[at]!];
	return Object.fromEntries(given.map((id, p) => [`position-${id}`, String(p + 1)]));
}

/** Every exercise of the module for student i: the requests, in the order a student meets them. */
function studentWork(i: number): [string, FormFields][] {
	const m = `/m/${MODULE}`;
	return [
		[`${m}/precheck?/grade`, tagFields(i, SETS.precheck)],
		[`${m}/practice?/grade`, tagFields(i, SETS.practice)],
		[`${m}/tag?/grade`, tagFields(i, SETS.letter)],
		[`${m}/map?/grade`, mapFields(i)],
		[`${m}/timeline/order?/grade`, orderFields(i)],
		[
			`${m}/lessons/${checked.slug}?/check`,
			{ check: checked.checks[0]!.id, answer: `Student ${i}: the reports are not public.` }
		],
		[
			`${m}/sandwich?/handIn`,
			{
				text: 'The reports span 2010 to 2016. The letter says four years ago. It squeezes six years into one moment. They span 2010 to 2016.',
				...Object.fromEntries(RUBRIC.map((id, r) => [`rubric-${id}`, String((i + r) % 3)]))
			}
		],
		[`${m}/postcheck?/grade`, tagFields(i + 1, SETS.postcheck)],
		// lessons marked done: none for some students, all of them for others
		...lessons
			.slice(0, i % (lessons.length + 1))
			.map((l): [string, FormFields] => [`${m}/lessons/${l.slug}?/done`, {}])
	];
}

export interface DashboardRow {
	students: number;
	/** the seeding's requests and failures (should be 0) */
	requests: number;
	errors: number;
	errorSamples: string[];
	seedSeconds: number;
	/** the dashboard page over HTTP, median of 5 */
	httpMs: number;
	/** in process: the page's queries for the class's work (answers, lessons, maps and orders) */
	queryMs: number;
	/** in process: the whole of the page's load (the queries and the computation) */
	loadMs: number;
	/** the same in CPU time of this process (PGlite runs in it), less sensitive to other load */
	loadCpuMs: number;
	/** the page's size, bytes */
	htmlBytes: number;
	targetMs: number;
}

/** The page load's server side in this process, on a data folder no server holds. */
async function inProcess(dataDir: string, classId: string) {
	process.env.DATA_DIR = dataDir;
	delete process.env.DATABASE_URL;
	const vite = await createViteServer({
		configFile: false,
		root: process.cwd(),
		logLevel: 'error',
		appType: 'custom',
		resolve: { alias: { $lib: resolve('src/lib') } },
		define: buildDefines(),
		server: { middlewareMode: true, hmr: false, ws: false, watch: null }
	});
	try {
		const classes = await vite.ssrLoadModule('/src/lib/server/repo/classes.ts');
		const work = await vite.ssrLoadModule('/src/lib/server/repo/exercise-work.ts');
		const content = await vite.ssrLoadModule('/src/lib/server/content.ts');
		const reports = await vite.ssrLoadModule('/src/lib/server/reports/dashboard.ts');
		const views = await vite.ssrLoadModule('/src/lib/server/reports/class-exercises.ts');
		const c = content.getCase(MODULE);
		const [assignment] = await classes.listAssignments(classId);
		const query: number[] = [];
		const load: number[] = [];
		const cpu: number[] = [];
		// one run first, not counted: the freshly opened database and the modules warm up
		await reports.assignmentDashboard(c, assignment, 'letter');
		await views.classExerciseViews(c, assignment.id);
		for (let run = 0; run < 5; run++) {
			let t = performance.now();
			// what the page reads: the set's and the learning gain's answers, the maps and orders
			await classes.listClassAnswers(assignment.id, ['letter', 'precheck', 'postcheck']);
			await work.assignmentExerciseWork(assignment.id, ['map', 'order']);
			query.push(performance.now() - t);
			t = performance.now();
			const used = process.cpuUsage();
			await reports.assignmentDashboard(c, assignment, 'letter');
			await views.classExerciseViews(c, assignment.id);
			load.push(performance.now() - t);
			const { user, system } = process.cpuUsage(used);
			cpu.push((user + system) / 1000);
		}
		return { queryMs: median(query), loadMs: median(load), loadCpuMs: median(cpu) };
	} finally {
		const db = await vite.ssrLoadModule('/src/lib/server/db/client.ts');
		await db.closeDatabase();
		await vite.close();
	}
}

/** One class of `students`, every exercise done, then its dashboard timed. */
export async function runDashboard(students: number, concurrency = 20): Promise<DashboardRow> {
	const server = await startServer();
	let setup;
	let httpMs: number;
	let htmlBytes = 0;
	let requests = 0;
	let errors = 0;
	const errorSamples: string[] = [];
	const started = performance.now();
	try {
		setup = await setUpClass(server.url, { className: `Dashboard ${students}` });
		const code = setup.code;
		await pool(students, concurrency, async (i) => {
			const student = new Client(server.url);
			const steps: [string, FormFields][] = [
				['/join', { code, nickname: `Student ${String(i + 1).padStart(4, '0')}` }],
				...studentWork(i)
			];
			for (const [path, fields] of steps) {
				requests++;
				const result = await student.action(path, fields).catch((e) => String(e));
				if (typeof result === 'string' || !succeeded(result)) {
					errors++;
					const said = typeof result === 'string' ? result : `${result.status} ${result.text}`;
					if (errorSamples.length < 5) errorSamples.push(`${path}: ${said.slice(0, 200)}`);
					if (path === '/join') return;
				}
			}
		});
		const seconds = (performance.now() - started) / 1000;
		const times: number[] = [];
		for (let run = 0; run < 5; run++) {
			const response = await setup.instructor.get(`${setup.classUrl}/dashboard`);
			if (response.status !== 200) throw new Error(`dashboard: ${response.status}`);
			times.push(response.ms);
			htmlBytes = response.text.length;
		}
		httpMs = median(times);
		await server.stop();
		const local = await inProcess(server.dataDir, setup.classId);
		return {
			students,
			requests,
			errors,
			errorSamples,
			seedSeconds: round(seconds),
			httpMs: round(httpMs),
			queryMs: round(local.queryMs),
			loadMs: round(local.loadMs),
			loadCpuMs: round(local.loadCpuMs),
			htmlBytes,
			targetMs: DASHBOARD_TARGETS[students] ?? 100
		};
	} finally {
		await server.stop();
		// BENCH_KEEP_DATA=1 keeps the seeded data folder, to profile the dashboard on it
		if (process.env.BENCH_KEEP_DATA) console.log(`  data folder kept: ${server.dataDir}`);
		else rmSync(server.dataDir, { recursive: true, force: true });
	}
}

/** Prints the dashboard rows with their targets. */
export function printDashboard(rows: DashboardRow[]) {
	const ok = (met: boolean) => (met ? 'ok' : 'MISSED');
	console.log('\nThe class dashboard, every exercise done (median of 5)');
	console.table(
		rows.flatMap((r) => [
			{
				measure: `${r.students} students: dashboard page, HTTP (ms)`,
				value: r.httpMs,
				target: `< ${r.targetMs} ${ok(r.httpMs < r.targetMs)}`
			},
			{ measure: `  in process: the page's load (ms)`, value: r.loadMs, target: '' },
			{ measure: `  the same, CPU time (ms)`, value: r.loadCpuMs, target: '' },
			{ measure: `  the queries alone (ms)`, value: r.queryMs, target: '' },
			{ measure: `  page size (KB)`, value: round(r.htmlBytes / 1024), target: '' },
			{
				measure: `  seeding: requests, errors, seconds`,
				value: `${r.requests}, ${r.errors}, ${r.seedSeconds}`,
				target: ''
			}
		])
	);
	for (const r of rows) for (const sample of r.errorSamples) console.log(`  error: ${sample}`);
}
