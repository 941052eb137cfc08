// Sharing a published authored case by link (issue 15): the owner makes a link holding a random
// token (256 bits, base64url: unguessable), and withdraws it when they like; another signed-in
// instructor on the server who opens it gets a draft copy of the newest published version, theirs
// to edit (the original is untouched). A withdrawn link stays known, so opening it says so.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { withFixedFields } from '$lib/content/draft';
import { database } from '$lib/server/db/client';
import { authoredCases, caseShares, instructors } from '$lib/server/db/schema';
import { createAuthoredCase, getAuthoredCase, publishedVersion } from './authored-cases';

/** What a share token looks like: 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isShareToken(token: string): boolean {
	return TOKEN.test(token);
}

/** The case's working share link's token, or null (none made, or withdrawn). Owner only. */
export async function activeShareToken(
	instructorId: string,
	caseId: string
): Promise<string | null> {
	if (!(await getAuthoredCase(instructorId, caseId))) return null;
	const db = await database();
	const [row] = await db
		.select({ token: caseShares.token })
		.from(caseShares)
		.where(and(eq(caseShares.caseId, caseId), isNull(caseShares.revokedAt)))
		.orderBy(desc(caseShares.createdAt))
		.limit(1);
	return row?.token ?? null;
}

/**
 * The share link's token of the instructor's published case: the working one, or a new one.
 * Null when the case is not theirs or has no published version.
 */
export async function createShareToken(
	instructorId: string,
	caseId: string
): Promise<string | null> {
	const own = await getAuthoredCase(instructorId, caseId);
	if (!own || !(await publishedVersion(caseId))) return null;
	const existing = await activeShareToken(instructorId, caseId);
	if (existing) return existing;
	const token = randomBytes(32).toString('base64url');
	const db = await database();
	await db.insert(caseShares).values({ token, caseId });
	return token;
}

/** Withdraws the case's share link; false when the case is not theirs. */
export async function revokeShareToken(instructorId: string, caseId: string): Promise<boolean> {
	if (!(await getAuthoredCase(instructorId, caseId))) return false;
	const db = await database();
	await db
		.update(caseShares)
		.set({ revokedAt: new Date() })
		.where(and(eq(caseShares.caseId, caseId), isNull(caseShares.revokedAt)));
	return true;
}

export type SharedCase =
	| { status: 'open'; caseId: string; title: string; version: number; sharedBy: string }
	| { status: 'withdrawn' };

/** What a share link gives: the case it shares (its newest published version), or "withdrawn". */
export async function openShareToken(token: string): Promise<SharedCase | null> {
	if (!isShareToken(token)) return null;
	const db = await database();
	const [row] = await db
		.select({ share: caseShares, sharedBy: instructors.displayName })
		.from(caseShares)
		.innerJoin(authoredCases, eq(authoredCases.id, caseShares.caseId))
		.innerJoin(instructors, eq(instructors.id, authoredCases.instructorId))
		.where(eq(caseShares.token, token))
		.limit(1);
	if (!row) return null;
	if (row.share.revokedAt) return { status: 'withdrawn' };
	const published = await publishedVersion(row.share.caseId);
	if (!published) return null;
	return {
		status: 'open',
		caseId: published.caseId,
		title: published.content.module?.title ?? 'Untitled case',
		version: published.version,
		sharedBy: row.sharedBy
	};
}

/**
 * A draft copy of the shared case for the instructor: a new case of theirs holding the newest
 * published version's content under its own module id. The shared case's id, or the link's state.
 */
export async function copySharedCase(
	instructorId: string,
	token: string
): Promise<{ status: 'copied'; caseId: string } | { status: 'withdrawn' } | null> {
	const shared = await openShareToken(token);
	if (!shared || shared.status === 'withdrawn') return shared;
	const published = await publishedVersion(shared.caseId, shared.version);
	if (!published) return null;
	const made = await createAuthoredCase(instructorId, shared.title.slice(0, 120), (moduleId) =>
		withFixedFields(moduleId, {
			...published.content,
			module: { ...published.content.module, id: moduleId }
		})
	);
	return { status: 'copied', caseId: made.id };
}
