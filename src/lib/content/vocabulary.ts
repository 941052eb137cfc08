// Every closed list of the module with the words that go with it: the tagging scheme (tags,
// techniques), who asserts a timeline event, source kinds and confidence, the retelling piles,
// the exercise sets and the feedback modes. These are the scheme's words, the same for every case;
// a case's own wording (how its lessons teach a tag, its glossary examples) lives in
// lessons/<case>/. Plain data without the schema library, so browser code can use it without
// shipping zod; the content schemas and the database schema build their enums from these lists.

// ---- ids --------------------------------------------------------------------------------------

/** The letter each kind of content id starts with; the number after it is the item's. */
export const ID_PREFIX = {
	sentence: 'L',
	allegation: 'A',
	event: 'E',
	retelling: 'R',
	practice: 'P',
	booster: 'B',
	precheck: 'Q',
	postcheck: 'C'
} as const;
export type IdKind = keyof typeof ID_PREFIX;

/** "L16" -> "16": the number a reader sees for a sentence, an event or an allegation. */
export function idNumber(id: string): string {
	return id.replace(/^\D+/, '');
}

/** An example id of a kind, for messages: exampleId('sentence') is "L1". */
export function exampleId(kind: IdKind, n = 1): string {
	return `${ID_PREFIX[kind]}${n}`;
}

// ---- the tagging scheme -----------------------------------------------------------------------

export const TAGS = ['evidence', 'assertion', 'deflection'] as const;
export type Tag = (typeof TAGS)[number];

export interface TagInfo {
	label: string;
	/** the letter drawn beside a count or pressed as a shortcut (with the tag's 1-based position) */
	letter: string;
	/** what a sentence with this tag does, in one line */
	definition: string;
	/** the question that settles it */
	question: string;
	/** the count noun: one, several */
	noun: [string, string];
}

export const TAG_INFO: Record<Tag, TagInfo> = {
	evidence: {
		label: 'Evidence',
		letter: 'E',
		definition:
			'Offers something specific and checkable (a named document, ruling, date, event, figure) that bears on the disputed allegation.',
		question:
			'Could I look this up, and if it is true, does it change what I believe about the allegation?',
		noun: ['evidence sentence', 'evidence sentences']
	},
	assertion: {
		label: 'Assertion',
		letter: 'A',
		definition: 'States a conclusion or a general claim as true, with no support offered.',
		question: 'What would it take to check this? Nothing is given.',
		noun: ['assertion', 'assertions']
	},
	deflection: {
		label: 'Deflection',
		letter: 'D',
		definition:
			"Moves attention away from the allegation: to the accuser's motives, to consequences, to what others do, to an authority's endorsement, to another topic.",
		question: 'Is the allegation itself still unanswered after this sentence?',
		noun: ['deflection', 'deflections']
	}
};

/** The keys that tag the focused sentence: its position (1, 2, 3) and its letter (e, a, d). */
export const TAG_SHORTCUTS: Readonly<Record<string, Tag>> = Object.fromEntries(
	TAGS.flatMap((tag, i) => [
		[String(i + 1), tag],
		[TAG_INFO[tag].letter.toLowerCase(), tag]
	])
);

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

export const TECHNIQUE_FAMILIES = ['Distraction', 'Attack on reputation', 'Justification'] as const;

/**
 * The deflection techniques, their families, and the SemEval-2023 Task 3 persuasion-technique
 * labels they map to, so teachers and researchers can compare with published corpora.
 */
export interface TechniqueInfo {
	label: string;
	family: (typeof TECHNIQUE_FAMILIES)[number];
	/** what the technique does, and how to notice it */
	definition: string;
	semeval: string;
	question: string;
}

