// Step 4 of the case editor, the practice (issue 15): the warm-up's text, worked examples and items
// with their key read from the form with a message naming the item and the field, stored in the
// format of practice.yaml, checked by the publish check per item, and loaded as the built-in
// warm-up is: its items public, its key on the server side only; the standard lessons lead to it.
import { describe, expect, it } from 'vitest';
import {
	MAX_PRACTICE_ITEMS,
	parseDraft,
	publishCheck,
	withFixedFields
} from '../../src/lib/content/draft';
import { exercisePagesOf } from '../../src/lib/content/module-steps';
import { standardLessons } from '../../src/lib/content/standard-lessons';
import { applyPractice, readPracticeForm } from '../../src/lib/server/forms/case-practice';
import { completeDraft, extrasDraft, MODULE_ID, PRACTICE } from './authored-case';

function post(fields: Record<string, string | string[]>): Request {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	return new Request('http://localhost/x', { method: 'POST', body });
}

const SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** The form as the page posts PRACTICE (new rows: no ids yet). */
function practiceForm(): Record<string, string | string[]> {
	const fields: Record<string, string | string[]> = {
		'practice-title': PRACTICE.title,
		'practice-notice': PRACTICE.notice,
		'practice-setting': PRACTICE.setting,
		'worked-1-text': PRACTICE.worked[0]!.text,
		'worked-1-tag': PRACTICE.worked[0]!.tag,
		'worked-1-technique': '',
		'worked-1-explanation': PRACTICE.worked[0]!.explanation,
		// the page's empty rows
		'worked-2-text': '',
		'worked-2-explanation': ''
	};
	PRACTICE.items.forEach((item, i) => {
		const n = i + 1;
		Object.assign(fields, {
			[`item-${n}-id`]: '',
			[`item-${n}-text`]: item.text,
			[`item-${n}-hint`]: item.hint ?? '',
			[`item-${n}-tag`]: item.key.tag,
			[`item-${n}-also`]: [...item.key.alsoDefensible],
			[`item-${n}-technique`]: 'technique' in item.key ? item.key.technique : '',
			[`item-${n}-other`]: 'otherReading' in item.key ? item.key.otherReading : '',
			[`item-${n}-rationale`]: item.key.rationale,
			...(item.key.contested && { [`item-${n}-contested`]: 'on' })
		});
	});
	fields['item-4-id'] = '';
	fields['item-4-text'] = '';
	return fields;
}

describe('what students do, on the overview of an authored case', () => {
	it('follows what the case has: the warm-up only with a practice text', () => {
		const plain = completeDraft().module!.activities!;
		const extras = extrasDraft().module!.activities!;
		expect(plain.some((a) => /warm up/i.test(a))).toBe(false);
		expect(extras.some((a) => /warm up/i.test(a))).toBe(true);
		// and with no list kept from an earlier pass: the same draft without its practice loses it
		const without = { ...extrasDraft(), practice: undefined };
		expect(withFixedFields(MODULE_ID, without).module!.activities).toEqual(plain);
	});
});

