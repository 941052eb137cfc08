// The one error of grading: a submission that cannot be graded as sent (an item left out, an item
// the exercise does not have, a class answer without its attempt id). Every grade action answers
// it with a 400 and its message (grading/action.ts), never a 500.
export class GradingError extends Error {
	readonly status = 400;
	override name = 'GradingError';

	/** @param details more for the page beside the message, e.g. how many items are still open */
	constructor(
		message: string,
		readonly details: Record<string, unknown> = {}
	) {
		super(message);
	}
}
