// The key stays secret on every path. First, every file under build/client (what /_app serves):
// no rationale or other reading of any key (letter, practice, booster, pre-check, post-check,
// retelling), no distinctive
// sentence of the instructor guide or notes. Then (no browser; a server of its own) every route
// under src/routes (found on disk, so a new route is walked too: every lesson, the lesson with the
// post-check, the retelling exercise, the sources page), each page's __data.json, and every form
// that grades, walked by a signed-out visitor, a self-study student, and class students in each
// feedback mode ("immediate", "set", "reveal" before and after the reveal). No response body may
// carry the rationale or other reading of an item the persona has not committed (or may not see
// yet), nor a sentence of the instructor guide or notes; and in every structured answer (an
// action's JSON, a page's data), no item the persona may not see comes with its tag, technique,
// pile, credit or rationale. The retelling exercise has its own key: its rationales reach only a
// persona whose own retelling (every item sorted) has been graded. The lessons' key tables (lessons
// 6 and 7) are filled in on the server for what the persona may see: no response pairs an
// allegation or a technique with the key's sentences for it unless the persona may see every one
// of them, and neither does any file under /_app. A class student's map and ordering are handed
// in and stored: in "reveal" mode neither the key's links nor the events' true order comes back
// (answer or page data) before the reveal. The secrets come from the content itself
// (secrets.ts), so the test stays true when the key changes.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unflatten } from 'devalue';
import { Client, succeeded, type ActionResult } from '../../bench/client';
import { attemptIdOf, setUpClass, type ClassSetup } from '../../bench/classroom';
import { startServer, type RunningServer } from '../../bench/server';
import { CASE, claimIds, loaded } from './content';
import {
	guideSecrets,
	keyPairings,
	keySecrets,
	needleOf,
	pairingsIn,
	type KeyPairing,
	type Secret
} from './secrets';
import type { LessonKey } from '../../src/lib/exercises/lesson-key';
import { correctOrder } from '../../src/lib/exercises/order/scoring';

const m = `/m/${CASE}`;
const practiceIds = loaded.case.practice?.items.map((i) => i.id) ?? [];
const boosterIds = loaded.case.booster?.items.map((i) => i.id) ?? [];
const precheckIds = loaded.case.precheck?.items.map((i) => i.id) ?? [];
const postcheckIds = loaded.case.postcheck?.items.map((i) => i.id) ?? [];
/** the whole pre-check, tagged (any tags: the set is graded whole, so its key comes with it) */
const fullPrecheck = Object.fromEntries(precheckIds.map((id) => [`tag-${id}`, 'assertion']));
const fullPostcheck = Object.fromEntries(postcheckIds.map((id) => [`tag-${id}`, 'assertion']));
/** tagging all 7 "assertion" where the key has 2 assertions: assertion P 2/7, R 1, F1 4/9; the
 * other two tags F1 0; the balanced score (4/9) / 3 = 4/27 */
const ALL_ASSERTION = 4 / 27;
/** the post-check page's comparison with the pre-check, in a page's data */
function gainIn(text: string): { pre: number | null } | undefined {
	for (const data of decoded(text)) {
		for (const object of objects(data)) {
			if (object.gain && typeof object.gain === 'object') return object.gain as { pre: number };
		}
	}
	return undefined;
}
const retellingIds = loaded.case.retelling?.items.map((i) => i.id) ?? [];
/** a retelling with every item sorted (graded), and one with an item left out (refused) */
const fullRetelling = Object.fromEntries(retellingIds.map((id) => [`pile-${id}`, 'answered']));
const partRetelling = { [`pile-${retellingIds[0]}`]: 'answered' };
const letterKey = loaded.keys.letter;
const keyTag = (id: string) => letterKey.get(id)!.tag;
/** the item a student commits on its own, and one they never commit */
const [ONE, OTHER] = [claimIds[8]!, claimIds[12]!];
const PRACTICE_ONE = practiceIds[1]!;
const allTags = Object.fromEntries(claimIds.map((id) => [`tag-${id}`, keyTag(id)]));
const noLinks = Object.fromEntries(claimIds.map((id) => [`links-${id}`, 'none']));
/** what a self-study browser's map form carries for committed tags, plus tags never committed */
const mapWithTags = (committed: string[]) => ({
	...noLinks,
	...Object.fromEntries(claimIds.map((id) => [`tag-${id}`, keyTag(id)])),
	committed
});

