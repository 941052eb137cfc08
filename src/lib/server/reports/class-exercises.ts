// The dashboard's view of the class's allegation map and timeline ordering (instructor only): the
// maps and orders handed in for an assignment, counted against the key (class-exercises-summary.ts).
import type { Case } from '$lib/content/case';
import {
	mapClassView,
	mostMisplaced,
	type ClassExerciseViews
} from '$lib/exercises/class-exercises-summary';
import { correctOrder } from '$lib/exercises/order/scoring';
import { getKeys } from '$lib/server/content';
import { assignmentExerciseWork } from '$lib/server/repo/exercise-work';

export type { ClassExerciseViews };

export async function classExerciseViews(
	c: Case,
	assignmentId: string
): Promise<ClassExerciseViews> {
	const work = await assignmentExerciseWork(assignmentId, ['map', 'order']);
	const maps = work.flatMap((w) => {
		const links = (w.answer as { links?: unknown }).links;
		return w.exercise === 'map' && links && typeof links === 'object'
			? [links as Record<string, string[]>]
			: [];
	});
	const keys = getKeys(c);
	const map = mapClassView(
		c.claims.map((s) => s.id),
		c.article.allegations.map((a) => a.id),
		new Map(c.claims.map((s) => [s.id, keys.letter.get(s.id)?.answers ?? []])),
		maps
	);
	const events = (c.timeline?.events ?? []).filter((e) => e.orderExercise);
	let order: ClassExerciseViews['order'] = null;
	if (events.length >= 2) {
		const orders = work.flatMap((w) => {
			const given = (w.answer as { order?: unknown }).order;
			return w.exercise === 'order' && Array.isArray(given) ? [given as string[]] : [];
		});
		const misplaced = mostMisplaced(correctOrder(events), orders);
		const titles = new Map(events.map((e) => [e.id, e.title]));
		order = {
			students: misplaced.students,
			events: misplaced.events.map((e) => ({ ...e, title: titles.get(e.id) ?? e.id }))
		};
	}
	return {
		map: { ...map, texts: Object.fromEntries(c.claims.map((s) => [s.id, s.text])) },
		order
	};
}
