// What a student reads for an item: one name per sentence, everywhere. A sentence of the letter
// or of a fictional text (practice, booster, pre-check, post-check) is "Sentence 4" (its id, L4,
// P4, B4, Q4 or C4, stays in URLs, anchors and form fields); other items (allegations A1,
// retelling items R1) keep their ids.

const SENTENCE = /^[LPBQC](\d+)$/;

/** "L4" -> "Sentence 4"; "A2" -> "A2" */
export function itemName(id: string): string {
	const number = SENTENCE.exec(id)?.[1];
	return number ? `Sentence ${number}` : id;
}

/** The number alone, under a heading that says "Sentence": "L4" -> "4"; "A2" -> "A2" */
export function sentenceNumber(id: string): string {
	return SENTENCE.exec(id)?.[1] ?? id;
}

/** The same in the middle of a sentence: "L4" -> "sentence 4" */
export function itemNameInText(id: string): string {
	const number = SENTENCE.exec(id)?.[1];
	return number ? `sentence ${number}` : id;
}

/** A list of sentences after a noun that already says "sentences": ["L4", "L7"] -> "4 and 7" */
export function sentenceNumbers(ids: readonly string[]): string {
	const numbers = ids.map((id) => SENTENCE.exec(id)?.[1] ?? id);
	if (numbers.length < 2) return numbers.join('');
	return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** A list of sentences on their own: ["L4"] -> "sentence 4"; ["L4", "L7"] -> "sentences 4 and 7" */
export function sentenceList(ids: readonly string[]): string {
	if (ids.length === 0) return '';
	return `${ids.length === 1 ? 'sentence' : 'sentences'} ${sentenceNumbers(ids)}`;
}
