// A class student's answers to a set of an assignment: one row per (student, assignment, set),
// created under the attempt id the page sent, updated on every later submission. Committed items
// are locked: their stored tags win over whatever a later form says.
import { and, eq } from 'drizzle-orm';
import type { ExerciseSet, Tag, Technique } from '$lib/content/vocabulary';
import { assignmentChanged } from './class-events';
import { database } from '$lib/server/db/client';
import { attempts, type Attempt } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';

export interface AttemptOwner {
	studentId: string;
	assignmentId: string;
	set: ExerciseSet;
}

export interface AttemptWork {
	tags: Record<string, Tag>;
	techniques: Record<string, Technique>;
	committed: string[];
	score: number;
	/** when the set was handed in; null (or absent) while it is open */
	handedInAt?: Date | null;
}

/** The attempt id is already someone else's: the page sent a forged or stale id. */
export class AttemptConflict extends Error {
	constructor() {
		super('This attempt belongs to another exercise. Reload the page and submit again.');
	}
}

/** The student's current answers to one set of an assignment, or null before the first. */
export async function getAttempt(owner: AttemptOwner): Promise<Attempt | null> {
	if (!isUuid(owner.studentId) || !isUuid(owner.assignmentId)) return null;
	const db = await database();
	const [row] = await db
		.select()
		.from(attempts)
		.where(
			and(
				eq(attempts.studentId, owner.studentId),
				eq(attempts.assignmentId, owner.assignmentId),
				eq(attempts.set, owner.set)
			)
		);
	return row ?? null;
}

/**
 * Records a submission. `compute` gets the stored answers (null before the first submission) and
 * returns the new ones; it runs inside the transaction with the row locked, so two submissions at
 * once (a double click, two tabs) are applied one after the other and never create two rows.
 * A repeated submission of the same answers changes nothing. Whatever `compute` throws rolls back.
 * The class's live pages are told once the transaction commits.
 */
export async function recordAttempt<T extends AttemptWork>(
	owner: AttemptOwner,
	attemptId: string,
	compute: (stored: Attempt | null) => T
): Promise<T> {
	if (!isUuid(attemptId)) throw new AttemptConflict();
	const db = await database();
	return db.transaction(async (tx) => {
		const where = and(
			eq(attempts.studentId, owner.studentId),
			eq(attempts.assignmentId, owner.assignmentId),
			eq(attempts.set, owner.set)
		);
		const select = () => tx.select().from(attempts).where(where).for('update');
		let [stored] = await select();
		if (!stored) {
			const work = compute(null);
			const inserted = await tx
				.insert(attempts)
				.values({ id: attemptId, ...owner, ...pick(work) })
				.onConflictDoNothing()
				.returning({ id: attempts.id });
			if (inserted.length) {
				await tx.execute(assignmentChanged(owner.assignmentId));
				return work;
			}
			// another submission made the row first, or the id is taken by another row
			[stored] = await select();
			if (!stored) throw new AttemptConflict();
		}
		const work = compute(stored);
		await tx
			.update(attempts)
			.set({ ...pick(work), updatedAt: new Date() })
			.where(eq(attempts.id, stored.id));
		await tx.execute(assignmentChanged(owner.assignmentId));
		return work;
	});
}

function pick(work: AttemptWork): AttemptWork {
	const { tags, techniques, committed, score, handedInAt } = work;
	return { tags, techniques, committed, score, handedInAt: handedInAt ?? null };
}
