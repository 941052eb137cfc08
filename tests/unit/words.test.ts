// The one list joiner and the one truncator every layer writes with.
import { describe, expect, it } from 'vitest';
import { countOf, listWords, truncate } from '../../src/lib/content/words';

describe('listWords', () => {
	it('joins with commas and a final "and"', () => {
		expect(listWords([])).toBe('');
		expect(listWords(['one'])).toBe('one');
		expect(listWords(['one', 'two'])).toBe('one and two');
		expect(listWords(['one', 'two', 'three'])).toBe('one, two and three');
	});
});

describe('countOf', () => {
	it('chooses the noun by the number', () => {
		expect(countOf(1, 'student', 'students')).toBe('1 student');
		expect(countOf(0, 'student', 'students')).toBe('0 students');
	});
});

describe('truncate', () => {
	it('keeps a short text, with its white space collapsed', () => {
		expect(truncate('Short  sentence.', 80)).toBe('Short sentence.');
		expect(truncate('Short.', 20)).toBe('Short.');
	});

	it('cuts at a word boundary, drops trailing punctuation and adds an ellipsis', () => {
		const long = 'The minister rejects the allegations, which are groundless and old.';
		expect(truncate(long, 40)).toBe('The minister rejects the allegations…');
		expect(truncate(long, 40).length).toBeLessThanOrEqual(40);
		expect(truncate('The two governments have signed agreements', 20)).toBe('The two governments…');
	});

	it('cuts mid-word when no word boundary is in the second half, and gives up below two', () => {
		expect(truncate('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
		expect(truncate('Anything', 1)).toBe('');
	});
});
