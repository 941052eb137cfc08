// Live figures for the dashboard and present mode: the page listens to its class's event stream
// (server-sent events, one long request) and reloads its own data (`invalidate`) when a student's
// work changed, so nothing is requested between hand-ins. Hidden tabs catch up when shown again;
// a lost stream is retried by the browser, and after an error answer every 10 seconds. Without
// JavaScript none of this runs and the page keeps its Refresh link.
import { invalidate } from '$app/navigation';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'lost';

const RETRY_AFTER_ERROR_MS = 10_000;

export class LiveUpdates {
	paused = $state(false);
	status = $state<LiveStatus>('off');
	/** when the figures were last reloaded because of a change (epoch ms) */
	refreshedAt = $state<number | null>(null);

	/** `url`: the class's event stream, or null when there is nothing to follow */
	constructor(url: () => string | null, dependency: () => string) {
		$effect(() => {
			const href = url();
			const dep = dependency();
			if (!href || this.paused) {
				this.status = 'off';
				return;
			}
			let source: EventSource | undefined;
			let retry: ReturnType<typeof setTimeout> | undefined;
			let pending = false;
			let missed = false;
			const refresh = () => {
				if (document.hidden) {
					pending = true;
					return;
				}
				pending = false;
				invalidate(dep).then(() => (this.refreshedAt = Date.now()));
			};
			const connect = () => {
				this.status = 'connecting';
				source = new EventSource(href);
				source.addEventListener('open', () => {
					this.status = 'live';
					// changes made while the stream was down were not signalled
					if (missed) refresh();
					missed = false;
				});
				source.addEventListener('change', refresh);
				source.addEventListener('error', () => {
					missed = true;
					if (source?.readyState === EventSource.CLOSED) {
						this.status = 'lost';
						retry = setTimeout(connect, RETRY_AFTER_ERROR_MS);
					} else {
						this.status = 'connecting';
					}
				});
			};
			const shown = () => {
				if (!document.hidden && pending) refresh();
			};
			document.addEventListener('visibilitychange', shown);
			connect();
			return () => {
				clearTimeout(retry);
				source?.close();
				document.removeEventListener('visibilitychange', shown);
			};
		});
	}
}
