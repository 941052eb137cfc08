// Cases instructors write (issue 15): each with its versions, the newest being the one the editor
// changes. Authorization: every function takes the instructor's id and finds only their own cases,
// so another instructor's case is "not found" (the pages answer 404), never their data.
import { and, desc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import { parseDraft, type CaseDraft, type DraftProblem } from '$lib/content/draft';
import type { CaseStatus } from '$lib/content/vocabulary';
import { database } from '$lib/server/db/client';
import { authoredCases, caseVersions, type AuthoredCase } from '$lib/server/db/schema';
import { isUuid } from '$lib/server/forms/ids';

export interface CaseSummary {
	id: string;
	title: string;
	status: CaseStatus;
	updatedAt: Date;
}

/** The case as its editor sees it: the newest version's content, and whether it is published. */
export interface EditableCase extends CaseSummary {
	/** the module id the case is served under once published: "authored-<case id>" */
	moduleId: string;
	version: number;
	/** the newest version is published as it stands (an edit starts the next version) */
	versionPublished: boolean;
	draft: CaseDraft;
}

/** The refused draft: its problems, each naming the file, the item and the field. */
export class DraftRefused extends Error {
	constructor(readonly problems: DraftProblem[]) {
		super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
		this.name = 'DraftRefused';
	}
}

export function moduleIdOf(caseId: string): string {
	return `authored-${caseId}`;
}

/** The case id in a module id, or null when the module is not an authored case. */
export function caseIdOf(moduleId: string): string | null {
	const id = moduleId.startsWith('authored-') ? moduleId.slice('authored-'.length) : '';
	return isUuid(id) ? id.toLowerCase() : null;
}

function checked(draft: unknown): CaseDraft {
	const parsed = parseDraft(draft);
	if (!parsed.ok) throw new DraftRefused(parsed.problems);
	return parsed.draft;
}

/** A new draft case with its title (the module's title) and first version. */
export async function createAuthoredCase(
	instructorId: string,
	title: string,
	draft: (moduleId: string) => CaseDraft
): Promise<AuthoredCase> {
	const db = await database();
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(authoredCases).values({ instructorId, title }).returning();
		await tx
			.insert(caseVersions)
			.values({ caseId: row!.id, version: 1, content: checked(draft(moduleIdOf(row!.id))) });
		return row!;
	});
}

/** The instructor's cases, the most recently changed first. */
export async function listAuthoredCases(instructorId: string): Promise<CaseSummary[]> {
	if (!isUuid(instructorId)) return [];
	const db = await database();
	return db
		.select({
			id: authoredCases.id,
			title: authoredCases.title,
			status: authoredCases.status,
			updatedAt: authoredCases.updatedAt
		})
		.from(authoredCases)
		.where(eq(authoredCases.instructorId, instructorId))
		.orderBy(desc(authoredCases.updatedAt));
}

/** The instructor's own case with its newest version, or null (not theirs, or no such case). */
export async function getAuthoredCase(
	instructorId: string,
	caseId: string
): Promise<EditableCase | null> {
	if (!isUuid(instructorId) || !isUuid(caseId)) return null;
	const db = await database();
	const [row] = await db
		.select({ c: authoredCases, v: caseVersions })
		.from(authoredCases)
		.innerJoin(caseVersions, eq(caseVersions.caseId, authoredCases.id))
		.where(and(eq(authoredCases.id, caseId), eq(authoredCases.instructorId, instructorId)))
		.orderBy(desc(caseVersions.version))
		.limit(1);
	if (!row) return null;
	return {
		id: row.c.id,
		title: row.c.title,
		status: row.c.status,
		updatedAt: row.c.updatedAt,
		moduleId: moduleIdOf(row.c.id),
		version: row.v.version,
		versionPublished: row.v.publishedAt !== null,
		draft: row.v.content
	};
}

/**
 * Saves the draft of the instructor's case: into its newest version while that is a draft, else
 * into a new version (a published version never changes). False when the case is not theirs.
 * A draft over the size limits or off the draft schema is refused (DraftRefused).
 */