/** Fields of an item that only the key gives. */
const KEY_FIELDS = [
	'tag',
	'technique',
	'rationale',
	'otherReading',
	'contested',
	'alsoDefensible',
	'credit',
	'tagging',
	'category'
];
const ITEM_IDS = new Set([
	...claimIds,
	...practiceIds,
	...boosterIds,
	...precheckIds,
	...postcheckIds,
	...retellingIds
]);
/** the lessons whose pages show tables of the key */
const keyLessons = loaded.case.lessons.filter((l) => (l.keyTables ?? []).length > 0);

/** Every route of the app, from src/routes, with its parameters filled in. */
function routePaths(values: Record<string, string[]>): { path: string; page: boolean }[] {
	const found: { path: string; page: boolean }[] = [];
	const walk = (folder: string, segments: string[]) => {
		const names = readdirSync(folder);
		const page = names.some((n) => /^\+page\.(svelte|server\.ts|ts)$/.test(n));
		const endpoint = names.includes('+server.ts');
		if (page || endpoint) {
			let paths = [''];
			for (const segment of segments) {
				// [name], [name=matcher], or [[name]] (optional: also walked without it)
				const param = /^\[\[?(\w+)(?:=\w+)?\]?\]$/.exec(segment)?.[1];
				const options = param ? (values[param] ?? ['unknown']) : [segment];
				const optional = segment.startsWith('[[');
				paths = paths.flatMap((p) => [
					...(optional ? [p] : []),
					...options.map((o) => `${p}/${o}`)
				]);
			}
			for (const path of paths) found.push({ path: path || '/', page });
		}
		for (const name of names) {
			if (statSync(join(folder, name)).isDirectory()) walk(join(folder, name), [...segments, name]);
		}
	};
	walk('src/routes', []);
	return found;
}

const dataPath = (path: string) => {
	const [pathname, query] = path.split('?');
	const data = `${pathname === '/' ? '' : pathname}/__data.json`;
	return query ? `${data}?${query}` : data;
};

interface Allowed {
	/** letter items whose key this persona may see */
	letter: Set<string>;
	/** items of the fictional sets (practice, booster, pre-check, post-check) */
	practice: Set<string>;
	/** whether the persona's own retelling has been graded (its key comes with it) */
	retelling?: boolean;
	/**
	 * whether the persona's map is handed in and its result shown (a class student's, stored): the
	 * key's links (which sentences answer each allegation) come with it, as they come with a
	 * self-study student's graded map; the tagging key stays limited to `letter`
	 */
	map?: boolean;
}

/** The needles this persona must never receive. */
function forbiddenFor(allowed: Allowed): Secret[] {
	const mayHave = (s: Secret) =>
		(s.what.startsWith('letter ') && allowed.letter.has(s.item!)) ||
		(/^(practice|booster|precheck|postcheck) /.test(s.what) && allowed.practice.has(s.item!)) ||
		(s.what.startsWith('retelling ') && allowed.retelling === true);
	return [...keySecrets().filter((s) => !mayHave(s)), ...guideSecrets()];
}

/** Every object in a decoded structure, depth first. */
function* objects(value: unknown, seen = new Set<unknown>()): Generator<Record<string, unknown>> {
	if (!value || typeof value !== 'object' || seen.has(value)) return;
	seen.add(value);
	if (!Array.isArray(value)) yield value as Record<string, unknown>;
	for (const child of Object.values(value as object)) yield* objects(child, seen);
}

/** The decoded data of a JSON response: an action's envelope or a page's __data.json. */
function decoded(text: string): unknown[] {
	let json: { type?: string; data?: unknown; nodes?: { data?: unknown[] }[] };
	try {
		json = JSON.parse(text);
	} catch {
		return [];
	}
	const out: unknown[] = [];
	if (typeof json.data === 'string') out.push(unflatten(JSON.parse(json.data)));
	for (const node of json.nodes ?? []) if (node?.data) out.push(unflatten(node.data));
	return out;
}

class Walker {
	readonly problems: string[] = [];
	checked = 0;
	private readonly forbidden: Secret[];
	private readonly pairings: KeyPairing[];

