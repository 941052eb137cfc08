// The standard lesson sequence of a case written in the editor (issue 15): no mdsvex, the lessons
// are built from the case's own content by components (components/standard-lesson/). Read both
// texts; the three tags with one of the case's own claim sentences as the example of each (and the
// case's glossary, when it has one); then the exercise pages: the warm-up practice when the case
// has practice items, tag, map, and the timeline when the case has events.
import type { Lesson } from './case.ts';
import type { ExercisePage } from './case-parts.ts';
import { TAGS, type Tag } from './vocabulary.ts';

/** the component a standard lesson's page renders, named by its file ("standard:<kind>") */
export type StandardLessonKind = 'read' | 'definitions';

const STANDARD_PREFIX = 'standard:';

/** The standard lesson a lesson's file names, or null for a lesson written in mdsvex. */
export function standardLessonKind(lesson: Pick<Lesson, 'file'>): StandardLessonKind | null {
	const kind = lesson.file.startsWith(STANDARD_PREFIX)
		? lesson.file.slice(STANDARD_PREFIX.length)
		: '';
	return kind === 'read' || kind === 'definitions' ? kind : null;
}

function lesson(
	number: number,
	kind: StandardLessonKind,
	fields: Pick<Lesson, 'slug' | 'title' | 'minutes' | 'objectives' | 'summary' | 'exercises'>
): Lesson {
	return {
		...fields,
		number,
		file: `${STANDARD_PREFIX}${kind}`,
		sourceIds: [],
		keyTables: [],
		checks: []
	};
}

/** The lessons every authored case gets, sending students on to the exercise pages it has. */
export function standardLessons(exercises: readonly ExercisePage[]): Lesson[] {
	const has = (page: ExercisePage) => exercises.includes(page);
	return [
		lesson(1, 'read', {
			slug: 'read-the-texts',
			title: 'Read both texts',
			minutes: 10,
			objectives: [
				'Say who wrote the rebuttal, when and where it was published, and what it answers.',
				'Name the allegations the rebuttal responds to.'
			],
			summary:
				'The rebuttal in full, and a summary of the article it answers with its allegations.',
			exercises: []
		}),
		lesson(2, 'definitions', {
			slug: 'evidence-assertion-deflection',
			title: 'Evidence, assertion, deflection',
			minutes: 10,
			objectives: [
				'Tell evidence, assertion and deflection apart by what a sentence does in the argument.',
				"Explain why each example from this case's rebuttal has its tag."
			],
			summary: 'The three tags with their criteria, each shown on a sentence of this rebuttal.',
			exercises: (['practice', 'tag', 'map', 'timeline'] as const).filter(has)
		})
	];
}

/**
 * The worked examples of the definitions lesson: for each tag, the first claim sentence whose
 * primary tag in the key it is, with the key's rationale (shown as the built-in lessons show their
 * examples: the sentence, its tag and why).
 */
export function tagExamples(
	claims: readonly { id: string; text: string }[],
	key: ReadonlyMap<string, { tag: Tag; rationale: string }>
): { tag: Tag; sentenceId: string; text: string; rationale: string }[] {
	return TAGS.flatMap((tag) => {
		const claim = claims.find((c) => key.get(c.id)?.tag === tag);
		return claim
			? [{ tag, sentenceId: claim.id, text: claim.text, rationale: key.get(claim.id)!.rationale }]
			: [];
	});
}
