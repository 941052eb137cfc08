// A case's own copy lives in its folder, checked at load: linked copy ([words](id)), the question
// about the age of the sources (timeline.yaml), the reader's note on the numbering (letter.yaml),
// and a glossary that adds to the scheme's words without defining them again.
import { describe, expect, it } from 'vitest';
import { CASE, errorOf, files } from './real-case';
import { loadCase } from '../../src/lib/content/case';
import { parseInline, unknownLinks } from '../../src/lib/content/inline';
import { TAG_INFO, TECHNIQUE_INFO } from '../../src/lib/content/vocabulary';

describe('linked copy', () => {
	it('splits words and links, in order', () => {
		expect(parseInline('In [sentence 4](L4) the letter, see [the report](E7).')).toEqual([
			{ text: 'In ' },
			{ text: 'sentence 4', link: 'L4' },
			{ text: ' the letter, see ' },
			{ text: 'the report', link: 'E7' },
			{ text: '.' }
		]);
		expect(parseInline('No links [here] (L4).')).toEqual([{ text: 'No links [here] (L4).' }]);
	});

	it('names the links to ids that do not exist', () => {
		const pieces = parseInline('[one](L4) and [two](E99)');
		expect(unknownLinks(pieces, new Set(['L4']))).toEqual(['[two](E99)']);
	});
});

describe('the age question', () => {
	it('loads with its sentence and events looked up', () => {
		const timeline = loadCase(CASE, files()).case.timeline;
		const q = timeline?.ageQuestion;
		expect(q).toBeDefined();
		const events = timeline?.events ?? [];
		expect(events).toContain(q!.reports);
		expect(q!.later.length).toBeGreaterThan(0);
		expect(q!.intro.some((p) => p.link === q!.sentence.id)).toBe(true);
	});

	it('names the field of an unknown event and of a broken link', () => {
		const broken = files();
		broken['timeline.yaml'] = (broken['timeline.yaml'] ?? '')
			.replace(/\n {2}newest: E\d+/, '\n  newest: E999')
			.replace('[the newest one](E', '[the newest one](E9');
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.file).toBe(`lessons/${CASE}/timeline.yaml`);
		expect(error.message).toMatch(
			/item ageQuestion, field "newest": expected an event id of the timeline, found E999/
		);
		expect(error.message).toMatch(
			/item ageQuestion, field "discussion": expected links to sentence or event ids, found \[the newest one\]\(E9\d+\)/
		);
	});
});

describe("the reader's note", () => {
	it('links only to sentences of the letter', () => {
		const broken = files();
		broken['letter.yaml'] = (broken['letter.yaml'] ?? '').replace(/\]\(L16\)/, '](L99)');
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(
			/letter\.yaml:\n\s+- field "readerNote": expected links to sentence ids, found \[sentence 16\]\(L99\)/
		);
	});
});

describe('the glossary', () => {
	it('takes the name and definition of a tag or a technique from the scheme', () => {
		const terms = loadCase(CASE, files()).case.glossary?.terms ?? [];
		const evidence = terms.find((t) => t.id === 'evidence');
		expect(evidence).toMatchObject({
			term: TAG_INFO.evidence.label,
			definition: TAG_INFO.evidence.definition,
			ask: TAG_INFO.evidence.question
		});
		const whataboutism = terms.find((t) => t.id === 'whataboutism');
		expect(whataboutism?.definition).toBe(TECHNIQUE_INFO.whataboutism.definition);
		expect(whataboutism?.family).toBe('Distraction');
	});

	it('refuses a definition of a scheme word, and a term without one', () => {
		const broken = files();
		broken['glossary.yaml'] = (broken['glossary.yaml'] ?? '')
			.replace('  - id: evidence\n', '  - id: evidence\n    definition: A checkable sentence.\n')
			.replace(/(\n {2}- id: vsse\n)(?: {4}term: .*\n)/, '$1');
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(
			/item evidence, field "definition": expected no definition for a tag or a technique/
		);
		expect(error.message).toMatch(/item vsse, field "term": expected the name of the term/);
	});

	it('refuses a related term that is not in the glossary', () => {
		const broken = files();
		broken['glossary.yaml'] = (broken['glossary.yaml'] ?? '').replace(
			'related: [evidence, deflection]',
			'related: [evidence, nonsense]'
		);
		const error = errorOf(() => loadCase(CASE, broken));
		expect(error.message).toMatch(
			/item assertion, field "related": expected a term id of this glossary, found nonsense/
		);
	});
});
