// The case's source register and its schema: every fact cites sources the register holds, the
// register holds nothing uncited and nothing on the denylist, and no file in the repository names a
// denylisted domain except the denylist itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CASE, errorOf, files, FOLDER } from './real-case';
import { loadCase, type CaseFiles } from '../../src/lib/content/case';
import { sourceTags } from '../../src/lib/content/register';
import { DenylistFile } from '../../src/lib/content/schemas';
import { sourceUses } from '../../src/lib/content/source-uses';

const loaded = loadCase(CASE, files());
const denylist = DenylistFile.parse(parse(readFileSync(`${FOLDER}/source-denylist.yaml`, 'utf8')));
const denied = denylist.domains.map((d) => d.domain);

/** The case's files with one file's text changed. */
function withFile(name: string, change: (text: string) => string): CaseFiles {
	const all = files();
	const text = all[name];
	if (text === undefined) throw new Error(`no file ${name}`);
	const changed = change(text);
	if (changed === text) throw new Error(`the change to ${name} changed nothing`);
	return { ...all, [name]: changed };
}

describe('the register of the real case', () => {
	const c = loaded.case;

	it('has unique kebab-case ids, each with its kind, language and origin', () => {
		const ids = c.sources.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(40);
		for (const s of c.sources) expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		const kinds = new Set(c.sources.map((s) => s.kind));
		expect(kinds).toEqual(
			new Set([
				'primary-document',
				'news-agency',
				'newspaper',
				'official-media',
				'secondary-summary',
				'mirror-or-translation'
			])
		);
	});

	it('keeps a denylist with a reason for each domain, and cites no address on it', () => {
		// the domains are not repeated here: outside the denylist, no file may name them
		expect(denied.length).toBeGreaterThanOrEqual(5);
		for (const d of denylist.domains) expect(d.reason.length, d.domain).toBeGreaterThan(20);
		for (const s of c.sources) {
			const host = new URL(s.url).hostname.replace(/^www\./, '');
			expect(
				denied.some((d) => host === d || host.endsWith(`.${d}`)),
				s.id
			).toBe(false);
		}
	});

	it('cites at least one source id for every timeline event, allegation, caveat and rationale', () => {
		const facts = [
			...(c.timeline?.events ?? []).map((e) => [e.id, e.sources] as const),
			...c.article.allegations.map((a) => [a.id, a.sources] as const),
			...c.article.caveats.map((x, i) => [`caveat ${i + 1}`, x.sources] as const),
			...c.article.differences.map((x, i) => [`difference ${i + 1}`, x.sources] as const),
			...[...loaded.keys.letter].map(([id, e]) => [`key ${id}`, e.sources] as const),
			...[...(loaded.keys.retelling ?? [])].map(
				([id, e]) => [`retelling ${id}`, e.sources] as const
			)
		];
		expect(facts.length).toBeGreaterThan(70);
		for (const [item, sources] of facts) expect(sources.length, item).toBeGreaterThan(0);
	});

	it('marks A4 as the letter’s unverified claim about the article, with a caveat', () => {
		const a4 = c.article.allegations.find((a) => a.id === 'A4');
		expect(a4?.confidence).toBe('unverified');
		expect(a4?.caveat).toMatch(/Unverified/);
		expect(a4?.short).toMatch(/letter's claim/);
		expect(a4?.sources.map((s) => s.id)).toContain('embassy-letter');
	});

	it('describes the "other services" caveat as the service noted it and the interviewee said it', () => {
		const caveat = c.article.caveats.find((x) => /Russian/.test(x.text));
		expect(caveat?.text).toMatch(/one Belgian bioweapons expert/);
		expect(caveat?.text).toMatch(/interviewee Martin Zizi's own remark/);
	});

	it('lists for every source the public facts it is cited for, and whether it can confirm them', () => {
		const uses = sourceUses(c);
		expect([...uses.keys()].sort()).toEqual(c.sources.map((s) => s.id).sort());
		const mirror = uses.get('middleeasttransparent-copy') ?? [];
		// a copy of the article confirms what the article said (A2) but not an event in the world (E3)
		expect(mirror.find((u) => u.what.startsWith('Allegation A2'))?.confirms).toBe(true);
		expect(mirror.find((u) => u.what.startsWith('Timeline, event 3:'))?.confirms).toBe(false);
		expect(uses.get('afp-2019-10-30')?.some((u) => u.href.includes('event=E12'))).toBe(true);
		// every source has at least one use somewhere: the loader refuses uncited ones
		const publicOrKeyOrNotes = c.sources.filter(
			(s) =>
				(uses.get(s.id) ?? []).length > 0 ||
				[...loaded.keys.letter.values()].some((e) => e.sources.some((x) => x.id === s.id)) ||
				c.noteSourceIds.includes(s.id)
		);
		expect(publicOrKeyOrNotes).toHaveLength(c.sources.length);
	});
});

describe('the schema of the register', () => {
	it('rejects an unknown source id in a timeline event, naming the file, the item and the field', () => {
		const broken = withFile('timeline.yaml', (t) =>
			t.replace('sources: [scmp-2020-04]', 'sources: [no-such-source]')
		);
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.file).toBe(`${FOLDER}/timeline.yaml`);
		expect(error.message).toMatch(
			/item E8, field "sources": expected a source id from sources\.yaml, found no-such-source/
		);
	});

	it('rejects an unknown source id in an allegation, a caveat and a key rationale', () => {
		const allegations = withFile('allegations.yaml', (t) =>
			t.replace('sources: [chinascope-summary, chinawatchcanada-copy]', 'sources: [nowhere]')
		);
		expect(errorOf(() => loadCase(CASE, allegations)).message).toMatch(
			/allegations\.yaml:\n\s+- item A3, field "sources": expected a source id from sources\.yaml, found nowhere/
		);
		const key = withFile('answer-key.yaml', (t) =>
			t.replace('sources: [uwn-2020-04-17]\n', 'sources: [nowhere]\n')
		);
		expect(errorOf(() => loadCase(CASE, key)).message).toMatch(
			/answer-key\.yaml:\n\s+- item L26, field "sources": expected a source id from sources\.yaml, found nowhere/
		);
	});

	it('rejects a fact without a source', () => {
		const broken = withFile('timeline.yaml', (t) =>
			t.replace('sources: [scmp-2020-04]', 'sources: []')
		);
		expect(errorOf(() => loadCase(CASE, broken)).message).toMatch(
			/item E8, field "sources": expected at least one source id from sources\.yaml/
		);
		const rationale = withFile('answer-key.yaml', (t) =>
			t.replace('    sources: [uwn-2020-04-17]\n', '')
		);
		expect(errorOf(() => loadCase(CASE, rationale)).message).toMatch(
			/item L26, field "sources": expected array/
		);
	});

	it('rejects a source that nothing cites', () => {
		const broken = withFile(
			'sources.yaml',
			(t) =>
				`${t}  - id: uncited-page\n    title: A page\n    publisher: Nobody\n    url: https://example.org/page\n    kind: newspaper\n    language: en\n    origin: uncited-page\n`
		);
		expect(errorOf(() => loadCase(CASE, broken)).message).toMatch(
			/sources\.yaml:\n\s+- item uncited-page, field "id": expected every source to be cited by a fact; nothing cites uncited-page/
		);
	});

	it('rejects every denylisted domain and its subdomains', () => {
		for (const domain of denied) {
			for (const host of [domain, `archive.${domain}`]) {
				const broken = withFile('sources.yaml', (t) =>
					t.replace('url: https://www.ilfoglio.it/', `url: https://${host}/`)
				);
				expect(errorOf(() => loadCase(CASE, broken)).message, host).toMatch(
					new RegExp(
						`item ilfoglio-2019-10-30, field "url": expected an address whose host is not on source-denylist\\.yaml; ${host.replaceAll('.', '\\.')} is`
					)
				);
			}
		}
	});

	it('rejects a fact about the world that only copies of the article support', () => {
		const broken = withFile('timeline.yaml', (t) =>
			t.replace(
				'sources: [euobserver-article, middleeasttransparent-copy]\n    sentences: [L4]',
				'sources: [middleeasttransparent-copy]\n    sentences: [L4]'
			)
		);
		expect(errorOf(() => loadCase(CASE, broken)).message).toMatch(
			/item E3, field "sources": expected at least one source that can confirm the fact itself/
		);
	});

	it('rejects an unverified fact without a caveat saying what is unverified', () => {
		const broken = withFile('allegations.yaml', (t) =>
			t.replace(/ {4}caveat: >-\n {6}Unverified: that the article accused Song[^\n]*\n[^\n]*\n/, '')
		);
		expect(errorOf(() => loadCase(CASE, broken)).message).toMatch(
			/item A4, field "caveat": expected a caveat saying what is unverified/
		);
	});

	it('rejects a typed confidence: it is computed from the sources', () => {
		const broken = withFile('timeline.yaml', (t) =>
			t.replace('  - id: E8\n', '  - id: E8\n    confidence: multiple\n')
		);
		expect(errorOf(() => loadCase(CASE, broken)).message).toMatch(
			/item E8, field "confidence": expected no such field/
		);
	});

	it('rejects a lesson that cites an unknown id or still uses a link of its own', () => {
		const lesson = Object.keys(files()).find((f) => f.startsWith('05-'))!;
		const unknown = withFile(lesson, (t) =>
			t.replace('<Source id="lavenir-2019-11-18" />', '<Source id="lavenir-2019-11-18 nowhere" />')
		);
		expect(errorOf(() => loadCase(CASE, unknown)).message).toMatch(
			/item <Source> \d+, field "sources": expected a source id from sources\.yaml, found nowhere/
		);
		const old = withFile(lesson, (t) =>
			t.replace(
				'<Source id="lavenir-2019-11-18" />',
				'<Source href="https://example.org/" label="Example" />'
			)
		);
		expect(errorOf(() => loadCase(CASE, old)).message).toMatch(
			/field "href", "label": expected only id="\.\.\." \(source ids from sources\.yaml\)/
		);
	});

	it('reads the ids, the subject and the flag of every <Source> in a lesson', () => {
		expect(
			sourceTags('a <Source id="x y" about="article" unverified /> b <SourceList id="z"/>')
		).toEqual([
			{ component: 'Source', ids: ['x', 'y'], about: 'article', unverified: true, unknown: [] },
			{ component: 'SourceList', ids: ['z'], unverified: false, unknown: [] }
		]);
	});
});

describe('the repository', () => {
	it('names no denylisted domain outside the denylist itself', () => {
		const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
			.split('\0')
			.filter((f) => f && !/deny/i.test(f));
		expect(tracked.length).toBeGreaterThan(100);
		const pattern = new RegExp(denied.map((d) => d.replaceAll('.', '\\.')).join('|'), 'i');
		const hits = tracked.filter((file) => {
			let text: string;
			try {
				text = readFileSync(file, 'utf8');
			} catch {
				return false; // deleted in the working tree
			}
			return pattern.test(text);
		});
		expect(hits).toEqual([]);
	});
});
