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

/**
 * What kind of publication a source in the case's register is. Mirrors and translations, and
 * secondary summaries, repeat another publication: they confirm only what that publication said.
 */
export const SOURCE_KINDS = [
	'primary-document',
	'news-agency',
	'newspaper',
	'official-media',
	'secondary-summary',
	'mirror-or-translation'
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
	'primary-document': 'primary document',
	'news-agency': 'news agency',
	newspaper: 'newspaper or news site',
	'official-media': 'official or state media',
	'secondary-summary': 'secondary summary',
	'mirror-or-translation': 'mirror or translation'
};

/**
 * What a citation is offered to confirm: a fact about the world (the default), or only what the
 * EUobserver article said (its allegations and caveats), for which copies of the article count.
 */
export const FACT_ABOUT = ['fact', 'article'] as const;
export type FactAbout = (typeof FACT_ABOUT)[number];

/** How well a fact is confirmed, computed from its sources (see confidence.ts). */
export const CONFIDENCES = ['multiple', 'single', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
	multiple: 'two or more independent sources',
	single: 'one source',
	unverified: 'unverified'
};

export const CONFIDENCE_EXPLAINED: Record<Confidence, string> = {
	multiple: 'Confirmed by two or more sources that do not repeat one another.',
	single: 'One source: not confirmed independently.',
	unverified: 'Unverified: asserted, not confirmed by any source we could read.'
};

/** Where an item of the retelling exercise belongs: the three piles students sort into. */
export const RETELLING_CATEGORIES = ['answered', 'inflated', 'left-out'] as const;
export type RetellingCategory = (typeof RETELLING_CATEGORIES)[number];

export const RETELLING_CATEGORY_LABEL: Record<RetellingCategory, string> = {
	answered: 'Answered by the letter',
	inflated: "Invented or inflated by the letter's retelling",
	'left-out': 'Left out by the letter'
};
