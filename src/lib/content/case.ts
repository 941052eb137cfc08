// The typed Case: everything about a case that may be shown to anyone, built from the text of the
// files of one case folder (lessons/<case>/), with its answer keys beside it for server code. The
// loader checks the references between the files (every claim sentence keyed, every allegation id
// known, every fact citing sources that the register holds...); case-parts.ts loads each part.
import {
	checkKey,
	checkTimeline,
	checkUnique,
	checkVerbatim,
	citeAll,
	loadGlossary,
	loadLessons,
	loadPractice,
	loadRetelling,
	optional,
	required,
	resolveArticle
} from './case-parts.ts';
import { ContentError } from './errors.ts';
import { parseInline, unknownLinks, type Inline } from './inline.ts';
import { checkInstructorNotes } from './instructor.ts';
import { parseYamlFile } from './parse.ts';
import { citeMarkdown, SourceRegister } from './register.ts';
import {
	AllegationsFile,
	AnswerKeyFile,
	DenylistFile,
	LetterFile,
	ModuleFile,
	PracticeFile,
	SourcesFile,
	TimelineFile,
	type Allegation as AllegationEntry,
	type KeyItem,
	type LessonFrontmatter,
	type Resolved,
	type RetellingKey,
	type Sentence,
	type Source,
	type SourcedText,
	type TimelineEvent
} from './schemas.ts';
import { EXERCISE_SETS, type ExerciseSet } from './vocabulary.ts';

export interface Lesson extends LessonFrontmatter {
	/** 1-based position, from the NN- prefix of the file name */
	number: number;
	slug: string;
	file: string;
	/** the register's sources the lesson cites with <Source id="..."/>, in first-cited order */
	sourceIds: string[];
	/** the tables of the letter's key the lesson shows (<KeyMapTable />, <KeyTechniques />) */
	keyTables: import('./vocabulary.ts').KeyTable[];
	/** the module's exercise pages the lesson sends students to, in the order it links them */
	exercises: import('./case-parts.ts').ExercisePage[];
	/** the lesson's checks for understanding (<CheckQuestion id="..." question="...">), in order */
	checks: LessonCheck[];
}

/** A check for understanding: its id (unique in the lesson) and its question. */
export interface LessonCheck {
	id: string;
	question: string;
}

export { KEY_TABLE_COMPONENTS, type KeyTable } from './vocabulary.ts';
export { EXERCISE_PAGES, type ExercisePage } from './case-parts.ts';

/** One of the article's allegations, with its sources and computed confidence. */
export type Allegation = Resolved<AllegationEntry>;

/** The article the letter answers: our summary of it, with every fact sourced. */
export interface CaseArticle {
	article: { title: string; outlet: string; author: string; date: string; source: Source };
	copyright: string;
	allegations: Allegation[];
	sourcing: Resolved<SourcedText>[];
	caveats: Resolved<SourcedText>[];
	differences: Resolved<SourcedText>[];
}

/** The letter's metadata and sentences, with the places it was published as sources. */
export type CaseLetter = Omit<LetterFile, 'sources' | 'readerNote'> & {
	sources: Source[];
	/** what the reader says about the numbering, with links to sentences */
	readerNote?: Inline[];
};

/** The retelling exercise as students see it before they commit: no categories, no rationales. */
export interface PublicRetelling {
	title: string;
	intro: string;
	items: { id: string; from: 'letter' | 'article'; sentence?: string; text: string }[];
}

/** The retelling exercise's key, item id -> entry. Server code only. */
export type RetellingAnswerKey = Map<string, Resolved<RetellingKey>>;

/** A practice, booster, pre-check or post-check text as students see it: no tags, no rationales. */
export interface PublicPractice {
	title: string;
	notice: string;
	setting: string;
	worked: PracticeFile['worked'];
	items: ExerciseItem[];
}

/** One item a student tags: a claim sentence of the letter, or an item of a fictional text. */
export interface ExerciseItem {
	id: string;
	text: string;
	/** faded guidance, on early practice items */
	hint?: string;
}

/** The timeline: its events, and the question about the age of the sources when the case has one. */
export interface CaseTimeline {
	events: TimelineEvent[];
	ageQuestion?: CaseAgeQuestion;
}

/** The age question with its sentence and events looked up, its copy split into words and links. */
export interface CaseAgeQuestion {
	title: string;
	sentence: { id: string; text: string };
	reports: TimelineEvent;
	oldest: TimelineEvent;
	newest: TimelineEvent;
	article: TimelineEvent;
	later: TimelineEvent[];
	intro: Inline[];
	prompt: Inline[];
	discussion: { heading: string; points: Inline[][] }[];
	closing?: Inline[];
}

