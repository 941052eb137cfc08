// Form field names of the linking exercise, shared by the page and the body schema (kept apart from
// the schema so the browser does not load zod).

/** The checkbox value for "none of them". */
export const NONE = 'none';

export const FIELD_PREFIX = 'links-';

/** The form field of a sentence's checkboxes: links-<sentence id>, repeated once per ticked box. */
export const linkField = (sentenceId: string) => `${FIELD_PREFIX}${sentenceId}`;
