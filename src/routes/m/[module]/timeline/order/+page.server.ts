// The ordering exercise: students put some of the case's events in time order (no dates shown);
// the grade action checks the body against a schema and scores it against the content's dates.
import { error, fail } from '@sveltejs/kit';
import type { TimelineEvent } from '$lib/content/schemas';
import { correctOrder, scoreOrder, scrambledOrder } from '$lib/exercises/order/scoring';
import { describeOrderError, orderBodySchema } from '$lib/exercises/order/submission';
import { orderResult } from '$lib/exercises/order/feedback';
import { positionField } from '$lib/exercises/order/fields';
import { classContext } from '$lib/server/class-exercise';
import { getCase } from '$lib/server/content';
import { maySelfStudy, selfStudyOff } from '$lib/server/self-study';

/** Self-study grading off, and not a student in a class with this module? */
async function refused(locals: App.Locals, moduleId: string): Promise<boolean> {
	if (maySelfStudy(locals)) return false;
	return (await classContext(locals, moduleId)) === null;
}

function exercise(moduleId: string) {
	const c = getCase(moduleId);
	const events = (c.timeline?.events ?? []).filter((e) => e.orderExercise);
	if (events.length < 2) error(404, 'This module has no timeline ordering exercise.');
	return { events, correct: correctOrder(events) };
}

/** What a student sees of an event before answering: no date, no sources (they give dates away). */
const publicItem = (e: TimelineEvent) => ({ id: e.id, title: e.title });

export async function load({ params, locals }) {
	const { events, correct } = exercise(params.module);
	const byId = new Map(events.map((e) => [e.id, e]));
	return {
		items: scrambledOrder(correct).map((id) => publicItem(byId.get(id)!)),
		selfStudyOff: await refused(locals, params.module)
	};
}

export const actions = {
	grade: async ({ request, params, locals }) => {
		const { events, correct } = exercise(params.module);
		if (await refused(locals, params.module)) return selfStudyOff();
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { message: 'The answer could not be read: send it as a form.' });
		}
		// keep what the student chose, so the form can show it again next to the message
		const positions: Record<string, string> = {};
		for (const id of correct) {
			const value = form.get(positionField(id));
			if (typeof value === 'string' && value.length <= 3) positions[id] = value;
		}
		const body = Object.fromEntries(
			[...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : ''])
		);
		const parsed = orderBodySchema(correct).safeParse(body);
		if (!parsed.success) {
			return fail(400, { message: describeOrderError(parsed.error), positions });
		}
		return {
			positions,
			result: orderResult(parsed.data, scoreOrder(parsed.data, correct), events)
		};
	}
};
