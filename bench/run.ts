// npm run bench: measures the built app and writes bench/results/latest.json.
// Run `npm run build` first (the script builds when build/ is missing).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startServer } from './server';
import { measurePage, type PageWeight } from './weights';

const MODULE = 'embassy-letter-2020';
const BUDGETS: Record<string, number> = {
	lesson: 60 * 1024,
	timeline: 90 * 1024
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

if (!existsSync('build/handler.js')) execSync('npx vite build', { stdio: 'inherit' });
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
			budget: w.budget ? `${kb(w.budget)} ${w.jsGzip <= w.budget ? 'ok' : 'OVER'}` : ''
		}))
	);
	const results = {
		takenAt: new Date().toISOString(),
		machine: {
			cpus: cpus().length,
			cpu: cpus()[0]?.model,
			memoryGiB: Math.round(totalmem() / 2 ** 30),
			node: process.version
		},
		weights
	};
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n');
	console.log('\nWritten to bench/results/latest.json');
} finally {
	await server.stop();
}
