// A class through the real HTTP forms, for the bench and the no-browser e2e specs: an instructor
// signs up, makes a class and assigns the letter; a student joins, opens the exercise and hands in
// a full tag set.
import { randomUUID } from 'node:crypto';
import { loadCase } from '../src/lib/content/case';
import { readCaseFiles } from '../src/lib/content/folder';
import { Client, succeeded, type ActionResult, type Fetch } from './client';

export const MODULE = 'embassy-letter-2020';
const loaded = loadCase(MODULE, readCaseFiles(`lessons/${MODULE}`));
export const claimIds = loaded.case.sentences.filter((s) => s.role === 'claim').map((s) => s.id);
/** the key's tag for every claim: a full, right tag set */
export const keyTags: Record<string, string> = Object.fromEntries(
	claimIds.map((id) => [id, loaded.keys.letter.get(id)!.tag])
);

export interface ClassSetup {
	instructor: Client;
	classId: string;
	classUrl: string;
	code: string;
}

function must(result: ActionResult, what: string): ActionResult {
	if (!succeeded(result)) throw new Error(`${what}: ${result.status} ${result.text.slice(0, 300)}`);
	return result;
}

/** Signs up a fresh instructor and signs in. */
export async function signUpInstructor(
	base: string,
	options: { displayName?: string; fetch?: Fetch } = {}
): Promise<Client> {
	const instructor = new Client(base, options.fetch);
	const email = `bench-${randomUUID()}@example.org`;
	const password = 'correct horse battery staple';
	must(
		await instructor.action('/instructor/signup', {
			email,
			displayName: options.displayName ?? 'Bench Instructor',
			password
		}),
		'sign up'
	);
	must(await instructor.action('/instructor/signin', { email, password }), 'sign in');
	return instructor;
}

/** Makes a class for a signed-in instructor and assigns it the letter module. */
export async function addClass(
	instructor: Client,
	options: { className?: string; feedbackMode?: string } = {}
): Promise<ClassSetup> {
	const created = must(
		await instructor.action('/instructor?/create', { name: options.className ?? 'Load test' }),
		'create class'
	);
	const classUrl = new URL(created.location!, instructor.base).pathname;
	const classId = classUrl.split('/').pop()!;
	must(
		await instructor.action(`${classUrl}?/assign`, {
			moduleId: MODULE,
			feedbackMode: options.feedbackMode ?? 'set',
			dueAt: ''
		}),
		'assign'
	);
	const page = await instructor.get(classUrl);
	const code = /data-testid="join-code"[^>]*>\s*([A-Z0-9-]+)\s*</.exec(page.text)?.[1];
	if (!code) throw new Error('no join code on the class page');
	return { instructor, classId, classUrl, code };
}

/** Signs up a fresh instructor, signs in, makes a class and assigns the letter module. */
export async function setUpClass(
	base: string,
	options: { className?: string; displayName?: string; feedbackMode?: string; fetch?: Fetch } = {}
): Promise<ClassSetup> {
	return addClass(await signUpInstructor(base, options), options);
}

/** The attempt id the exercise page gives a class student (a fresh one if none is found). */
export function attemptIdOf(html: string): string {
	return /name="attempt" value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? randomUUID();
}

export interface StudentRun {
	student: Client;
	join: ActionResult;
	page?: { status: number; ms: number };
	grade?: ActionResult;
}

/** One student: joins with the code, opens the letter exercise, hands in every tag. */
export async function studentSubmits(
	base: string,
	code: string,
	nickname: string,
	tags: Record<string, string> = keyTags,
	fetch?: Fetch
): Promise<StudentRun> {
	const student = new Client(base, fetch);
	const join = await student.action('/join', { code, nickname });
	if (!succeeded(join)) return { student, join };
	const page = await student.get(`/m/${MODULE}/tag`);
	const fields: Record<string, string> = { mode: 'set', attempt: attemptIdOf(page.text) };
	for (const [id, tag] of Object.entries(tags)) fields[`tag-${id}`] = tag;
	const grade = await student.action(`/m/${MODULE}/tag?/grade`, fields);
	return { student, join, page: { status: page.status, ms: page.ms }, grade };
}
