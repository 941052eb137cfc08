// A truth sandwich as its pages show it: the text, the student's self-assessment and, once given,
// the instructor's scores and comment. Types only, safe for the browser.
export interface SandwichReview {
	scores: Record<string, number>;
	total: number;
	comment: string;
}

export interface HandedInSandwich {
	text: string;
	self: Record<string, number>;
	selfTotal: number;
	/** ISO timestamp */
	handedInAt: string;
	review: SandwichReview | null;
}
