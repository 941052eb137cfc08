// The limits through the real forms (no browser; a server of its own, every request from one
// address): sign-in failures per account and per address whatever the account, so that made-up
// emails neither empty the limiter nor leave it open; sign-ups per address; and the counts hold
// across a restart, since they live in the database.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Client, type ActionResult } from '../../bench/client';
import { startServer, type RunningServer } from '../../bench/server';

const PASSWORD = 'correct horse battery staple';

/** The status SvelteKit puts in an action's JSON envelope, and the message of a failure. */
const outcome = (r: ActionResult) => ({
	status: (JSON.parse(r.text) as { status?: number }).status ?? r.status,
	message: (r.data as { message?: string } | null)?.message ?? ''
});

async function signUp(client: Client, email: string) {
	return client.action('/instructor/signup', { email, displayName: 'Limits', password: PASSWORD });
}

test('sign-in is limited per account and per address; sign-up per address; across a restart', async () => {
	test.setTimeout(240_000);
	let server: RunningServer = await startServer();
	const dir = server.dataDir;
	try {
		const visitor = new Client(server.url);
		const ada = `ada-${randomUUID()}@example.org`;
		const bob = `bob-${randomUUID()}@example.org`;
		for (const email of [ada, bob])
			expect(outcome(await signUp(new Client(server.url), email)).status).toBeLessThan(400);
		const signIn = (email: string, password: string) =>
			visitor.action('/instructor/signin', { email, password });

		// five wrong passwords lock Ada's account from this address, even for the right one
		for (let i = 0; i < 5; i++) {
			expect(outcome(await signIn(ada, 'not the password'))).toEqual({
				status: 400,
				message: 'The email or the password is not right.'
			});
		}
		const locked = outcome(await signIn(ada, PASSWORD));
		expect(locked.status).toBe(429);
		expect(locked.message).toContain('Too many failed sign-ins for this account');

		// made-up accounts from the same address: 20 failures in all, then the address is refused
		for (let i = 0; i < 15; i++) {
			expect(outcome(await signIn(`nobody-${i}-${randomUUID()}@example.org`, 'guess')).status).toBe(
				400
			);
		}
		const flooded = outcome(await signIn(`nobody-${randomUUID()}@example.org`, 'guess'));
		expect(flooded.status).toBe(429);
		expect(flooded.message).toContain('Too many failed sign-ins from your network');
		// Bob, with the right password, from this address: refused too, and Ada still
		expect(outcome(await signIn(bob, PASSWORD)).status).toBe(429);
		expect(outcome(await signIn(ada, PASSWORD)).status).toBe(429);

		// the counts are in the database: a restart forgets nothing
		await server.stop();
		server = await startServer({ DATA_DIR: dir });
		const after = new Client(server.url);
		const again = outcome(
			await after.action('/instructor/signin', { email: bob, password: PASSWORD })
		);
		expect(again.status).toBe(429);
		expect(again.message).toContain('Try again in');

		// sign-ups: 30 an hour from one address (two made above)
		for (let i = 0; i < 28; i++) {
			expect(
				outcome(await signUp(new Client(server.url), `many-${i}-${randomUUID()}@example.org`))
					.status
			).toBeLessThan(400);
		}
		const tooMany = outcome(
			await signUp(new Client(server.url), `one-more-${randomUUID()}@example.org`)
		);
		expect(tooMany.status).toBe(429);
		expect(tooMany.message).toContain('Too many new accounts from your network');

		// an operator can allow more sign-ups per address (a training day behind one address)
		await server.stop();
		server = await startServer({ DATA_DIR: dir, SIGNUP_LIMIT: '40' });
		const raised = outcome(
			await signUp(new Client(server.url), `raised-${randomUUID()}@example.org`)
		);
		expect(raised.status).toBeLessThan(400);
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});
