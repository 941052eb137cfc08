// Server-side grading of the timeline ordering exercise: the events' dates and sources (which
// give the order away) reach a browser only in the result of an answered order.
import { error } from '@sveltejs/kit';
import type { Case } from '$lib/content/case';
import type { TimelineEvent } from '$lib/content/schemas';
import { orderResult, type OrderResult } from '$lib/exercises/order/feedback';
import { positionField } from '$lib/exercises/order/fields';
import { correctOrder, scoreOrder, scrambledOrder } from '$lib/exercises/order/scoring';
import { describeOrderError, orderBodySchema } from '$lib/exercises/order/submission';
import { gradeForm, type ExerciseForm } from './action';

/** The case's events to order and their order in time, or a 404 for a case without them. */
export function orderExercise(c: Case) {
	const events = (c.timeline?.events ?? []).filter((e) => e.orderExercise);
	if (events.length < 2) error(404, 'This module has no timeline ordering exercise.');
	return { events, correct: correctOrder(events) };
}

/** What a student sees of an event before answering: no date, no sources (they give dates away). */
const publicItem = (e: TimelineEvent) => ({ id: e.id, title: e.title });

/** The events as the page shows them before an answer: titles only, scrambled. */
export function orderItems(c: Case) {
	const { events, correct } = orderExercise(c);
	const byId = new Map(events.map((e) => [e.id, e]));
	return scrambledOrder(correct).map((id) => publicItem(byId.get(id)!));
}

/** Scores an order given as event ids, earliest first. */
export function gradeOrder(c: Case, given: string[]): OrderResult {
	const { events, correct } = orderExercise(c);
	return orderResult(given, scoreOrder(given, correct), events);
}

/** The ordering form: one position field per event, and the positions shown again beside a message. */
export function orderForm(c: Case): ExerciseForm<string[], { positions: Record<string, string> }> {
	const { correct } = orderExercise(c);
	return {
		read: (form) =>
			Object.fromEntries(
				[...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : ''])
			),
		schema: orderBodySchema(correct),
		describe: describeOrderError,
		echo: (raw) => {
			const body = (raw ?? {}) as Record<string, string>;
			const positions: Record<string, string> = {};
			for (const id of correct) {
				const value = body[positionField(id)];
				if (typeof value === 'string' && value.length <= 3) positions[id] = value;
			}
			return { positions };
		},
		what: 'the positions'
	};
}

/** The form action of the ordering exercise: validate, grade, or fail with a clear 400. */
export function orderGradeAction(c: Case, request: Request) {
	return gradeForm(request, orderForm(c), (given) => ({ result: gradeOrder(c, given) }));
}
