// The case editor's logic (issue 15): the sentence splitter and its merge and split, the draft
// schema and its size limits, and the publish check (every file's full schema, then the loader's
// checks across files), each problem naming the file, the item and the field.
import { describe, expect, it } from 'vitest';
import {
	LIMITS,
	parseDraft,
	publishCheck,
	sizeProblems,
	withFixedFields,
	type CaseDraft
} from '../../src/lib/content/draft';
import {
	mergeWithNext,
	segmentText,
	SentenceEditError,
	splitBefore,
	splitText
} from '../../src/lib/content/sentence-split';
import { applyTexts, TextsForm } from '../../src/lib/server/forms/case-editor';
import { completeDraft, MODULE_ID, REBUTTAL, TEXTS, textsDraft } from './authored-case';

const texts = (p: { text: string }[][]) => p.map((x) => x.map((s) => s.text));

describe('the sentence splitter', () => {
	it('splits each line of the text into sentences with Intl.Segmenter', () => {
		expect(segmentText(REBUTTAL)).toEqual([
			['Dear Editor,'],
			[
				'Your report of 2 March on the river is wrong.',
				'The water board tested the river on 1 March and found it clean.',
				'Other towns pollute far more than we do.'
			],
			['Yours faithfully, The Mayor']
		]);
		expect(segmentText('  One.   Two?\r\n\r\n\tThree!  ')).toEqual([['One.', 'Two?'], ['Three!']]);
		expect(segmentText('   \n\n')).toEqual([]);
	});

	it('numbers the sentences L1, L2... in reading order, all claims at first', () => {
		const { paragraphs } = splitText('One. Two.\nThree.');
		expect(paragraphs.flat().map((s) => [s.id, s.role])).toEqual([
			['L1', 'claim'],
			['L2', 'claim'],
			['L3', 'claim']
		]);
	});

	it('keeps the role and key item of unchanged sentences when the text is split again', () => {
		const first = splitText('One. Two. Three.');
		const roles = first.paragraphs.map((p) =>
			p.map((s) => (s.id === 'L1' ? { ...s, role: 'context' as const } : s))
		);
		const key = [{ sentence: 'L3', tag: 'evidence' }];
		const again = splitText('Zero. One. Three.', roles, key);
		expect(again.paragraphs.flat().map((s) => [s.id, s.text, s.role])).toEqual([
			['L1', 'Zero.', 'claim'],
			['L2', 'One.', 'context'],
			['L3', 'Three.', 'claim']
		]);
		expect(again.key).toEqual([{ sentence: 'L3', tag: 'evidence' }]);
	});

	it('merges a sentence with the next; the key follows and ids are renumbered', () => {
		const { paragraphs } = splitText('Dr. Who came. He left.\nEnd.');
		// the segmenter splits after "Dr.": the instructor merges it back
		expect(texts(paragraphs)[0]).toEqual(['Dr.', 'Who came.', 'He left.']);
		const merged = mergeWithNext(paragraphs, [{ sentence: 'L2' }, { sentence: 'L4' }], 'L1');
		expect(texts(merged.paragraphs)).toEqual([['Dr. Who came.', 'He left.'], ['End.']]);
		expect(merged.key).toEqual([{ sentence: 'L1' }, { sentence: 'L3' }]);
		expect(() => mergeWithNext(paragraphs, [], 'L3')).toThrow(SentenceEditError);
		expect(() => mergeWithNext(paragraphs, [], 'L9')).toThrow('There is no sentence L9.');
	});

	it('splits a sentence before the words typed, at a word boundary only', () => {
		const { paragraphs } = splitText('We act; they talk. End.');
		const split = splitBefore(paragraphs, [{ sentence: 'L1' }, { sentence: 'L2' }], 'L1', 'they');
		expect(texts(split.paragraphs)).toEqual([['We act;', 'they talk.', 'End.']]);
		expect(split.key).toEqual([{ sentence: 'L1' }, { sentence: 'L3' }]);
		expect(() => splitBefore(paragraphs, [], 'L1', 'hey')).toThrow(/has no words "hey"/);
		expect(() => splitBefore(paragraphs, [], 'L1', 'We')).toThrow(/after its first word/);
		expect(() => splitBefore(paragraphs, [], 'L1', '  ')).toThrow(/Type the words/);
	});

	it('never changes a word: the sentences read in order are the text', () => {
		const text = 'A b. C d? E!\nF g h. I.';
		let { paragraphs } = splitText(text);
		paragraphs = mergeWithNext(paragraphs, [], 'L2').paragraphs;
		paragraphs = splitBefore(paragraphs, [], 'L3', 'g').paragraphs;
		expect(texts(paragraphs).flat().join(' ')).toBe(text.replace(/\n/g, ' '));
	});
});

