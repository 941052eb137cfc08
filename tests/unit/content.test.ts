// The real lessons/ folder loads, and broken content fails with the file, the item id and the field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE, errorOf, files } from './real-case';
import { itemIds, loadCase, setsOf } from '../../src/lib/content/case';
import { validateLessonsFolder } from '../../src/lib/content/folder';
import { countSentences } from '../../src/lib/content/schemas';

describe('the lessons folder', () => {
	it('loads every case without error', () => {
		const cases = validateLessonsFolder('lessons');
		expect(cases.map((c) => c.case.id)).toContain(CASE);
	});

	it('keys every claim sentence of the letter and no context sentence', () => {
		const { case: c, keys } = loadCase(CASE, files());
		const claims = c.sentences.filter((s) => s.role === 'claim').map((s) => s.id);
		expect([...keys.letter.keys()].sort()).toEqual([...claims].sort());
		expect(claims.length).toBeGreaterThan(15);
	});

	it('computes the claim items and the exercise sets once, at load', () => {
		const { case: c, keys } = loadCase(CASE, files());
		expect(c.claims.map((s) => s.id)).toEqual(
			c.sentences.filter((s) => s.role === 'claim').map((s) => s.id)
		);
		expect(c.sets.letter).toBe(c.claims);
		expect(setsOf(c)).toEqual(['letter', 'practice', 'booster', 'precheck', 'postcheck']);
		expect(setsOf(c, ['booster', 'letter'])).toEqual(['booster', 'letter']);
		for (const set of setsOf(c)) {
			expect(itemIds(c, set).sort()).toEqual([...(keys[set]?.keys() ?? [])].sort());
		}
	});

	it('reads the letter as the header (the date of the copy) and then the sentences, word for word', () => {
		const { case: c } = loadCase(CASE, files());
		const source = readFileSync(`lessons/${CASE}/${c.letter.sourceFile}`, 'utf8');
		expect(c.letterSource).toBe(source);
		const words = (s: string) => s.split(/\s+/).filter(Boolean);
		expect(words([c.letter.header ?? '', ...c.sentences.map((s) => s.text)].join(' '))).toEqual(
			words(source)
		);
		// the date of the copy is metadata, never a sentence
		expect(c.letter.header).toMatch(/^date \d{4}-\d{2}-\d{2}$/);
		expect(c.sentences.map((s) => s.id)).not.toContain('L1');
		expect(c.sentences.some((s) => s.text.includes(c.letter.date))).toBe(false);
	});

	it('keeps every sentence id as it was: L2 to L29, none renumbered', () => {
		const { case: c } = loadCase(CASE, files());
		expect(c.sentences.map((s) => s.id)).toEqual(Array.from({ length: 28 }, (_, i) => `L${i + 2}`));
		expect(c.sentences.find((s) => s.id === 'L16')?.text).toMatch(/^Many companies/);
	});
});

describe('content errors', () => {
	it('names the file, the item and the field of a bad key entry', () => {
		const broken = files();
		broken['answer-key.yaml'] = (broken['answer-key.yaml'] ?? '').replace(
			/(sentence: L5\n(?:\s+.*\n)*?\s+tag:) \w+/,
			'$1 opinion'
		);
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.file).toBe(`lessons/${CASE}/answer-key.yaml`);
		expect(error.message).toMatch(
			/item L5, field "tag": expected one of "evidence"\|"assertion"\|"deflection"/
		);
	});

	it('rejects a header that is not the start of the source file', () => {
		const broken = files();
		broken['letter.yaml'] = (broken['letter.yaml'] ?? '').replace(
			'header: date 2020-05-08',
			'header: date 2020-05-09'
		);
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(
			/letter\.yaml:\n\s+- field "header": expected the first words of letter-2020-05-08\.txt verbatim/
		);
	});

	it('rejects a letter without its header: the date line is then covered by no sentence', () => {
		const broken = files();
		broken['letter.yaml'] = (broken['letter.yaml'] ?? '').replace(/\nheader: .*\n/, '\n');
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(/item L2, field "text": expected the next words/);
	});

	it('rejects a letter sentence that is not verbatim', () => {
		const broken = files();
		broken['letter.yaml'] = (broken['letter.yaml'] ?? '').replace(
			'proven fictitious',
			'proved fictitious'
		);
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toContain('letter.yaml');
		expect(error.message).toMatch(
			/item L5, field "text": expected the next words of letter-2020-05-08.txt verbatim/
		);
	});

	it('rejects a missing key entry for a claim sentence', () => {
		const broken = files();
		broken['answer-key.yaml'] = (broken['answer-key.yaml'] ?? '').replace(
			/sentence: L7\b/,
			'sentence: L2'
		);
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(/item L2, field "sentence": expected a claim sentence/);
		expect(error.message).toMatch(
			/item L7, field "sentence": expected a key item for every claim sentence/
		);
	});

	it('rejects invalid YAML with the file named', () => {
		const broken = files();
		broken['allegations.yaml'] = 'article: [unclosed';
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(/allegations\.yaml:\n\s+- not valid YAML/);
	});

	it('rejects a module id that differs from its folder', () => {
		const error = errorOf(() => loadCase('another-case', files()));
		expect(error.message).toMatch(
			/module\.yaml:\n\s+- field "id": expected the folder name "another-case"/
		);
	});

	it('rejects a deflection without a technique', () => {
		const broken = files();
		broken['answer-key.yaml'] =
			`items:\n  - sentence: L4\n    tag: deflection\n    rationale: It moves on. It answers nothing.\n    sources: [embassy-letter]\n`;
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(
			/item L4, field "technique": expected a technique for every deflection/
		);
	});

	it("lists each lesson's checks for understanding, and rejects one without an id or twice", () => {
		const lesson = loadCase(CASE, files()).case.lessons[0]!;
		expect(lesson.checks.length).toBeGreaterThan(0);
		expect(lesson.checks[0]).toEqual({ id: 'who-runs-them', question: expect.any(String) });
		const name = Object.keys(files()).find((n) => n.startsWith('01-'))!;
		const broken = files();
		broken[name] = (broken[name] ?? '')
			.replace('<CheckQuestion id="who-runs-them" ', '<CheckQuestion ')
			.replace('id="embassy-propaganda"', 'id="unseen-evidence"');
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.file).toBe(`lessons/${CASE}/${name}`);
		expect(error.message).toContain('check 1, field "id": expected an id like id="who-wrote-it"');
		expect(error.message).toContain(
			'check 3 (unseen-evidence), field "id": expected each check id once in the lesson'
		);
	});

	it('rejects a lesson without objectives', () => {
		const broken = files();
		broken['01-broken.md'] = '---\ntitle: A lesson\nminutes: 10\nsummary: Short.\n---\n\nBody';
		for (const name of Object.keys(broken))
			if (/^\d\d-/.test(name) && name !== '01-broken.md') delete broken[name];
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(/01-broken\.md:\n\s+- field "objectives": expected array/);
	});
});

describe('countSentences', () => {
	it('counts sentences the way rationales are checked', () => {
		expect(countSentences('One. Two! Three?')).toBe(3);
		expect(countSentences('The S&T centre exists. It was signed in 2014.')).toBe(2);
		expect(countSentences('Only one sentence here.')).toBe(1);
	});
});