	constructor(
		readonly who: string,
		readonly client: Client,
		readonly allowed: Allowed
	) {
		this.forbidden = forbiddenFor(allowed);
		this.pairings = keyPairings().filter(
			(p) =>
				!(p.kind === 'allegation' && allowed.map) && p.items.some((id) => !allowed.letter.has(id))
		);
	}

	/** Checks one response body: no forbidden needle, no key field on an item not allowed. */
	inspect(where: string, body: string) {
		this.checked++;
		for (const secret of this.forbidden) {
			if (body.includes(secret.needle)) {
				this.problems.push(`${this.who}, ${where}: ${secret.what} ("${secret.needle}")`);
			}
		}
		for (const pairing of pairingsIn(body, this.pairings)) {
			this.problems.push(`${this.who}, ${where}: the key's pairing ${pairing.what}`);
		}
		for (const data of decoded(body)) {
			for (const object of objects(data)) {
				const id = object.id;
				if (typeof id !== 'string' || !ITEM_IDS.has(id)) continue;
				const fields = KEY_FIELDS.filter((f) => object[f] !== undefined);
				if (fields.length === 0) continue;
				const ok = claimIds.includes(id)
					? this.allowed.letter.has(id)
					: retellingIds.includes(id)
						? this.allowed.retelling === true
						: this.allowed.practice.has(id);
				if (!ok) this.problems.push(`${this.who}, ${where}: ${id} with ${fields.join(', ')}`);
			}
		}
	}

	async get(path: string) {
		const response = await this.client.get(path);
		expect(response.status, `${this.who} GET ${path}`).toBeLessThan(500);
		this.inspect(`GET ${path}`, response.text);
		return response;
	}

	async post(path: string, fields: Record<string, string | string[]>): Promise<ActionResult> {
		const result = await this.client.action(path, fields);
		expect(result.status, `${this.who} POST ${path}`).toBeLessThan(500);
		this.inspect(`POST ${path}`, result.text);
		return result;
	}

	/** Every route and its data, GET. */
	async walkRoutes(values: Record<string, string[]>) {
		const extra = [
			`${m}/tag?feedback=immediate`,
			`${m}/practice?feedback=set`,
			`${m}/timeline?sentence=${ONE}`,
			`${m}/timeline?event=E1`
		];
		const routes = [...routePaths(values), ...extra.map((path) => ({ path, page: true }))];
		expect(routes.length).toBeGreaterThan(30);
		for (const { path, page } of routes) {
			await this.get(path);
			if (page) await this.get(dataPath(path));
		}
	}

	/** The forms that grade, as this persona may post them without committing anything new. */
	async postForms() {
		await this.post(`${m}/map?/grade`, noLinks);
		await this.post(`${m}/map?/grade`, mapWithTags([]));
		await this.post(`${m}/tag?/grade`, { mode: 'immediate', [`tag-${OTHER}`]: keyTag(OTHER) });
		await this.post(`${m}/tag?/grade`, { mode: 'set', [`tag-${OTHER}`]: keyTag(OTHER) });
		await this.post(`${m}/practice?/grade`, { mode: 'set', [`tag-${practiceIds[0]}`]: 'evidence' });
		await this.post(`${m}/booster?/grade`, { mode: 'immediate' });
		// the pre- and post-check, one item tagged: graded whole only, so nothing comes back
		await this.post(`${m}/precheck?/grade`, { mode: 'set', [`tag-${precheckIds[1]}`]: 'evidence' });
		await this.post(`${m}/postcheck?/grade`, {
			mode: 'set',
			[`tag-${postcheckIds[0]}`]: 'evidence'
		});
		await this.post(`${m}/timeline/order?/grade`, { 'position-E1': '1' });
		await this.post(`${m}/retelling?/grade`, partRetelling);
		for (const lesson of keyLessons) {
			// a browser's tags, none of them checked: the key tables get nothing from them
			await this.post(`${m}/lessons/${lesson.slug}?/key`, mapWithTags([]));
		}
		await this.post(`${m}/lessons/${loaded.case.lessons[0]!.slug}?/done`, {});
		await this.post('/join', { code: 'ZZZZZZZZ', nickname: 'Nobody' });
		await this.post('/resume', { code: 'ZZZZZ-ZZZZZ' });
		await this.post('/instructor/signin', { email: 'nobody@example.org', password: 'wrong one' });
	}