describe('step 4: the practice', () => {
	it('reads the text, a worked example and the items with their key, as practice.yaml has them', async () => {
		const read = await readPracticeForm(post(practiceForm()), []);
		if (!read.ok) throw new Error(read.failure.data.message);
		const draft = withFixedFields(MODULE_ID, applyPractice(completeDraft(), read.data));
		expect(draft.practice).toEqual(PRACTICE);
		const check = publishCheck(MODULE_ID, draft);
		if (!check.ok) throw new Error(JSON.stringify(check.problems));
		const { case: c, keys } = check.loaded;
		// the public side holds no key: no tag, rationale or other reading of any item
		expect(c.practice!.items).toEqual(
			PRACTICE.items.map(({ id, text, hint }) => (hint ? { id, text, hint } : { id, text }))
		);
		expect(JSON.stringify(c)).not.toMatch(/rationale|otherReading|alsoDefensible/);
		expect(c.sets.practice!.map((i) => i.id)).toEqual(['P1', 'P2', 'P3']);
		expect(keys.practice!.get('P2')).toMatchObject({
			tag: 'deflection',
			technique: 'whataboutism'
		});
		// the warm-up is on the path: the definitions lesson sends students to it before the tagging
		const pages = exercisePagesOf(c);
		expect(pages).toEqual(['practice', 'tag', 'map']);
		expect(standardLessons(pages)[1]!.exercises).toEqual(['practice', 'tag', 'map']);
	});

	it('keeps item ids, gives new items the next, removes emptied rows, and nothing is no practice', async () => {
		const draft = extrasDraft();
		const saved = draft.practice!.items!.map((i) => i.id!);
		const read = await readPracticeForm(
			post({
				'practice-title': PRACTICE.title,
				'item-1-id': 'P1',
				'item-1-text': 'Changed.',
				'item-1-tag': 'assertion',
				// P2 emptied (its tag stays checked: a radio cannot be unchecked without JavaScript)
				'item-2-id': 'P2',
				'item-2-tag': 'deflection',
				'item-3-id': 'P3',
				'item-3-text': 'Kept.',
				'item-4-id': '',
				'item-4-text': 'New.'
			}),
			saved
		);
		if (!read.ok) throw new Error(read.failure.data.message);
		const after = applyPractice(draft, read.data);
		expect(after.practice!.items!.map((i) => [i.id, i.text])).toEqual([
			['P1', 'Changed.'],
			['P3', 'Kept.'],
			['P4', 'New.']
		]);
		const empty = await readPracticeForm(post({ 'item-1-id': 'P1' }), saved);
		if (!empty.ok) throw new Error('refused');
		expect(withFixedFields(MODULE_ID, applyPractice(draft, empty.data)).practice).toBeUndefined();
	});

	it('names the item and the field of every refusal', async () => {
		const refused = async (fields: Record<string, string | string[]>, saved: string[] = []) => {
			const read = await readPracticeForm(post(fields), saved);
			if (read.ok) throw new Error('accepted');
			expect(read.failure.status).toBe(400);
			return read.failure.data;
		};
		expect((await refused({ 'item-1-text': 'T', 'item-1-tag': 'banana' })).message).toBe(
			'New item 1, Tag: choose evidence, assertion or deflection.'
		);
		expect((await refused({ 'item-1-text': 'T', 'item-1-technique': 'lying' })).message).toBe(
			'New item 1, Technique: choose a technique from the list.'
		);
		expect((await refused({ 'item-1-text': 'T', 'item-1-also': 'maybe' })).message).toBe(
			'New item 1, Also defensible: choose among the three tags.'
		);
		const long = await refused({ 'item-1-text': 'T', 'item-1-rationale': 'x'.repeat(2_001) });
		expect(long.message).toBe('New item 1, Rationale: use at most 2,000 characters.');
		expect(long.errors).toEqual({ 'item-1-rationale': 'use at most 2,000 characters' });
		expect((await refused({ 'practice-title': 'x'.repeat(201) })).errors).toEqual({
			'practice-title': 'use at most 200 characters'
		});
		expect((await refused({ 'worked-1-text': 'T', 'worked-1-tag': 'x' })).message).toBe(
			'Worked example 1, Tag: choose evidence, assertion or deflection.'
		);
		expect((await refused({ 'item-1-id': 'L1', 'item-1-text': 'T' })).message).toBe(
			'Item L1, Item: reload the page.'
		);
		// an id this case does not have (another case's, or made up) is refused too
		expect((await refused({ 'item-1-id': 'P9', 'item-1-text': 'T' }, ['P1'])).message).toBe(
			'Item P9, Item: reload the page.'
		);
		const over = MAX_PRACTICE_ITEMS + 1;
		expect((await refused({ [`item-${over}-text`]: 'One too many' })).message).toBe(
			`New item ${over}, Sentence: at most ${MAX_PRACTICE_ITEMS} practice items.`
		);
	});

	it('stores script as the text typed, and the publish check names what an item lacks', async () => {
		const read = await readPracticeForm(
			post({
				'practice-title': SCRIPT,
				'practice-notice': SCRIPT,
				'practice-setting': SCRIPT,
				'item-1-text': SCRIPT,
				'item-1-hint': SCRIPT,
				'item-1-tag': 'deflection',
				'item-1-other': SCRIPT,
				'item-1-rationale': SCRIPT
			}),
			[]
		);
		if (!read.ok) throw new Error('refused');
		const draft = withFixedFields(MODULE_ID, applyPractice(completeDraft(), read.data));
		expect(draft.practice).toMatchObject({
			title: SCRIPT,
			items: [{ id: 'P1', text: SCRIPT, hint: SCRIPT, key: { rationale: SCRIPT } }]
		});
		const check = publishCheck(MODULE_ID, draft);
		expect(check.ok).toBe(false);
		if (!check.ok) {
			const messages = check.problems.filter((p) => p.file === 'practice.yaml');
			expect(messages).toContainEqual({
				file: 'practice.yaml',
				item: 'P1',
				message: 'item P1, field "key.technique": expected a technique for every deflection'
			});
			expect(messages).toContainEqual({
				file: 'practice.yaml',
				item: 'P1',
				message: 'item P1, field "key.rationale": expected a rationale of 2 to 4 sentences'
			});
		}
		// a practice text without items is named too
		const noItems = publishCheck(
			MODULE_ID,
			withFixedFields(MODULE_ID, { ...completeDraft(), practice: { title: 'T' } })
		);
		expect(noItems.ok).toBe(false);
		if (!noItems.ok)
			expect(noItems.problems.map((p) => `${p.file}: ${p.message}`)).toContain(
				'practice.yaml: field "items": not written yet (expected array)'
			);
	});

	it('names which worked example is unfinished, by its place (worked examples have no id)', () => {
		const practice = structuredClone(PRACTICE);
		practice.worked = [practice.worked[0]!, { ...practice.worked[0]!, explanation: '' }];
		const check = publishCheck(
			MODULE_ID,
			withFixedFields(MODULE_ID, { ...completeDraft(), practice })
		);
		expect(check.ok).toBe(false);
		if (!check.ok)
			expect(check.problems.filter((p) => p.file === 'practice.yaml')).toContainEqual(
				expect.objectContaining({
					item: 'worked 2',
					message: expect.stringMatching(/^item worked 2, field "explanation": /)
				})
			);
	});

	it('refuses a draft with more items than the editor shows, naming the file', () => {
		const items = Array.from({ length: MAX_PRACTICE_ITEMS + 1 }, (_, i) => ({ id: `P${i + 1}` }));
		const parsed = parseDraft({ practice: { items } });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(parsed.problems[0]).toMatchObject({
				file: 'practice.yaml',
				message: `field "items": expected at most ${MAX_PRACTICE_ITEMS} practice items`
			});
	});
});
