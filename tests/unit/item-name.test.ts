// One name per sentence: what students read for an item id.
import { describe, expect, it } from 'vitest';
import {
	itemName,
	itemNameInText,
	sentenceList,
	sentenceNumbers
} from '../../src/lib/content/item-name';

describe('item names', () => {
	it('calls a sentence of the letter or a practice text "Sentence N"', () => {
		expect(itemName('L4')).toBe('Sentence 4');
		expect(itemName('P12')).toBe('Sentence 12');
		expect(itemName('B2')).toBe('Sentence 2');
		// the pre-check's and the post-check's items
		expect(itemName('Q3')).toBe('Sentence 3');
		expect(itemName('C7')).toBe('Sentence 7');
		expect(itemNameInText('L16')).toBe('sentence 16');
	});

	it('leaves other ids alone', () => {
		expect(itemName('A2')).toBe('A2');
		expect(itemName('R3')).toBe('R3');
	});

	it('lists sentences in words', () => {
		expect(sentenceNumbers(['L4'])).toBe('4');
		expect(sentenceNumbers(['L4', 'L7', 'L9'])).toBe('4, 7 and 9');
		expect(sentenceList(['L4'])).toBe('sentence 4');
		expect(sentenceList(['L25', 'L26'])).toBe('sentences 25 and 26');
		expect(sentenceList([])).toBe('');
	});
});