export const TECHNIQUE_INFO: Record<Technique, TechniqueInfo> = {
	whataboutism: {
		label: 'Whataboutism',
		family: 'Distraction',
		definition:
			'Answering an accusation by pointing at others who do, or might do, the same thing ("what about them?"), instead of answering for yourself.',
		semeval: 'Whataboutism',
		question: 'What about others who do the same?'
	},
	'red-herring': {
		label: 'Red herring',
		family: 'Distraction',
		definition:
			'Bringing in a topic unrelated to the allegation, so the discussion drifts away from it. The new topic is often pleasant or important in itself, which is what makes it work.',
		semeval: 'Red_Herring',
		question: 'Is this an unrelated topic?'
	},
	'straw-man': {
		label: 'Straw man',
		family: 'Distraction',
		definition:
			'Restating the accusation as a broader, stronger or weaker claim than the one made, then knocking down that version. Compare the restatement with the original before you judge the rebuttal.',
		semeval: 'Straw_Man',
		question: 'Does it rebut a broader or weaker claim than the one made?'
	},
	'attack-on-source': {
		label: 'Attack on the source',
		family: 'Attack on reputation',
		definition:
			'Targeting the messenger instead of the message: the reporting is called old, biased, harmful or unreliable, without showing what in it is wrong. Scrutinising a source is part of careful reading; it becomes a deflection when it replaces an answer instead of supporting one.',
		semeval: 'Doubt',
		question: 'Does it discredit the reporting instead of answering it?'
	},
	'questioning-motives': {
		label: 'Questioning motives',
		family: 'Attack on reputation',
		definition:
			'Answering an accusation by suggesting the accuser has a hidden purpose, instead of dealing with what was said.',
		semeval: 'Doubt',
		question: 'Does it ask why the accuser says this, not whether it is true?'
	},
	'loaded-labels': {
		label: 'Loaded labels',
		family: 'Attack on reputation',
		definition:
			'Words chosen to make a claim or a person look ridiculous, frightening or illegitimate before any argument is made, such as "so-called", "scare story" or "smear". Notice the label, then ask what the sentence says without it.',
		semeval: 'Name_Calling-Labeling',
		question: 'Does a label do the arguing?'
	},
	'appeal-to-authority': {
		label: 'Appeal to authority',
		family: 'Justification',
		definition:
			'Presenting a claim as settled because an important person or body approved of something. The approval may be real and checkable; the question is whether it answers the allegation.',
		semeval: 'Appeal_to_Authority',
		question: 'Does an endorsement stand in for an answer?'
	},
	'appeal-to-popularity': {
		label: 'Appeal to popularity',
		family: 'Justification',
		definition:
			'Presenting something as right or safe because many people or organisations take part in it or approve of it.',
		semeval: 'Appeal_to_Popularity',
		question: 'Does "many others joined" stand in for an answer?'
	},
	'appeal-to-values': {
		label: 'Appeal to values',
		family: 'Justification',
		definition:
			'Invoking values the audience shares (friendship, fairness, tradition, mutual benefit) so that the answer feels right, without addressing the facts in dispute.',
		semeval: 'Appeal_to_Values',
		question: 'Does friendship or mutual benefit stand in for an answer?'
	},
	'appeal-to-consequences': {
		label: 'Appeal to consequences',
		family: 'Justification',
		definition:
			"Arguing that a claim should be rejected because of what believing it would lead to (harm to relations, misled readers, lost jobs) rather than because it is false. A claim's consequences tell you nothing about whether it is true.",
		semeval: 'Consequential_Oversimplification',
		question: 'Does "this will harm relations" stand in for an answer?'
	}
};

// ---- exercises and feedback -------------------------------------------------------------------

/**
 * The tagging exercises of a case: its letter, and the practice, booster, pre-check and post-check
 * texts when present. The pre- and post-check measure the learning gain: they are not graded.
 */
export const EXERCISE_SETS = ['letter', 'practice', 'booster', 'precheck', 'postcheck'] as const;
export type ExerciseSet = (typeof EXERCISE_SETS)[number];

export interface ExerciseSetInfo {
	/** the page's path below /m/<module>/ */
	slug: string;
	/** a short name, for a column or a switch */
	label: string;
	/** a name standing alone, for a heading or a chart */
	name: string;
	/** what a student does there, for a link */
	action: string;
}

export const EXERCISE_SET_INFO: Record<ExerciseSet, ExerciseSetInfo> = {
	letter: { slug: 'tag', label: 'Letter', name: 'The letter', action: 'Tag the letter' },
	practice: { slug: 'practice', label: 'Practice', name: 'Warm-up practice', action: 'Practice' },
	booster: { slug: 'booster', label: 'Booster', name: 'Booster', action: 'Booster' },
	precheck: { slug: 'precheck', label: 'Pre-check', name: 'Pre-check', action: 'Pre-check' },
	postcheck: { slug: 'postcheck', label: 'Post-check', name: 'Post-check', action: 'Post-check' }
};

