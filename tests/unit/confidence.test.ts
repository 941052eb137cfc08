// The one rule for a fact's confidence: distinct origins among the sources that can confirm it;
// copies, translations and summaries count only for what the article said; "unverified" is a flag.
import { describe, expect, it } from 'vitest';
import { assessConfidence, confirming, type SourceOrigin } from '../../src/lib/content/confidence';

const source = (id: string, kind: SourceOrigin['kind'], origin = id): SourceOrigin => ({
	id,
	kind,
	origin
});
const article = source('article', 'primary-document');
const mirror = source('mirror', 'mirror-or-translation', 'article');
const summary = source('summary', 'secondary-summary', 'article');
const afp = source('afp', 'news-agency');
const afpReprint = source('afp-reprint', 'newspaper', 'afp');
const ap = source('ap', 'news-agency');

describe('assessConfidence', () => {
	it('counts two distinct origins as "multiple"', () => {
		expect(assessConfidence([afp, ap])).toEqual({ confidence: 'multiple', origins: ['afp', 'ap'] });
	});

	it('counts several reports of one story once: "single"', () => {
		expect(assessConfidence([afp, afpReprint])).toEqual({
			confidence: 'single',
			origins: ['afp']
		});
	});

	it('does not let copies of the article confirm a fact about the world', () => {
		expect(assessConfidence([mirror, summary]).confidence).toBe('none');
		expect(assessConfidence([article, mirror, summary])).toEqual({
			confidence: 'single',
			origins: ['article']
		});
		expect(confirming([article, mirror, summary, afp], 'fact')).toEqual([article, afp]);
	});

	it('lets copies of the article confirm what the article said, as one origin', () => {
		expect(assessConfidence([mirror, summary], { about: 'article' })).toEqual({
			confidence: 'single',
			origins: ['article']
		});
		expect(confirming([mirror, summary], 'article')).toEqual([mirror, summary]);
	});

	it('keeps "unverified" as an explicit flag, whatever the sources', () => {
		expect(assessConfidence([afp, ap], { unverified: true }).confidence).toBe('unverified');
		expect(assessConfidence([], { unverified: true }).confidence).toBe('unverified');
	});

	it('has nothing to count without sources', () => {
		expect(assessConfidence([])).toEqual({ confidence: 'none', origins: [] });
	});
});
