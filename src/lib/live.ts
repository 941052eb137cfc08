/**
 * The dependency of a class's live pages (dashboard, present mode): their loads declare it and the
 * page invalidates it when the class's event stream signals a change.
 */
export function classDependency(classId: string): `app:class:${string}` {
	return `app:class:${classId}`;
}
