// Serves the built app (build/) with Node's http server on PORT (default 3000).
// adapter-node assumes https when ORIGIN is unset, which would reject every form post on a plain
// http classroom network; unless ORIGIN is set, the protocol is taken from the connection itself
// (or from X-Forwarded-Proto set by a TLS proxy in front).
// Importing the handler runs the app's start (hooks.server.ts init): the settings are checked and
// the database opened, locked (one process per data folder), migrated and checked. If that fails,
// the process exits non-zero with the reason, before it listens: it never serves while broken.
// Behind a reverse proxy, ADDRESS_HEADER names the header that carries the visitor's address
// (X-Forwarded-For, X-Real-IP...) and XFF_DEPTH how many trusted proxies append to X-Forwarded-For
// (1: the address the proxy in front saw); adapter-node's handler reads both, and the rate limits
// use that address. Without them every visitor is the proxy's one address. They are checked here.
// SIGTERM or SIGINT shut the server down gracefully: it stops listening (new connections are
// refused), /healthz answers 503 so a balancer stops routing here, every request already received
// gets its whole response (with `Connection: close`), connections left idle end by their keep-alive
// timeout, then the app closes its database ('sveltekit:shutdown', as adapter-node's own server
// emits it: PGlite closed and the data folder's lock released, PostgreSQL's connections ended) and
// the process exits 0. Requests still running after SHUTDOWN_TIMEOUT seconds (default 30) are cut.
import { createServer } from 'node:http';
import { Server as NetServer } from 'node:net';

if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';

const addressHeader = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
const xffDepth = process.env.XFF_DEPTH ?? '1';
if (addressHeader && !/^[a-z0-9-]+$/.test(addressHeader)) {
	console.error(
		`Rebuttal Lab did not start. ADDRESS_HEADER must be a header name such as x-forwarded-for; it is "${process.env.ADDRESS_HEADER}".`
	);
	process.exit(1);
}
const shutdownTimeout = process.env.SHUTDOWN_TIMEOUT ?? '30';
if (!/^[0-9]+$/.test(shutdownTimeout)) {
	console.error(
		`Rebuttal Lab did not start. SHUTDOWN_TIMEOUT must be a whole number of seconds; it is "${shutdownTimeout}".`
	);
	process.exit(1);
}
const signUpLimit = process.env.SIGNUP_LIMIT ?? '30';
if (!/^[1-9][0-9]*$/.test(signUpLimit)) {
	console.error(
		`Rebuttal Lab did not start. SIGNUP_LIMIT must be a whole number of instructor sign-ups per address per hour, 1 or more; it is "${signUpLimit}".`
	);
	process.exit(1);
}
if (!/^[1-9][0-9]*$/.test(xffDepth)) {
	console.error(
		`Rebuttal Lab did not start. XFF_DEPTH must be a whole number of trusted proxies, 1 or more; it is "${xffDepth}".`
	);
	process.exit(1);
}

let handler;
try {
	({ handler } = await import('../build/handler.js'));
} catch (error) {
	console.error(`Rebuttal Lab did not start. ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

/** responses not yet finished: told to close their connection when the shutdown starts */
const responses = new Set();
let stopping = false;

const server = createServer((req, res) => {
	if (stopping) {
		res.setHeader('connection', 'close');
		if (req.url === '/healthz') {
			res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			res.end('{"status":"stopping"}');
			return;
		}
	}
	responses.add(res);
	res.once('close', () => responses.delete(res));
	if (!process.env.ORIGIN && !req.headers['x-forwarded-proto']) {
		req.headers['x-forwarded-proto'] = 'encrypted' in req.socket ? 'https' : 'http';
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	console.log(
		`Rebuttal Lab is listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
	);
});

/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
	if (stopping) {
		console.error(`${signal} again: stopping at once.`);
		process.exit(1);
	}
	stopping = true;
	console.log(`${signal}: no new connections; finishing ${responses.size} request(s) in flight.`);
	for (const res of responses) if (!res.headersSent) res.setHeader('connection', 'close');
	// the live pages' event streams never end by themselves: end them now (each browser reconnects,
	// behind a proxy to another process)
	process.emit(/** @type {any} */ ('rebuttal-lab:stopping'));
	// net.Server's close stops listening and waits for every connection to end. http.Server's own
	// close() would also drop the idle keep-alive connections at once, racing a client (or nginx)
	// that is sending its next request on one: that request would be reset. Here such a request is
	// served, with `Connection: close`; connections still idle after the keep-alive timeout (which
	// a client is told in each response) are closed then, as they would have been anyway.
	setTimeout(() => server.closeIdleConnections(), server.keepAliveTimeout).unref();
	const deadline = setTimeout(
		() => {
			console.error(
				`Requests still running after SHUTDOWN_TIMEOUT=${shutdownTimeout} s: closing their connections.`
			);
			server.closeAllConnections();
		},
		Number(shutdownTimeout) * 1000
	);
	NetServer.prototype.close.call(server, () => {
		clearTimeout(deadline);
		console.log('Every connection is closed; closing the database.');
		// hooks.server.ts closes the database; with nothing else to do, the process then exits 0
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), signal);
		setTimeout(() => {
			console.error('The process did not exit 10 s after closing; stopping it.');
			process.exit(1);
		}, 10_000).unref();
	});
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
