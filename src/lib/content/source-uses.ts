// Where each source of a case's register is cited in what anyone may see (the timeline, the
// article's summary, the lessons, the letter's metadata), and whether it counts towards confirming
// that fact: the "what it confirms" column of the sources page. The answer key and the
// instructor notes are left out: the key is server-only until a student commits.
import type { Case } from './case.ts';
import { confirming } from './confidence.ts';
import type { Source, Sourced } from './schemas.ts';
import { idNumber, type Confidence } from './vocabulary.ts';
import { truncate } from './words.ts';

export interface SourceUse {
	/** what the fact is, in a few words */
	what: string;
	/** where the fact is shown */
	href: string;
	/** the fact's confidence, for a fact (a lesson is a page, not one fact) */
	confidence?: Confidence;
	/** false when this source is cited but cannot confirm the fact (a copy, for a fact about the world) */
	confirms: boolean;
}

/** For every source id of the case, the public facts that cite it, in page order. */
export function sourceUses(c: Case): Map<string, SourceUse[]> {
	const base = `/m/${c.id}`;
	const uses = new Map<string, SourceUse[]>(c.sources.map((s) => [s.id, []]));
	const add = (sources: readonly Source[], use: Omit<SourceUse, 'confirms'>, fact?: Sourced) => {
		const counted = fact ? new Set(confirming(fact.sources, fact.about)) : undefined;
		for (const source of sources) {
			uses.get(source.id)?.push({ ...use, confirms: counted ? counted.has(source) : true });
		}
	};

	add(c.module.sources, { what: 'The two documents of the case', href: base });
	add(c.letter.sources, { what: 'Where the letter was published', href: `${base}/letter` });
	add([c.article.article.source], {
		what: 'The article itself',
		href: `${base}/letter#article-heading`
	});
	for (const a of c.article.allegations) {
		add(
			a.sources,
			{
				what: `Allegation ${a.id}: ${a.short}`,
				href: `${base}/letter#${a.id}`,
				confidence: a.confidence
			},
			a
		);
	}
	const lists = [
		['How the article supported its report', 'sourcing', c.article.sourcing],
		["The article's own caveats", 'caveats', c.article.caveats],
		["Where the letter's summary differs", 'differences', c.article.differences]
	] as const;
	for (const [label, anchor, items] of lists) {
		for (const item of items) {
			add(
				item.sources,
				{
					what: `${label}: ${truncate(item.text, 90)}`,
					href: `${base}/letter#${anchor}`,
					confidence: item.confidence
				},
				item
			);
		}
	}
	for (const e of c.timeline?.events ?? []) {
		add(
			e.sources,
			{
				what: `Timeline, event ${idNumber(e.id)}: ${e.title}`,
				href: `${base}/timeline?event=${e.id}#event-details`,
				confidence: e.confidence
			},
			e
		);
	}
	const byId = new Map(c.sources.map((s) => [s.id, s]));
	for (const lesson of c.lessons) {
		const cited = lesson.sourceIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
		add(cited, {
			what: `Lesson ${lesson.number}: ${lesson.title}`,
			href: `${base}/lessons/${lesson.slug}`
		});
	}
	return uses;
}
