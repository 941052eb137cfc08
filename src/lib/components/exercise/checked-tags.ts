// The tagging exercise's checked answers as this browser keeps them in self-study (the exercise's
// own storage format), and the form fields that carry them to the server: the tag form's own
// (committed, tag-L4, technique-L4), graded there again by the tagging grader. The allegation map
// and the lessons' key tables send them, so that the key comes back only for what was checked.

export interface CheckedTags {
	committed: string[];
	tags: Record<string, string>;
	techniques: Record<string, string>;
}

/** Where the tagging exercise of a module's letter keeps its work in this browser. */
export const letterStorageKey = (moduleId: string) => `rebuttal-lab:${moduleId}:letter`;

/**
 * The checked answers stored under `storageKey`: committed items with a tag, limited to `known`
 * items when given. Throws on unreadable storage (the caller carries on without).
 */
export function readCheckedTags(storageKey: string, known?: ReadonlySet<string>): CheckedTags {
	const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as {
		result?: Partial<CheckedTags>;
	} | null;
	const r = saved?.result;
	const tags = r?.tags ?? {};
	const committed = (r?.committed ?? []).filter(
		(id) => typeof id === 'string' && (!known || known.has(id)) && typeof tags[id] === 'string'
	);
	return { committed, tags, techniques: r?.techniques ?? {} };
}

/** The form fields of the checked answers (committed items only). */
export function checkedTagFields(checked: CheckedTags): [string, string][] {
	return checked.committed.flatMap((id): [string, string][] => [
		['committed', id],
		[`tag-${id}`, checked.tags[id] ?? ''],
		...(checked.techniques[id]
			? ([[`technique-${id}`, checked.techniques[id]]] as [string, string][])
			: [])
	]);
}
