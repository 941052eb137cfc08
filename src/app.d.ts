// Global types for SvelteKit.
import type { SignedInInstructor, SignedInStudent } from '$lib/server/auth/sessions';

declare global {
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
