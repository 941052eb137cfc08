// Who is signed in, for the site navigation (names only; nothing else leaves the server), and why
// a class student's session has just ended, if it has (their class deleted, or the session
// expired), for the page to say so. Reading url.pathname makes this rerun on every navigation,
// so the header follows a join, a sign-out or a deleted class without a reload.
export function load({ locals, url }) {
	void url.pathname;
	return {
		viewer: locals.instructor
			? { kind: 'instructor' as const, name: locals.instructor.displayName }
			: locals.student
				? {
						kind: 'student' as const,
						name: locals.student.nickname,
						className: locals.student.className
					}
				: null,
		sessionEnded: locals.sessionEnded
	};
}
