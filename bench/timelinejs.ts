// The same timeline events rendered by Knight Lab's TimelineJS in a page of its own, served
// locally, so its first-load weight can be compared with Rebuttal Lab's timeline page.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { TimelineEvent } from '../src/lib/content/schemas';

const DIST = 'node_modules/@knight-lab/timelinejs/dist';

function timelineDate(iso: string) {
	const [year, month, day] = iso.split('-').map(Number);
	return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** The events in TimelineJS's JSON format. */
export function toTimelineJs(events: TimelineEvent[]) {
	return {
		events: events.map((e) => ({
			start_date: timelineDate(e.start),
			...(e.end ? { end_date: timelineDate(e.end) } : {}),
			text: { headline: e.title, text: e.description },
			group: e.assertedBy.join(', ')
		}))
	};
}

function page(events: TimelineEvent[]): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS: the same events</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script></head>
<body><div id="timeline" style="width:100%;height:600px"></div>
<script>window.timeline = new TL.Timeline('timeline', ${JSON.stringify(toTimelineJs(events))}, { font: null });</script>
</body></html>`;
}

/** Serves the comparison page at / and TimelineJS's files at /tl/. */
export function serveTimelineJs(events: TimelineEvent[]): Promise<{ url: string; server: Server }> {
	const html = page(events);
	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		if (path === '/') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
			return;
		}
		if (path.startsWith('/tl/') && !path.includes('..')) {
			try {
				const body = readFileSync(join(DIST, path.slice(4)));
				const type = path.endsWith('.js')
					? 'text/javascript'
					: path.endsWith('.css')
						? 'text/css'
						: 'application/octet-stream';
				res.writeHead(200, { 'content-type': type }).end(body);
				return;
			} catch {
				// fall through to 404
			}
		}
		res.writeHead(404).end();
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ url: `http://127.0.0.1:${port}`, server });
		})
	);
}
