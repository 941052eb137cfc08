// One student's answers to a tagging set beside the key, for their instructor's page: every item
// in order with what the student gave (checked, a draft not checked yet, or nothing), the key's
// tag, and the credit of a checked answer. Pure: the page and its tests build on it alike.
import type { Tag, Technique } from '../content/vocabulary.ts';
import { isLate } from './due-date.ts';
import { creditFor, type KeyForScoring } from './tag/scoring.ts';

/** A student's current answers to a set (the shape the attempts table stores). */
export interface StoredAnswers {
	tags: Readonly<Partial<Record<string, Tag>>>;
	techniques: Readonly<Partial<Record<string, Technique>>>;
	committed: readonly string[];
	handedInAt: Date | null;
}

export interface AnswerRow {
	id: string;
	text: string;
	/** the student's tag and technique; null when they gave none */
	given: Tag | null;
	technique: Technique | null;
	/** checked (graded, locked), a draft not checked yet, or nothing given */
	state: 'checked' | 'draft' | 'open';
	/** the key's answer for the item; null when the key has none */
	key: { tag: Tag; alsoDefensible: Tag[]; technique: Technique | null } | null;
	/** the credit of a checked answer (1, ½, 0); null otherwise */
	credit: number | null;
}

export interface SetAnswers {
	rows: AnswerRow[];
	/** checked answers, and the sum of their credit */
	checked: number;
	score: number;
	/** ISO time the set was handed in; null while open */
	handedInAt: string | null;
	late: boolean;
}

/** The rows of one set for one student, against the key. */
export function studentAnswers(
	items: readonly { id: string; text: string }[],
	stored: StoredAnswers | null,
	key: ReadonlyMap<string, KeyForScoring>,
	dueAt: Date | null = null
): SetAnswers {
	const checked = new Set(stored?.committed ?? []);
	const rows = items.map(({ id, text }): AnswerRow => {
		const given = stored?.tags[id] ?? null;
		const entry = key.get(id);
		const state = given === null ? 'open' : checked.has(id) ? 'checked' : 'draft';
		return {
			id,
			text,
			given,
			technique: (given && stored?.techniques[id]) ?? null,
			state,
			key: entry
				? {
						tag: entry.tag,
						alsoDefensible: entry.alsoDefensible,
						technique: entry.technique ?? null
					}
				: null,
			credit: state === 'checked' && given && entry ? creditFor(given, entry) : null
		};
	});
	const graded = rows.filter((r) => r.credit !== null);
	return {
		rows,
		checked: rows.filter((r) => r.state === 'checked').length,
		score: graded.reduce((sum, r) => sum + r.credit!, 0),
		handedInAt: stored?.handedInAt?.toISOString() ?? null,
		late: isLate(stored?.handedInAt, dueAt)
	};
}
