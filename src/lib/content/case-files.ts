// Every file a case folder may hold, with the schema that checks it: the one list that
// docs/case-format.md describes and scripts/case-schema.ts turns into JSON Schema files. The
// cross-file rules (ids that must exist, the letter verbatim against its .txt, every source cited)
// are the loader's (case.ts); a JSON Schema checks only the shape of one file.
import type { z } from 'zod';
import { InstructorNoteFrontmatter } from './instructor.ts';
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
	TimelineFile
} from './schemas.ts';

export interface CaseFileKind {
	/** the file name in the case folder, or a pattern for many (NN-slug.md) */
	file: string;
	/** the JSON Schema's file name in docs/case-schema/ */
	schemaName: string;
	required: boolean;
	/** what the file is for, in one line */
	about: string;
	/** for a markdown file, the schema of its frontmatter */
	schema: z.ZodType;
}

export const CASE_FILES: readonly CaseFileKind[] = [
	{
		file: 'module.yaml',
		schemaName: 'module',
		required: true,
		about: 'the catalogue entry',
		schema: ModuleFile
	},
	{
		file: 'sources.yaml',
		schemaName: 'sources',
		required: true,
		about: 'the source register',
		schema: SourcesFile
	},
	{
		file: 'source-denylist.yaml',
		schemaName: 'source-denylist',
		required: false,
		about: 'domains no content may cite',
		schema: DenylistFile
	},
	{
		file: 'letter.yaml',
		schemaName: 'letter',
		required: true,
		about: 'the rebuttal, sentence by sentence',
		schema: LetterFile
	},
	{
		file: 'allegations.yaml',
		schemaName: 'allegations',
		required: true,
		about: 'the article and its allegations',
		schema: AllegationsFile
	},
	{
		file: 'answer-key.yaml',
		schemaName: 'answer-key',
		required: true,
		about: 'the key of the letter (server only)',
		schema: AnswerKeyFile
	},
	{
		file: 'practice.yaml',
		schemaName: 'practice',
		required: false,
		about: 'the fictional warm-up text',
		schema: PracticeFile
	},
	{
		file: 'booster.yaml',
		schemaName: 'booster',
		required: false,
		about: 'the fictional refresher text',
		schema: PracticeFile
	},
	{
		file: 'precheck.yaml',
		schemaName: 'precheck',
		required: false,
		about: 'the ungraded baseline at the start, parallel to the post-check',
		schema: PracticeFile
	},
	{
		file: 'postcheck.yaml',
		schemaName: 'postcheck',
		required: false,
		about: 'the ungraded check at the end, parallel to the pre-check',
		schema: PracticeFile
	},
	{
		file: 'timeline.yaml',
		schemaName: 'timeline',
		required: false,
		about: 'the dated events and the age question',
		schema: TimelineFile
	},
	{
		file: 'glossary.yaml',
		schemaName: 'glossary',
		required: false,
		about: 'the terms the lessons link to',
		schema: GlossaryFile
	},
	{
		file: 'retelling.yaml',
		schemaName: 'retelling',
		required: false,
		about: "the letter's retelling against the article",
		schema: RetellingFile
	},
	{
		file: 'NN-slug.md',
		schemaName: 'lesson-frontmatter',
		required: false,
		about: 'a lesson (mdsvex)',
		schema: LessonFrontmatter
	},
	{
		file: 'instructor/NN-slug.md',
		schemaName: 'instructor-note-frontmatter',
		required: false,
		about: 'an instructor note (00-guide.md for the guide)',
		schema: InstructorNoteFrontmatter
	}
];
