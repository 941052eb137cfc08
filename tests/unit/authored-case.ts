// A small complete authored case for the tests (FICTIONAL: no real people, places or documents):
// the texts as step 1 of the editor takes them, then the sentences and the key, built through the
// editor's own functions. A module of the tests, not a test file.
import { withFixedFields, type CaseDraft, type DraftKeyItem } from '../../src/lib/content/draft';
import { applyTexts, TextsForm } from '../../src/lib/server/forms/case-editor';

export const MODULE_ID = 'authored-00000000-0000-4000-8000-000000000001';

export const REBUTTAL = [
	'Dear Editor,',
	'Your report of 2 March on the river is wrong. The water board tested the river on 1 March and found it clean. Other towns pollute far more than we do.',
	'Yours faithfully, The Mayor'
].join('\n');

export const TEXTS = {
	title: 'Fictional: the mayor answers the river report',
	summary: 'An invented paper reported that the invented town dumped waste in the river.',
	audience: 'The test suite',
	level: 'Introductory',
	text: REBUTTAL,
	rebuttalTitle: 'Letter from the mayor',
	rebuttalAuthor: 'The Mayor (fictional)',
	rebuttalDate: '2031-03-04',
	rebuttalPublished: 'The River Gazette (fictional), letters page',
	rebuttalUrl: 'https://gazette.example.org/letters/mayor',
	rebuttalKind: 'primary-document',
	rebuttalLanguage: 'en',
	articleTitle: 'Town dumps waste in the river',
	articleOutlet: 'The River Gazette (fictional)',
	articleAuthor: 'A. Reporter (fictional)',
	articleDate: '2031-03-02',
	articleUrl: 'https://gazette.example.org/2031/03/02/river',
	articleKind: 'newspaper',
	articleLanguage: 'en',
	caveats: 'The article names no document.',
	differences: 'The letter answers the waste and says nothing about the fish.',
	'allegation-1-short': 'Waste in the river',
	'allegation-1-summary': 'The town dumped waste in the river in February.',
	'allegation-1-attribution': 'The article, citing two anglers',
	'allegation-2-short': 'Dead fish',
	'allegation-2-summary': 'Fish died below the town.',
	'allegation-2-attribution': 'The article'
};

/** The key: L1 and L5 are context; the three claims keyed. */
export const KEY: DraftKeyItem[] = [
	{
		sentence: 'L2',
		tag: 'assertion',
		answers: ['A1'],
		rationale: 'It says the report is wrong and offers nothing to check. It is a conclusion alone.'
	},
	{
		sentence: 'L3',
		tag: 'evidence',
		answers: ['A1'],
		rationale: 'A test, a date and a body anyone can ask. It bears on the waste allegation.'
	},
	{
		sentence: 'L4',
		tag: 'deflection',
		technique: 'whataboutism',
		contested: true,
		otherReading: 'Read as a claim about the region, it is an assertion.',
		alsoDefensible: ['assertion'],
		rationale: 'What other towns do says nothing about this one. It moves the question elsewhere.'
	}
];

/** The draft after step 1 alone. */
export function textsDraft(): CaseDraft {
	return withFixedFields(MODULE_ID, applyTexts({}, TextsForm.parse(TEXTS)));
}

/** The complete draft: texts, roles (first and last sentence context) and the key. */
export function completeDraft(): CaseDraft {
	const draft = textsDraft();
	const paragraphs = draft.letter!.paragraphs!.map((p) =>
		p.map((s) => ({ ...s, role: s.id === 'L1' || s.id === 'L5' ? 'context' : 'claim' }) as const)
	);
	return withFixedFields(MODULE_ID, {
		...draft,
		letter: { ...draft.letter, paragraphs },
		key: { items: KEY.map((k) => ({ ...k })) }
	});
}

/** Two sources of the case's own (step 4), as the register holds them. */
export const OWN_SOURCES = [
	{
		id: 'source-1',
		title: 'Water board test results, March 2031 (fictional)',
		publisher: 'The Water Board (fictional)',
		url: 'https://water.example.org/tests/2031-03',
		date: '2031-03-01',
		kind: 'primary-document',
		language: 'en'
	},
	{
		id: 'source-2',
		title: 'Anglers report dead fish (fictional)',
		publisher: 'The Angling News (fictional)',
		url: 'https://angling.example.org/2031/02/fish',
		date: '2031-02-20',
		kind: 'newspaper',
		language: 'en'
	}
] as const;

