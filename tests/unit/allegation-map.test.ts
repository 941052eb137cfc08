// The allegation map's layout is a pure function: two columns of nodes, a curve per link, labels
// that fit, per-allegation summaries, and roving-focus moves.
import { describe, expect, it } from 'vitest';
import {
	layoutAllegationMap,
	linkPath,
	MAP_METRICS,
	mapHighlight,
	mapNeighbour
} from '../../src/lib/charts/allegation-layout';
import {
	countPhrase,
	describeSummary,
	describeVerdict,
	overallLesson,
	summariseAllegations,
	type MapSentence
} from '../../src/lib/exercises/map/feedback';
import { listWords, truncate } from '../../src/lib/content/words';
import { charsThatFit, wrapWords } from '../../src/lib/charts/text';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';

const allegations = [
	{ id: 'A1', short: 'Experts targeted' },
	{ id: 'A2', short: 'Firms as targets' },
	{ id: 'A3', short: 'The centre as a back door' }
];
const sentences: MapSentence[] = [
	{
		id: 'L1',
		text: 'Such claims are false.',
		tag: 'deflection',
		answers: ['A1', 'A2'],
		given: ['A1']
	},
	{ id: 'L2', text: 'All is lawful.', tag: 'assertion', answers: ['A1'], given: [] },
	{ id: 'L3', text: 'Friendship matters.', tag: 'deflection', answers: [], given: ['A3'] },
	{
		id: 'L4',
		text: 'A ruling of 2020 lifted the ban.',
		tag: 'evidence',
		answers: ['A2'],
		given: ['A2']
	}
];

describe('linkPath', () => {
	it('is a horizontal cubic with both control points halfway across', () => {
		expect(linkPath({ x: 300, y: 50 }, { x: 100, y: 150 })).toBe('M300,50C200,50 200,150 100,150');
	});
});

describe('wrapWords and truncate', () => {
	it('wraps at word boundaries', () => {
		expect(wrapWords('A3 The centre as a back door', 12)).toEqual([
			'A3 The',
			'centre as a',
			'back door'
		]);
		expect(wrapWords('Supercalifragilistic word', 5)).toEqual(['Supercalifragilistic', 'word']);
	});

	it('cuts at a word boundary and marks the cut', () => {
		expect(truncate('Short.', 20)).toBe('Short.');
		expect(truncate('The two governments have signed agreements', 20)).toBe('The two governments…');
		expect(truncate('Anything', 1)).toBe('');
	});
});

