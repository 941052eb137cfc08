// The standard lessons of an authored case: which exercise pages they send students to, how a
// lesson's file names its component, and the worked examples picked from the case's own key.
import { describe, expect, it } from 'vitest';
import {
	standardLessonKind,
	standardLessons,
	tagExamples
} from '../../src/lib/content/standard-lessons';

describe('standard lessons', () => {
	it('read the texts, then the definitions leading to tag, map and the timeline when there is one', () => {
		const lessons = standardLessons(['tag', 'timeline', 'map']);
		expect(lessons.map((l) => [l.number, l.slug, standardLessonKind(l)])).toEqual([
			[1, 'read-the-texts', 'read'],
			[2, 'evidence-assertion-deflection', 'definitions']
		]);
		expect(lessons[1]!.exercises).toEqual(['tag', 'map', 'timeline']);
		expect(standardLessons(['tag', 'map'])[1]!.exercises).toEqual(['tag', 'map']);
		// a case with practice items warms up on them before it tags its own rebuttal
		expect(standardLessons(['practice', 'tag', 'map'])[1]!.exercises).toEqual([
			'practice',
			'tag',
			'map'
		]);
	});

	it('a lesson written in mdsvex is no standard lesson', () => {
		expect(standardLessonKind({ file: '03-evidence-assertion-deflection.md' })).toBeNull();
		expect(standardLessonKind({ file: 'standard:other' })).toBeNull();
	});

	it('takes the first claim of each tag in reading order as its example, with its rationale', () => {
		const claims = [
			{ id: 'L2', text: 'Two.' },
			{ id: 'L3', text: 'Three.' },
			{ id: 'L4', text: 'Four.' },
			{ id: 'L5', text: 'Five.' }
		];
		const key = new Map([
			['L2', { tag: 'assertion' as const, rationale: 'R2' }],
			['L3', { tag: 'assertion' as const, rationale: 'R3' }],
			['L4', { tag: 'deflection' as const, rationale: 'R4' }],
			['L5', { tag: 'evidence' as const, rationale: 'R5' }]
		]);
		expect(tagExamples(claims, key)).toEqual([
			{ tag: 'evidence', sentenceId: 'L5', text: 'Five.', rationale: 'R5' },
			{ tag: 'assertion', sentenceId: 'L2', text: 'Two.', rationale: 'R2' },
			{ tag: 'deflection', sentenceId: 'L4', text: 'Four.', rationale: 'R4' }
		]);
		// a tag no claim has gets no example
		expect(tagExamples(claims.slice(0, 2), key).map((e) => e.tag)).toEqual(['assertion']);
	});
});