/** The complete draft with a timeline: the two sources above and three events. */
export function timelineDraft(): CaseDraft {
	const draft = completeDraft();
	return withFixedFields(MODULE_ID, {
		...draft,
		sources: { sources: [...draft.sources!.sources, ...OWN_SOURCES.map((s) => ({ ...s }))] },
		timeline: {
			events: [
				{
					id: 'E1',
					start: '2031-02',
					precision: 'month',
					title: 'Anglers find dead fish below the town',
					description: 'Two anglers report dead fish below the town.',
					assertedBy: ['article', 'independent'],
					sources: ['source-2', 'article'],
					sentences: [],
					unverified: false,
					dateUncertain: false,
					orderExercise: true
				},
				{
					id: 'E2',
					start: '2031-03-01',
					precision: 'day',
					title: 'The water board tests the river',
					description: 'The board tests the water above and below the town.',
					assertedBy: ['letter', 'independent'],
					sources: ['source-1'],
					sentences: ['L3'],
					unverified: false,
					dateUncertain: false,
					orderExercise: true
				},
				{
					id: 'E3',
					start: '2031-03-02',
					precision: 'day',
					title: 'The Gazette reports waste in the river',
					description: 'The article this letter answers.',
					assertedBy: ['article'],
					sources: ['article'],
					about: 'article',
					sentences: ['L2'],
					unverified: false,
					dateUncertain: false,
					orderExercise: false
				}
			]
		}
	});
}

/** A glossary of the case's own (step 4): a term of its own, and a note for a technique. */
export const GLOSSARY = [
	{
		id: 'water-board',
		term: 'Water board',
		definition: 'The public body that tests the river (fictional).',
		example: 'The board of an invented town publishes its tests each month.',
		related: ['whataboutism']
	},
	{
		id: 'whataboutism',
		note: 'In this case, the letter points at other towns.',
		related: []
	}
];

/** A warm-up of the case's own (step 4): a fictional text, a worked example and three items. */
export const PRACTICE = {
	title: 'Practice (fictional): the bakery and the stale bread',
	notice: 'Everything here is invented: the bakery, the paper and every person named.',
	setting:
		'An invented paper reported that an invented bakery sold stale bread. The bakery answered.',
	worked: [
		{
			text: 'The city inspection of 3 March found every loaf baked that day.',
			tag: 'evidence' as const,
			explanation: 'A named, dated inspection anyone can ask for. It bears on the accusation.'
		}
	],
	items: [
		{
			id: 'P1',
			text: 'Our bread is always fresh.',
			hint: 'Ask: what would it take to check this?',
			key: {
				tag: 'assertion' as const,
				alsoDefensible: [],
				contested: false,
				rationale:
					'It states the conclusion and offers nothing to check. Nothing says how to find out.'
			}
		},
		{
			id: 'P2',
			text: 'Other bakeries in town sell day-old bread too.',
			key: {
				tag: 'deflection' as const,
				technique: 'whataboutism' as const,
				alsoDefensible: [],
				contested: false,
				rationale:
					'It points at other bakeries instead of this one. The accusation stays unanswered.'
			}
		},
		{
			id: 'P3',
			text: 'The till receipts of 2 March show every loaf sold was baked that morning.',
			key: {
				tag: 'evidence' as const,
				alsoDefensible: ['assertion' as const],
				contested: true,
				otherReading: 'Unless the receipts are published, it is only an assertion.',
				rationale:
					'Receipts are a named record that could be checked. If they say this, the accusation is answered.'
			}
		}
	]
};

/** The complete draft with a glossary and a warm-up. */
export function extrasDraft(): CaseDraft {
	return withFixedFields(MODULE_ID, {
		...completeDraft(),
		glossary: { terms: GLOSSARY.map((t) => ({ ...t, related: [...t.related] })) },
		practice: structuredClone(PRACTICE)
	});
}
