// SvelteKit configuration: Node adapter, mdsvex lesson pages from lessons/, and a strict CSP.
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import tableRegion from './src/lib/content/rehype-table-region.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'], rehypePlugins: [tableRegion] })],
	kit: {
		adapter: adapter(),
		// Every stylesheet a page needs comes inside its HTML: on a slow phone network nine small
		// render-blocking requests cost more first paint than the bytes (Lighthouse, issue 12).
		inlineStyleThreshold: 16384,
		alias: {
			$lessons: 'lessons'
		},
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte writes style attributes (SVG positions, transitions); scripts stay strict.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
