// Builds a typed Case from the text of the files in one lessons/<case>/ folder and checks the
// references between them (every claim sentence keyed, every allegation id known, every fact
// citing sources that the register holds...).
import { ContentError } from './errors.ts';
import { checkInstructorNotes } from './instructor.ts';
import { parseFrontmatter, parseYamlFile } from './parse.ts';
import { citeMarkdown, SourceRegister } from './register.ts';
import {
	AllegationsFile,
	AnswerKeyFile,
	DenylistFile,
	GlossaryFile,
	LessonFrontmatter,
	LetterFile,
	ModuleFile,
	PracticeFile,
	RetellingFile,
	SourcesFile,
	TimelineFile,
	type Allegation as AllegationEntry,
	type KeyItem,
	type PracticeItem,
	type Resolved,
	type RetellingKey,
	type Sentence,
	type Source,
	type SourcedText,
	type TimelineEvent
} from './schemas.ts';
import type { z } from 'zod';

export interface Lesson extends LessonFrontmatter {
	/** 1-based position, from the NN- prefix of the file name */
	number: number;
	slug: string;
	file: string;
	/** the register's sources the lesson cites with <Source id="..."/>, in first-cited order */
	sourceIds: string[];
	/** whether the lesson shows the post-check (<PostCheck />) */
	postcheck: boolean;
	/** the tables of the letter's key the lesson shows (<KeyMapTable />, <KeyTechniques />) */
	keyTables: KeyTable[];
}

/**
 * The lesson components that show rows of the letter's key. The lesson file holds none of the key:
 * the page's server load fills the rows in, for the sentences the reader may see.
 */
export const KEY_TABLE_COMPONENTS = { map: 'KeyMapTable', techniques: 'KeyTechniques' } as const;
export type KeyTable = keyof typeof KEY_TABLE_COMPONENTS;

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
export type CaseLetter = Omit<LetterFile, 'sources'> & { sources: Source[] };

/** A post-check item with its key: a self-check whose answers the lesson shows on request. */
export type PostcheckItem = PracticeItem;

/** The retelling exercise as students see it before they commit: no categories, no rationales. */
export interface PublicRetelling {
	title: string;
	intro: string;
	items: { id: string; from: 'letter' | 'article'; sentence?: string; text: string }[];
}

/** The retelling exercise's key, item id -> entry. Server code only. */
export type RetellingAnswerKey = Map<string, Resolved<RetellingKey>>;

/** A practice or booster text as students see it: no tags, no rationales. */
export interface PublicPractice {
	title: string;
	notice: string;
	setting: string;
	worked: PracticeFile['worked'];
	items: { id: string; text: string; hint?: string }[];
}

/** Everything about a case that may be shown to anyone. */
export interface Case {
	id: string;
	module: Omit<ModuleFile, 'sources'> & { sources: Source[] };
	letter: CaseLetter;
	/** the letter's sentences in reading order */
	sentences: Sentence[];
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
	postcheck?: { title: string; notice: string; setting: string; items: PostcheckItem[] };
	retelling?: PublicRetelling;
	glossary?: GlossaryFile;
	timeline?: { events: TimelineEvent[] };
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
	retelling?: RetellingAnswerKey;
}

export interface LoadedCase {
	case: Case;
	keys: CaseKeys;
}

/** file name inside the case folder -> file text */
export type CaseFiles = Record<string, string>;

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.md$/;

function required(caseId: string, files: CaseFiles, name: string): string {
	const text = files[name];
	if (text === undefined) {
		throw new ContentError(`lessons/${caseId}/${name}`, ['the file is missing']);
	}
	return text;
}

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
	const letter = citeAll(register, path('letter.yaml'), (problems) => ({
		...letterFile,
		sources: register.cite('letter', letterFile.sources, problems)
	}));
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
	const postcheck = optional(caseId, files, 'postcheck.yaml', PracticeFile);
	if (postcheck) {
		checkUnique(
			path('postcheck.yaml'),
			'item',
			postcheck.items.map((i) => i.id)
		);
	}
	const retelling = loadRetelling(register, caseId, files, sentences);
	const glossary = optional(caseId, files, 'glossary.yaml', GlossaryFile);
	const timelineFile = optional(caseId, files, 'timeline.yaml', TimelineFile);
	const timeline =
		timelineFile &&
		citeAll(register, path('timeline.yaml'), (problems) =>
			checkTimeline(register, path('timeline.yaml'), timelineFile, sentences, problems)
		);
	register.checkAllCited();

	return {
		case: {
			id: caseId,
			module: caseModule,
			letter,
			sentences,
			letterSource,
			article,
			lessons,
			sources: register.sources,
			noteSourceIds,
			practice: practice?.public,
			booster: booster?.public,
			postcheck: postcheck && {
				title: postcheck.title,
				notice: postcheck.notice,
				setting: postcheck.setting,
				items: postcheck.items
			},
			retelling: retelling?.public,
			glossary,
			timeline
		},
		keys: {
			letter: key,
			practice: practice?.key,
			booster: booster?.key,
			retelling: retelling?.key
		}
	};
}

