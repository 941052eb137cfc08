// Small views of a case for pages that do not need all of it (catalogue, module navigation).
import type { Case } from './case.ts';

export interface LessonLink {
	number: number;
	slug: string;
	title: string;
	minutes: number;
	summary: string;
}

export interface ModuleSummary {
	id: string;
	title: string;
	summary: string;
	audience: string;
	level: string;
	activities: string[];
	minutes: number;
	lessons: LessonLink[];
	claimCount: number;
	hasPractice: boolean;
	hasTimeline: boolean;
	hasGlossary: boolean;
}

export function summarise(c: Case): ModuleSummary {
	const lessons = c.lessons.map(({ number, slug, title, minutes, summary }) => ({
		number,
		slug,
		title,
		minutes,
		summary
	}));
	return {
		id: c.id,
		title: c.module.title,
		summary: c.module.summary,
		audience: c.module.audience,
		level: c.module.level,
		activities: c.module.activities,
		minutes: lessons.reduce((sum, l) => sum + l.minutes, 0),
		lessons,
		claimCount: c.claims.length,
		hasPractice: Boolean(c.practice),
		hasTimeline: Boolean(c.timeline),
		hasGlossary: Boolean(c.glossary)
	};
}