/** A glossary term as pages show it: a tag's or technique's name and definition are the scheme's. */
export interface GlossaryEntry {
	id: string;
	term: string;
	definition: string;
	/** for a tag or a technique, the question that settles it */
	ask?: string;
	/** for a technique, its family in the scheme (and in SemEval-2023 Task 3) */
	family?: string;
	/** the case's own addition */
	note?: string;
	example?: string;
	related: string[];
}

export interface CaseGlossary {
	terms: GlossaryEntry[];
}

/**
 * Everything about a case that may be shown to anyone. Pages, exercises and server functions take
 * a Case, never a case id to look up: a case may come from lessons/ or from elsewhere.
 */
export interface Case {
	id: string;
	module: Omit<ModuleFile, 'sources'> & { sources: Source[] };
	letter: CaseLetter;
	/** the letter's sentences in reading order */
	sentences: Sentence[];
	/** the claim sentences in reading order: what students tag and link (computed at load) */
	claims: ExerciseItem[];
	/** the tagging exercises the case has, with their items (computed at load) */
	sets: Partial<Record<ExerciseSet, ExerciseItem[]>>;
	/** the verbatim letter as published */
	letterSource: string;
	article: CaseArticle;
	lessons: Lesson[];
	/** the case's source register, in file order */
	sources: Source[];
	/** the register's sources the instructor notes cite */
	noteSourceIds: string[];
	practice?: PublicPractice;
	booster?: PublicPractice;
	/** the ungraded baseline at the start, parallel to the post-check */
	precheck?: PublicPractice;
	/** the ungraded check at the end, parallel to the pre-check */
	postcheck?: PublicPractice;
	retelling?: PublicRetelling;
	glossary?: CaseGlossary;
	timeline?: CaseTimeline;
}

/** One graded item of a key: tag, also-defensible tags, rationale, and its sources. */
export type KeyEntry = Omit<KeyItem, 'sentence' | 'sources'> & { sources: Source[] };
/** A practice or booster key entry: the same, without sources (the texts are fictional). */
export type PracticeKeyEntry = Omit<KeyEntry, 'sources'> & { sources?: Source[] };
/** An answer key, item id -> entry. Server code only. */
export type AnswerKey = Map<string, PracticeKeyEntry>;

export interface CaseKeys {
	letter: Map<string, KeyEntry>;
	practice?: AnswerKey;
	booster?: AnswerKey;
	precheck?: AnswerKey;
	postcheck?: AnswerKey;
	retelling?: RetellingAnswerKey;
}

export interface LoadedCase {
	case: Case;
	keys: CaseKeys;
}

/** file name inside the case folder -> file text */
export type CaseFiles = Record<string, string>;

