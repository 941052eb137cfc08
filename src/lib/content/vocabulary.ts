// The fixed words of the tagging scheme and the timeline, without the schema library, so that
// browser code can use them without shipping zod.
export const TAGS = ['evidence', 'assertion', 'deflection'] as const;
export type Tag = (typeof TAGS)[number];

export const TECHNIQUES = [
	'whataboutism',
	'red-herring',
	'straw-man',
	'attack-on-source',
	'questioning-motives',
	'loaded-labels',
	'appeal-to-authority',
	'appeal-to-popularity',
	'appeal-to-values',
	'appeal-to-consequences'
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const ASSERTERS = ['article', 'letter', 'independent'] as const;
export type Asserter = (typeof ASSERTERS)[number];
