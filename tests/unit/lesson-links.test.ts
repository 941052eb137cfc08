// Lessons and instructor notes: valid frontmatter, internal links that resolve to existing routes
// and anchors, external links that are all in the case's source register, letter quotations that
// are verbatim, no key in a lesson file (the key tables' rows come from the server:
// lesson-key.test.ts), and timings that add up.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase, type LoadedCase } from '../../src/lib/content/case';
import { readCaseFiles, validateLessonsFolder } from '../../src/lib/content/folder';
import { InstructorNoteFrontmatter } from '../../src/lib/content/instructor';
import { parseFrontmatter, parseYamlFile } from '../../src/lib/content/parse';
import { GlossaryFile } from '../../src/lib/content/schemas';
import { EXERCISE_SET_INFO, EXERCISE_SETS } from '../../src/lib/content/vocabulary';
import { keyPairings, pairingsIn } from '../e2e/secrets';

const CASE = 'embassy-letter-2020';
const FOLDER = `lessons/${CASE}`;

/** Every file below a folder, as paths relative to the repository root. */
function filesBelow(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = join(folder, name);
		return statSync(full).isDirectory() ? filesBelow(full) : [full];
	});
}

const read = (path: string) => readFileSync(path, 'utf8');
const contentFiles = filesBelow('lessons').filter((f) => /\.(md|ya?ml)$/.test(f));
const lessonFiles = readdirSync(FOLDER)
	.filter((f) => /^\d\d-.*\.md$/.test(f))
	.sort();
const noteFiles = existsSync(`${FOLDER}/instructor`)
	? readdirSync(`${FOLDER}/instructor`)
			.filter((f) => f.endsWith('.md'))
			.sort()
	: [];

let cached: LoadedCase[] | undefined;
/** The validated content of every case (loaded once; throws a ContentError if any file is broken). */
function cases(): LoadedCase[] {
	cached ??= validateLessonsFolder('lessons');
	return cached;
}
function loaded(caseId = CASE): LoadedCase {
	const found = cases().find((c) => c.case.id === caseId);
	if (!found) throw new Error(`no case ${caseId} in lessons/`);
	return found;
}