describe('layoutAllegationMap', () => {
	const layout = layoutAllegationMap(allegations, sentences, { width: 720 });

	it('puts allegations in one column and sentences in the other, in order', () => {
		const { allegationX, sentenceX } = layout.columns;
		expect(allegationX).toBeLessThan(sentenceX);
		expect(layout.allegations.every((a) => a.x === allegationX)).toBe(true);
		expect(layout.sentences.every((s) => s.x === sentenceX)).toBe(true);
		const ys = layout.sentences.map((s) => s.y);
		expect(ys).toEqual([...ys].sort((a, b) => a - b));
		for (let i = 1; i < ys.length; i++) {
			expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(24);
		}
		const ay = layout.allegations.map((a) => a.y);
		expect(ay).toEqual([...ay].sort((a, b) => a - b));
		expect(Math.min(...ay, ...ys)).toBeGreaterThanOrEqual(MAP_METRICS.top);
		expect(Math.max(...ay, ...ys)).toBeLessThanOrEqual(layout.height - MAP_METRICS.bottom);
	});

	it('draws a key link for every key answer and a student link for every student choice', () => {
		const keyLinks = layout.links.filter((l) => l.kind === 'key');
		const studentLinks = layout.links.filter((l) => l.kind === 'student');
		expect(keyLinks.map((l) => `${l.sentence}-${l.allegation}-${l.agreed}`)).toEqual([
			'L1-A1-true',
			'L1-A2-false',
			'L2-A1-false',
			'L4-A2-true'
		]);
		expect(studentLinks.map((l) => `${l.sentence}-${l.allegation}-${l.agreed}`)).toEqual([
			'L1-A1-true',
			'L3-A3-false',
			'L4-A2-true'
		]);
		expect(new Set(layout.links.map((l) => l.key)).size).toBe(layout.links.length);
		expect(keyLinks.find((l) => l.sentence === 'L4')?.tag).toBe('evidence');
	});

	it('runs each link from its sentence node to its allegation node', () => {
		const link = layout.links.find((l) => l.key === 'key:L2:A1')!;
		const s = layout.sentences.find((n) => n.id === 'L2')!;
		const a = layout.allegations.find((n) => n.id === 'A1')!;
		const numbers = link.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
		expect(numbers[0]).toBeLessThan(s.x);
		expect(numbers[1]).toBeCloseTo(s.y, 0);
		expect(numbers.at(-2)).toBeGreaterThan(a.x);
		expect(numbers.at(-1)).toBeCloseTo(a.y, 0);
	});

	it('marks which allegations got evidence, in words', () => {
		expect(layout.allegations.map((a) => [a.id, a.hasEvidence, a.status])).toEqual([
			['A1', false, 'no checkable evidence'],
			['A2', true, 'checkable evidence'],
			['A3', false, 'no response']
		]);
		expect(layout.allegations[0]!.sentences).toEqual(['L1', 'L2']);
	});

	it('fits sentence snippets and allegation labels in the width', () => {
		const room = charsThatFit(layout.width - layout.columns.labelX, MAP_METRICS.fontSize);
		for (const s of layout.sentences) {
			expect(`${s.label} ${s.tagWord}: ${s.snippet}`.length).toBeLessThanOrEqual(room);
		}
		// allegation labels wrap on the narrow side of the chart: measured generously (14 px)
		const labelRoom = charsThatFit(layout.columns.allegationX, 14);
		for (const a of layout.allegations) {
			expect(a.lines[0]!.startsWith(a.id)).toBe(true);
			for (const line of [...a.lines, ...a.statusLines]) {
				expect(line.length).toBeLessThanOrEqual(labelRoom);
			}
		}
	});

	it('drops snippets when narrow but keeps ids and tags, never below the minimum width', () => {
		const narrow = layoutAllegationMap(allegations, sentences, { width: 200 });
		expect(narrow.width).toBe(MAP_METRICS.minWidth);
		expect(narrow.sentences.every((s) => s.snippet === '')).toBe(true);
		expect(narrow.headings).toEqual({ allegations: 'Allegations', sentences: 'Sentences' });
	});

	it('never draws a label past the right edge: the tag word goes first, the shape stays', () => {
		// two-digit sentences, tagged with the longest word, at phone widths (the chart is narrower
		// than the screen by the page's padding)
		const long = sentences.map((s, i) => ({ ...s, id: `L${16 + i}`, tag: 'deflection' as const }));
		for (const width of [280, 320, 350, 390, 720]) {
			const chart = layoutAllegationMap(allegations, long, { width });
			const room = charsThatFit(
				chart.width - chart.columns.labelX - MAP_METRICS.margin,
				MAP_METRICS.fontSize
			);
			for (const s of chart.sentences) {
				const text = `${s.label}${s.tagWord ? ` ${s.tagWord}` : ''}${s.snippet ? `: ${s.snippet}` : ''}`;
				expect(text.length, `${width} px: ${text}`).toBeLessThanOrEqual(room);
				expect(s.tag).toBe('deflection');
			}
		}
		expect(layoutAllegationMap(allegations, long, { width: 720 }).sentences[0]!.tagWord).toBe(
			'deflection'
		);
		expect(layoutAllegationMap(allegations, long, { width: 320 }).sentences[0]!.tagWord).toBe('');
	});

	it('marks sentences nobody links', () => {
		const layout2 = layoutAllegationMap(allegations, [{ ...sentences[2]!, given: [] }], {
			width: 720
		});
		expect(layout2.sentences[0]!.linked).toBe(false);
	});
});