describe('the draft and its limits', () => {
	it('takes an incomplete case: any file or field may be missing', () => {
		expect(parseDraft({}).ok).toBe(true);
		expect(parseDraft(textsDraft()).ok).toBe(true);
		expect(parseDraft({ key: { items: [{ sentence: 'L2', rationale: 'Short.' }] } }).ok).toBe(true);
	});

	it('refuses what no case file holds, naming the file, the item and the field', () => {
		const bad = parseDraft({ key: { items: [{ sentence: 'L2', tag: 'opinion' }] } });
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.problems[0]).toMatchObject({ file: 'answer-key.yaml', item: 'L2' });
		expect(bad.problems[0]!.message).toMatch(/^item L2, field "tag": expected one of/);
		const extra = parseDraft({ module: { title: 'x' }, script: '<script>' });
		expect(extra.ok).toBe(false);
	});

	it('limits each field, the text and the whole case, with the numbers in the message', () => {
		const long = 'x'.repeat(LIMITS.field + 1);
		const draft: CaseDraft = {
			...textsDraft(),
			allegations: { allegations: [{ id: 'A1', summary: long }] }
		};
		expect(sizeProblems(draft)).toEqual([
			{
				file: 'allegations.yaml',
				item: 'A1',
				message: 'item A1, field "summary": expected at most 2,000 characters; it has 2,001'
			}
		]);
		expect(sizeProblems({ text: 'y'.repeat(LIMITS.text + 1) })).toEqual([
			{ file: 'rebuttal.txt', message: 'expected at most 30,000 characters; this text has 30,001' }
		]);
		const many = { caveats: Array.from({ length: LIMITS.items + 1 }, () => ({ text: 'c' })) };
		expect(sizeProblems({ allegations: many })[0]?.message).toBe(
			'field "caveats": expected at most 300 entries; it has 301'
		);
		const huge = {
			key: {
				items: Array.from({ length: 250 }, (_, i) => ({
					sentence: `L${i}`,
					rationale: long.slice(1)
				}))
			}
		};
		expect(sizeProblems(huge).map((p) => p.file)).toEqual(['(the whole case)']);
		expect(parseDraft(huge).ok).toBe(false);
	});
});

