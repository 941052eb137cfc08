// The grading body schema rejects bad input with a clear message; grading returns feedback only
// for committed items.
import { describe, expect, it } from 'vitest';
import { real } from './real-case';
import { itemIds } from '../../src/lib/content/case';
import {
	describeSubmissionError,
	Submission,
	submissionFromForm
} from '../../src/lib/exercises/tag/submission';
import { GradingError } from '../../src/lib/server/grading/errors';
import { grade } from '../../src/lib/server/grading/tag';

const { case: c, keys } = real;

function form(fields: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
}

function parse(fields: [string, string][]) {
	return Submission.safeParse(submissionFromForm(form(fields)));
}

describe('the submission schema', () => {
	it('reads tags, techniques, committed items and the mode from form fields', () => {
		const result = parse([
			['mode', 'immediate'],
			['tag-L4', 'deflection'],
			['technique-L4', 'attack-on-source'],
			['committed', 'L5'],
			['tag-L5', 'assertion'],
			['commit', 'L4']
		]);
		expect(result.success).toBe(true);
		expect(result.data).toEqual({
			mode: 'immediate',
			commit: 'L4',
			tags: { L4: 'deflection', L5: 'assertion' },
			techniques: { L4: 'attack-on-source' },
			committed: ['L5']
		});
	});

	it.each([
		[[['tag-L4', 'opinion']], 'the tag for L4 should be evidence, assertion or deflection'],
		[[['technique-L4', 'sarcasm']], 'the technique for L4 should be a technique from the list'],
		[[['mode', 'sometimes']], 'mode should be feedback mode "set" or "immediate"'],
		[[['tag-<script>', 'evidence']], 'the tag for <script> should be an item id such as L4'],
		[[['commit', 'L4; DROP TABLE']], 'commit should be an item id such as L4']
	] as [[string, string][], string][])(
		'rejects %j with a message naming the field',
		(fields, message) => {
			const result = parse(fields);
			expect(result.success).toBe(false);
			if (!result.success) expect(describeSubmissionError(result.error)).toContain(message);
		}
	);

	it('rejects more than 200 tags', () => {
		const fields: [string, string][] = Array.from({ length: 201 }, (_, i) => [
			`tag-L${i + 1}`,
			'evidence'
		]);
		expect(parse(fields).success).toBe(false);
	});
});

describe('grade', () => {
	const ids = itemIds(c, 'letter');
	const all = (tag: 'evidence' | 'assertion' | 'deflection') =>
		Object.fromEntries(ids.map((id) => [id, tag]));

	it('grades the whole set and reports totals and discernment', () => {
		const key = Object.fromEntries(ids.map((id) => [id, keys.letter.get(id)?.tag ?? 'evidence']));
		const result = grade(c, keys, 'letter', {
			mode: 'set',
			tags: key,
			techniques: {},
			committed: []
		});
		expect(result.complete).toBe(true);
		expect(result.totals.score).toBe(ids.length);
		expect(result.feedback).toHaveLength(ids.length);
		expect(result.feedback.every((f) => f.rationale.length > 40)).toBe(true);
		expect(result.balanced).toBe(1);
	});

	it('gives half credit for an also-defensible tag', () => {
		const [id, entry] = [...keys.letter].find(([, e]) => e.alsoDefensible.length > 0) ?? [];
		expect(id).toBeDefined();
		const tags = { ...all('evidence'), [id as string]: entry?.alsoDefensible[0] ?? 'evidence' };
		const result = grade(c, keys, 'letter', { mode: 'set', tags, techniques: {}, committed: [] });
		expect(result.feedback.find((f) => f.id === id)?.credit).toBe(0.5);
	});

	it('returns feedback only for committed items in immediate mode', () => {
		const result = grade(c, keys, 'letter', {
			mode: 'immediate',
			commit: 'L6',
			tags: { L4: 'assertion', L6: 'deflection', L7: 'evidence' },
			techniques: {},
			committed: ['L4']
		});
		expect(result.feedback.map((f) => f.id)).toEqual(['L4', 'L6']);
		expect(result.complete).toBe(false);
	});

	it('refuses an incomplete set, unknown items and uncommitted checks with a reason', () => {
		const incomplete = () =>
			grade(c, keys, 'letter', {
				mode: 'set',
				tags: { L4: 'evidence' },
				techniques: {},
				committed: []
			});
		expect(incomplete).toThrow(GradingError);
		expect(incomplete).toThrow(/Tag every sentence before checking: 23 still untagged/);
		expect(() =>
			grade(c, keys, 'letter', {
				mode: 'set',
				tags: { ...all('evidence'), L99: 'evidence' },
				techniques: {},
				committed: []
			})
		).toThrow('There is no item L99 in this exercise.');
		expect(() =>
			grade(c, keys, 'letter', {
				mode: 'set',
				tags: { ...all('evidence'), L2: 'evidence' },
				techniques: {},
				committed: []
			})
		).toThrow('There is no item L2 in this exercise.');
		expect(() =>
			grade(c, keys, 'letter', {
				mode: 'immediate',
				commit: 'L5',
				tags: {},
				techniques: {},
				committed: []
			})
		).toThrow('Choose a tag for L5 before checking it.');
	});

	it('hands in what the student has: tagged items graded, open ones unanswered, not wrong', () => {
		const ids = itemIds(c, 'letter');
		const tagged = ids.slice(0, ids.length - 3);
		const tags = Object.fromEntries(tagged.map((id) => [id, keys.letter.get(id)!.tag]));
		const refused = () =>
			grade(c, keys, 'letter', { mode: 'set', tags, techniques: {}, committed: [] });
		// without the confirmation: refused, with how many are open
		try {
			refused();
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(GradingError);
			expect((error as GradingError).details).toEqual({ open: 3 });
			expect((error as GradingError).message).toContain('Or hand in what you have');
		}
		const result = grade(c, keys, 'letter', {
			mode: 'set',
			tags,
			techniques: {},
			committed: [],
			handIn: true
		});
		expect(result.committed).toEqual(tagged);
		expect(result.open).toEqual(ids.slice(-3));
		expect(result.feedback.map((f) => f.id)).toEqual(tagged);
		expect(result.complete).toBe(true);
		expect(result.handedIn).toBe(true);
		expect(result.totals).toMatchObject({ graded: tagged.length, unanswered: 3 });
		// every answer right, three open: the score is out of every item of the set
		expect(result.totals.score).toBe(tagged.length);
		expect(result.totals.ratio).toBeCloseTo(tagged.length / ids.length);
		// an open item is no tag at all: the discernment counts only the answered ones
		const given = result.discernment.reduce((sum, row) => sum + row.given, 0);
		expect(given).toBe(tagged.length);
		expect(() =>
			grade(c, keys, 'letter', {
				mode: 'set',
				tags: {},
				techniques: {},
				committed: [],
				handIn: true
			})
		).toThrow('Tag at least one sentence to hand in.');
	});

	it('reads the confirmed hand-in from its button, and nothing else as one', () => {
		expect(parse([['handIn', 'with-open-items']]).data?.handIn).toBe(true);
		expect(parse([['handIn', 'yes']]).data?.handIn).toBeUndefined();
	});

	it('grades the practice set against its own key', () => {
		const practiceIds = itemIds(c, 'practice');
		expect(practiceIds.length).toBeGreaterThan(3);
		const tags = Object.fromEntries(
			practiceIds.map((id) => [id, keys.practice?.get(id)?.tag ?? 'evidence'])
		);
		const result = grade(c, keys, 'practice', { mode: 'set', tags, techniques: {}, committed: [] });
		expect(result.totals.ratio).toBe(1);
	});
});
