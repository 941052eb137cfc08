// Builds a typed Case from the text of the files in one lessons/<case>/ folder and checks the
// references between them (every claim sentence keyed, every allegation id known...).
import { ContentError } from './errors.ts';
import { checkInstructorNotes } from './instructor.ts';
import { parseFrontmatter, parseYamlFile } from './parse.ts';
import {
	AllegationsFile,
	AnswerKeyFile,
	GlossaryFile,
	LessonFrontmatter,
	LetterFile,
	ModuleFile,
	PracticeFile,
	TimelineFile,
	type KeyItem,
	type Sentence
} from './schemas.ts';
import type { z } from 'zod';

export interface Lesson extends LessonFrontmatter {
	/** 1-based position, from the NN- prefix of the file name */
	number: number;
	slug: string;
	file: string;
}

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
	module: ModuleFile;
	letter: LetterFile;
	/** the letter's sentences in reading order */
	sentences: Sentence[];
	/** the verbatim letter as published */
	letterSource: string;
	article: AllegationsFile;
	lessons: Lesson[];
	practice?: PublicPractice;
	booster?: PublicPractice;
	glossary?: GlossaryFile;
	timeline?: TimelineFile;
}

/** One graded item of a key: tag, also-defensible tags, rationale... */
export type KeyEntry = Omit<KeyItem, 'sentence'>;
/** An answer key, item id -> entry. Server code only. */
export type AnswerKey = Map<string, KeyEntry>;

export interface CaseKeys {
	letter: AnswerKey;
	practice?: AnswerKey;
	booster?: AnswerKey;
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
	const letter = parseYamlFile(
		path('letter.yaml'),
		required(caseId, files, 'letter.yaml'),
		LetterFile
	);
	const letterSource = required(caseId, files, letter.sourceFile);
	const article = parseYamlFile(
		path('allegations.yaml'),
		required(caseId, files, 'allegations.yaml'),
		AllegationsFile
	);
	const keyFile = parseYamlFile(
		path('answer-key.yaml'),
		required(caseId, files, 'answer-key.yaml'),
		AnswerKeyFile
	);

	const sentences = letter.paragraphs.flat();
	checkUnique(
		path('letter.yaml'),
		'sentence',
		sentences.map((s) => s.id)
	);
	checkVerbatim(path('letter.yaml'), sentences, letterSource, letter.sourceFile);
	const allegationIds = new Set(article.allegations.map((a) => a.id));
	checkUnique(path('allegations.yaml'), 'allegation', [...allegationIds]);

	const key = checkKey(path('answer-key.yaml'), keyFile.items, sentences, allegationIds);
	const lessons = loadLessons(caseId, files);
	checkInstructorNotes(caseId, files, lessons);
	const practice = loadPractice(caseId, files, 'practice.yaml');
	const booster = loadPractice(caseId, files, 'booster.yaml');
	const glossary = optional(caseId, files, 'glossary.yaml', GlossaryFile);
	const timeline = optional(caseId, files, 'timeline.yaml', TimelineFile);
	if (timeline) checkTimeline(path('timeline.yaml'), timeline, sentences);

	return {
		case: {
			id: caseId,
			module,
			letter,
			sentences,
			letterSource,
			article,
			lessons,
			practice: practice?.public,
			booster: booster?.public,
			glossary,
			timeline
		},
		keys: { letter: key, practice: practice?.key, booster: booster?.key }
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

function checkTimeline(file: string, timeline: TimelineFile, sentences: Sentence[]) {
	checkUnique(
		file,
		'event',
		timeline.events.map((e) => e.id)
	);
	const known = new Set(sentences.map((s) => s.id));
	const problems: string[] = [];
	for (const event of timeline.events) {
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
	}
	if (problems.length) throw new ContentError(file, problems);
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

/** The sentences, read in order, must be the source text word for word. */
function checkVerbatim(file: string, sentences: Sentence[], source: string, sourceFile: string) {
	let rest = normalise(source);
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
	file: string,
	items: KeyItem[],
	sentences: Sentence[],
	allegationIds: Set<string>
): AnswerKey {
	const problems: string[] = [];
	const byId = new Map(sentences.map((s) => [s.id, s]));
	const key: AnswerKey = new Map();
	for (const { sentence: id, ...entry } of items) {
		const item = { sentence: id, ...entry };
		const sentence = byId.get(item.sentence);
		if (!sentence)
			problems.push(
				`item ${item.sentence}, field "sentence": expected a sentence id of the letter`
			);
		else if (sentence.role !== 'claim')
			problems.push(
				`item ${item.sentence}, field "sentence": expected a claim sentence (this one is context)`
			);
		if (key.has(item.sentence))
			problems.push(`item ${item.sentence}, field "sentence": expected each sentence once`);
		for (const a of item.answers) {
			if (!allegationIds.has(a))
				problems.push(
					`item ${item.sentence}, field "answers": expected a known allegation id, found ${a}`
				);
		}
		key.set(id, entry);
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

function loadLessons(caseId: string, files: CaseFiles): Lesson[] {
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
		lessons.push({ ...frontmatter, number: Number(match[1]), slug: match[2] ?? '', file: name });
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
