// Every case folder through the same engine: the real case in lessons/ and the fictional fixture
// case in tests/fixtures/ (every file type, clearly labelled). Each loads, its exercise sets are
// computed, the key's own answers score full marks in every exercise, and every layout lays it out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutAgeGap } from '../../src/lib/charts/age-gap-layout';
import { layoutAllegationMap } from '../../src/lib/charts/allegation-layout';
import { layoutTimeline } from '../../src/lib/charts/timeline-layout';
import { itemIds, setsOf } from '../../src/lib/content/case';
import { CASE_FILES } from '../../src/lib/content/case-files';
import { caseSchemaFiles } from '../../src/lib/content/case-schema';
import { readCaseFiles, validateLessonsFolder } from '../../src/lib/content/folder';
import { loadCase } from '../../src/lib/content/case';
import { summarise } from '../../src/lib/content/summary';
import { scoreLinks } from '../../src/lib/exercises/map/scoring';
import { correctOrder, scoreOrder } from '../../src/lib/exercises/order/scoring';
import { pileCredit } from '../../src/lib/exercises/retelling/scoring';
import { creditFor } from '../../src/lib/exercises/tag/scoring';
import { writeCaseZip } from '../../src/lib/server/case-zip';

const ROOTS = ['lessons', 'tests/fixtures'];
const folders = ROOTS.flatMap((root) =>
	readdirSync(root)
		.filter((name) => statSync(join(root, name)).isDirectory())
		.map((id) => ({ id, folder: join(root, id) }))
);

it('finds the real case and the fictional fixture case', () => {
	expect(folders.map((f) => f.id)).toEqual(['embassy-letter-2020', 'fictional-harbour-letter']);
	for (const root of ROOTS) expect(validateLessonsFolder(root).length).toBeGreaterThan(0);
});

describe.each(folders)('$id', ({ id, folder }) => {
	const loaded = loadCase(id, readCaseFiles(folder));
	const c = loaded.case;

	it('loads with every file type, and its summary lists its lessons', () => {
		expect(c.id).toBe(id);
		const summary = summarise(c);
		expect(summary.lessons.map((l) => l.slug)).toEqual(c.lessons.map((l) => l.slug));
		for (const part of [
			'practice',
			'booster',
			'precheck',
			'postcheck',
			'retelling',
			'glossary'
		] as const) {
			expect(c[part], part).toBeTruthy();
		}
		expect(c.timeline?.ageQuestion).toBeDefined();
		expect(setsOf(c)).toEqual(['letter', 'practice', 'booster', 'precheck', 'postcheck']);
	});

	it('scores the key’s own tags at full marks in every tagging set', () => {
		const keys = {
			letter: loaded.keys.letter,
			practice: loaded.keys.practice,
			booster: loaded.keys.booster,
			precheck: loaded.keys.precheck,
			postcheck: loaded.keys.postcheck
		};
		for (const set of setsOf(c)) {
			const key = keys[set]!;
			for (const item of itemIds(c, set)) {
				const entry = key.get(item)!;
				expect(creditFor(entry.tag, entry), `${set} ${item}`).toBe(1);
			}
		}
	});

	it('scores the key’s links, order and piles at full marks', () => {
		for (const [, entry] of loaded.keys.letter) {
			expect(scoreLinks(entry.answers, entry.answers).verdict).toBe('exact');
		}
		const events = (c.timeline?.events ?? []).filter((e) => e.orderExercise);
		const correct = correctOrder(events);
		expect(correct.length).toBeGreaterThanOrEqual(2);
		expect(scoreOrder(correct, correct).exact).toEqual({
			right: correct.length,
			total: correct.length
		});
		for (const [, key] of loaded.keys.retelling ?? new Map()) {
			expect(pileCredit(key.category, key)).toBe(1);
		}
	});

	it('lays out its timeline, its age figure and its allegation map at 320 px and 1200 px', () => {
		const events = c.timeline?.events ?? [];
		const byId = new Map(events.map((e) => [e.id, e]));
		for (const width of [320, 1200]) {
			const timeline = layoutTimeline(events, { width, label: (e) => byId.get(e)!.title });
			// a mark per event and lane it is asserted in
			const drawn = new Set(timeline.marks.map((m) => m.id));
			expect(drawn).toEqual(new Set(events.map((e) => e.id)));
			const age = layoutAgeGap(c.timeline!.ageQuestion!, { width });
			expect(age.article.x).toBeGreaterThan(age.reports.x0);
			const map = layoutAllegationMap(
				c.article.allegations.map((a) => ({ id: a.id, short: a.short })),
				c.claims.map((s) => ({
					id: s.id,
					text: s.text,
					tag: loaded.keys.letter.get(s.id)!.tag,
					answers: loaded.keys.letter.get(s.id)!.answers,
					given: []
				})),
				{ width }
			);
			expect(map.allegations).toHaveLength(c.article.allegations.length);
			for (const node of [...map.allegations, ...map.sentences]) {
				expect(node.x).toBeGreaterThanOrEqual(0);
				expect(node.x).toBeLessThanOrEqual(map.width);
			}
		}
	});
});

