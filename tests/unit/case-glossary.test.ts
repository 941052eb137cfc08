// Step 4 of the case editor, the glossary (issue 15): terms read from the form with a message naming
// the term and the field, stored in the format of glossary.yaml (a tag or a technique takes its name
// and definition from the scheme), checked by the publish check per term, and loaded as the
// built-in glossary is.
import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseDraft, publishCheck, withFixedFields } from '../../src/lib/content/draft';
import { TECHNIQUE_INFO } from '../../src/lib/content/vocabulary';
import { applyGlossary, readGlossaryForm, termId } from '../../src/lib/server/forms/case-glossary';
import { completeDraft, extrasDraft, MODULE_ID } from './authored-case';

function post(fields: Record<string, string | string[]>): Request {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	return new Request('http://localhost/x', { method: 'POST', body });
}

const SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('step 4: the glossary', () => {
	it('reads a term of its own and a technique, gives ids, and publishes them as glossary.yaml does', async () => {
		const read = await readGlossaryForm(
			post({
				'term-1-id': '',
				'term-1-word': '',
				'term-1-term': 'Water board',
				'term-1-definition': 'The body that tests the river (fictional).',
				'term-1-example': 'An invented board publishes its tests.',
				'term-2-id': '',
				'term-2-word': 'whataboutism',
				'term-2-note': 'The letter points at other towns.',
				// an empty row is no term
				'term-3-id': '',
				'term-3-word': '',
				'term-3-term': '  '
			}),
			[]
		);
		if (!read.ok) throw new Error(read.failure.data.message);
		const draft = withFixedFields(MODULE_ID, applyGlossary(completeDraft(), read.data));
		expect(draft.glossary!.terms).toEqual([
			{
				id: 'water-board',
				term: 'Water board',
				definition: 'The body that tests the river (fictional).',
				example: 'An invented board publishes its tests.',
				related: []
			},
			{ id: 'whataboutism', note: 'The letter points at other towns.', related: [] }
		]);
		const check = publishCheck(MODULE_ID, draft);
		if (!check.ok) throw new Error(JSON.stringify(check.problems));
		const terms = check.loaded.case.glossary!.terms;
		expect(terms[1]).toMatchObject({
			id: 'whataboutism',
			term: TECHNIQUE_INFO.whataboutism.label,
			definition: TECHNIQUE_INFO.whataboutism.definition,
			note: 'The letter points at other towns.'
		});
	});

	it('keeps ids on rename, drops "see also" links to removed terms, and no terms is no glossary', async () => {
		const draft = extrasDraft();
		const saved = draft.glossary!.terms.map((t) => t.id!);
		const read = await readGlossaryForm(
			post({
				'term-1-id': 'water-board',
				'term-1-term': 'The water board',
				'term-1-definition': 'Renamed.',
				'term-1-related': ['whataboutism'],
				// the technique's row emptied: removed
				'term-2-id': 'whataboutism'
			}),
			saved
		);
		if (!read.ok) throw new Error(read.failure.data.message);
		const after = applyGlossary(draft, read.data);
		expect(after.glossary!.terms).toEqual([
			{ id: 'water-board', term: 'The water board', definition: 'Renamed.', related: [] }
		]);
		const none = await readGlossaryForm(post({ 'term-1-id': 'water-board' }), saved);
		if (!none.ok) throw new Error('refused');
		expect(withFixedFields(MODULE_ID, applyGlossary(draft, none.data)).glossary).toBeUndefined();
	});

	it('names the term and the field of every refusal', async () => {
		const refused = async (fields: Record<string, string | string[]>, saved: string[] = []) => {
			const read = await readGlossaryForm(post(fields), saved);
			if (read.ok) throw new Error('accepted');
			expect(read.failure.status).toBe(400);
			return read.failure.data;
		};
		expect((await refused({ 'term-1-word': 'evidence', 'term-1-term': 'Evidence' })).message).toBe(
			'New term 1, Term: leave it empty for a tag or a technique: the tagging scheme gives its name and definition.'
		);
		expect((await refused({ 'term-1-word': 'banana' })).errors).toEqual({
			'term-1-word': 'choose a tag, a technique or a term of your own'
		});
		const long = await refused({ 'term-1-term': 'T', 'term-1-definition': 'x'.repeat(2_001) });
		expect(long.message).toBe('New term 1, Definition: use at most 2,000 characters.');
		expect(long.errors).toEqual({ 'term-1-definition': 'use at most 2,000 characters' });
		expect((await refused({ 'term-1-id': '../x', 'term-1-term': 'T' })).message).toBe(
			'Term ../x, Term: reload the page.'
		);
		expect((await refused({ 'term-1-term': 'T', 'term-1-related': 'nothing-here' })).message).toBe(
			'New term 1, See also: choose among the terms of this glossary.'
		);
		expect(
			(
				await refused({
					'term-1-word': 'deflection',
					'term-2-word': 'deflection'
				})
			).message
		).toBe('New term 2, Word: deflection is in the glossary once already.');
		expect((await refused({ [`term-${MAX_TERMS + 1}-term`]: 'One too many' })).message).toBe(
			`New term ${MAX_TERMS + 1}, Term: a glossary has at most ${MAX_TERMS} terms.`
		);
	});

	it('stores script as the text typed, and the publish check names a term without its definition', async () => {
		const read = await readGlossaryForm(
			post({ 'term-1-term': SCRIPT, 'term-1-note': SCRIPT, 'term-1-example': SCRIPT }),
			[]
		);
		if (!read.ok) throw new Error('refused');
		const draft = withFixedFields(MODULE_ID, applyGlossary(completeDraft(), read.data));
		const [term] = draft.glossary!.terms;
		expect(term).toMatchObject({ term: SCRIPT, note: SCRIPT, example: SCRIPT });
		const check = publishCheck(MODULE_ID, draft);
		expect(check.ok).toBe(false);
		if (!check.ok)
			expect(check.problems).toContainEqual({
				file: 'glossary.yaml',
				item: term!.id,
				message: `item ${term!.id}, field "definition": expected a definition of the term`
			});
	});

	it('gives a new term an id from its name that no other term, tag, technique or page uses', () => {
		expect(termId('Lateral reading', new Set())).toBe('lateral-reading');
		expect(termId('Lateral reading', new Set(['lateral-reading']))).toBe('lateral-reading-2');
		expect(termId('Évidence sûre', new Set())).toBe('evidence-sure');
		expect(termId('Evidence', new Set())).toBe('evidence-2');
		expect(termId('Main', new Set())).toBe('main-2');
		expect(termId('新闻', new Set())).toBe('term-1');
		expect(termId(undefined, new Set(['term-1']))).toBe('term-2');
		expect(termId('a'.repeat(100), new Set())).toHaveLength(40);
	});

	it('refuses a draft with more terms than the editor shows, naming the file', () => {
		const terms = Array.from({ length: MAX_TERMS + 1 }, (_, i) => ({
			id: `t${i}`,
			term: 'T',
			definition: 'D'
		}));
		const parsed = parseDraft({ glossary: { terms } });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(parsed.problems[0]).toEqual({
				file: 'glossary.yaml',
				item: undefined,
				message: `field "terms": expected at most ${MAX_TERMS} glossary terms`
			});
	});
});
