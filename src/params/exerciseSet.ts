// The exercise sets' pages, /m/<module>/<slug>: the slugs vocabulary.ts gives them (tag, practice,
// booster). Any other segment falls through to a 404 or to a page of its own.
import type { ParamMatcher } from '@sveltejs/kit';
import { setOfSlug } from '$lib/content/vocabulary';

export const match = ((param: string) => setOfSlug(param) !== undefined) satisfies ParamMatcher;
