// What the projector page's load depends on: invalidating it fetches the live figures again.
export const PRESENT_FIGURES = 'app:present-figures';
