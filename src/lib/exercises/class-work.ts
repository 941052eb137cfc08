// What a tagging page knows about a class student's work (restored from the server, not from this
// browser): the attempt id, the instructor's feedback mode, and the answers so far, with their
// feedback only when the key may be shown. Types only, safe for the browser.
import type { ExerciseSet, FeedbackMode, Tag, Technique } from '../content/vocabulary.ts';
import type { GradeResult } from './tag/feedback.ts';

export const REVEAL_PENDING_MESSAGE = 'Your answers are in; your instructor will reveal the key.';

/** Committed answers whose key is not revealed yet: no credit, no rationale, no key at all. */
export interface PendingResult {
	set: ExerciseSet;
	tags: Record<string, Tag>;
	techniques: Record<string, Technique>;
	committed: string[];
	total: number;
}

/** How the class tagged each item (committed answers only), for students after they commit. */
export interface ClassDistribution {
	/** students who committed the whole set */
	students: number;
	items: { id: string; counts: Record<Tag, number> }[];
}

export interface ClassWork {
	className: string;
	/** sent with every submission, so a repeated one is harmless */
	attemptId: string;
	feedbackMode: FeedbackMode;
	/** graded answers, when the key may be shown */
	result?: GradeResult;
	/** committed answers awaiting the instructor's reveal */
	pending?: PendingResult;
	/** answers saved but not gradable now (the key changed since) */
	tags?: Record<string, Tag>;
	techniques?: Record<string, Technique>;
	dueAt: string | null;
	/** where the due date stands when the page was made: "due in 2 days", "due today", "overdue" */
	due: string | null;
}