describe('summaries', () => {
	const summaries = summariseAllegations(allegations, sentences);

	it('counts responding sentences by tag and gives a verdict', () => {
		expect(summaries.map((s) => [s.id, s.byTag, s.verdict, s.given])).toEqual([
			['A1', { evidence: [], assertion: ['L2'], deflection: ['L1'] }, 'unsupported', ['L1']],
			['A2', { evidence: ['L4'], assertion: [], deflection: ['L1'] }, 'evidence', ['L4']],
			['A3', { evidence: [], assertion: [], deflection: [] }, 'unanswered', ['L3']]
		]);
	});

	it('says it in words, with singular and plural', () => {
		expect(countPhrase('evidence', ['L25', 'L26'])).toBe(
			'2 evidence sentences (sentences 25 and 26)'
		);
		expect(countPhrase('assertion', [])).toBe('0 assertions');
		expect(countPhrase('deflection', ['L4'])).toBe('1 deflection (sentence 4)');
		expect(describeSummary(summaries[1]!)).toBe(
			'A2: 1 evidence sentence (sentence 4), 0 assertions, 1 deflection (sentence 1).'
		);
		expect(describeVerdict(summaries[0]!)).toBe(
			'No checkable evidence: only assertions and deflections.'
		);
		expect(describeVerdict(summaries[1]!)).toContain('Checkable evidence: sentence 4.');
		expect(describeVerdict(summaries[2]!)).toBe('No sentence of the letter responds to it.');
		expect(listWords(['A1', 'A2', 'A3'])).toBe('A1, A2 and A3');
	});

	it('draws the overall lesson', () => {
		expect(overallLesson(summaries, sentences)).toEqual([
			'Checkable evidence reached A2 (sentence 4).',
			'A1 got only assertions and deflections: nothing a reader could check.',
			'A3: no sentence responds at all, which does not make the allegation true.',
			'1 of the 4 claim sentences respond to none of the allegations.',
			'Checkable is not the same as answered: the reasons below say what sentence 4 does and does not settle.'
		]);
	});
});

describe('before the student has checked their tags', () => {
	// L1 (A1, A2) and L4 (A2) not tagged by the student yet: their tags are not known
	const partly: MapSentence[] = sentences.map((x) =>
		x.id === 'L1' || x.id === 'L4' ? { ...x, tag: null } : x
	);
	const untagged = sentences.map((x) => ({ ...x, tag: null }));

	it('gives no verdict for an allegation with an untagged responding sentence', () => {
		const summaries = summariseAllegations(allegations, partly);
		expect(summaries.map((s) => [s.id, s.byTag, s.untagged, s.verdict])).toEqual([
			['A1', { evidence: [], assertion: ['L2'], deflection: [] }, ['L1'], 'pending'],
			['A2', { evidence: [], assertion: [], deflection: [] }, ['L1', 'L4'], 'pending'],
			['A3', { evidence: [], assertion: [], deflection: [] }, [], 'unanswered']
		]);
		expect(describeSummary(summaries[1]!)).toBe(
			'A2: 0 evidence sentences, 0 assertions, 0 deflections, 2 not tagged yet (sentences 1 and 4).'
		);
		expect(describeVerdict(summaries[1]!)).toBe(
			'What kind of answer it got shows once you have checked your tags for sentences 1 and 4 in the tagging exercise.'
		);
		expect(overallLesson(summaries, partly)).toEqual([
			'1 of the 4 claim sentences respond to none of the allegations.',
			'Which allegation got checkable evidence shows once you have checked your tags in the tagging exercise (2 of 4 sentences so far).'
		]);
	});

	it('draws untagged sentences and their links uncoloured, and no allegation as evidenced', () => {
		const layout = layoutAllegationMap(allegations, untagged, { width: 720 });
		expect(layout.sentences.every((x) => x.tag === null)).toBe(true);
		expect(layout.links.every((l) => l.tag === null)).toBe(true);
		expect(layout.allegations.map((a) => [a.id, a.hasEvidence, a.status])).toEqual([
			['A1', false, 'tags not checked yet'],
			['A2', false, 'tags not checked yet'],
			['A3', false, 'no response']
		]);
		// the key's links are all there
		expect(layout.links.filter((l) => l.kind === 'key')).toHaveLength(4);
	});
});

