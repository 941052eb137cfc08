// The parts of a case folder, each loaded and checked against the others: the article's summary,
// the practice texts, the retelling exercise, the timeline, the answer key, the lessons, and the
// checks that the letter is its source file word for word and that ids are unique. Every problem
// names the file, the item and the field (a ContentError).
import type { z } from 'zod';
import type {
	AnswerKey,
	CaseAgeQuestion,
	CaseGlossary,
	CaseTimeline,
	CaseArticle,
	CaseFiles,
	KeyEntry,
	Lesson,
	LessonCheck,
	PublicRetelling,
	RetellingAnswerKey
} from './case.ts';
import { ContentError } from './errors.ts';
import { parseInline, unknownLinks } from './inline.ts';
import { parseFrontmatter, parseYamlFile } from './parse.ts';
import { citeMarkdown, type SourceRegister } from './register.ts';
import {
	GlossaryFile,
	LessonFrontmatter,
	PracticeFile,
	RetellingFile,
	type AgeQuestion,
	type AllegationsFile,
	type KeyItem,
	type LetterFile,
	type Sentence,
	type SourcedText,
	type TimelineEvent,
	type TimelineFile
} from './schemas.ts';
import {
	KEY_TABLE_COMPONENTS,
	TAG_INFO,
	TAGS,
	TECHNIQUE_INFO,
	type KeyTable,
	type Tag,
	type Technique
} from './vocabulary.ts';

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.md$/;

export function required(caseId: string, files: CaseFiles, name: string): string {
	const text = files[name];
	if (text === undefined) {
		throw new ContentError(`lessons/${caseId}/${name}`, ['the file is missing']);
	}
	return text;
}

/** Runs a step that resolves citations, then throws one ContentError with all its problems. */
export function citeAll<T>(
	register: SourceRegister,
	file: string,
	step: (problems: string[]) => T
): T {
	const problems: string[] = [];
	const result = step(problems);
	if (problems.length) throw new ContentError(file, problems);
	return result;
}

