// Getting students in (issue 13): the class page and present mode show the join link's QR code,
// drawn from a path the server made (no image file, no outside service), named by its text
// alternative; with JavaScript a button copies the join link, without it the link stays to copy.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { createClass, signUp, unique } from './classroom';

test('the join link: a QR code on the class page and in present mode, and a copy button', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(120_000);
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	await signUp(page, 'Quinn');
	const { classUrl, code } = await createClass(page, `QR ${unique()}`);
	const link = `${new URL(page.url()).origin}/join/${code}`;
	const qr = page.getByRole('img', { name: `QR code of the join link ${link}` });
	await expect(qr).toBeVisible();
	await expect(qr.locator('path')).toHaveAttribute('d', /^M\d+ \d+h\d+v1h-\d+z/);
	await expect(page.getByText(`Scan to open the join link: ${link}`)).toBeVisible();

	await page.getByRole('button', { name: 'Copy the join link' }).click();
	await expect(page.getByTestId('copy-said').first()).toHaveText('Copied.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
	await expectNoAxeViolations(page);

	await page.goto(`${classUrl}/present`);
	await expect(page.getByRole('img', { name: `QR code of the join link ${link}` })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copy the join link' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the QR code and the link are there; no copy button that could not work', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await signUp(page, 'Rene');
		const { classUrl, code } = await createClass(page, `QR ${unique()}`);
		const link = `${new URL(page.url()).origin}/join/${code}`;
		for (const url of [classUrl, `${classUrl}/present`]) {
			await page.goto(url);
			await expect(
				page.getByRole('img', { name: `QR code of the join link ${link}` })
			).toBeVisible();
			await expect(page.getByRole('link', { name: link })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Copy the join link' })).toHaveCount(0);
		}
	});
});
