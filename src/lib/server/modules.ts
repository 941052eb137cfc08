// The one place a module id becomes a Case: a case folder of lessons/ (content.ts), or a case an
// instructor wrote in the editor and published ("authored-<id>", from the database). An authored
// case is served at a published version: the one the class works on for a class student (kept on
// the assignment, so editing the case later changes nothing for them), else the newest published
// one. Drafts are served only to their editor (routes/instructor/cases), never here: a 404 for
// everyone. Its key goes where the built-in keys are (content.ts getKeys), server code only.
import { error } from '@sveltejs/kit';
import { exercisePagesOf } from '$lib/content/module-steps';
import { publishCheck, withFixedFields } from '$lib/content/draft';
import { standardLessons } from '$lib/content/standard-lessons';
import type { Case, LoadedCase } from '$lib/content/case';
import { getCase, keepAuthoredKeys, listCases } from '$lib/server/content';
import { caseIdOf, publishedVersion } from '$lib/server/repo/authored-cases';
import { assignmentForModule } from '$lib/server/repo/students';
import type { Assignment } from '$lib/server/db/schema';

/** an authored case served at one version: its Case and the version */
export interface AuthoredModule {
	case: Case;
	version: number;
}

// published versions never change, so each is loaded once (the oldest dropped past the cap)
const CACHE_MAX = 200;
const cache = new Map<string, AuthoredModule>();

function notFound(moduleId: string): never {
	error(404, `There is no module called "${moduleId.slice(0, 100)}".`);
}

/** The Case of a published version's content, with its standard lessons; null if it fails the check. */
function loadPublished(moduleId: string, content: Parameters<typeof withFixedFields>[1]) {
	const check = publishCheck(moduleId, withFixedFields(moduleId, content));
	if (!check.ok) return null;
	const { case: c, keys }: LoadedCase = check.loaded;
	const withLessons: Case = { ...c, lessons: standardLessons(exercisePagesOf(c)) };
	return keepAuthoredKeys({ case: withLessons, keys });
}

/**
 * A published authored case at a version (the newest published when null); undefined when the
 * module is not an authored case or has no such published version.
 */
export async function authoredModule(
	moduleId: string,
	version: number | null = null
): Promise<AuthoredModule | undefined> {
	const caseId = caseIdOf(moduleId);
	if (!caseId) return undefined;
	const cached = version === null ? undefined : cache.get(`${caseId}@${version}`);
	if (cached) return cached;
	const found = await publishedVersion(caseId, version);
	if (!found) return undefined;
	const key = `${caseId}@${found.version}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const c = loadPublished(moduleId, found.content);
	if (!c) return undefined;
	const served = { case: c, version: found.version };
	cache.set(key, served);
	if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
	return served;
}

/** Is this module id one of lessons/ (a built-in case)? */
function builtIn(moduleId: string): Case | undefined {
	return listCases().find((c) => c.id === moduleId);
}

/**
 * The Case a module page shows this visitor: a built-in case, or a published authored case (for
 * a class student with it assigned, the version their class works on). A 404 otherwise.
 */
export async function moduleCase(locals: App.Locals, moduleId: string): Promise<Case> {
	const inLessons = builtIn(moduleId);
	if (inLessons) return inLessons;
	if (!caseIdOf(moduleId)) return getCase(moduleId);
	const student = locals.student;
	const assignment = student ? await assignmentForModule(student.classId, moduleId) : null;
	const served = await authoredModule(moduleId, assignment?.caseVersion ?? null);
	if (!served) notFound(moduleId);
	return served.case;
}

/** The Case an assignment works on (its version for an authored case); undefined when gone. */
export async function assignmentCase(
	a: Pick<Assignment, 'moduleId' | 'caseVersion'>
): Promise<Case | undefined> {
	return builtIn(a.moduleId) ?? (await authoredModule(a.moduleId, a.caseVersion))?.case;
}

/** The same, a 404 when the module is gone. */
export async function requireAssignmentCase(
	a: Pick<Assignment, 'moduleId' | 'caseVersion'>
): Promise<Case> {
	return (await assignmentCase(a)) ?? notFound(a.moduleId);
}
