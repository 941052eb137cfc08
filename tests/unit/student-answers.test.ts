// One student's answers beside the key, for their instructor's page: every item in order, checked
// answers credited (1, ½, 0), drafts and open items shown but never credited, late when handed in
// after the due date.
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../src/lib/content/vocabulary';
import { studentAnswers } from '../../src/lib/exercises/student-answers';
import type { KeyForScoring } from '../../src/lib/exercises/tag/scoring';

const items = ['S1', 'S2', 'S3', 'S4', 'S5'].map((id) => ({ id, text: `Sentence ${id}.` }));
const key = new Map<string, KeyForScoring>([
	['S1', { tag: 'evidence', alsoDefensible: [] }],
	['S2', { tag: 'deflection', alsoDefensible: ['evidence'], technique: 'whataboutism' }],
	['S3', { tag: 'assertion', alsoDefensible: [] }],
	['S4', { tag: 'evidence', alsoDefensible: [] }],
	['S5', { tag: 'assertion', alsoDefensible: [] }]
]);
const tags: Record<string, Tag> = {
	S1: 'evidence', // right, checked
	S2: 'evidence', // also defensible, checked
	S3: 'deflection', // wrong, checked
	S4: 'assertion' // a draft
};

describe('studentAnswers', () => {
	const stored = {
		tags,
		techniques: { S3: 'red-herring' as const },
		committed: ['S1', 'S2', 'S3'],
		handedInAt: new Date('2026-03-15T08:00:00Z')
	};

	it('lists every item with the answer, the key and the credit of checked answers', () => {
		const answers = studentAnswers(items, stored, key);
		expect(answers.rows.map((r) => [r.id, r.given, r.state, r.key?.tag, r.credit])).toEqual([
			['S1', 'evidence', 'checked', 'evidence', 1],
			['S2', 'evidence', 'checked', 'deflection', 0.5],
			['S3', 'deflection', 'checked', 'assertion', 0],
			['S4', 'assertion', 'draft', 'evidence', null],
			['S5', null, 'open', 'assertion', null]
		]);
		expect(answers.rows[2]!.technique).toBe('red-herring');
		expect(answers.rows[1]!.key).toEqual({
			tag: 'deflection',
			alsoDefensible: ['evidence'],
			technique: 'whataboutism'
		});
		expect(answers).toMatchObject({
			checked: 3,
			score: 1.5,
			handedInAt: '2026-03-15T08:00:00.000Z',
			late: false
		});
	});

	it('marks a hand-in after the due date late', () => {
		const due = new Date('2026-03-14T23:59:59Z');
		expect(studentAnswers(items, stored, key, due).late).toBe(true);
	});

	it('shows every item open before the student has answered', () => {
		const answers = studentAnswers(items, null, key);
		expect(answers.rows.every((r) => r.state === 'open' && r.credit === null)).toBe(true);
		expect(answers).toMatchObject({ checked: 0, score: 0, handedInAt: null, late: false });
	});
});
