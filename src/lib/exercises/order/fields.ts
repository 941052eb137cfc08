// Form field names of the timeline ordering exercise, shared by the page and the body schema
// (kept apart from the schema so the browser does not load zod).

/** The form field holding an event's position: position-<event id>. */
export function positionField(id: string): string {
	return `position-${id}`;
}