/** The markdown body of a lesson or note: the text after the frontmatter. */
const body = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('lesson and instructor-note frontmatter', () => {
	it('loads every case, lesson and instructor note through the content loader', () => {
		expect(() => cases()).not.toThrow();
	});

	it('numbers the lessons 01 to 07 without gaps, each 10 to 20 minutes with 2 to 4 objectives', () => {
		const { lessons } = loaded().case;
		expect(lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		for (const lesson of lessons) {
			expect(lesson.minutes, lesson.file).toBeGreaterThanOrEqual(10);
			expect(lesson.minutes, lesson.file).toBeLessThanOrEqual(20);
			expect(lesson.objectives.length, lesson.file).toBeGreaterThanOrEqual(2);
			expect(lesson.objectives.length, lesson.file).toBeLessThanOrEqual(4);
		}
	});

	it('has the guide and one instructor note per lesson, with the same NN-slug', () => {
		expect(noteFiles[0]).toBe('00-guide.md');
		expect(noteFiles.slice(1)).toEqual(lessonFiles);
		for (const name of noteFiles) {
			const note = parseFrontmatter(
				name,
				read(`${FOLDER}/instructor/${name}`),
				InstructorNoteFrontmatter
			);
			expect(note.lesson, name).toBe(Number(name.slice(0, 2)));
		}
	});

	it('fails the load on a broken instructor note, naming the file and the field', () => {
		const note = noteFiles.find((f) => f.startsWith('01-'));
		if (!note) throw new Error('no instructor note 01');
		const broken = (name: string, text: string) => () =>
			loadCase(CASE, { ...readCaseFiles(FOLDER), [`instructor/${name}`]: text });
		expect(broken(note, '---\ntitle: A note\n---\n')).toThrow(
			new RegExp(`instructor/${note}:\\n\\s+- field "lesson": expected number`)
		);
		expect(broken(note, '---\ntitle: A note\nlesson: 2\n---\n')).toThrow(
			/field "lesson": expected 1, the number in the file name, found 2/
		);
		expect(broken('09-no-such-lesson.md', '---\ntitle: A note\nlesson: 9\n---\n')).toThrow(
			/expected a lesson lessons\/embassy-letter-2020\/09-no-such-lesson\.md/
		);
		expect(broken('notes.md', '---\ntitle: A note\nlesson: 1\n---\n')).toThrow(
			/expected instructor\/NN-slug\.md/
		);
	});

	it('starts lesson bodies at h2 (the layout owns the h1) and notes at h3 (the guide owns h1 and h2)', () => {
		for (const name of lessonFiles) {
			expect(body(read(`${FOLDER}/${name}`)), name).not.toMatch(/^# /m);
		}
		for (const name of noteFiles) {
			expect(body(read(`${FOLDER}/instructor/${name}`)), name).not.toMatch(/^#{1,2} /m);
		}
	});

	it('ends every lesson with "Check your understanding" and 2 or 3 questions', () => {
		for (const name of lessonFiles) {
			const text = body(read(`${FOLDER}/${name}`));
			const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
			expect(headings.at(-1), name).toBe('Check your understanding');
			const last = text.slice(text.lastIndexOf('## Check your understanding'));
			const questions = last.match(/<CheckQuestion /g)?.length ?? 0;
			expect(questions, name).toBeGreaterThanOrEqual(2);
			expect(questions, name).toBeLessThanOrEqual(3);
		}
	});
});

// ---- internal links ------------------------------------------------------------------------

interface Route {
	id: string;
	segments: string[];
}

/** The app's routes, from the folders under src/routes that hold a page or an endpoint. */
function routes(folder = 'src/routes', prefix: string[] = []): Route[] {
	const names = readdirSync(folder);
	const here = names.some((n) => /^\+(page(\.server)?\.(svelte|ts|js)|server\.(ts|js))$/.test(n))
		? [{ id: prefix.join('/'), segments: prefix.filter((s) => !/^\(.*\)$/.test(s)) }]
		: [];
	const below = names
		.filter((n) => statSync(join(folder, n)).isDirectory())
		.flatMap((n) => routes(join(folder, n), [...prefix, n]));
	return [...here, ...below];
}

/** Which values a route parameter may take for a link to resolve, or undefined for any value. */
function allowedValues(param: string, values: Record<string, string>): Set<string> | undefined {
	if (param === 'module') return new Set(cases().map((c) => c.case.id));
	if (param === 'lesson') return new Set(loaded(values.module).case.lessons.map((l) => l.slug));
	if (param === 'set') return new Set(EXERCISE_SETS.map((s) => EXERCISE_SET_INFO[s].slug));
	return undefined;
}

function matchRoute(path: string): { route: Route; values: Record<string, string> } | undefined {
	const parts = path.split('/').filter(Boolean);
	for (const route of routes()) {
		const values: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < Math.max(parts.length, route.segments.length); i++) {
			const segment = route.segments[i];
			const part = parts[i];
			if (segment?.startsWith('[...')) break;
			if (segment?.startsWith('[[') && part === undefined) break;
			if (segment === undefined || part === undefined) {
				ok = false;
				break;
			}
			// [name], [name=matcher] or [[name]]
			const param = /^\[\[?(\w+)(?:=\w+)?\]?\]$/.exec(segment)?.[1];
			if (param) {
				values[param] = part;
				const allowed = allowedValues(param, values);
				if (allowed && !allowed.has(part)) ok = false;
			} else if (segment !== part) ok = false;
			if (!ok) break;
		}
		if (ok) return { route, values };
	}
	return undefined;
}

/** The anchors a page offers, by route: sentences and allegations, glossary terms, guide notes. */
function anchorsOf(route: Route, values: Record<string, string>): Set<string> {
	const c = values.module ? loaded(values.module).case : undefined;
	if (!c) return new Set();
	switch (route.id) {
		case 'm/[module]/letter':
			return new Set([...c.sentences.map((s) => s.id), ...c.article.allegations.map((a) => a.id)]);
		case 'm/[module]/glossary':
			return new Set(c.glossary?.terms.map((t) => t.id) ?? []);
		case 'instructor/guide/[module]':
			return new Set(noteFiles.map((f) => `note-${f.replace(/\.md$/, '')}`));
		case 'm/[module]/timeline':
			return new Set(c.timeline?.events.map((e) => e.id) ?? []);
		default:
			return new Set();
	}
}

/** Internal links in a content file: markdown and HTML links, plus the lesson components' links. */
function internalLinks(file: string, text: string): string[] {
	const caseId = file.split(/[\\/]/)[1] ?? CASE;
	const links = [...text.matchAll(/(?<=[("'\s])\/m\/[^\s)"'<>]*/g)].map((m) => m[0]);
	for (const m of text.matchAll(/<Term id="([^"]+)"/g)) links.push(`/m/${caseId}/glossary#${m[1]}`);
	for (const m of text.matchAll(/<LetterQuote id="([^"]+)"/g))
		links.push(`/m/${caseId}/letter#${m[1]}`);
	return links;
}

describe('internal links', () => {
	it('finds the routes of the app', () => {
		const ids = routes().map((r) => r.id);
		expect(ids).toContain('m/[module]/lessons/[lesson]');
		expect(ids).toContain('m/[module]/glossary');
		expect(ids).toContain('m/[module]/instructor');
	});

	it('resolves every /m/... link in lessons/ to an existing route, and every anchor to an id', () => {
		const problems: string[] = [];
		for (const file of contentFiles) {
			for (const link of internalLinks(file, read(file))) {
				const [path = '', anchor] = link.split('#');
				const found = matchRoute(path);
				if (!found) {
					problems.push(`${file}: ${link} matches no route under src/routes`);
					continue;
				}
				if (anchor !== undefined && !anchorsOf(found.route, found.values).has(anchor)) {
					problems.push(`${file}: ${link} has no anchor #${anchor} on ${found.route.id}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('links glossary terms only to terms that exist, and has the terms the lessons rely on', () => {
		const glossary = parseYamlFile(
			`${FOLDER}/glossary.yaml`,
			read(`${FOLDER}/glossary.yaml`),
			GlossaryFile
		);
		const ids = new Set(glossary.terms.map((t) => t.id));
		expect(ids.size).toBe(glossary.terms.length);
		for (const term of glossary.terms) {
			for (const related of term.related)
				expect(ids.has(related), `${term.id} -> ${related}`).toBe(true);
		}
		for (const id of [
			'assertion',
			'evidence',
			'deflection',
			'whataboutism',
			'red-herring',
			'straw-man',
			'attack-on-source',
			'questioning-motives',
			'loaded-labels',
			'appeal-to-authority',
			'appeal-to-popularity',
			'appeal-to-values',
			'appeal-to-consequences',
			'lateral-reading',
			'truth-sandwich',
			'primary-source',
			'secondary-source',
			'discernment',
			'inoculation',
			'confidence',
			'schengen-area',
			'vsse',
			'confucius-institute',
			'procedural-ruling',
			'right-of-reply'
		]) {
			expect(ids.has(id), id).toBe(true);
		}
	});
});

// ---- external links --------------------------------------------------------------------------

const URL_PATTERN = /https?:\/\/[^\s"'<>)\]]+/g;
const urlsIn = (text: string) =>
	[...text.matchAll(URL_PATTERN)].map((m) => m[0].replace(/[.,;:]+$/, ''));

describe('external links', () => {
	it('no longer ships a copy of reference material: the register replaces it', () => {
		expect(existsSync(`${FOLDER}/sources/facts.md`)).toBe(false);
		expect(existsSync(`${FOLDER}/sources.yaml`)).toBe(true);
	});

	it('names no web address in lessons/ that is not in the case’s source register', () => {
		const register = new Set(loaded().case.sources.map((s) => s.url));
		const checked = contentFiles.filter((f) => !/sources\.yaml$/.test(f) && !/deny/.test(f));
		const problems = checked.flatMap((file) =>
			urlsIn(read(file))
				.filter((url) => !register.has(url))
				.map((url) => `${file}: ${url} is not in sources.yaml`)
		);
		expect(problems).toEqual([]);
		expect(checked.length).toBeGreaterThan(10);
	});
});

// ---- quotations and consistency with the key -------------------------------------------------

const decode = (s: string) =>
	s
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&apos;', "'")
		.replaceAll('&amp;', '&');

describe('quotations of the letter', () => {
	const markdown = [
		...lessonFiles.map((f) => `${FOLDER}/${f}`),
		...noteFiles.map((f) => `${FOLDER}/instructor/${f}`)
	];

	it('quotes whole sentences verbatim in <LetterQuote>', () => {
		const sentences = new Map(loaded().case.sentences.map((s) => [s.id, s.text]));
		let count = 0;
		for (const file of markdown) {
			for (const m of read(file).matchAll(/<LetterQuote id="(L\d+)" text="([^"]*)"/g)) {
				count++;
				expect(decode(m[2] ?? ''), `${file}: ${m[1]}`).toBe(sentences.get(m[1] ?? ''));
			}
		}
		expect(count).toBeGreaterThan(0);
	});

	it('quotes fragments verbatim where they cite a sentence: "words" ([sentence N](...#LN))', () => {
		const sentences = new Map(loaded().case.sentences.map((s) => [s.id, s.text]));
		const pattern = /"([^"\n]+)"\s*\(\[sentences? [^\]]+\]\(\/m\/[^/]+\/letter#(L\d+)\)\)/g;
		let count = 0;
		for (const file of markdown) {
			for (const m of read(file).matchAll(pattern)) {
				count++;
				expect(sentences.get(m[2] ?? ''), `${file}: "${m[1]}"`).toContain(m[1]);
			}
		}
		expect(count).toBeGreaterThan(0);
	});
});

describe('no key in a lesson file', () => {
	it('prints no pairing of the key (an allegation or a technique with its sentences)', () => {
		const pairings = keyPairings();
		expect(pairings.length).toBeGreaterThan(10);
		for (const name of lessonFiles) {
			const found = pairingsIn(read(`${FOLDER}/${name}`), pairings);
			expect(
				found.map((p) => p.what),
				name
			).toEqual([]);
		}
	});
});

describe('the guide restates the key', () => {
	it('lists exactly the contested sentences of the key, with their primary tags (guide, lesson 4)', () => {
		const file = noteFiles.find((f) => f.startsWith('04-'));
		if (!file) throw new Error('no instructor note 04');
		const text = read(`${FOLDER}/instructor/${file}`);
		const section = text.slice(text.indexOf('### The contested sentences'));
		const rows = [...section.matchAll(/^\| \[\d+\]\(\/m\/[^)]*#(L\d+)\) \| (\w+)/gm)];
		const { keys } = loaded();
		const contested = [...keys.letter].filter(([, e]) => e.contested).map(([id]) => id);
		expect(rows.map((r) => r[1]).sort()).toEqual([...contested].sort());
		for (const [, id, tag] of rows) expect(tag, id).toBe(keys.letter.get(id ?? '')?.tag);
	});
});

describe('timing', () => {
	/** The rows of a markdown table under a heading, as lists of trimmed cells. */
	function tableAfter(text: string, heading: string): string[][] {
		const at = text.indexOf(heading);
		if (at < 0) throw new Error(`no heading ${heading}`);
		const lines = text.slice(at).split('\n').slice(1);
		const start = lines.findIndex((l) => l.startsWith('|'));
		const rows: string[][] = [];
		for (const line of lines.slice(start)) {
			if (!line.startsWith('|')) break;
			rows.push(
				line
					.split('|')
					.slice(1, -1)
					.map((c) => c.trim())
			);
		}
		return rows.slice(2);
	}

	/** Each lesson's planned minutes in class: the end of the last row of its note's timing table. */
	function planMinutes(): Map<number, number> {
		const plans = new Map<number, number>();
		for (const name of noteFiles.filter((f) => !f.startsWith('00-'))) {
			const rows = tableAfter(read(`${FOLDER}/instructor/${name}`), '### Timing');
			let previous = 0;
			for (const [span] of rows) {
				const match = /^(\d+) to (\d+)$/.exec(span ?? '');
				expect(match, `${name}: "${span}"`).not.toBeNull();
				expect(Number(match![1]), `${name}: rows follow on`).toBe(previous);
				expect(Number(match![2]), name).toBeGreaterThan(previous);
				previous = Number(match![2]);
			}
			plans.set(Number(name.slice(0, 2)), previous);
		}
		return plans;
	}

	it('adds the plans of the notes up to the guide’s total, and every suggested schedule to the same total', () => {
		const plans = planMinutes();
		expect([...plans.keys()].sort((a, b) => a - b)).toEqual(
			loaded().case.lessons.map((l) => l.number)
		);
		const total = [...plans.values()].reduce((a, b) => a + b, 0);
		const guide = read(`${FOLDER}/instructor/00-guide.md`);

		const shape = tableAfter(guide, '### The shape of the module');
		expect(shape.map((row) => Number(row[1]))).toEqual(
			[...plans.entries()].sort(([a], [b]) => a - b).map(([, m]) => m)
		);
		expect(guide).toContain(`${total} minutes in all`);

		const section = guide.slice(guide.indexOf('### Suggested sessions'));
		const tables = section.split(/\n(?=\| Session \|)/).slice(1);
		expect(tables.length).toBeGreaterThanOrEqual(2);
		for (const table of tables) {
			const rows = tableAfter(`\n${table}`, '\n');
			const seen: number[] = [];
			let sum = 0;
			for (const [, lessons, minutes] of rows) {
				const numbers = (lessons ?? '').split(',').map((n) => Number(n.trim()));
				const planned = numbers.reduce((a, n) => a + (plans.get(n) ?? NaN), 0);
				expect(Number(minutes), `session of lessons ${lessons}`).toBe(planned);
				seen.push(...numbers);
				sum += Number(minutes);
			}
			expect(seen).toEqual([...plans.keys()].sort((a, b) => a - b));
			console.log(`schedule of ${rows.length} sessions: ${sum} minutes; plans: ${total} minutes`);
			expect(sum).toBe(total);
		}
	});
});

describe('the guide restates the key correctly', () => {
	it('gives the key’s counts of primary tags (notes for lesson 4)', () => {
		const { keys } = loaded();
		const count = (tag: string) => [...keys.letter.values()].filter((e) => e.tag === tag).length;
		const text = read(`${FOLDER}/instructor/04-tagging-the-letter.md`);
		expect(text).toContain(
			`${count('evidence')} sentences the primary tag evidence, ${count('assertion')} assertion and ${count('deflection')} deflection`
		);
		expect(text).toContain(`precision of only ${count('deflection')} out of ${keys.letter.size}`);
	});
});
