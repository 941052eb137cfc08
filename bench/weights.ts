// First-load weight of a page: the JavaScript and CSS a browser fetches to show it, gzipped.
import { gzipSync } from 'node:zlib';

export interface PageWeight {
	route: string;
	jsFiles: number;
	jsGzip: number;
	cssGzip: number;
	htmlGzip: number;
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
	const gz = async (paths: Set<string>) => {
		let total = 0;
		for (const path of paths) {
			const body = Buffer.from(await (await fetch(new URL(path, base + route))).arrayBuffer());
			total += gzipSync(body).length;
		}
		return total;
	};
	return {
		route,
		jsFiles: js.size,
		jsGzip: await gz(js),
		cssGzip: await gz(css),
		htmlGzip: gzipSync(html).length
	};
}