export function loadCase(caseId: string, files: CaseFiles): LoadedCase {
	const path = (name: string) => `lessons/${caseId}/${name}`;
	const module = parseYamlFile(
		path('module.yaml'),
		required(caseId, files, 'module.yaml'),
		ModuleFile
	);
	if (module.id !== caseId) {
		throw new ContentError(path('module.yaml'), [
			`field "id": expected the folder name "${caseId}", found "${module.id}"`
		]);
	}
	const register = new SourceRegister(
		path('sources.yaml'),
		parseYamlFile(path('sources.yaml'), required(caseId, files, 'sources.yaml'), SourcesFile)
			.sources,
		optional(caseId, files, 'source-denylist.yaml', DenylistFile)
	);
	const letterFile = parseYamlFile(
		path('letter.yaml'),
		required(caseId, files, 'letter.yaml'),
		LetterFile
	);
	const letterSource = required(caseId, files, letterFile.sourceFile);
	const articleFile = parseYamlFile(
		path('allegations.yaml'),
		required(caseId, files, 'allegations.yaml'),
		AllegationsFile
	);
	const keyFile = parseYamlFile(
		path('answer-key.yaml'),
		required(caseId, files, 'answer-key.yaml'),
		AnswerKeyFile
	);

	const sentences = letterFile.paragraphs.flat();
	checkUnique(
		path('letter.yaml'),
		'sentence',
		sentences.map((s) => s.id)
	);
	checkVerbatim(path('letter.yaml'), letterFile, sentences, letterSource);
	const allegationIds = new Set(articleFile.allegations.map((a) => a.id));
	checkUnique(path('allegations.yaml'), 'allegation', [...allegationIds]);

	const caseModule = citeAll(register, path('module.yaml'), (problems) => ({
		...module,
		sources: register.cite('module', module.sources, problems)
	}));
	const letter = citeAll(register, path('letter.yaml'), (problems): CaseLetter => {
		const { readerNote, ...rest } = letterFile;
		const note = readerNote === undefined ? undefined : parseInline(readerNote);
		for (const link of unknownLinks(note ?? [], new Set(sentences.map((s) => s.id)))) {
			problems.push(`field "readerNote": expected links to sentence ids, found ${link}`);
		}
		return {
			...rest,
			sources: register.cite('letter', letterFile.sources, problems),
			...(note && { readerNote: note })
		};
	});
	const article = citeAll(register, path('allegations.yaml'), (problems) =>
		resolveArticle(register, articleFile, problems)
	);
	const key = checkKey(register, path('answer-key.yaml'), keyFile.items, sentences, allegationIds);
	const lessons = loadLessons(caseId, files, register);
	checkInstructorNotes(caseId, files, lessons);
	const noteSourceIds = [
		...new Set(
			Object.keys(files)
				.sort()
				.filter((name) => name.startsWith('instructor/') && name.endsWith('.md'))
				.flatMap((name) => citeMarkdown(register, path(name), files[name] ?? ''))
		)
	];
	const practice = loadPractice(caseId, files, 'practice.yaml');
	const booster = loadPractice(caseId, files, 'booster.yaml');
	const precheck = loadPractice(caseId, files, 'precheck.yaml');
	const postcheck = loadPractice(caseId, files, 'postcheck.yaml');
	if (precheck && postcheck) {
		checkParallel(path('precheck.yaml'), 'postcheck.yaml', precheck.key, postcheck.key);
	}
	const retelling = loadRetelling(register, caseId, files, sentences);
	const glossary =
		files['glossary.yaml'] === undefined
			? undefined
			: loadGlossary(path('glossary.yaml'), files['glossary.yaml']);
	const timelineFile = optional(caseId, files, 'timeline.yaml', TimelineFile);
	const timeline =
		timelineFile &&
		citeAll(register, path('timeline.yaml'), (problems) =>
			checkTimeline(register, path('timeline.yaml'), timelineFile, sentences, problems)
		);
	register.checkAllCited();

	const claims = sentences.filter((s) => s.role === 'claim').map(({ id, text }) => ({ id, text }));
	return {
		case: {
			id: caseId,
			module: caseModule,
			letter,
			sentences,
			claims,
			sets: {
				letter: claims,
				...(practice && { practice: practice.public.items }),
				...(booster && { booster: booster.public.items }),
				...(precheck && { precheck: precheck.public.items }),
				...(postcheck && { postcheck: postcheck.public.items })
			},
			letterSource,
			article,
			lessons,
			sources: register.sources,
			noteSourceIds,
			practice: practice?.public,
			booster: booster?.public,
			precheck: precheck?.public,
			postcheck: postcheck?.public,
			retelling: retelling?.public,
			glossary,
			timeline
		},
		keys: {
			letter: key,
			practice: practice?.key,
			booster: booster?.key,
			precheck: precheck?.key,
			postcheck: postcheck?.key,
			retelling: retelling?.key
		}
	};
}

/**
 * The pre-check and the post-check must be parallel, or the change from one to the other measures
 * the items and not the student: the same tags, and for the deflections the same techniques, as
 * multisets (the order and the sentences differ). Names the file and the field that differ.
 */
export function checkParallel(
	file: string,
	otherFile: string,
	key: AnswerKey,
	otherKey: AnswerKey
): void {
	const count = (k: AnswerKey, field: 'tag' | 'technique') => {
		const counts = new Map<string, number>();
		for (const entry of k.values()) {
			const value = entry[field];
			if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		return counts;
	};
	const describe = (counts: Map<string, number>) =>
		[...counts]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([value, n]) => `${n} ${value}`)
			.join(', ') || 'none';
	const problems: string[] = [];
	if (key.size !== otherKey.size) {
		problems.push(
			`field "items": expected as many items as ${otherFile} (${otherKey.size}), found ${key.size}`
		);
	}
	for (const field of ['tag', 'technique'] as const) {
		const mine = describe(count(key, field));
		const theirs = describe(count(otherKey, field));
		if (mine !== theirs) {
			problems.push(
				`field "key.${field}" of the items: expected the same mix as ${otherFile} (${theirs}), found ${mine}`
			);
		}
	}
	if (problems.length) throw new ContentError(file, problems);
}

/** The items of one of the case's tagging exercises; none when the case does not have it. */
export function setItems(c: Case, set: ExerciseSet): ExerciseItem[] {
	return c.sets[set] ?? [];
}

/** The ids of the items of a tagging exercise, in order. */
export function itemIds(c: Case, set: ExerciseSet): string[] {
	return setItems(c, set).map((i) => i.id);
}

/** The tagging exercises the case has, in the order given (by default EXERCISE_SETS). */
export function setsOf(c: Case, order: readonly ExerciseSet[] = EXERCISE_SETS): ExerciseSet[] {
	return order.filter((set) => setItems(c, set).length > 0);
}
