// Instructor notes (lessons/<case>/instructor/NN-slug.md): their frontmatter schema and the check
// that every note is valid and belongs to a lesson, so a broken note fails the build.
import { z } from 'zod';
import { ContentError } from './errors.ts';
import { parseFrontmatter } from './parse.ts';
import type { CaseFiles } from './case.ts';

export const InstructorNoteFrontmatter = z.object({
	title: z.string().trim().min(1, 'text that is not empty'),
	/** the lesson the note is for (01, 02...); 0 for the module-level guide, 00-guide.md */
	lesson: z.number().int().min(0).max(99)
});
export type InstructorNoteFrontmatter = z.infer<typeof InstructorNoteFrontmatter>;

export interface InstructorNote extends InstructorNoteFrontmatter {
	/** path inside the case folder, e.g. instructor/01-two-texts.md */
	file: string;
}

const NOTE_FILE = /^instructor\/(\d{2})-([a-z0-9-]+)\.md$/;

/**
 * Validates every instructor note of a case: file name NN-slug.md, frontmatter, `lesson` equal to
 * NN, and for NN above 00 a lesson file with the same name. Returns the notes in reading order.
 */
export function checkInstructorNotes(
	caseId: string,
	files: CaseFiles,
	lessons: readonly { number: number; file: string }[]
): InstructorNote[] {
	const notes: InstructorNote[] = [];
	const lessonFiles = new Set(lessons.map((l) => l.file));
	for (const name of Object.keys(files).sort()) {
		if (!name.startsWith('instructor/')) continue;
		const path = `lessons/${caseId}/${name}`;
		const match = NOTE_FILE.exec(name);
		if (!match) {
			throw new ContentError(path, [
				'file name: expected instructor/NN-slug.md, with the same NN-slug as its lesson (00-guide.md for the guide)'
			]);
		}
		const frontmatter = parseFrontmatter(path, files[name] ?? '', InstructorNoteFrontmatter);
		const number = Number(match[1]);
		if (frontmatter.lesson !== number) {
			throw new ContentError(path, [
				`field "lesson": expected ${number}, the number in the file name, found ${frontmatter.lesson}`
			]);
		}
		const lessonFile = name.slice('instructor/'.length);
		if (number > 0 && !lessonFiles.has(lessonFile)) {
			throw new ContentError(path, [
				`file name: expected a lesson lessons/${caseId}/${lessonFile} for this note; there is none`
			]);
		}
		notes.push({ ...frontmatter, file: name });
	}
	return notes;
}
