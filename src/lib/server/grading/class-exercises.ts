// The allegation map and the timeline ordering for a signed-in class student: the work is handed
// in once and stored on the server (repo/exercise-work.ts), restored on any device, and its
// feedback follows the assignment's feedback mode as tagging does: in 'immediate' and 'set' mode
// the result comes with the hand-in (each exercise is one whole set), in 'reveal' mode only the
// student's own answers come back until the instructor reveals the key. Nothing of the key (the
// key's links, the events' dates and sources) is in a pending answer.
import { z } from 'zod';
import type { Case, CaseKeys } from '$lib/content/case';
import { REVEAL_PENDING_MESSAGE } from '$lib/exercises/class-work';
import type { MapResult } from '$lib/exercises/map/feedback';
import { NONE } from '$lib/exercises/map/fields';
import type { Links } from '$lib/exercises/map/submission';
import type { OrderResult } from '$lib/exercises/order/feedback';
import { canSeeKey } from '$lib/server/auth/authorization';
import type { ExerciseWork } from '$lib/server/db/schema';
import { getExerciseWork, handInExerciseWork } from '$lib/server/repo/exercise-work';
import { gradeForm } from './action';
import { revealedTagging, type ClassContext } from './class-work';
import { GradingError } from './errors';
import { gradeMap, mapForm } from './map';
import { gradeOrder, orderExercise, orderForm } from './order';

/** What the exercise page starts with for a class student who has handed the work in. */
export interface HandedInMap {
	handedIn: true;
	result?: MapResult;
	/** the links as the form's checkboxes hold them ("none of them" as its own value) */
	links?: Record<string, string[]>;
	message?: string;
}

export interface HandedInOrder {
	handedIn: true;
	result?: OrderResult;
	/** the positions the student gave (event id → position from 1) */
	positions?: Record<string, string>;
	message?: string;
}

const KEY_CHANGED =
	'Your answers are in; the exercise has changed since, so they cannot be checked.';

/** The stored shapes; a stored answer that no longer fits the case is shown as not checkable. */
const StoredLinks = z.object({ links: z.record(z.string(), z.array(z.string())) });
const StoredOrder = z.object({ order: z.array(z.string()) });

const ticked = (links: Links) =>
	Object.fromEntries(Object.entries(links).map(([id, v]) => [id, v.length ? [...v] : [NONE]]));

const positionsOf = (order: readonly string[]) =>
	Object.fromEntries(order.map((id, i) => [id, String(i + 1)]));

const owner = (ctx: ClassContext, exercise: 'map' | 'order') => ({
	studentId: ctx.studentId,
	assignmentId: ctx.assignment.id,
	exercise
});

/** The map page's answer for stored work: graded again, so a corrected key reaches everyone. */
async function mapAnswer(
	c: Case,
	keys: CaseKeys,
	ctx: ClassContext,
	stored: ExerciseWork
): Promise<HandedInMap> {
	const parsed = StoredLinks.safeParse(stored.answer);
	if (!parsed.success) return { handedIn: true, message: KEY_CHANGED };
	const links = parsed.data.links;
	if (!canSeeKey(ctx.assignment)) {
		return { handedIn: true, links: ticked(links), message: REVEAL_PENDING_MESSAGE };
	}
	try {
		const tagging = await revealedTagging(c, keys, ctx);
		return { handedIn: true, result: gradeMap(c, keys, { links }, tagging) };
	} catch (error) {
		if (error instanceof GradingError) {
			return { handedIn: true, links: ticked(links), message: KEY_CHANGED };
		}
		throw error;
	}
}

/** The class student's handed-in map, as the page shows it on load; null before the hand-in. */
export async function loadClassMap(
	c: Case,
	keys: CaseKeys,
	ctx: ClassContext
): Promise<HandedInMap | null> {
	const stored = await getExerciseWork(owner(ctx, 'map'));
	return stored ? mapAnswer(c, keys, ctx, stored) : null;
}

/** The map's grade action for a class student: hand in (once), then answer as the mode allows. */
export function classMapGradeAction(c: Case, keys: CaseKeys, request: Request, ctx: ClassContext) {
	return gradeForm(request, mapForm(c), async (submission) => {
		// throws a GradingError (a 400) for links left out: only whole work is handed in
		const graded = gradeMap(c, keys, submission);
		const stored = await handInExerciseWork(
			owner(ctx, 'map'),
			{ links: graded.links },
			graded.totals.score
		);
		return mapAnswer(c, keys, ctx, stored);
	});
}

function orderAnswer(c: Case, ctx: ClassContext, stored: ExerciseWork): HandedInOrder {
	const parsed = StoredOrder.safeParse(stored.answer);
	const { correct } = orderExercise(c);
	const fits =
		parsed.success &&
		parsed.data.order.length === correct.length &&
		correct.every((id) => parsed.data.order.includes(id));
	if (!parsed.success || !fits) return { handedIn: true, message: KEY_CHANGED };
	const order = parsed.data.order;
	if (!canSeeKey(ctx.assignment)) {
		return { handedIn: true, positions: positionsOf(order), message: REVEAL_PENDING_MESSAGE };
	}
	return { handedIn: true, result: gradeOrder(c, order) };
}

/** The class student's handed-in ordering, as the page shows it on load; null before the hand-in. */
export async function loadClassOrder(c: Case, ctx: ClassContext): Promise<HandedInOrder | null> {
	const stored = await getExerciseWork(owner(ctx, 'order'));
	return stored ? orderAnswer(c, ctx, stored) : null;
}

/** The ordering's grade action for a class student: hand in (once), then answer as the mode allows. */
export function classOrderGradeAction(c: Case, request: Request, ctx: ClassContext) {
	return gradeForm(request, orderForm(c), async (given) => {
		const graded = gradeOrder(c, given);
		const score = graded.pairs.total ? graded.pairs.right / graded.pairs.total : 1;
		const stored = await handInExerciseWork(owner(ctx, 'order'), { order: given }, score);
		return orderAnswer(c, ctx, stored);
	});
}