/** Runs a step that resolves citations, then throws one ContentError with all its problems. */
function citeAll<T>(register: SourceRegister, file: string, step: (problems: string[]) => T): T {
	const problems: string[] = [];
	const result = step(problems);
	if (problems.length) throw new ContentError(file, problems);
	return result;
}

function resolveArticle(
	register: SourceRegister,
	file: AllegationsFile,
	problems: string[]
): CaseArticle {
	const [source] = register.cite('article', [file.article.source], problems);
	const text = (kind: string, list: SourcedText[]) =>
		list.map(({ text, ...citation }, i) => ({
			text,
			...register.resolve(`${kind} ${i + 1}`, citation, problems, 'article')
		}));
	return {
		article: { ...file.article, source: source! },
		copyright: file.copyright,
		allegations: file.allegations.map(({ id, short, summary, attribution, ...citation }) => ({
			id,
			short,
			summary,
			attribution,
			...register.resolve(id, citation, problems, 'article')
		})),
		sourcing: text('sourcing', file.sourcing),
		caveats: text('caveat', file.caveats),
		differences: text('difference', file.differences)
	};
}

function optional<S extends z.ZodType>(
	caseId: string,
	files: CaseFiles,
	name: string,
	schema: S
): z.output<S> | undefined {
	const text = files[name];
	return text === undefined ? undefined : parseYamlFile(`lessons/${caseId}/${name}`, text, schema);
}

function loadPractice(caseId: string, files: CaseFiles, name: string) {
	const file = optional(caseId, files, name, PracticeFile);
	if (!file) return undefined;
	checkUnique(
		`lessons/${caseId}/${name}`,
		'item',
		file.items.map((i) => i.id)
	);
	const key: AnswerKey = new Map(file.items.map((i) => [i.id, { ...i.key, answers: [] }]));
	const items = file.items.map(({ id, text, hint }) => (hint ? { id, text, hint } : { id, text }));
	const { title, notice, setting, worked } = file;
	return { public: { title, notice, setting, worked, items }, key };
}

/** The retelling exercise: its public items and its own key, independent of the letter's key. */
function loadRetelling(
	register: SourceRegister,
	caseId: string,
	files: CaseFiles,
	sentences: Sentence[]
) {
	const name = 'retelling.yaml';
	const file = optional(caseId, files, name, RetellingFile);
	if (!file) return undefined;
	const path = `lessons/${caseId}/${name}`;
	checkUnique(
		path,
		'item',
		file.items.map((i) => i.id)
	);
	const texts = new Map(sentences.map((s) => [s.id, s.text]));
	return citeAll(register, path, (problems) => {
		const key: RetellingAnswerKey = new Map();
		const items: PublicRetelling['items'] = [];
		for (const { id, from, sentence, text, key: entry } of file.items) {
			if (sentence !== undefined) {
				const whole = texts.get(sentence);
				if (whole === undefined) {
					problems.push(`item ${id}, field "sentence": expected a sentence id of the letter`);
				} else if (!whole.includes(text)) {
					problems.push(
						`item ${id}, field "text": expected words quoted verbatim from sentence ${sentence}`
					);
				}
			}
			const { sources, about, unverified, caveat, ...graded } = entry;
			key.set(id, {
				...graded,
				...register.resolve(id, { sources, about, unverified, caveat }, problems)
			});
			items.push(sentence ? { id, from, sentence, text } : { id, from, text });
		}
		return { public: { title: file.title, intro: file.intro, items }, key };
	});
}

function checkTimeline(
	register: SourceRegister,
	file: string,
	timeline: TimelineFile,
	sentences: Sentence[],
	problems: string[]
): { events: TimelineEvent[] } {
	checkUnique(
		file,
		'event',
		timeline.events.map((e) => e.id)
	);
	const known = new Set(sentences.map((s) => s.id));
	const events = timeline.events.map((entry) => {
		const { sources, about, unverified, caveat, ...event } = entry;
		for (const id of event.sentences) {
			if (!known.has(id))
				problems.push(
					`item ${event.id}, field "sentences": expected a sentence id of the letter, found ${id}`
				);
		}
		if (event.end && event.end < event.start) {
			problems.push(
				`item ${event.id}, field "end": expected a date on or after the start ${event.start}`
			);
		}
		return {
			...event,
			...register.resolve(event.id, { sources, about, unverified, caveat }, problems)
		};
	});
	return { events };
}