export function resolveArticle(
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

export function optional<S extends z.ZodType>(
	caseId: string,
	files: CaseFiles,
	name: string,
	schema: S
): z.output<S> | undefined {
	const text = files[name];
	return text === undefined ? undefined : parseYamlFile(`lessons/${caseId}/${name}`, text, schema);
}

export function loadPractice(caseId: string, files: CaseFiles, name: string) {
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
export function loadRetelling(
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

export function checkTimeline(
	register: SourceRegister,
	file: string,
	timeline: TimelineFile,
	sentences: Sentence[],
	problems: string[]
): CaseTimeline {
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
	const ageQuestion =
		timeline.ageQuestion && checkAgeQuestion(timeline.ageQuestion, events, sentences, problems);
	return ageQuestion ? { events, ageQuestion } : { events };
}

/** The age question with its events and sentence looked up and its copy's links checked. */
function checkAgeQuestion(
	q: AgeQuestion,
	events: TimelineEvent[],
	sentences: Sentence[],
	problems: string[]
): CaseAgeQuestion | undefined {
	const byId = new Map(events.map((e) => [e.id, e]));
	const where = (field: string) => `item ageQuestion, field "${field}"`;
	const event = (field: string, id: string) => {
		const found = byId.get(id);
		if (!found) problems.push(`${where(field)}: expected an event id of the timeline, found ${id}`);
		return found;
	};
	const sentence = sentences.find((s) => s.id === q.sentence);
	if (!sentence) {
		problems.push(
			`${where('sentence')}: expected a sentence id of the letter, found ${q.sentence}`
		);
	}
	const known = new Set([...byId.keys(), ...sentences.map((s) => s.id)]);
	const copy = (field: string, text: string) => {
		const pieces = parseInline(text);
		for (const link of unknownLinks(pieces, known)) {
			problems.push(`${where(field)}: expected links to sentence or event ids, found ${link}`);
		}
		return pieces;
	};
	const reports = event('reports', q.reports);
	const oldest = event('oldest', q.oldest);
	const newest = event('newest', q.newest);
	const article = event('article', q.article);
	const later = q.later.map((id) => event('later', id));
	const result = {
		title: q.title,
		intro: copy('intro', q.intro),
		prompt: copy('prompt', q.prompt),
		discussion: q.discussion.map((d) => ({
			heading: d.heading,
			points: d.points.map((p) => copy('discussion', p))
		})),
		...(q.closing && { closing: copy('closing', q.closing) })
	};
	if (!sentence || !reports || !oldest || !newest || !article || later.includes(undefined)) {
		return undefined;
	}
	return {
		...result,
		sentence: { id: sentence.id, text: sentence.text },
		reports,
		oldest,
		newest,
		article,
		later: later.filter((e) => e !== undefined)
	};
}

export function checkUnique(file: string, what: string, ids: string[]) {
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
export function checkVerbatim(
	file: string,
	letter: LetterFile,
	sentences: Sentence[],
	source: string
) {
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

export function checkKey(
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

export function loadLessons(caseId: string, files: CaseFiles, register: SourceRegister): Lesson[] {
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
			keyTables: (Object.keys(KEY_TABLE_COMPONENTS) as KeyTable[]).filter((table) =>
				new RegExp(`<${KEY_TABLE_COMPONENTS[table]}\\b`).test(markdown)
			),
			exercises: linkedExercises(caseId, markdown),
			checks: lessonChecks(`lessons/${caseId}/${name}`, markdown)
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

/**
 * The glossary as pages show it: a tag or a technique gets its name and definition (and the
 * question that settles it, or its family) from the scheme; every term's related ids are checked.
 */
export function loadGlossary(file: string, text: string): CaseGlossary {
	const glossary = parseYamlFile(file, text, GlossaryFile);
	checkUnique(
		file,
		'term',
		glossary.terms.map((t) => t.id)
	);
	const ids = new Set(glossary.terms.map((t) => t.id));
	const problems = glossary.terms.flatMap((t) =>
		t.related
			.filter((id) => !ids.has(id))
			.map(
				(id) => `item ${t.id}, field "related": expected a term id of this glossary, found ${id}`
			)
	);
	if (problems.length) throw new ContentError(file, problems);
	return {
		terms: glossary.terms.map(({ id, term, definition, note, example, related }) => {
			const scheme = schemeWord(id);
			return {
				id,
				term: scheme?.term ?? term ?? id,
				definition: scheme?.definition ?? definition ?? '',
				...(scheme?.ask && { ask: scheme.ask }),
				...(scheme?.family && { family: scheme.family }),
				...(note && { note }),
				...(example && { example }),
				related
			};
		})
	};
}

function schemeWord(
	id: string
): { term: string; definition: string; ask: string; family?: string } | undefined {
	if ((TAGS as readonly string[]).includes(id)) {
		const tag = TAG_INFO[id as Tag];
		return { term: tag.label, definition: tag.definition, ask: tag.question };
	}
	const technique = TECHNIQUE_INFO[id as Technique];
	return technique
		? {
				term: technique.label,
				definition: technique.definition,
				ask: technique.question,
				family: technique.family
			}
		: undefined;
}

/** The module's exercise pages, by their path under /m/<case>/. */
export const EXERCISE_PAGES = [
	'retelling',
	'precheck',
	'practice',
	'tag',
	'timeline',
	'timeline/order',
	'map',
	'postcheck',
	'booster'
] as const;
export type ExercisePage = (typeof EXERCISE_PAGES)[number];

/** A check id: lowercase words joined by hyphens, stable once students have answered it. */
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The lesson's checks for understanding (<CheckQuestion id="..." question="...">), in page order.
 * Each needs an id, unique in the lesson: class students' typed answers are stored under it.
 */
export function lessonChecks(file: string, markdown: string): LessonCheck[] {
	const checks: LessonCheck[] = [];
	const problems: string[] = [];
	for (const [index, match] of [...markdown.matchAll(/<CheckQuestion\b([^>]*)>/g)].entries()) {
		const attributes = match[1] ?? '';
		const id = /\bid="([^"]*)"/.exec(attributes)?.[1];
		const question = /\bquestion="([^"]*)"/.exec(attributes)?.[1] ?? '';
		const where = `check ${index + 1}${id ? ` (${id})` : ''}`;
		if (!id || !CHECK_ID.test(id)) {
			problems.push(`${where}, field "id": expected an id like id="who-wrote-it" (a-z, 0-9, -)`);
		} else if (checks.some((c) => c.id === id)) {
			problems.push(`${where}, field "id": expected each check id once in the lesson`);
		}
		if (!question.trim()) problems.push(`${where}, field "question": expected the question`);
		if (id) checks.push({ id, question });
	}
	if (problems.length) throw new ContentError(file, problems);
	return checks;
}

/** The exercise pages a lesson links to (href="/m/<case>/tag" and the like), first link first. */
function linkedExercises(caseId: string, markdown: string): ExercisePage[] {
	const found: ExercisePage[] = [];
	for (const match of markdown.matchAll(/\/m\/([\w-]+)\/([\w/-]+?)["')#?]/g)) {
		const page = match[2] as ExercisePage;
		if (match[1] === caseId && EXERCISE_PAGES.includes(page) && !found.includes(page))
			found.push(page);
	}
	return found;
}
