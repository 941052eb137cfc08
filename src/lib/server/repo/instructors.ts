// Instructor accounts: created with a hashed password, found by (lowercased) email.
import { eq } from 'drizzle-orm';
import { database } from '$lib/server/db/client';
import { isUniqueViolation } from '$lib/server/db/errors';
import { instructors, lower, type Instructor } from '$lib/server/db/schema';

/** Creates an account; 'email-taken' when the address already has one. */
export async function createInstructor(
	email: string,
	displayName: string,
	passwordHash: string
): Promise<Instructor | 'email-taken'> {
	const db = await database();
	try {
		const [row] = await db
			.insert(instructors)
			.values({ email: email.toLowerCase(), displayName, passwordHash })
			.returning();
		return row!;
	} catch (error) {
		if (isUniqueViolation(error, 'instructors_email_unique')) return 'email-taken';
		throw error;
	}
}

export async function findInstructorByEmail(email: string): Promise<Instructor | null> {
	const db = await database();
	const [row] = await db
		.select()
		.from(instructors)
		.where(eq(lower(instructors.email), email.toLowerCase()));
	return row ?? null;
}
