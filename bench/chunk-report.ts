// A Vite plugin that records, for the client build, which modules each chunk holds and how many
// bytes each contributes (gzip, measured per module, so the sum is a little above the chunk's
// own gzip size). `npm run bench` reads the file to say where a page's bytes go.
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Plugin } from 'vite';

export const CHUNK_REPORT = '.svelte-kit/output/client-chunks.json';

export interface ChunkModules {
	fileName: string;
	modules: { id: string; bytes: number; gzip: number }[];
}

/** a readable module id: the package name for dependencies, the path for the app's own files */
export function moduleName(id: string, root = process.cwd()): string {
	const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
	const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(clean);
	if (inModules) return `${inModules[1]}/${inModules[2]}`;
	return clean.startsWith('/') ? relative(root, clean) : clean;
}

export function chunkReport(): Plugin {
	return {
		name: 'rebuttal-lab:chunk-report',
		apply: 'build',
		generateBundle(_options, bundle) {
			if (this.environment?.name !== 'client') return;
			const chunks: ChunkModules[] = [];
			for (const output of Object.values(bundle)) {
				if (output.type !== 'chunk') continue;
				chunks.push({
					fileName: output.fileName,
					modules: Object.entries(output.modules)
						.map(([id, module]) => ({
							id: moduleName(id),
							bytes: module.renderedLength,
							gzip: module.code ? gzipSync(module.code).length : 0
						}))
						.filter((m) => m.bytes > 0)
						.sort((a, b) => b.gzip - a.gzip)
				});
			}
			mkdirSync(dirname(CHUNK_REPORT), { recursive: true });
			writeFileSync(CHUNK_REPORT, JSON.stringify(chunks, null, 1) + '\n');
		}
	};
}
