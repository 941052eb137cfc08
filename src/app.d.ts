// Global types for SvelteKit.
import type { SignedInInstructor, SignedInStudent } from '$lib/server/repo/sessions';

declare global {
	/**
	 * Whether this build compiled the test suite's fictional cases (tests/fixtures/): true when it was
	 * built (or the dev server or Vitest started) with FIXTURE_CASES=on, so a production build holds
	 * none of them (vite.config.ts).
	 */
	const __FIXTURE_CASES__: boolean;

	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** the signed-in instructor, from the session cookie */
			instructor: SignedInInstructor | null;
			/** the signed-in class student, from the session cookie */
			student: SignedInStudent | null;
			/** why a class student's session ended on this request (to tell them), or null */
			sessionEnded: import('$lib/server/auth/class-ended').SessionEnded | null;
		}
	}
}

export {};
