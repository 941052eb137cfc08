// The module as one ordered path of steps, computed from the case: a pre-check first if the case
// has one, then each lesson and the exercise pages it sends students to (in the order it links
// them), and at the end any exercise no lesson links (the booster, a refresher for weeks later). The stepper, the "next step" links and the
// lesson pages' ends all read this one list.
import type { ExercisePage } from './case.ts';

export interface ModuleStep {
	/** "lesson:tagging-the-letter" or "exercise:tag": stable, used for done states */
	id: string;
	kind: 'lesson' | 'exercise';
	title: string;
	href: string;
}

/** The parts of a case the path needs (a Case or its summary with lesson exercises). */
export interface PathCase {
	id: string;
	lessons: readonly {
		slug: string;
		number: number;
		title: string;
		exercises: readonly ExercisePage[];
	}[];
	/** the exercise pages the case has, in any order */
	exercises: readonly ExercisePage[];
}

/** What a student reads for each exercise page in the path. */
export const EXERCISE_STEP_TITLE: Record<ExercisePage, string> = {
	precheck: 'Pre-check: where you start',
	retelling: 'Sort the retelling',
	practice: 'Warm-up practice',
	tag: 'Tag the letter',
	timeline: 'Explore the timeline',
	'timeline/order': 'Put the events in order',
	map: 'Link the allegations',
	postcheck: 'Post-check: how far you came',
	booster: 'Booster, a few weeks later'
};

/** Exercise pages that measure where a student starts: first on the path, before lesson 1. */
const BEFORE_ANY_LESSON: readonly ExercisePage[] = ['precheck'];

export function moduleSteps(c: PathCase): ModuleStep[] {
	const base = `/m/${c.id}`;
	const available = new Set(c.exercises);
	const placed = new Set<ExercisePage>();
	const exercise = (page: ExercisePage): ModuleStep => ({
		id: `exercise:${page}`,
		kind: 'exercise',
		title: EXERCISE_STEP_TITLE[page],
		href: `${base}/${page}`
	});
	const steps: ModuleStep[] = [];
	// a baseline comes before any teaching, whichever lesson links it: its next step is lesson 1,
	// so a student sent there from the start of lesson 1 comes back to read it
	for (const page of BEFORE_ANY_LESSON) {
		if (!available.has(page)) continue;
		placed.add(page);
		steps.push(exercise(page));
	}
	for (const lesson of c.lessons) {
		steps.push({
			id: `lesson:${lesson.slug}`,
			kind: 'lesson',
			title: `${lesson.number}. ${lesson.title}`,
			href: `${base}/lessons/${lesson.slug}`
		});
		for (const page of lesson.exercises) {
			if (!available.has(page) || placed.has(page)) continue;
			placed.add(page);
			steps.push(exercise(page));
		}
	}
	for (const page of c.exercises) if (!placed.has(page)) steps.push(exercise(page));
	return steps;
}

/** The step after the one with this id; undefined at the end (or for an unknown id). */
export function nextStep(steps: readonly ModuleStep[], id: string): ModuleStep | undefined {
	const index = steps.findIndex((s) => s.id === id);
	return index < 0 ? undefined : steps[index + 1];
}

/** Does the case have the ordering exercise (two events or more marked for it)? */
export function hasOrderExercise(c: {
	timeline?: { events: readonly { orderExercise: boolean }[] };
}): boolean {
	return (c.timeline?.events ?? []).filter((e) => e.orderExercise).length >= 2;
}

/** The exercise pages a loaded case has. */
export function exercisePagesOf(c: {
	retelling?: unknown;
	practice?: unknown;
	timeline?: { events: readonly { orderExercise: boolean }[] };
	booster?: unknown;
	precheck?: unknown;
	postcheck?: unknown;
}): ExercisePage[] {
	return [
		...(c.precheck ? (['precheck'] as const) : []),
		...(c.retelling ? (['retelling'] as const) : []),
		...(c.practice ? (['practice'] as const) : []),
		'tag' as const,
		...(c.timeline ? (['timeline'] as const) : []),
		...(hasOrderExercise(c) ? (['timeline/order'] as const) : []),
		'map' as const,
		...(c.postcheck ? (['postcheck'] as const) : []),
		...(c.booster ? (['booster'] as const) : [])
	];
}

/**
 * The steps a class student has done as the server knows them: the lessons they marked done and
 * the exercise pages whose set they handed in (every item committed).
 */
export function stepsDoneInClass(
	lessonsDone: readonly string[],
	handedIn: readonly ExercisePage[]
): string[] {
	return [
		...lessonsDone.map((slug) => `lesson:${slug}`),
		...handedIn.map((page) => `exercise:${page}`)
	];
}