	expectClean() {
		expect(this.checked).toBeGreaterThan(60);
		expect(this.problems.slice(0, 30)).toEqual([]);
	}
}

/** A class student: joins, and has their attempt id for the letter. */
async function classStudent(base: string, setup: ClassSetup, nickname: string) {
	const student = new Client(base);
	const joined = await student.action('/join', { code: setup.code, nickname });
	expect(succeeded(joined), joined.text).toBe(true);
	const attempt = attemptIdOf((await student.get(`${m}/tag`)).text);
	return { student, attempt };
}

/** The key tables' rows in a page's data (__data.json) or in the lesson's `key` action answer. */
function lessonKeyIn(text: string): LessonKey | undefined {
	for (const data of decoded(text)) {
		for (const object of objects(data)) {
			if (object.lessonKey) return object.lessonKey as LessonKey;
		}
	}
	return undefined;
}

/** The sentences a lesson's key rows mention. */
const sentencesIn = (key: LessonKey | undefined) =>
	[...new Set(JSON.stringify(key ?? {}).match(/\bL\d+\b/g) ?? [])].sort();

/** What each lesson with key tables gives this client: its data's rows. */
async function lessonKeys(walker: Walker): Promise<LessonKey[]> {
	const found: LessonKey[] = [];
	expect(keyLessons.length).toBeGreaterThan(0);
	for (const lesson of keyLessons) {
		const data = await walker.get(dataPath(`${m}/lessons/${lesson.slug}`));
		const key = lessonKeyIn(data.text);
		expect(key, lesson.slug).toBeDefined();
		found.push(key!);
	}
	return found;
}

/** The events of the ordering exercise, in true order, and a whole answer giving that order. */
const orderIds = correctOrder((loaded.case.timeline?.events ?? []).filter((e) => e.orderExercise));
const fullOrder = Object.fromEntries(orderIds.map((id, i) => [`position-${id}`, String(i + 1)]));
/** The handed-in work in a page's data (the map's and the ordering's). */
function handedInOf(text: string): { handedIn?: boolean; result?: unknown } | undefined {
	for (const data of decoded(text)) {
		for (const object of objects(data)) {
			if (object.handedIn && typeof object.handedIn === 'object') {
				return object.handedIn as { handedIn?: boolean; result?: unknown };
			}
		}
	}
	return undefined;
}

const feedbackIds = (r: ActionResult) =>
	((r.data as { result?: { feedback?: { id: string; tagging?: unknown }[] } })?.result?.feedback ??
		[]) as { id: string; tagging?: unknown }[];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

test.describe('the files under /_app (build/client)', () => {
	const client = () => files('build/client').map((f) => readFileSync(f, 'utf8'));

	test('carry no rationale or other reading of any key', () => {
		const texts = client();
		expect(texts.length).toBeGreaterThan(0);
		const secrets = keySecrets();
		expect(secrets.length).toBeGreaterThan(20);
		expect(secrets.filter((s) => s.what.startsWith('retelling ')).length).toBeGreaterThan(5);
		const leaked = secrets.filter((s) => texts.some((text) => text.includes(s.needle)));
		expect(leaked.map((s) => `${s.what}: "${s.needle}"`)).toEqual([]);
	});

	test('carry no pairing of the key that a lesson printed (allegation or technique, with its sentences)', () => {
		const texts = client();
		const pairings = keyPairings();
		// every allegation the key links to, and every technique it uses
		expect(pairings.length).toBeGreaterThan(10);
		const leaked = pairings.filter((p) => texts.some((text) => pairingsIn(text, [p]).length > 0));
		expect(leaked.map((p) => p.what)).toEqual([]);
	});

	test('carry no sentence of the instructor guide or notes', () => {
		const texts = client();
		const secrets = guideSecrets();
		// the guide and every note contribute sentences of their own
		const notes = readdirSync(`lessons/${CASE}/instructor`).filter((f) => f.endsWith('.md'));
		for (const note of notes) {
			expect(secrets.filter((s) => s.what.endsWith(note)).length, note).toBeGreaterThan(2);
		}
		const leaked = secrets.filter((s) => texts.some((text) => text.includes(s.needle)));
		expect(leaked.map((s) => `${s.what}: "${s.needle}"`)).toEqual([]);
	});
});

