// The timeline and its ordering exercise: server-rendered chart and table, keyboard navigation
// and zoom, links between the letter and the timeline in both directions, the ordering exercise
// by keyboard and without JavaScript, bad input answered with a 400, and axe scans.
import { expect, test, type Page } from '@playwright/test';
import { correctOrder } from '../../src/lib/exercises/order/scoring';
import { expectNoAxeViolations } from './axe';
import { CASE, loaded } from './content';
/** the zoom controls say the stretch of time in view, in words (the axis may be out of sight) */
const WHOLE = /^Whole timeline: \d{4} to \d{4}$/;
const SHOWING = /^Showing (\w+ )?(\d{4} to |to )?(\w+ )?\d{4}$/;

const events = loaded.case.timeline?.events ?? [];
const byId = new Map(events.map((e) => [e.id, e]));
const title = (id: string) => byId.get(id)?.title ?? '';
const TIMELINE = `/m/${CASE}/timeline`;
const ORDER = `${TIMELINE}/order`;
const orderEvents = events.filter((e) => e.orderExercise);
const correct = correctOrder(orderEvents);

const details = (page: Page) => page.locator('#event-details');
const focusedEvent = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('data-event') ?? null);
const tickLabels = (page: Page) => page.locator('svg .tick').allTextContents();

