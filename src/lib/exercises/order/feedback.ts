// The graded ordering exercise as the browser receives it: the student's order, the counts of
// pairs and events in place, and per event where it belongs, with its date and sources (which the
// exercise hides until the student has answered).
import { describeWhen } from '../../content/dates.ts';
import type { Source, TimelineEvent } from '../../content/schemas.ts';
import type { EventScore, OrderScore } from './scoring.ts';

export interface OrderEventFeedback extends EventScore {
	title: string;
	/** when it happened, in words */
	when: string;
	caveat: string | null;
	sources: Source[];
}

export interface OrderResult {
	/** the event ids in the order the student gave */
	given: string[];
	pairs: OrderScore['pairs'];
	exact: OrderScore['exact'];
	feedback: OrderEventFeedback[];
}

/** The result of a scored order, with each event's date and sources. */
export function orderResult(
	given: string[],
	score: OrderScore,
	events: readonly TimelineEvent[]
): OrderResult {
	const byId = new Map(events.map((e) => [e.id, e]));
	return {
		given,
		pairs: score.pairs,
		exact: score.exact,
		feedback: score.perEvent.map((s) => {
			const e = byId.get(s.id);
			return {
				...s,
				title: e?.title ?? s.id,
				when: e ? describeWhen(e) : '',
				caveat: e?.caveat ?? null,
				sources: e?.sources ?? []
			};
		})
	};
}
