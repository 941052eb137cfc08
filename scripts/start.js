// npm start: builds the app when the build is missing or older than the sources, then serves it.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'lessons', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const BUILT = 'build/handler.js';

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newest))) {
	console.log('Building Rebuttal Lab...');
	execSync('npx vite build', { stdio: 'inherit' });
}
await import('./serve.js');