test.describe('every route and form, by who is asking', () => {
	test.describe.configure({ mode: 'serial' });

	let server: RunningServer;
	let values: Record<string, string[]>;
	const setups: Record<string, ClassSetup> = {};

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		server = await startServer();
		for (const mode of ['immediate', 'set', 'reveal']) {
			setups[mode] = await setUpClass(server.url, {
				className: `Secrecy ${mode}`,
				feedbackMode: mode
			});
		}
		values = {
			module: [CASE],
			lesson: loaded.case.lessons.map((l) => l.slug),
			set: ['tag', 'practice', 'booster', 'precheck', 'postcheck'],
			code: [setups.set!.code],
			classId: [setups.set!.classId]
		};
	});

	test.afterAll(async () => {
		await server?.stop();
		if (server) rmSync(server.dataDir, { recursive: true, force: true });
	});

	test('a signed-out visitor gets no key from any route or form', async () => {
		test.setTimeout(120_000);
		const visitor = new Walker('visitor', new Client(server.url), {
			letter: new Set(),
			practice: new Set()
		});
		const retelling = await visitor.post(`${m}/retelling?/grade`, partRetelling);
		expect(retelling.type).toBe('failure');
		await visitor.walkRoutes(values);
		await visitor.postForms();
		// the map, linked in full: the links, and nothing of the tagging key
		const map = await visitor.post(`${m}/map?/grade`, noLinks);
		expect(feedbackIds(map)).toHaveLength(claimIds.length);
		expect(feedbackIds(map).filter((f) => f.tagging)).toEqual([]);
		visitor.expectClean();
		// the lessons' key tables: nothing, and the way to the tagging exercise
		for (const key of await lessonKeys(visitor)) {
			expect(key).toMatchObject({ reader: 'self-study', shown: 0 });
			expect(sentencesIn(key)).toEqual([]);
		}
		const lesson = await visitor.get(`${m}/lessons/${keyLessons[0]!.slug}`);
		expect(lesson.text).toContain('Tag the letter first');
	});

	test('a self-study student gets the key of what they commit, and nothing more', async () => {
		test.setTimeout(120_000);
		const self = new Walker('self-study', new Client(server.url), {
			letter: new Set([ONE]),
			practice: new Set([PRACTICE_ONE, ...precheckIds]),
			retelling: true
		});
		// the whole pre-check checked: its key comes back, for the pre-check only
		expect(precheckIds.length).toBe(7);
		const prechecked = await self.post(`${m}/precheck?/grade`, { mode: 'set', ...fullPrecheck });
		expect(feedbackIds(prechecked).map((f) => f.id)).toEqual(precheckIds);
		const firstPrecheck = loaded.keys.precheck!.get(precheckIds[0]!)!;
		expect(prechecked.text).toContain(needleOf(firstPrecheck.rationale));
		// the retelling's key comes with the student's own, complete retelling
		const retelling = await self.post(`${m}/retelling?/grade`, fullRetelling);
		expect(retelling.type).toBe('success');
		const firstRetelling = loaded.keys.retelling!.get(retellingIds[0]!)!;
		expect(retelling.text).toContain(needleOf(firstRetelling.rationale));
		const tagged = await self.post(`${m}/tag?/grade`, {
			mode: 'immediate',
			commit: ONE,
			[`tag-${ONE}`]: keyTag(ONE),
			[`tag-${OTHER}`]: keyTag(OTHER)
		});
		expect(feedbackIds(tagged).map((f) => f.id)).toEqual([ONE]);
		const practiced = await self.post(`${m}/practice?/grade`, {
			mode: 'immediate',
			commit: PRACTICE_ONE,
			[`tag-${PRACTICE_ONE}`]: 'evidence'
		});
		expect(feedbackIds(practiced).map((f) => f.id)).toEqual([PRACTICE_ONE]);
		// the map form carries the committed tag (and, by mistake or on purpose, uncommitted ones)
		const map = await self.post(`${m}/map?/grade`, mapWithTags([ONE]));
		expect(
			feedbackIds(map)
				.filter((f) => f.tagging)
				.map((f) => f.id)
		).toEqual([ONE]);
		// the lessons' key tables: the page asks with this browser's tags; only the checked one counts
		for (const lesson of keyLessons) {
			const asked = await self.post(`${m}/lessons/${lesson.slug}?/key`, mapWithTags([ONE]));
			const key = lessonKeyIn(asked.text);
			expect(key, lesson.slug).toMatchObject({ reader: 'self-study', shown: 1 });
			expect(
				sentencesIn(key).filter((id) => id !== ONE),
				lesson.slug
			).toEqual([]);
		}
		const techniques = keyLessons.find((l) => l.keyTables.includes('techniques'))!;
		const withOne = await self.post(`${m}/lessons/${techniques.slug}?/key`, mapWithTags([ONE]));
		expect(sentencesIn(lessonKeyIn(withOne.text))).toEqual([ONE]);
		await self.walkRoutes(values);
		await self.postForms();
		self.expectClean();
	});

	test('a class student in "immediate" mode gets the key of the items they checked only', async () => {
		test.setTimeout(120_000);
		const { student, attempt } = await classStudent(server.url, setups.immediate!, 'Immediate');
		const walker = new Walker('class immediate', student, {
			letter: new Set([ONE]),
			practice: new Set(),
			// the map below is handed in whole: its result (the key's links) is stored and shown
			map: true
		});
		const checked = await walker.post(`${m}/tag?/grade`, {
			mode: 'immediate',
			attempt,
			commit: ONE,
			[`tag-${ONE}`]: keyTag(ONE),
			[`tag-${OTHER}`]: keyTag(OTHER)
		});
		expect(feedbackIds(checked).map((f) => f.id)).toEqual([ONE]);
		// the map reads the stored attempt: the form's claims about other items change nothing
		const map = await walker.post(`${m}/map?/grade`, mapWithTags(claimIds));
		expect(
			feedbackIds(map)
				.filter((f) => f.tagging)
				.map((f) => f.id)
		).toEqual([ONE]);
		// the lessons' key tables read the stored attempt too
		for (const key of await lessonKeys(walker)) {
			expect(key).toMatchObject({ reader: 'class', shown: 1 });
			expect(sentencesIn(key).filter((id) => id !== ONE)).toEqual([]);
		}
		await walker.walkRoutes(values);
		await walker.postForms();
		walker.expectClean();
	});

	test('a class student in "set" mode gets no key for one item, only for the whole set', async () => {
		test.setTimeout(120_000);
		const { student, attempt } = await classStudent(server.url, setups.set!, 'Whole set');
		// the map below is handed in whole: its result (the key's links) is stored and shown
		const walker = new Walker('class set', student, {
			letter: new Set(),
			practice: new Set(),
			map: true
		});
		const one = await walker.post(`${m}/tag?/grade`, {
			mode: 'immediate',
			attempt,
			commit: ONE,
			committed: [ONE],
			[`tag-${ONE}`]: keyTag(ONE)
		});
		expect(one.type).toBe('failure');
		const map = await walker.post(`${m}/map?/grade`, mapWithTags(claimIds));
		expect(feedbackIds(map).filter((f) => f.tagging)).toEqual([]);
		for (const key of await lessonKeys(walker)) {
			expect(key).toMatchObject({ reader: 'class', shown: 0 });
		}
		await walker.walkRoutes(values);
		await walker.postForms();
		walker.expectClean();
	});

	test('a class student in "reveal" mode gets nothing before the reveal, and all after', async () => {
		test.setTimeout(180_000);
		const setup = setups.reveal!;
		const { student, attempt } = await classStudent(server.url, setup, 'Patient');
		const before = new Walker('class reveal, before', student, {
			letter: new Set(),
			practice: new Set()
		});
		const handedIn = await before.post(`${m}/tag?/grade`, { mode: 'set', attempt, ...allTags });
		expect((handedIn.data as { pending?: { committed: string[] } }).pending?.committed).toEqual(
			claimIds
		);
		const oneMore = await before.post(`${m}/tag?/grade`, {
			mode: 'immediate',
			attempt,
			commit: ONE,
			[`tag-${ONE}`]: keyTag(ONE)
		});
		expect(feedbackIds(oneMore)).toEqual([]);
		const map = await before.post(`${m}/map?/grade`, mapWithTags(claimIds));
		expect(feedbackIds(map).filter((f) => f.tagging)).toEqual([]);
		// the map and the ordering are handed in and stored, but neither the key's links nor the
		// events' true order comes back before the reveal: not in the answer, not in the page's data
		expect(map.data).toMatchObject({ handedIn: true });
		expect(map.data).not.toHaveProperty('result');
		const order = await before.post(`${m}/timeline/order?/grade`, fullOrder);
		expect(order.data).toMatchObject({ handedIn: true, positions: { [orderIds[0]!]: '1' } });
		expect(order.data).not.toHaveProperty('result');
		expect(order.text).not.toContain('"expected"');
		for (const path of [`${m}/map`, `${m}/timeline/order`]) {
			const data = await before.get(dataPath(path));
			expect(handedInOf(data.text), path).toMatchObject({ handedIn: true });
			expect(handedInOf(data.text), path).not.toHaveProperty('result');
		}
		for (const key of await lessonKeys(before)) {
			expect(key).toMatchObject({ reader: 'class', shown: 0 });
			expect(sentencesIn(key)).toEqual([]);
		}
		// the pre- and post-check handed in whole: held for the reveal, and no change figure yet
		for (const [slug, ids, answers] of [
			['precheck', precheckIds, fullPrecheck],
			['postcheck', postcheckIds, fullPostcheck]
		] as const) {
			const setAttempt = attemptIdOf((await before.get(`${m}/${slug}`)).text);
			const held = await before.post(`${m}/${slug}?/grade`, {
				mode: 'set',
				attempt: setAttempt,
				...answers
			});
			expect((held.data as { pending?: { committed: string[] } }).pending?.committed).toEqual(ids);
		}
		expect(gainIn((await before.get(dataPath(`${m}/postcheck`))).text)).toMatchObject({
			pre: null
		});
		await before.walkRoutes(values);
		await before.postForms();
		before.expectClean();

		// the instructor reveals the key
		const classPage = await setup.instructor.get(setup.classUrl);
		const assignment = /name="assignment" value="([0-9a-f-]{36})"/.exec(classPage.text)?.[1];
		expect(assignment).toBeTruthy();
		// the one reveal, confirmed (reveal.spec.ts: refused without the box)
		const revealed = await setup.instructor.action(`${setup.classUrl}?/reveal`, {
			assignment: assignment!,
			confirm: 'yes'
		});
		expect(succeeded(revealed), revealed.text).toBe(true);

		const after = new Walker('class reveal, after', student, {
			letter: new Set(claimIds),
			practice: new Set([...precheckIds, ...postcheckIds])
		});
		// now the post-check's results carry the change since the pre-check
		const gain = gainIn((await after.get(dataPath(`${m}/postcheck`))).text);
		expect(gain?.pre).toBeCloseTo(ALL_ASSERTION, 10);
		const page = await after.get(`${m}/tag`);
		expect(page.text).toContain(letterKey.get(ONE)!.rationale.slice(0, 30));
		const mapAfter = await after.post(`${m}/map?/grade`, noLinks);
		expect(feedbackIds(mapAfter).filter((f) => f.tagging)).toHaveLength(claimIds.length);
		// the stored map and order, graded now that the key is revealed
		const orderData = handedInOf((await after.get(dataPath(`${m}/timeline/order`))).text);
		expect(orderData?.result).toMatchObject({ given: orderIds });
		expect(handedInOf((await after.get(dataPath(`${m}/map`))).text)?.result).toBeDefined();
		// the whole key in the lessons' tables, which the pairing detector recognises on the page
		for (const key of await lessonKeys(after)) {
			expect(key).toMatchObject({ reader: 'class', shown: claimIds.length });
		}
		let lessonPages = '';
		for (const lesson of keyLessons) {
			lessonPages += (await after.get(`${m}/lessons/${lesson.slug}`)).text;
		}
		expect(pairingsIn(lessonPages, keyPairings()).map((p) => p.what)).toEqual(
			keyPairings().map((p) => p.what)
		);
		await after.walkRoutes(values);
		await after.postForms();
		after.expectClean();
	});
});