describe('the case format', () => {
	it('keeps docs/case-schema/ as the zod schemas generate it (npm run case:schema)', () => {
		const generated = caseSchemaFiles();
		const onDisk = readdirSync('docs/case-schema').sort();
		expect(onDisk).toEqual(Object.keys(generated).sort());
		for (const [name, text] of Object.entries(generated)) {
			expect(readFileSync(join('docs/case-schema', name), 'utf8'), name).toBe(text);
		}
	});

	it('documents every case file and every field of its schema in docs/case-format.md', () => {
		const doc = readFileSync('docs/case-format.md', 'utf8');
		for (const kind of CASE_FILES) {
			expect(doc, kind.file).toContain(`\`${kind.file}\``);
			const schema = JSON.parse(generatedOf(kind.schemaName)) as { properties?: object };
			for (const field of Object.keys(schema.properties ?? {})) {
				expect(doc, `${kind.file}: ${field}`).toContain(`\`${field}\``);
			}
		}
	});

	it('case:check validates a folder with the build’s messages, or sums it up in one line', () => {
		const ok = spawnSync(
			'node_modules/.bin/tsx',
			['scripts/case-check.ts', 'tests/fixtures/fictional-harbour-letter'],
			{
				encoding: 'utf8'
			}
		);
		expect(ok.status).toBe(0);
		expect(ok.stdout.trim().split('\n')).toHaveLength(1);
		expect(ok.stdout).toMatch(/: ok \(.*2 lessons, 4 claim sentences/);
		const bad = spawnSync('node_modules/.bin/tsx', ['scripts/case-check.ts', 'tests/fixtures'], {
			encoding: 'utf8'
		});
		expect(bad.status).toBe(1);
		expect(bad.stderr).toMatch(/module\.yaml/);
	}, 60_000);

	it('case:check reads a zip of a case folder as an upload is read', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'case-zip-'));
		try {
			const folder = 'tests/fixtures/fictional-harbour-letter';
			const zip = join(dir, 'shared.zip');
			writeFileSync(zip, await writeCaseZip('fictional-harbour-letter', readCaseFiles(folder)));
			const ok = spawnSync('node_modules/.bin/tsx', ['scripts/case-check.ts', zip], {
				encoding: 'utf8'
			});
			expect(ok.stderr).toBe('');
			expect(ok.stdout).toMatch(/shared\.zip: ok \(.*2 lessons, 4 claim sentences/);
			const notZip = join(dir, 'notes.zip');
			writeFileSync(notZip, 'plain text');
			const bad = spawnSync('node_modules/.bin/tsx', ['scripts/case-check.ts', notZip], {
				encoding: 'utf8'
			});
			expect(bad.status).toBe(1);
			expect(bad.stderr).toMatch(/not a zip file/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});

const generatedOf = (name: string) => caseSchemaFiles()[`${name}.json`]!;
