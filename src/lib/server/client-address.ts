// The client's address for the rate limits: event.getClientAddress(), which adapter-node takes
// from the connection, or behind a reverse proxy from the header named by ADDRESS_HEADER (with
// XFF_DEPTH for X-Forwarded-For). Without that setting every visitor behind the proxy is the
// proxy's one address and shares one set of limits. A request that lacks the configured header
// (one that bypassed the proxy) gets a 400 with this message instead of a 500.

export const NO_CLIENT_ADDRESS =
	'This server reads the address of each visitor from a header its reverse proxy adds (ADDRESS_HEADER), and this request came without it. Open the app through its usual address.';

/** The client's address, or null when the configured header is missing or too short. */
export function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}
