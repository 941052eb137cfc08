// The module's path: lessons in order, each followed by the exercises it links, the rest at the end.
import { describe, expect, it } from 'vitest';
import {
	exercisePagesOf,
	moduleSteps,
	nextStep,
	stepsDoneInClass
} from '../../src/lib/content/module-steps';
import { loadCase } from '../../src/lib/content/case';
import { readCaseFiles } from '../../src/lib/content/folder';

const lesson = (number: number, exercises: ('tag' | 'map' | 'practice')[] = []) => ({
	number,
	slug: `l${number}`,
	title: `Lesson ${number}`,
	exercises
});

describe('moduleSteps', () => {
	it('places each exercise after the first lesson that links it, and the rest at the end', () => {
		const steps = moduleSteps({
			id: 'c',
			lessons: [lesson(1, ['practice', 'tag']), lesson(2, ['tag', 'map'])],
			exercises: ['practice', 'tag', 'map', 'booster']
		});
		expect(steps.map((s) => s.id)).toEqual([
			'lesson:l1',
			'exercise:practice',
			'exercise:tag',
			'lesson:l2',
			'exercise:map',
			'exercise:booster'
		]);
		expect(steps[2]?.href).toBe('/m/c/tag');
		expect(nextStep(steps, 'exercise:tag')?.id).toBe('lesson:l2');
		expect(nextStep(steps, 'exercise:booster')).toBeUndefined();
	});

	it('puts a pre-check before the first lesson, whichever lesson links it', () => {
		const steps = moduleSteps({
			id: 'c',
			lessons: [lesson(1, ['tag']), { ...lesson(2), exercises: ['precheck'] as const }],
			exercises: ['precheck', 'tag']
		});
		expect(steps.map((s) => s.id)).toEqual([
			'exercise:precheck',
			'lesson:l1',
			'exercise:tag',
			'lesson:l2'
		]);
	});

	it('leaves out an exercise the case does not have', () => {
		const steps = moduleSteps({
			id: 'c',
			lessons: [lesson(1, ['practice'])],
			exercises: ['tag', 'map']
		});
		expect(steps.map((s) => s.id)).toEqual(['lesson:l1', 'exercise:tag', 'exercise:map']);
	});

	it('computes the real case path from its lessons, the booster last', () => {
		const c = loadCase('embassy-letter-2020', readCaseFiles('lessons/embassy-letter-2020')).case;
		const steps = moduleSteps({ id: c.id, lessons: c.lessons, exercises: exercisePagesOf(c) });
		expect(steps.filter((s) => s.kind === 'lesson')).toHaveLength(c.lessons.length);
		expect(steps.at(-1)?.id).toBe('exercise:booster');
		const tag = steps.findIndex((s) => s.id === 'exercise:tag');
		expect(steps[tag - 1]?.id).toBe('lesson:tagging-the-letter');
		// the pre-check comes first (lesson 1 sends students there before it starts, and they come
		// back to lesson 1); lesson 7 leads to the post-check
		const ids = steps.map((s) => s.id);
		expect(ids[0]).toBe('exercise:precheck');
		expect(ids[1]).toBe(`lesson:${c.lessons[0]!.slug}`);
		expect(nextStep(steps, 'exercise:precheck')?.id).toBe(`lesson:${c.lessons[0]!.slug}`);
		const post = ids.indexOf('exercise:postcheck');
		expect(ids.slice(0, post).filter((id) => id.startsWith('lesson:'))).toHaveLength(7);
		expect(ids.slice(post).filter((id) => id.startsWith('lesson:'))).toHaveLength(0);
		expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
	});
});

describe('stepsDoneInClass', () => {
	it('names the lessons marked done and the exercise pages handed in as step ids', () => {
		const steps = moduleSteps({
			id: 'c',
			lessons: [lesson(1, ['practice', 'tag']), lesson(2)],
			exercises: ['practice', 'tag', 'booster']
		});
		const done = stepsDoneInClass(['l2'], ['tag']);
		expect(done).toEqual(['lesson:l2', 'exercise:tag']);
		expect(steps.filter((s) => done.includes(s.id)).map((s) => s.href)).toEqual([
			'/m/c/tag',
			'/m/c/lessons/l2'
		]);
	});
});
