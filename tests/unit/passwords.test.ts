// Sign-up passwords: at least 10 characters, not one of the most common passwords (nor one with
// digits or symbols added), not one character repeated; each refusal says why.
import { describe, expect, it } from 'vitest';
import {
	COMMON_PASSWORDS,
	commonPasswordProblem
} from '../../src/lib/server/auth/common-passwords';
import { SignUpForm } from '../../src/lib/server/forms/auth';

const signUp = (password: string) =>
	SignUpForm.safeParse({ email: 'ada@example.org', displayName: 'Ada', password });

describe('common passwords', () => {
	it('is a list of a few hundred, lower case, without duplicates in effect', () => {
		expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
		for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
	});

	it.each([
		['1234567890', 'one of the most common passwords'],
		['qwertyuiop', 'one of the most common passwords'],
		['Password123', 'one of the most common passwords'],
		['1q2w3e4r5t', 'one of the most common passwords'],
		['password2024!', 'a common password with digits or symbols added'],
		['Football1234', 'a common password with digits or symbols added'],
		['!!iloveyou!!', 'a common password with digits or symbols added'],
		['aaaaaaaaaaaa', 'more than one character repeated'],
		['!!!!!!!!!!', 'more than one character repeated'],
		['🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊', 'more than one character repeated']
	])('refuses %j at sign-up: %s', (password, why) => {
		expect(commonPasswordProblem(password)).toContain(why);
		const parsed = signUp(password);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.find((i) => i.path[0] === 'password')?.message).toContain(why);
	});

	it.each([
		'correct horse battery staple',
		'a long enough passphrase 42',
		'Tulips&Tea-at-4',
		'zq8#Lm2!vR'
	])('accepts %j', (password) => {
		expect(commonPasswordProblem(password)).toBeNull();
		expect(signUp(password).success).toBe(true);
	});

	it('still asks for 10 characters first', () => {
		expect(signUp('zq8#Lm2!').error?.issues[0]?.message).toBe('use at least 10 characters');
	});
});