describe('mapHighlight', () => {
	const layout = layoutAllegationMap(allegations, sentences, { width: 720 });

	it("lights up a sentence's links, the key's and the student's, and the allegations they reach", () => {
		const lit = mapHighlight(layout, { column: 'sentence', id: 'L1' })!;
		const links = layout.links.filter((l) => lit.links.has(l.key));
		expect(links.map((l) => [l.kind, l.allegation])).toEqual(
			expect.arrayContaining([
				['key', 'A1'],
				['key', 'A2'],
				['student', 'A1']
			])
		);
		expect(links.every((l) => l.sentence === 'L1')).toBe(true);
		expect([...lit.nodes].sort()).toEqual(['allegation:A1', 'allegation:A2', 'sentence:L1']);
	});

	it("lights up an allegation's sentences, a student's wrong link included; nothing when none is selected", () => {
		const lit = mapHighlight(layout, { column: 'allegation', id: 'A3' })!;
		expect([...lit.nodes].sort()).toEqual(['allegation:A3', 'sentence:L3']);
		expect(mapHighlight(layout, null)).toBeNull();
	});
});

describe('mapNeighbour', () => {
	const layout = layoutAllegationMap(allegations, sentences, { width: 720 });
	const s = (id: string) => ({ column: 'sentence' as const, id });
	const a = (id: string) => ({ column: 'allegation' as const, id });

	it('moves within a column and stops at its ends', () => {
		expect(mapNeighbour(layout, s('L1'), 'ArrowDown')).toEqual(s('L2'));
		expect(mapNeighbour(layout, s('L1'), 'ArrowUp')).toEqual(s('L1'));
		expect(mapNeighbour(layout, s('L2'), 'End')).toEqual(s('L4'));
		expect(mapNeighbour(layout, a('A3'), 'Home')).toEqual(a('A1'));
		expect(mapNeighbour(layout, a('A3'), 'ArrowDown')).toEqual(a('A3'));
	});

	it('crosses to the linked node of the other column, else the nearest', () => {
		expect(mapNeighbour(layout, s('L4'), 'ArrowLeft')).toEqual(a('A2'));
		expect(mapNeighbour(layout, a('A2'), 'ArrowRight')).toEqual(s('L1'));
		const fromL3 = mapNeighbour(layout, s('L3'), 'ArrowLeft');
		expect(fromL3?.column).toBe('allegation');
		expect(mapNeighbour(layout, a('A3'), 'ArrowRight')?.column).toBe('sentence');
		expect(mapNeighbour(layout, a('A1'), 'ArrowLeft')).toEqual(a('A1'));
	});

	it('ignores other keys', () => {
		expect(mapNeighbour(layout, s('L1'), 'Enter')).toBeNull();
	});
});

describe('the real letter', () => {
	const CASE = 'embassy-letter-2020';
	const { case: c, keys } = loadCase(CASE, readCaseFiles(`lessons/${CASE}`));
	const claims: MapSentence[] = c.sentences
		.filter((x) => x.role === 'claim')
		.map((x) => {
			const key = keys.letter.get(x.id)!;
			return { id: x.id, text: x.text, tag: key.tag, answers: key.answers, given: key.answers };
		});
	const summaries = summariseAllegations(c.article.allegations, claims);

	it('summarises each allegation as the key has it', () => {
		expect(summaries.map(describeSummary)).toEqual([
			'A1: 0 evidence sentences, 2 assertions (sentences 10 and 11), 3 deflections (sentences 4, 5 and 15).',
			'A2: 0 evidence sentences, 2 assertions (sentences 10 and 11), 3 deflections (sentences 4, 5 and 15).',
			'A3: 2 evidence sentences (sentences 13 and 14), 2 assertions (sentences 10 and 11), 3 deflections (sentences 4, 5 and 15).',
			'A4: 2 evidence sentences (sentences 25 and 26), 0 assertions, 2 deflections (sentences 4 and 5).'
		]);
		expect(overallLesson(summaries, claims).slice(0, 2)).toEqual([
			'Checkable evidence reached A3 (sentences 13 and 14) and A4 (sentences 25 and 26).',
			'A1 and A2 got only assertions and deflections: nothing a reader could check.'
		]);
	});

	it('lays out all 24 claim sentences without overlap at a phone width', () => {
		const layout = layoutAllegationMap(c.article.allegations, claims, { width: 360 });
		expect(layout.sentences).toHaveLength(24);
		const labelBlocks = layout.allegations.map((a) => [
			a.labelY - 12,
			a.labelY + (a.lines.length + a.statusLines.length) * MAP_METRICS.lineHeight
		]);
		for (let i = 1; i < labelBlocks.length; i++) {
			expect(labelBlocks[i]![0]!).toBeGreaterThan(labelBlocks[i - 1]![1]!);
		}
	});
});