export async function saveAuthoredDraft(
	instructorId: string,
	caseId: string,
	draft: CaseDraft
): Promise<boolean> {
	const content = checked(draft);
	const current = await getAuthoredCase(instructorId, caseId);
	if (!current) return false;
	const title = content.module?.title ?? current.title;
	const db = await database();
	await db.transaction(async (tx) => {
		const now = new Date();
		if (current.versionPublished) {
			await tx
				.insert(caseVersions)
				.values({ caseId, version: current.version + 1, content, createdAt: now, updatedAt: now });
		} else {
			await tx
				.update(caseVersions)
				.set({ content, updatedAt: now })
				.where(
					and(
						eq(caseVersions.caseId, caseId),
						eq(caseVersions.version, current.version),
						isNull(caseVersions.publishedAt)
					)
				);
		}
		await tx
			.update(authoredCases)
			.set({ title, updatedAt: now })
			.where(and(eq(authoredCases.id, caseId), eq(authoredCases.instructorId, instructorId)));
	});
	return true;
}

/**
 * Publishes the newest version of the instructor's case as it stands (the caller has run the
 * publish check on exactly this content). False when the case is not theirs.
 */
export async function publishAuthoredCase(
	instructorId: string,
	caseId: string,
	version: number
): Promise<boolean> {
	const current = await getAuthoredCase(instructorId, caseId);
	if (!current || current.version !== version) return false;
	const db = await database();
	await db.transaction(async (tx) => {
		const now = new Date();
		await tx
			.update(caseVersions)
			.set({ publishedAt: now })
			.where(
				and(
					eq(caseVersions.caseId, caseId),
					eq(caseVersions.version, version),
					isNull(caseVersions.publishedAt)
				)
			);
		await tx
			.update(authoredCases)
			.set({ status: 'published', updatedAt: now })
			.where(and(eq(authoredCases.id, caseId), eq(authoredCases.instructorId, instructorId)));
	});
	return true;
}

/** A published version of an authored case: what classes and visitors are served. */
export interface PublishedVersion {
	caseId: string;
	instructorId: string;
	version: number;
	content: CaseDraft;
}

/**
 * A published version of any instructor's case: the one asked for, or the newest published one
 * (version null). Null for a draft, an unknown case or version: drafts are served to their editor
 * only (getAuthoredCase).
 */
export async function publishedVersion(
	caseId: string,
	version: number | null = null
): Promise<PublishedVersion | null> {
	if (!isUuid(caseId)) return null;
	if (version !== null && !(Number.isSafeInteger(version) && version > 0)) return null;
	const db = await database();
	const [row] = await db
		.select({ c: authoredCases, v: caseVersions })
		.from(caseVersions)
		.innerJoin(authoredCases, eq(caseVersions.caseId, authoredCases.id))
		.where(
			and(
				eq(caseVersions.caseId, caseId),
				isNotNull(caseVersions.publishedAt),
				version === null ? undefined : eq(caseVersions.version, version)
			)
		)
		.orderBy(desc(caseVersions.version))
		.limit(1);
	if (!row) return null;
	return {
		caseId: row.c.id,
		instructorId: row.c.instructorId,
		version: row.v.version,
		content: row.v.content
	};
}

/** The instructor's published cases with their newest published version: what they may assign. */
export async function listPublishedCases(
	instructorId: string
): Promise<{ moduleId: string; title: string; version: number }[]> {
	if (!isUuid(instructorId)) return [];
	const db = await database();
	const rows = await db
		.select({ id: authoredCases.id, version: max(caseVersions.version) })
		.from(authoredCases)
		.innerJoin(caseVersions, eq(caseVersions.caseId, authoredCases.id))
		.where(and(eq(authoredCases.instructorId, instructorId), isNotNull(caseVersions.publishedAt)))
		.groupBy(authoredCases.id);
	const found = await Promise.all(rows.map((r) => publishedVersion(r.id, r.version)));
	return found
		.filter((v): v is PublishedVersion => v !== null)
		.map((v) => ({
			moduleId: moduleIdOf(v.caseId),
			title: v.content.module?.title ?? 'Untitled case',
			version: v.version
		}));
}