test('the server-rendered page holds the chart, every event in the table, and the legend', async ({
	request
}) => {
	const response = await request.get(TIMELINE);
	expect(response.status()).toBe(200);
	const html = await response.text();
	expect(html).toContain('<svg');
	expect(html).toMatch(/role="group"[^>]*aria-label="Timeline of the case/);
	expect(html).toContain('<table');
	for (const event of events) {
		expect(html).toContain(`data-event="${event.id}"`);
		expect(html).toContain(event.title);
	}
	expect(html).toContain('How to read the chart');
	expect(html).toContain('one source');
});

test('?event= preselects an event on the server', async ({ request }) => {
	const html = await (await request.get(`${TIMELINE}?event=E6`)).text();
	expect(html).toContain('Event 6:');
	expect(html).toContain(title('E6'));
	expect(html).toContain(`/m/${CASE}/letter#L14`);
});

test.describe('with JavaScript', () => {
	test('arrow keys move between events in time order; Enter selects', async ({ page }) => {
		await page.goto(TIMELINE);
		await page.getByRole('button', { name: 'Zoom in' }).focus();
		await page.keyboard.press('Tab');
		// the events are listed in time order in the content; their ids are not (new ones come last)
		const [first, second] = events;
		expect(await focusedEvent(page)).toBe(first!.id);
		await page.keyboard.press('ArrowRight');
		expect(await focusedEvent(page)).toBe(second!.id);
		await page.keyboard.press('Enter');
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(title(second!.id));
		await expect(page).toHaveURL(new RegExp(`\\?event=${second!.id}`));
		await page.keyboard.press('End');
		expect(await focusedEvent(page)).toBe(events.at(-1)?.id);
		await page.keyboard.press(' ');
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(
			title(events.at(-1)!.id)
		);
		// one tab stop for the whole chart
		await page.keyboard.press('Shift+Tab');
		expect(await focusedEvent(page)).toBeNull();
	});

	test('zooms with + and - keys and the buttons, and resets', async ({ page }) => {
		await page.goto(TIMELINE);
		const level = page.getByTestId('zoom-level');
		await expect(level).toHaveText(WHOLE);
		const before = await tickLabels(page);
		await page.locator('svg a[tabindex="0"]').focus();
		await page.keyboard.press('+');
		await page.keyboard.press('+');
		await expect(level).toContainText(SHOWING);
		await expect.poll(() => tickLabels(page)).not.toEqual(before);
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await expect(level).toHaveAttribute('data-zoom', '4.1');
		await page.keyboard.press('-');
		await page.getByRole('button', { name: 'Reset' }).click();
		await expect(level).toHaveText(WHOLE);
		await expect.poll(() => tickLabels(page)).toEqual(before);
	});

	test('the mouse wheel zooms around the pointer; a drag pans and selects nothing', async ({
		page
	}) => {
		await page.goto(TIMELINE);
		const level = page.getByTestId('zoom-level');
		// the zoom buttons show once the chart is running
		await expect(level).toHaveText(WHOLE);
		const chart = page.getByRole('group', { name: /^Timeline of the case/ });
		// the chart is taller than the window: point at its top part, in view
		await chart.evaluate((svg) => svg.scrollIntoView({ block: 'start' }));
		const box = (await chart.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + 80);
		await page.mouse.wheel(0, -400);
		await expect(level).toContainText(SHOWING);
		const ticks = await tickLabels(page);
		// an event well inside the chart after the zoom
		const id = await page.evaluate(() => {
			const chart = document.querySelector('svg[role="group"]')!.getBoundingClientRect();
			const inside = [...document.querySelectorAll('svg a[data-event]')].find((a) => {
				const r = a.getBoundingClientRect();
				return r.width > 0 && r.left > chart.left + 60 && r.right < chart.right - 200;
			});
			return inside?.getAttribute('data-event') ?? null;
		});
		expect(id).not.toBeNull();
		const mark = page.locator(`svg a[data-event="${id}"]`).first();
		const markX = async () => (await mark.boundingBox())!.x;
		const before = await markX();
		// press on the event, drag sideways, let go: the chart moves, the event is not selected
		const at = (await mark.boundingBox())!;
		await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
		await page.mouse.down();
		await page.mouse.move(at.x + at.width / 2 + 120, at.y + at.height / 2, { steps: 8 });
		await page.mouse.up();
		await expect.poll(markX).toBeGreaterThan(before + 60);
		await expect.poll(() => tickLabels(page)).not.toEqual(ticks);
		expect(page.url()).not.toContain('event=');
		// a press that hardly moves is still a click on the event
		await mark.click();
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(title(id!));
	});

	test('two fingers spread on the chart zoom in', async ({ browser, baseURL }) => {
		const context = await browser.newContext({
			baseURL,
			hasTouch: true,
			isMobile: true,
			viewport: { width: 390, height: 800 }
		});
		const page = await context.newPage();
		await page.goto(TIMELINE);
		const level = page.getByTestId('zoom-level');
		// a phone opens zoomed onto the densest stretch: spread the fingers from the whole timeline
		await expect(level).toContainText(SHOWING);
		await page.getByRole('button', { name: 'Reset' }).click();
		await expect(level).toHaveText(WHOLE);
		const chart = page.getByRole('group', { name: /^Timeline of the case/ });
		await chart.evaluate((svg) => svg.scrollIntoView({ block: 'start' }));
		const box = (await chart.boundingBox())!;
		const y = box.y + 80;
		const mid = box.x + box.width / 2;
		const cdp = await context.newCDPSession(page);
		const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
			cdp.send('Input.dispatchTouchEvent', {
				type,
				touchPoints:
					type === 'touchEnd'
						? []
						: [
								{ x: mid - spread, y, id: 1 },
								{ x: mid + spread, y, id: 2 }
							]
			});
		await touch('touchStart', 20);
		for (let spread = 30; spread <= 120; spread += 10) await touch('touchMove', spread);
		await touch('touchEnd', 0);
		await expect(level).toContainText(SHOWING);
		await context.close();
	});

	test('the table and the chart select the same event', async ({ page }) => {
		await page.goto(TIMELINE);
		await page
			.locator('table')
			.getByRole('link', { name: title('E12') })
			.click();
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(title('E12'));
		await expect(page.locator('svg a[data-event="E12"]')).toHaveAttribute('aria-current', 'true');
		await page.locator('svg a[data-event="E14"]').click();
		await expect(page.locator('table a[data-event="E14"]')).toHaveAttribute('aria-current', 'true');
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(title('E14'));
	});

	test('the reader links a sentence to its events, and the details link back', async ({ page }) => {
		await page.goto(`/m/${CASE}/letter`);
		await page.getByRole('link', { name: /^events invoked by sentence 16\b/ }).click();
		await expect(page).toHaveURL(`${TIMELINE}?sentence=L16`);
		await expect(page.getByTestId('sentence-notice')).toContainText('Princess Astrid');
		const invoked = events.filter((e) => e.sentences.includes('L16')).map((e) => e.id);
		expect(invoked.length).toBeGreaterThan(0);
		for (const id of invoked) {
			await expect(page.locator(`svg a[data-event="${id}"]`)).toHaveClass(/highlighted/);
		}
		await expect(page.locator('svg a.highlighted')).toHaveCount(invoked.length);
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(
			title(invoked[0]!)
		);
		await details(page).getByRole('link', { name: 'Sentence 16' }).click();
		await expect(page).toHaveURL(`/m/${CASE}/letter#L16`);
		await expect(page.locator('#L16')).toBeInViewport();
	});

	test('axe: the timeline page with a sentence and a selection', async ({ page }) => {
		await page.goto(`${TIMELINE}?sentence=L25&event=E17`);
		await expect(page.getByRole('group', { name: /^Timeline of the case/ })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the ordering exercise works by keyboard alone', async ({ page }) => {
		await page.goto(ORDER);
		await expect(page.getByRole('button', { name: /^Move up/ }).first()).toBeVisible();
		const order = () =>
			page.locator('.order-list li').evaluateAll((li) => li.map((l) => l.getAttribute('data-id')));
		for (const [target, id] of correct.entries()) {
			const steps = (await order()).indexOf(id) - target;
			if (steps <= 0) continue;
			await page.locator(`#up-${id}`).focus();
			for (let i = 0; i < steps; i++) await page.keyboard.press('Enter');
			await expect(page.getByTestId('order-announcement')).toHaveText(
				`${title(id)}: now at position ${target + 1} of ${correct.length}.`
			);
		}
		expect(await order()).toEqual(correct);
		await page.getByRole('button', { name: 'Check my order' }).focus();
		await page.keyboard.press('Enter');
		const result = page.getByTestId('order-result');
		const pairs = (correct.length * (correct.length - 1)) / 2;
		await expect(result).toContainText(`${pairs} of ${pairs} pairs`);
		await expect(result.getByRole('heading', { name: 'Your result' })).toBeFocused();
		for (const id of correct) await expect(result).toContainText(title(id));
		await expectNoAxeViolations(page);
	});

	test('an event can be dragged to a new place with the pointer', async ({ page }) => {
		await page.goto(ORDER);
		const rows = page.locator('.order-list li');
		const first = await rows.first().getAttribute('data-id');
		const handle = rows.first().locator('.handle');
		const last = await rows.last().boundingBox();
		const box = await handle.boundingBox();
		await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
		await page.mouse.down();
		await page.mouse.move(box!.x + 10, last!.y + last!.height - 4, { steps: 12 });
		await page.mouse.up();
		await expect(rows.last()).toHaveAttribute('data-id', first!);
		await expect(page.getByTestId('order-announcement')).toHaveText(
			`${title(first!)}: now at position ${correct.length} of ${correct.length}.`
		);
		await expect(page.locator(`input[name="position-${first}"]`)).toHaveValue(
			String(correct.length)
		);
	});

	test('the page sits in the module column, and the chart with it', async ({ page }) => {
		await page.setViewportSize({ width: 1600, height: 900 });
		await page.goto(TIMELINE);
		const nav = (await page.getByRole('navigation', { name: 'Module' }).boundingBox())!;
		const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
		const chart = (await page.getByRole('group', { name: /^Timeline of the case/ }).boundingBox())!;
		expect(Math.abs(heading.x - nav.x)).toBeLessThanOrEqual(1);
		expect(Math.abs(chart.x - nav.x)).toBeLessThanOrEqual(1);
		expect(chart.x + chart.width).toBeLessThanOrEqual(nav.x + nav.width + 1);
	});

	test('on a phone, events close together are labelled as a group ("3 events")', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({
			baseURL,
			hasTouch: true,
			isMobile: true,
			viewport: { width: 390, height: 800 }
		});
		const page = await context.newPage();
		await page.goto(TIMELINE);
		await page.getByRole('button', { name: 'Reset' }).click();
		await expect(page.getByTestId('zoom-level')).toHaveText(WHOLE);
		const groups = page.locator('svg .cluster-label');
		await expect(groups.first()).toBeVisible();
		for (const text of await groups.allTextContents()) expect(text).toMatch(/^\d+ events$/);
		// zoomed in, the events spread apart and get their own numbers back
		const before = await groups.count();
		for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
		await expect.poll(() => groups.count()).toBeLessThan(before);
		await context.close();
	});

	test('a phone hydrates the chart the server drew, scaled to its column; a wide screen lays it out for its own width', async ({
		browser,
		baseURL,
		request
	}) => {
		// phones first: laying every mark out again after the first paint was a long task on a
		// slow phone (Lighthouse, issue 12)
		const html = await (await request.get(TIMELINE)).text();
		const served = html.match(/<svg[^>]*role="group"[^>]*viewBox="([^"]+)"/)?.[1];
		expect(served).toMatch(/^0 0 \d+ \d+$/);
		const context = await browser.newContext({
			baseURL,
			hasTouch: true,
			isMobile: true,
			viewport: { width: 390, height: 800 }
		});
		const page = await context.newPage();
		await page.goto(TIMELINE);
		await expect(page.getByTestId('zoom-level')).toHaveText(SHOWING); // running, zoomed in
		const chart = page.getByRole('group', { name: /^Timeline of the case/ });
		expect(await chart.getAttribute('viewBox')).toBe(served);
		const box = (await chart.boundingBox())!;
		const [, , width, height] = served!.split(' ').map(Number);
		expect(box.width).toBeGreaterThan(300);
		expect(box.width).toBeLessThanOrEqual(390);
		// the height follows the width: the whole chart, nothing cut off or left empty below it
		const inner = await chart.evaluate((svg) => [svg.clientWidth, svg.clientHeight]);
		expect(Math.abs(inner[1]! - (height! * inner[0]!) / width!)).toBeLessThan(1.5);
		await page.setViewportSize({ width: 1366, height: 900 });
		await expect
			.poll(async () => {
				const laidOut = Number((await chart.getAttribute('viewBox'))?.split(' ')[2]);
				return Math.abs(laidOut - (await chart.boundingBox())!.width);
			})
			.toBeLessThanOrEqual(1);
		await expect(page.getByTestId('zoom-level')).toHaveText(WHOLE);
		await context.close();
	});

	test('axe: the timeline at 320 px wide', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto(`${TIMELINE}?event=E3`);
		await expect(page.getByRole('group', { name: /^Timeline of the case/ })).toBeVisible();
		const width = await page
			.getByRole('group', { name: /^Timeline of the case/ })
			.evaluate((svg) => svg.getBoundingClientRect().width);
		expect(width).toBeLessThanOrEqual(320);
		await expectNoAxeViolations(page);
	});

	test('axe: the ordering exercise before answering', async ({ page }) => {
		await page.goto(ORDER);
		await expect(page.getByRole('button', { name: /^Move down/ }).first()).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the chart and the table select events by link', async ({ page }) => {
		await page.goto(TIMELINE);
		await expect(page.locator('svg a[data-event]').first()).toBeVisible();
		await page
			.locator('table')
			.getByRole('link', { name: title('E5') })
			.click();
		await expect(page).toHaveURL(/\?event=E5/);
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(title('E5'));
		await page.locator('svg a[data-event="E19"]').click();
		await expect(details(page).getByRole('heading', { level: 2 })).toContainText(title('E19'));
	});

	test('the ordering exercise grades numbered selects, and refuses a position given twice', async ({
		page
	}) => {
		await page.goto(ORDER);
		for (const [index, id] of correct.entries()) {
			await page.getByLabel(title(id)).selectOption(String(index + 1));
		}
		await page.getByRole('button', { name: 'Check my order' }).click();
		const pairs = (correct.length * (correct.length - 1)) / 2;
		await expect(page.getByTestId('order-result')).toContainText(`${pairs} of ${pairs} pairs`);
		for (const id of correct) {
			const date = page.getByTestId('order-result').getByText(title(id));
			await expect(date).toBeVisible();
		}

		await page.goto(ORDER);
		await page.getByLabel(title(correct[0]!)).selectOption('1');
		await page.getByLabel(title(correct[1]!)).selectOption('1');
		await page.getByRole('button', { name: 'Check my order' }).click();
		await expect(page.getByRole('alert')).toContainText('expected a position no other event has');
		// the student's choices are kept
		await expect(page.getByLabel(title(correct[1]!))).toHaveValue('1');
	});
});

test('the grade action answers bad input with a 400, never a 500', async ({ request, baseURL }) => {
	const bad: Record<string, string>[] = [
		{ 'position-E4': 'first' },
		{ [`position-${correct[0]}`]: '1', 'position-E999': '2' },
		{}
	];
	for (const form of bad) {
		// a plain form post gets the page back with status 400 and the message
		const page = await request.post(`${ORDER}?/grade`, {
			form,
			headers: { origin: baseURL ?? '', accept: 'text/html' }
		});
		expect(page.status()).toBe(400);
		expect(await page.text()).toContain('expected');
		// an enhanced post (as use:enhance sends it) gets a failure of status 400
		const json = await request.post(`${ORDER}?/grade`, {
			form,
			headers: { origin: baseURL ?? '', accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(json.status()).toBeLessThan(500);
		expect(await json.json()).toMatchObject({ type: 'failure', status: 400 });
	}
	// not a form at all
	const text = await request.post(`${ORDER}?/grade`, {
		data: 'positions please',
		headers: { origin: baseURL ?? '', accept: 'text/html', 'content-type': 'text/plain' }
	});
	expect(text.status()).toBe(400);
});
