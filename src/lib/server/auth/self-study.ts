// Self-study: the exercises grade for anyone, without a class. On by default, since open feedback
// is part of the module; it also means anyone can read the key item by item, which a class student
// could do while their own assignment is still in 'set' or 'reveal' mode. SELF_STUDY=off makes the
// exercises grade only for signed-in class students (in an assignment of the module) and
// instructors; lessons, the letter and the timeline stay public.
import { fail } from '@sveltejs/kit';

export type SelfStudySetting = 'on' | 'off';

export class SettingError extends Error {}

/** SELF_STUDY from the environment: "on" (the default) or "off"; anything else is an error. */
export function selfStudySetting(env: NodeJS.ProcessEnv = process.env): SelfStudySetting {
	const value = (env.SELF_STUDY ?? '').trim().toLowerCase();
	if (value === '' || value === 'on') return 'on';
	if (value === 'off') return 'off';
	throw new SettingError(`SELF_STUDY must be "on" or "off"; it is "${env.SELF_STUDY}".`);
}

export const SELF_STUDY_OFF_MESSAGE =
	'Self-study grading is off on this server: the exercises give feedback only to students in a class. Ask your instructor for your class code and join at /join (or continue with your resume code at /resume).';

/** May a request without a class assignment of the module be graded? */
export function maySelfStudy(locals: App.Locals, env: NodeJS.ProcessEnv = process.env): boolean {
	return selfStudySetting(env) === 'on' || locals.instructor !== null;
}

/** The 403 a grade action answers when self-study grading is off. */
export function selfStudyOff() {
	return fail(403, { message: SELF_STUDY_OFF_MESSAGE });
}