describe('the publish check', () => {
	it('passes a complete case and loads it as the built-in cases are loaded', () => {
		const check = publishCheck(MODULE_ID, completeDraft());
		if (!check.ok) throw new Error(JSON.stringify(check.problems));
		const c = check.loaded.case;
		expect(c.id).toBe(MODULE_ID);
		expect(c.claims.map((s) => s.id)).toEqual(['L2', 'L3', 'L4']);
		expect(c.article.allegations.map((a) => a.short)).toEqual(['Waste in the river', 'Dead fish']);
		expect(c.letterSource).toBe(REBUTTAL);
		expect(check.loaded.keys.letter.get('L4')).toMatchObject({
			tag: 'deflection',
			technique: 'whataboutism',
			contested: true
		});
		// the public case carries no key
		expect(JSON.stringify(c)).not.toContain('What other towns do');
	});

	it('lists every missing file and field of an unfinished case', () => {
		const check = publishCheck(MODULE_ID, textsDraft());
		expect(check.ok).toBe(false);
		if (check.ok) return;
		// every sentence is a claim at first, and no key item is written yet: each is named
		expect(new Set(check.problems.map((p) => p.file))).toEqual(new Set(['answer-key.yaml']));
		expect(new Set(check.problems.map((p) => p.item))).toEqual(
			new Set(['L1', 'L2', 'L3', 'L4', 'L5'])
		);
		expect(check.problems.map((p) => p.message)).toContain(
			'item L1, field "rationale": not written yet (expected string)'
		);
		const start = publishCheck(MODULE_ID, withFixedFields(MODULE_ID, { module: { title: 'T' } }));
		expect(start.ok).toBe(false);
		if (start.ok) return;
		const files = new Set(start.problems.map((p) => p.file));
		expect([...files].sort()).toEqual(
			[
				'allegations.yaml',
				'answer-key.yaml',
				'letter.yaml',
				'module.yaml',
				'rebuttal.txt',
				'sources.yaml'
			].sort()
		);
		expect(start.problems).toContainEqual({ file: 'rebuttal.txt', message: 'not written yet' });
	});

	it('names the item and field of a key item that is not ready', () => {
		const draft = completeDraft();
		const items = draft.key!.items.map((k) =>
			k.sentence === 'L3'
				? { ...k, rationale: 'One sentence only.' }
				: k.sentence === 'L4'
					? { ...k, technique: undefined, otherReading: undefined }
					: k
		);
		const check = publishCheck(MODULE_ID, { ...draft, key: { items } });
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems).toEqual([
			{
				file: 'answer-key.yaml',
				item: 'L3',
				message: 'item L3, field "rationale": expected a rationale of 2 to 4 sentences'
			},
			{
				file: 'answer-key.yaml',
				item: 'L4',
				message: 'item L4, field "technique": expected a technique for every deflection'
			},
			{
				file: 'answer-key.yaml',
				item: 'L4',
				message:
					'item L4, field "otherReading": expected the other reading, named, for a contested item'
			}
		]);
	});

	it('runs the checks across files: every claim keyed, known allegations only', () => {
		const draft = completeDraft();
		const items = draft.key!.items.filter((k) => k.sentence !== 'L2');
		items[0] = { ...items[0]!, answers: ['A7'] };
		const check = publishCheck(MODULE_ID, { ...draft, key: { items } });
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems.map((p) => p.message)).toEqual([
			'item L3, field "answers": expected a known allegation id, found A7',
			'item L2, field "sentence": expected a key item for every claim sentence; L2 has none'
		]);
		expect(check.problems[0]!.file).toBe('answer-key.yaml');
	});

	it('a sentence marked context loses its key item, so the key never names a context sentence', () => {
		const draft = completeDraft();
		const paragraphs = draft.letter!.paragraphs!.map((p) =>
			p.map((s) => (s.id === 'L4' ? { ...s, role: 'context' as const } : s))
		);
		const fixed = withFixedFields(MODULE_ID, { ...draft, letter: { ...draft.letter, paragraphs } });
		expect(fixed.key!.items.map((k) => k.sentence)).toEqual(['L2', 'L3']);
		expect(publishCheck(MODULE_ID, fixed).ok).toBe(true);
	});
});

describe('step 1 of the editor', () => {
	it('reads the texts with a message naming the field', () => {
		const bad = TextsForm.safeParse({
			...TEXTS,
			rebuttalUrl: 'javascript:alert(1)',
			rebuttalDate: '4 March'
		});
		expect(bad.success).toBe(false);
		const fields = bad.error!.issues.map((i) => [i.path[0], i.message]);
		expect(fields).toContainEqual(['rebuttalDate', 'a date written YYYY, YYYY-MM or YYYY-MM-DD']);
		expect(fields.map((f) => f[0])).toContain('rebuttalUrl');
		const long = TextsForm.safeParse({ title: 'x'.repeat(121) });
		expect(long.error?.issues[0]?.message).toBe('use at most 120 characters');
	});

	it('removes an emptied allegation and the key links to it', () => {
		const draft = completeDraft();
		const form = TextsForm.parse({
			...TEXTS,
			'allegation-1-id': 'A1',
			'allegation-1-short': '',
			'allegation-1-summary': '',
			'allegation-1-attribution': '',
			'allegation-2-id': 'A2'
		});
		const next = applyTexts(draft, form);
		expect(next.allegations!.allegations!.map((a) => a.id)).toEqual(['A2']);
		expect(next.key!.items.flatMap((k) => k.answers ?? [])).toEqual([]);
		// the text did not change: roles and key stay
		expect(next.key!.items.map((k) => k.sentence)).toEqual(['L2', 'L3', 'L4']);
	});

	it('stores script typed in a field as text, unchanged', () => {
		const script = '<script>alert(1)</script>';
		const draft = applyTexts(
			{},
			TextsForm.parse({ ...TEXTS, title: script, text: `${script} Done.` })
		);
		expect(draft.module?.title).toBe(script);
		expect(draft.letter?.paragraphs?.flat().map((s) => s.text)).toEqual([`${script} Done.`]);
	});
});
