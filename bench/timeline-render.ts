// Render time of the timeline for 200 synthetic events: the pure D3 layout alone, and the
// server render of the Timeline component (layout + SVG markup), median of repeated runs.
import { performance } from 'node:perf_hooks';
import { createServer } from 'vite';
import type { Component } from 'svelte';
import { layoutTimeline } from '../src/lib/charts/timeline-layout';
import type { TimelineEvent } from '../src/lib/content/schemas';
import { ASSERTERS } from '../src/lib/content/vocabulary';

/** Deterministic synthetic events between 2008 and 2021: days, months, years and ranges. */
export function syntheticEvents(count: number): TimelineEvent[] {
	let seed = 42;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pad = (n: number) => String(n).padStart(2, '0');
	return Array.from({ length: count }, (_, i) => {
		const year = 2008 + Math.floor(random() * 13);
		const month = 1 + Math.floor(random() * 12);
		const day = 1 + Math.floor(random() * 28);
		const kind = random();
		const precision = kind < 0.6 ? 'day' : kind < 0.85 ? 'month' : 'year';
		const start =
			precision === 'day'
				? `${year}-${pad(month)}-${pad(day)}`
				: precision === 'month'
					? `${year}-${pad(month)}`
					: String(year);
		const ranged = precision === 'year' && random() < 0.5;
		return {
			id: `E${i + 1}`,
			start,
			...(ranged ? { end: String(year + 1 + Math.floor(random() * 3)) } : {}),
			precision,
			title: `Synthetic event ${i + 1} with a label of ordinary length`,
			description: 'A synthetic event for the benchmark.',
			assertedBy: [ASSERTERS[i % ASSERTERS.length]!],
			confidence: (['multiple', 'single', 'unverified'] as const)[i % 3]!,
			dateUncertain: false,
			orderExercise: false,
			sources: [
				{
					id: 'benchmark',
					title: 'Benchmark',
					publisher: 'Benchmark',
					url: 'https://example.org/',
					kind: 'newspaper',
					language: 'en',
					origin: 'benchmark'
				}
			],
			about: 'fact',
			sentences: []
		} as TimelineEvent;
	});
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(runs: number, fn: () => void): number {
	fn(); // warm up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		times.push(performance.now() - start);
	}
	return median(times);
}

export interface TimelineRender {
	events: number;
	layoutMs: number;
	serverRenderMs: number;
	svgBytes: number;
}

export async function measureTimelineRender(count = 200, runs = 25): Promise<TimelineRender> {
	const events = syntheticEvents(count);
	const layoutMs = time(runs, () => {
		layoutTimeline(events, { width: 960, label: (id) => id });
	});
	// the component compiled as in production (no dev checks), by the project's own Vite config
	process.env.NODE_ENV = 'production';
	const vite = await createServer({
		mode: 'production',
		server: { middlewareMode: true, hmr: false },
		appType: 'custom',
		logLevel: 'error'
	});
	try {
		const module = (await vite.ssrLoadModule('/src/lib/components/timeline/Timeline.svelte')) as {
			default: Component<Record<string, unknown>>;
		};
		// the same Svelte runtime instance the component was compiled against
		const { render } = (await vite.ssrLoadModule(
			'svelte/server'
		)) as typeof import('svelte/server');
		const props = {
			events,
			selected: null,
			hrefFor: (id: string) => `?event=${id}`,
			onselect: () => {}
		};
		let html = '';
		const serverRenderMs = time(runs, () => {
			html = render(module.default, { props }).body;
		});
		return { events: count, layoutMs, serverRenderMs, svgBytes: html.length };
	} finally {
		await vite.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(await measureTimelineRender());
}
