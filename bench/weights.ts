// First-load weight of a page: the JavaScript and CSS a browser fetches to show it, gzipped.
import { gzipSync } from 'node:zlib';
import type { ChunkModules } from './chunk-report';

export interface PageWeight {
	route: string;
	jsFiles: number;
	jsGzip: number;
	cssGzip: number;
	htmlGzip: number;
	/** each JavaScript file of the first load with its gzip size, largest first */
	jsByFile: { path: string; gzip: number }[];
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];

export async function measurePage(base: string, route: string): Promise<PageWeight> {
	const response = await fetch(base + route);
	const html = await response.text();
	const js = new Set<string>();
	const css = new Set<string>();
	// SvelteKit lists a page's module graph as modulepreload links in the Link header
	for (const part of (response.headers.get('link') ?? '').split(/,\s*(?=<)/)) {
		const href = /^<([^>]+)>/.exec(part)?.[1];
		if (!href) continue;
		if (/rel="modulepreload"/.test(part)) js.add(href);
		if (/as="style"/.test(part)) css.add(href);
	}
	for (const tag of html.match(/<link [^>]*>/g) ?? []) {
		const href = attr(tag, 'href');
		if (!href) continue;
		if (/rel="modulepreload"/.test(tag)) js.add(href);
		if (/rel="stylesheet"/.test(tag)) css.add(href);
	}
	for (const match of html.matchAll(/import\("([^"]+)"\)/g)) if (match[1]) js.add(match[1]);
	for (const tag of html.match(/<script [^>]*src="[^"]+"[^>]*>/g) ?? []) {
		const src = attr(tag, 'src');
		if (src) js.add(src);
	}
	const sizes = async (paths: Set<string>) => {
		const files: { path: string; gzip: number }[] = [];
		for (const path of paths) {
			const url = new URL(path, base + route);
			const body = Buffer.from(await (await fetch(url)).arrayBuffer());
			files.push({ path: url.pathname, gzip: gzipSync(body).length });
		}
		return files.sort((a, b) => b.gzip - a.gzip);
	};
	const sum = (files: { gzip: number }[]) => files.reduce((total, f) => total + f.gzip, 0);
	const jsByFile = await sizes(js);
	return {
		route,
		jsFiles: js.size,
		jsGzip: sum(jsByFile),
		cssGzip: sum(await sizes(css)),
		htmlGzip: gzipSync(html).length,
		jsByFile
	};
}

/**
 * Where a page's JavaScript goes: each of its files (gzip) with the modules that weigh most in
 * it, from the chunk report the build writes (`bench/chunk-report.ts`). Dependencies are grouped
 * by package.
 */
export function describeChunks(
	weight: PageWeight,
	chunks: ChunkModules[],
	topModules = 6
): { file: string; gzip: number; modules: string }[] {
	const byFile = new Map(chunks.map((c) => [`/${c.fileName}`, c]));
	return weight.jsByFile.map(({ path, gzip }) => {
		const grouped = new Map<string, number>();
		for (const m of byFile.get(path)?.modules ?? []) {
			const key =
				m.id.startsWith('node_modules/') || !m.id.startsWith('src/') ? packageOf(m.id) : m.id;
			grouped.set(key, (grouped.get(key) ?? 0) + m.gzip);
		}
		const modules = [...grouped]
			.sort((a, b) => b[1] - a[1])
			.slice(0, topModules)
			.map(([id, bytes]) => `${id} ${(bytes / 1024).toFixed(1)}`)
			.join(', ');
		return { file: path.replace(/^.*\//, ''), gzip, modules };
	});
}

function packageOf(id: string): string {
	const match = /^(?:node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(id);
	return match?.[1] ?? id;
}
