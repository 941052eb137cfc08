// Form field names of the retelling exercise, shared by the page and the body schema (kept apart
// from the schema so the browser does not load zod).

export const FIELD_PREFIX = 'pile-';

/** The form field of an item's radio buttons: pile-<item id>. */
export const pileField = (itemId: string) => `${FIELD_PREFIX}${itemId}`;
