// Who is signed in, for the site navigation (names only; nothing else leaves the server).
export function load({ locals }) {
	return {
		viewer: locals.instructor
			? { kind: 'instructor' as const, name: locals.instructor.displayName }
			: locals.student
				? { kind: 'student' as const, name: locals.student.nickname }
				: null
	};
}
