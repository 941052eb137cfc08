// Form field values of the tagging exercise shared by the page and the body schema (kept apart from
// the schema so the browser does not load zod).

/** The value of the handIn field on the button that confirms "hand in what you have". */
export const HAND_IN = 'with-open-items';