/** The sets that measure the learning gain: a baseline and its parallel check, never graded. */
export const GAIN_SETS = ['precheck', 'postcheck'] as const satisfies readonly ExerciseSet[];

/** Whether a set counts towards marks (the gradebook's total, the score summaries). */
export function isGraded(set: ExerciseSet): boolean {
	return !(GAIN_SETS as readonly ExerciseSet[]).includes(set);
}

/** The sets in the order a student meets them (the roster and the student's page list them so). */
export const SETS_IN_ORDER: readonly ExerciseSet[] = [
	'precheck',
	'practice',
	'letter',
	'postcheck',
	'booster'
];

/** The set whose page is /m/<module>/<slug>, or undefined. */
export function setOfSlug(slug: string): ExerciseSet | undefined {
	return EXERCISE_SETS.find((set) => EXERCISE_SET_INFO[set].slug === slug);
}

/** An instructor's own case: a draft until published; published cases can be assigned. */
export const CASE_STATUSES = ['draft', 'published'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** When an instructor's class sees the key: after each item, after the set, or at a reveal. */
export const FEEDBACK_MODES = ['immediate', 'set', 'reveal'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

export interface FeedbackModeInfo {
	/** as the instructor reads it in a sentence: "Feedback after each sentence" */
	label: string;
	/** as the instructor chooses it */
	choice: string;
	/** as the class student is told it */
	student: string;
}

export const FEEDBACK_MODE_INFO: Record<FeedbackMode, FeedbackModeInfo> = {
	immediate: {
		label: 'after each sentence',
		choice: 'After each sentence',
		student: 'You see the key and the reasoning after each sentence you check.'
	},
	set: {
		label: 'after the whole set',
		choice: 'After the whole set',
		student: 'You see the key and the reasoning once you check the whole set.'
	},
	reveal: {
		label: 'when you reveal the key',
		choice: 'When I reveal the key',
		student: 'Your instructor reveals the key and the reasoning after everyone has answered.'
	}
};

/**
 * How a submission is graded: item by item, or as a whole set. A self-study student chooses
 * between the two; a class's 'reveal' mode is graded as a whole set.
 */
export const GRADING_MODES = ['set', 'immediate'] as const satisfies readonly FeedbackMode[];
export type GradingMode = (typeof GRADING_MODES)[number];

/** Where an item of the retelling exercise belongs: the three piles students sort into. */
export const RETELLING_CATEGORIES = ['answered', 'inflated', 'left-out'] as const;
export type RetellingCategory = (typeof RETELLING_CATEGORIES)[number];

export const RETELLING_CATEGORY_LABEL: Record<RetellingCategory, string> = {
	answered: 'Answered by the letter',
	inflated: "Invented or inflated by the letter's retelling",
	'left-out': 'Left out by the letter'
};

// ---- the timeline -----------------------------------------------------------------------------

/** Who asserts an event: the timeline's lanes, top to bottom. */
export const ASSERTERS = ['article', 'letter', 'independent'] as const;
export type Asserter = (typeof ASSERTERS)[number];

export const ASSERTER_INFO: Record<Asserter, { lane: string; phrase: string }> = {
	article: { lane: 'The article', phrase: 'the article' },
	letter: { lane: 'The letter', phrase: 'the letter' },
	independent: { lane: 'Independent sources', phrase: 'independent sources' }
};

/** How precisely a date is known: YYYY-MM-DD, YYYY-MM or YYYY. */
export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

// ---- sources and confidence -------------------------------------------------------------------

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
 * article the letter answers said (its allegations and caveats), for which copies of it count.
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

// ---- lessons ------------------------------------------------------------------------------------

/**
 * The lesson components that show rows of the letter's key. The lesson file holds none of the key:
 * the page's server load fills the rows in, for the sentences the reader may see.
 */
export const KEY_TABLE_COMPONENTS = { map: 'KeyMapTable', techniques: 'KeyTechniques' } as const;
export type KeyTable = keyof typeof KEY_TABLE_COMPONENTS;
