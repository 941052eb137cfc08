// The deflection techniques, their families, and the SemEval-2023 Task 3 persuasion-technique
// labels they map to, so teachers and researchers can compare with published corpora.
import type { Tag, Technique } from '../content/schemas.ts';

export interface TechniqueInfo {
	label: string;
	family: 'Distraction' | 'Attack on reputation' | 'Justification';
	semeval: string;
	question: string;
}

export const TECHNIQUE_INFO: Record<Technique, TechniqueInfo> = {
	whataboutism: {
		label: 'Whataboutism',
		family: 'Distraction',
		semeval: 'Whataboutism',
		question: 'What about others who do the same?'
	},
	'red-herring': {
		label: 'Red herring',
		family: 'Distraction',
		semeval: 'Red_Herring',
		question: 'Is this an unrelated topic?'
	},
	'straw-man': {
		label: 'Straw man',
		family: 'Distraction',
		semeval: 'Straw_Man',
		question: 'Does it rebut a broader or weaker claim than the one made?'
	},
	'attack-on-source': {
		label: 'Attack on the source',
		family: 'Attack on reputation',
		semeval: 'Doubt',
		question: 'Does it discredit the reporting instead of answering it?'
	},
	'questioning-motives': {
		label: 'Questioning motives',
		family: 'Attack on reputation',
		semeval: 'Doubt',
		question: 'Does it ask why the accuser says this, not whether it is true?'
	},
	'loaded-labels': {
		label: 'Loaded labels',
		family: 'Attack on reputation',
		semeval: 'Name_Calling-Labeling',
		question: 'Does a label do the arguing?'
	},
	'appeal-to-authority': {
		label: 'Appeal to authority',
		family: 'Justification',
		semeval: 'Appeal_to_Authority',
		question: 'Does an endorsement stand in for an answer?'
	},
	'appeal-to-popularity': {
		label: 'Appeal to popularity',
		family: 'Justification',
		semeval: 'Appeal_to_Popularity',
		question: 'Does "many others joined" stand in for an answer?'
	},
	'appeal-to-values': {
		label: 'Appeal to values',
		family: 'Justification',
		semeval: 'Appeal_to_Values',
		question: 'Does friendship or mutual benefit stand in for an answer?'
	},
	'appeal-to-consequences': {
		label: 'Appeal to consequences',
		family: 'Justification',
		semeval: 'Consequential_Oversimplification',
		question: 'Does "this will harm relations" stand in for an answer?'
	}
};

export const TAG_INFO: Record<
	Tag,
	{ label: string; key: string; definition: string; question: string }
> = {
	evidence: {
		label: 'Evidence',
		key: 'E',
		definition:
			'Offers something specific and checkable (a named document, ruling, date, event, figure) that bears on the disputed allegation.',
		question:
			'Could I look this up, and if it is true, does it change what I believe about the allegation?'
	},
	assertion: {
		label: 'Assertion',
		key: 'A',
		definition: 'States a conclusion or a general claim as true, with no support offered.',
		question: 'What would it take to check this? Nothing is given.'
	},
	deflection: {
		label: 'Deflection',
		key: 'D',
		definition:
			"Moves attention away from the allegation: to the accuser's motives, to consequences, to what others do, to an authority's endorsement, to another topic.",
		question: 'Is the allegation itself still unanswered after this sentence?'
	}
};
