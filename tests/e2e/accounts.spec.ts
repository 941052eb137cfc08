// Instructor sign-up (no browser, a server of its own): the answer is the same whether or not the
// email already has an account (the same redirect to sign in, no cookie, no second account, the
// first account's password unchanged), and the most common passwords are refused with a message.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Client } from '../../bench/client';
import { startServer } from '../../bench/server';

test('sign-up does not reveal whether an email has an account', async () => {
	const server = await startServer();
	try {
		const email = `known-${randomUUID()}@example.org`;
		const signUp = async (password: string) => {
			const client = new Client(server.url);
			const r = await client.action('/instructor/signup', {
				email,
				displayName: 'Known',
				password
			});
			return { r, cookies: [...client.cookies.keys()] };
		};
		const first = await signUp('correct horse battery staple');
		const again = await signUp('another long passphrase');
		for (const { r, cookies } of [first, again]) {
			expect(r.type).toBe('redirect');
			expect(r.location).toBe('/instructor/signin?signed-up');
			expect(cookies).toEqual([]);
		}
		expect(again.r.text).toBe(first.r.text);
		// the page it leads to says the same for both
		const page = await new Client(server.url).get('/instructor/signin?signed-up');
		expect(page.text).toContain('If that email address was new');

		// one account, with the first password
		const signIn = (password: string) =>
			new Client(server.url).action('/instructor/signin', { email, password });
		expect((await signIn('another long passphrase')).type).toBe('failure');
		const ok = await signIn('correct horse battery staple');
		expect(ok.type).toBe('redirect');
		expect(ok.location).toBe('/instructor');

		// a common password is refused, saying why
		const common = await new Client(server.url).action('/instructor/signup', {
			email: `new-${randomUUID()}@example.org`,
			displayName: 'New',
			password: 'Password123!'
		});
		expect(common.type).toBe('failure');
		expect((common.data as { message: string }).message).toContain(
			'Password: this is a common password with digits or symbols added'
		);
	} finally {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	}
});
