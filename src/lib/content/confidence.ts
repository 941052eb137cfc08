// How well a fact is confirmed, computed from the sources it cites rather than typed by hand: one
// rule, used by the content loader, the pages and the tests alike. Browser-safe (no zod).
import type { Confidence, FactAbout, SourceKind } from './vocabulary.ts';

/** The parts of a register entry the rule looks at. */
export interface SourceOrigin {
	id: string;
	kind: SourceKind;
	/** sources that repeat one story (an agency dispatch and its reprints) share an origin */
	origin: string;
}

/** Kinds that only repeat another publication: they confirm what it said, nothing more. */
const REPEATS: ReadonlySet<SourceKind> = new Set(['mirror-or-translation', 'secondary-summary']);

/**
 * The sources that can confirm a fact. For a fact about the world, mirrors, translations and
 * secondary summaries do not count: they show what the publication they copy said, not that it
 * was true. For what the article said, every copy of it counts.
 */
export function confirming<S extends SourceOrigin>(sources: readonly S[], about: FactAbout): S[] {
	return about === 'article' ? [...sources] : sources.filter((s) => !REPEATS.has(s.kind));
}

export interface Assessment {
	/** "none" when no cited source can confirm the fact: the content loader rejects that */
	confidence: Confidence | 'none';
	/** the distinct origins of the confirming sources, in citation order */
	origins: string[];
}

/**
 * A fact's confidence: "unverified" when the content flags it so (asserted, not confirmed);
 * otherwise two or more distinct origins among the confirming sources make "multiple", one makes
 * "single" (however many copies of that one story are cited), and none makes "none".
 */
export function assessConfidence(
	sources: readonly SourceOrigin[],
	{ about = 'fact', unverified = false }: { about?: FactAbout; unverified?: boolean } = {}
): Assessment {
	const origins = [...new Set(confirming(sources, about).map((s) => s.origin))];
	if (unverified) return { confidence: 'unverified', origins };
	const confidence = origins.length >= 2 ? 'multiple' : origins.length === 1 ? 'single' : 'none';
	return { confidence, origins };
}
