// Random codes people type: class join codes and student resume codes, from an alphabet without
// look-alikes (no 0/O, 1/I), plus the hashing used wherever a secret is stored.
import { createHash, randomBytes } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 32 symbols: 5 bits each
export const JOIN_CODE_LENGTH = 8;
export const RESUME_CODE_LENGTH = 10;

export function randomCode(length: number): string {
	// 32 divides 256, so taking each byte modulo 32 is uniform
	return [...randomBytes(length)].map((b) => CODE_ALPHABET[b % 32]).join('');
}

/** What a person typed, as a code: upper case, spaces and dashes dropped. */
export function normaliseCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]+/g, '');
}

export const newJoinCode = () => randomCode(JOIN_CODE_LENGTH);

/** A resume code, shown to the student once as two groups of five: "ABCDE-FGH23". */
export function newResumeCode(): string {
	const code = randomCode(RESUME_CODE_LENGTH);
	return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** The stored form of a resume code: a hash of its normalised form. */
export const hashResumeCode = (code: string) => sha256(`resume:${normaliseCode(code)}`);