function checkUnique(file: string, what: string, ids: string[]) {
	const seen = new Set<string>();
	const problems: string[] = [];
	for (const id of ids) {
		if (seen.has(id)) problems.push(`item ${id}, field "id": expected each ${what} id once`);
		seen.add(id);
	}
	if (problems.length) throw new ContentError(file, problems);
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The source file, read in order, must be the header (metadata of the copy, such as its date)
 * followed by the sentences, word for word: every word of it covered, none added.
 */
function checkVerbatim(file: string, letter: LetterFile, sentences: Sentence[], source: string) {
	let rest = normalise(source);
	const { sourceFile, header } = letter;
	if (header !== undefined) {
		const expected = normalise(header);
		if (!rest.startsWith(expected)) {
			throw new ContentError(file, [
				`field "header": expected the first words of ${sourceFile} verbatim: "${rest.slice(0, 60)}..."`
			]);
		}
		rest = rest.slice(expected.length).trimStart();
	}
	for (const sentence of sentences) {
		const expected = normalise(sentence.text);
		if (!rest.startsWith(expected)) {
			throw new ContentError(file, [
				`item ${sentence.id}, field "text": expected the next words of ${sourceFile} verbatim: "${rest.slice(0, 60)}..."`
			]);
		}
		rest = rest.slice(expected.length).trimStart();
	}
	if (rest.length) {
		throw new ContentError(file, [
			`field "paragraphs": expected every word of ${sourceFile}; not covered: "${rest.slice(0, 60)}..."`
		]);
	}
}

function checkKey(
	register: SourceRegister,
	file: string,
	items: KeyItem[],
	sentences: Sentence[],
	allegationIds: Set<string>
): Map<string, KeyEntry> {
	const problems: string[] = [];
	const byId = new Map(sentences.map((s) => [s.id, s]));
	const key = new Map<string, KeyEntry>();
	for (const { sentence: id, sources, ...entry } of items) {
		const sentence = byId.get(id);
		if (!sentence)
			problems.push(`item ${id}, field "sentence": expected a sentence id of the letter`);
		else if (sentence.role !== 'claim')
			problems.push(
				`item ${id}, field "sentence": expected a claim sentence (this one is context)`
			);
		if (key.has(id)) problems.push(`item ${id}, field "sentence": expected each sentence once`);
		for (const a of entry.answers) {
			if (!allegationIds.has(a))
				problems.push(`item ${id}, field "answers": expected a known allegation id, found ${a}`);
		}
		key.set(id, { ...entry, sources: register.resolve(id, { sources }, problems).sources });
	}
	for (const s of sentences) {
		if (s.role === 'claim' && !key.has(s.id)) {
			problems.push(
				`item ${s.id}, field "sentence": expected a key item for every claim sentence; ${s.id} has none`
			);
		}
	}
	if (problems.length) throw new ContentError(file, problems);
	return key;
}

function loadLessons(caseId: string, files: CaseFiles, register: SourceRegister): Lesson[] {
	const lessons: Lesson[] = [];
	for (const name of Object.keys(files).sort()) {
		if (!name.endsWith('.md') || name.includes('/')) continue;
		const match = LESSON_FILE.exec(name);
		if (!match) {
			throw new ContentError(`lessons/${caseId}/${name}`, [
				'file name: expected NN-slug.md, e.g. 01-the-case.md'
			]);
		}
		const frontmatter = parseFrontmatter(
			`lessons/${caseId}/${name}`,
			files[name] ?? '',
			LessonFrontmatter
		);
		const markdown = files[name] ?? '';
		lessons.push({
			...frontmatter,
			number: Number(match[1]),
			slug: match[2] ?? '',
			file: name,
			sourceIds: citeMarkdown(register, `lessons/${caseId}/${name}`, markdown),
			postcheck: /<PostCheck\b/.test(markdown),
			keyTables: (Object.keys(KEY_TABLE_COMPONENTS) as KeyTable[]).filter((table) =>
				new RegExp(`<${KEY_TABLE_COMPONENTS[table]}\\b`).test(markdown)
			)
		});
	}
	lessons.forEach((lesson, index) => {
		if (lesson.number !== index + 1) {
			throw new ContentError(`lessons/${caseId}/${lesson.file}`, [
				`file name: expected lesson number ${String(index + 1).padStart(2, '0')} (lessons are numbered 01, 02, ... without gaps)`
			]);
		}
	});
	return lessons;
}
