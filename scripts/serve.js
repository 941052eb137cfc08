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
import { createServer } from 'node:http';

if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';

const addressHeader = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
const xffDepth = process.env.XFF_DEPTH ?? '1';
if (addressHeader && !/^[a-z0-9-]+$/.test(addressHeader)) {
	console.error(
		`Rebuttal Lab did not start. ADDRESS_HEADER must be a header name such as x-forwarded-for; it is "${process.env.ADDRESS_HEADER}".`
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

const server = createServer((req, res) => {
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

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 3000).unref();
	});
}
