// The truth sandwich's rubric (lesson 7): five criteria scored 0, 1 or 2, ten points in all. The
// student assesses their own piece with it when they hand it in, and the instructor scores the
// same piece with the same rubric. Plain data and pure functions, safe for the browser.

export const LEVELS = [0, 1, 2] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
	0: 'Not yet',
	1: 'Getting there',
	2: 'Secure'
};

export interface Criterion {
	id: string;
	label: string;
	/** what each level looks like, from 0 to 2 */
	levels: [string, string, string];
}

export const SANDWICH_RUBRIC: readonly Criterion[] = [
	{
		id: 'fact',
		label: 'The fact, first and last',
		levels: [
			'Missing, wrong, or only at one end',
			'Accurate, but without a source, or restated vaguely at the end',
			'Accurate, sourced, and it opens and closes the piece'
		]
	},
	{
		id: 'warning',
		label: 'The warning and the claim',
		levels: [
			'Not identified, or quoted inaccurately, or quoted with no warning',
			'Identified, but described vaguely or repeated at length',
			'Flagged as misleading before it is quoted, quoted exactly with its sentence number, and kept brief'
		]
	},
	{
		id: 'fallacy',
		label: 'The fallacy',
		levels: [
			'Only a label ("it\'s propaganda", "it\'s a lie")',
			'Part of the gap explained',
			'Explains the gap between what the passage shows and what a reader may take from it'
		]
	},
	{
		id: 'fairness',
		label: 'Fairness',
		levels: [
			'Claims to know intentions, or draws a conclusion about espionage',
			'Mostly fair, but overstates somewhere',
			'Acknowledges what is true in the passage and claims no more than the evidence supports'
		]
	},
	{
		id: 'clarity',
		label: 'Clarity',
		levels: [
			'Hard to follow',
			'Clear, but well outside 100 to 180 words',
			'100 to 180 words that a reader who has never seen the letter could follow'
		]
	}
];

/** The highest total: every criterion secure. */
export const RUBRIC_MAX = SANDWICH_RUBRIC.length * 2;

/** The longest truth sandwich a student may hand in (180 words are about 1,200 characters). */
export const SANDWICH_TEXT_MAX = 3000;
/** The longest comment an instructor may leave (the database holds the same limit). */
export const COMMENT_MAX = 1000;

/** Rubric scores: criterion id → level. */
export type RubricScores = Record<string, Level>;

/** The form field of a criterion's radio buttons, for the student and the instructor alike. */
export const criterionField = (id: string) => `rubric-${id}`;

/** The total of a set of scores, counting only the rubric's criteria. */
export function rubricTotal(scores: Readonly<Record<string, number>>): number {
	return SANDWICH_RUBRIC.reduce((sum, c) => sum + (scores[c.id] ?? 0), 0);
}

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens. */
export function wordCount(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
