// npm run bench: measures the built app and writes bench/results/latest.json.
// Run `npm run build` first (the script builds when build/ is missing).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { loadCase } from '../src/lib/content/case';
import { readCaseFiles } from '../src/lib/content/folder';
import { printClassLoad, runClassLoad } from './class-load';
import { DASHBOARD_CLASSES, printDashboard, runDashboard, type DashboardRow } from './dashboard';
import { runLighthouse, type LighthouseScore } from './lighthouse';
import { measurePresentRequests } from './present';
import { runScale } from './scale';
import { startServer } from './server';
import { measureTimelineRender } from './timeline-render';
import { serveTimelineJs } from './timelinejs';
import { CHUNK_REPORT, type ChunkModules } from './chunk-report';
import { describeChunks, measurePage, type PageWeight } from './weights';

const MODULE = 'embassy-letter-2020';
/** first-load JS + CSS, gzip (issue 16: the timeline at least 1.2 times lighter than TimelineJS) */
const BUDGETS: Record<string, number> = {
	catalogue: 32 * 1024,
	lesson: 60 * 1024,
	exercise: 45 * 1024,
	timeline: 62 * 1024
};
const ROUTES: { name: string; path: string }[] = [
	{ name: 'catalogue', path: '/' },
	{ name: 'overview', path: `/m/${MODULE}` },
	{ name: 'lesson', path: `/m/${MODULE}/lessons/tagging-the-letter` },
	{ name: 'reader', path: `/m/${MODULE}/letter` },
	{ name: 'exercise', path: `/m/${MODULE}/tag` },
	{ name: 'timeline', path: `/m/${MODULE}/timeline` }
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** `npm run bench -- --skip=lighthouse,load,render,dashboard` leaves parts out */
const skip = new Set(
	process.argv
		.find((a) => a.startsWith('--skip='))
		?.slice(7)
		.split(',') ?? []
);
const results: Record<string, unknown> = {
	takenAt: new Date().toISOString(),
	machine: {
		cpus: cpus().length,
		cpu: cpus()[0]?.model,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		node: process.version
	}
};

if (!existsSync('build/handler.js')) execSync('npx vite build', { stdio: 'inherit' });

// each kind of run keeps the other's figures in the results file
const RESULTS = 'bench/results/latest.json';
const SCALE_KEYS = ['scaleRun', 'scale', 'district'];
const previous: Record<string, unknown> = existsSync(RESULTS)
	? JSON.parse(readFileSync(RESULTS, 'utf8'))
	: {};
const writeResults = (fresh: Record<string, unknown>, keep: (key: string) => boolean) => {
	const kept = Object.fromEntries(Object.entries(previous).filter(([key]) => keep(key)));
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(RESULTS, JSON.stringify({ ...kept, ...fresh }, null, 2) + '\n');
};

/** `npm run bench -- --scale` (1/2/4 processes behind nginx, then the district), `-- --district` */
const wantsScale = process.argv.includes('--scale');
if (wantsScale || process.argv.includes('--district')) {
	const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
	const { machine, scale, district } = await runScale({
		scale: wantsScale,
		district: true,
		students: number('BENCH_STUDENTS'),
		classes: number('BENCH_DISTRICT_CLASSES'),
		districtProcesses: number('BENCH_DISTRICT_PROCESSES'),
		districtWindowSeconds: number('BENCH_DISTRICT_WINDOW')
	});
	const fresh: Record<string, unknown> = {
		scaleRun: { takenAt: new Date().toISOString(), machine },
		district
	};
	if (scale) fresh.scale = scale;
	writeResults(fresh, (key) => !(key in fresh));
	console.log(`\nWritten to ${RESULTS}`);
	process.exit(0);
}

/** The dashboard of a class with every exercise done, for 30 and 1,000 students. */
async function dashboardRows(): Promise<DashboardRow[]> {
	const rows: DashboardRow[] = [];
	for (const students of DASHBOARD_CLASSES) rows.push(await runDashboard(students));
	printDashboard(rows);
	return rows;
}

/** `npm run bench -- --dashboard` runs the dashboard rows alone and keeps the other figures */
if (process.argv.includes('--dashboard')) {
	const dashboard = { takenAt: new Date().toISOString(), rows: await dashboardRows() };
	writeResults({ dashboard }, (key) => key !== 'dashboard');
	console.log(`\nWritten to ${RESULTS}`);
	process.exit(0);
}

const server = await startServer();
try {
	const weights: (PageWeight & { name: string; budget: number | null; status: number })[] = [];
	for (const route of ROUTES) {
		const status = (await fetch(server.url + route.path)).status;
		const weight = await measurePage(server.url, route.path);
		weights.push({ ...weight, name: route.name, budget: BUDGETS[route.name] ?? null, status });
	}
	console.log('\nFirst-load weight per page (gzip)');
	console.table(
		weights.map((w) => ({
			page: w.name,
			status: w.status,
			'JS files': w.jsFiles,
			JS: kb(w.jsGzip),
			CSS: kb(w.cssGzip),
			HTML: kb(w.htmlGzip),
			'JS + CSS': kb(w.jsGzip + w.cssGzip),
			budget: w.budget ? `${kb(w.budget)} ${w.jsGzip + w.cssGzip <= w.budget ? 'ok' : 'OVER'}` : ''
		}))
	);
	// the per-file list is printed below, not kept
	results.weights = weights.map((w) => ({ ...w, jsByFile: undefined }));

	if (existsSync(CHUNK_REPORT)) {
		const chunks: ChunkModules[] = JSON.parse(readFileSync(CHUNK_REPORT, 'utf8'));
		for (const w of weights.filter((w) => w.budget)) {
			console.log(`\nWhere the ${w.name} page's JavaScript goes (gzip; modules in KB)`);
			console.table(
				describeChunks(w, chunks).map((c) => ({
					file: c.file,
					gzip: kb(c.gzip),
					modules: c.modules
				}))
			);
		}
	}

	const timeline = loadCase(MODULE, readCaseFiles(`lessons/${MODULE}`)).case.timeline;
	const ours = weights.find((w) => w.name === 'timeline');
	if (timeline && ours) {
		const tl = await serveTimelineJs(timeline.events);
		try {
			const theirs = await measurePage(tl.url, '/');
			const ratio = (theirs.jsGzip + theirs.cssGzip) / (ours.jsGzip + ours.cssGzip);
			results.timelineJs = { events: timeline.events.length, ...theirs, ratio };
			console.log(`\nThe same ${timeline.events.length} events in Knight Lab's TimelineJS`);
			console.table([
				{ page: 'Rebuttal Lab timeline', JS: kb(ours.jsGzip), CSS: kb(ours.cssGzip) },
				{ page: 'TimelineJS 3.9.11', JS: kb(theirs.jsGzip), CSS: kb(theirs.cssGzip) }
			]);
			console.log(`TimelineJS weighs ${ratio.toFixed(1)} times as much (JS + CSS, gzip).`);
		} finally {
			tl.server.close();
		}
	}

	if (!skip.has('lighthouse')) {
		const pages = ['catalogue', 'lesson', 'exercise', 'timeline'];
		const scores: (LighthouseScore & { page: string })[] = (
			await runLighthouse(pages.map((p) => server.url + ROUTES.find((r) => r.name === p)!.path))
		).map((score, i) => ({ ...score, page: pages[i]! }));
		results.lighthouse = scores;
		console.log('\nLighthouse, mobile (targets: performance >= 95, accessibility 100)');
		console.table(
			scores.map((s) => ({
				page: s.page,
				performance: s.performance,
				accessibility: s.accessibility,
				fonts: `${s.fonts.files} files, ${kb(s.fonts.bytes)}`,
				'failed audits': s.failedAudits.join(', ')
			}))
		);
	}

	if (!skip.has('present')) {
		const present = await measurePresentRequests(server.url);
		results.presentRequests = present;
		console.log('\nRequests an open present page makes (the event stream itself not counted)');
		console.table([
			{
				'no hand-ins, per minute': present.idlePerMinute,
				[`${present.handInsWhileBusy} hand-ins in a minute`]: present.busyPerMinute,
				'polling every 4 s (before)': present.pollingPerMinute
			}
		]);
	}

	if (!skip.has('dashboard')) {
		results.dashboard = { takenAt: results.takenAt, rows: await dashboardRows() };
	}

	writeResults(results, (key) => SCALE_KEYS.includes(key));
} finally {
	await server.stop();
}

// on a server of its own (a fresh data folder), after the page measurements
if (!skip.has('render')) {
	const render = await measureTimelineRender(200);
	results.timelineRender = render;
	console.log('\nTimeline render, 200 synthetic events (median of 25 runs)');
	console.table([
		{
			'D3 layout': `${render.layoutMs.toFixed(1)} ms`,
			'server render (layout + SVG)': `${render.serverRenderMs.toFixed(1)} ms`,
			'SVG markup': `${(render.svgBytes / 1024).toFixed(0)} KB`
		}
	]);
}

if (!skip.has('load')) {
	const students = Number(process.env.BENCH_STUDENTS ?? 1000);
	const load = await runClassLoad(students);
	results.classLoad = load;
	printClassLoad(load);
}

if (!skip.has('dashboard')) {
	results.dashboard = { takenAt: results.takenAt, rows: await dashboardRows() };
}

writeResults(results, (key) => SCALE_KEYS.includes(key));
console.log(`\nWritten to ${RESULTS}`);
// the in-process dashboard measurement leaves its database open
process.exit(0);
