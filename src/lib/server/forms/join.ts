// The student forms: joining a class (code and nickname) and resuming on another device.
import { z } from 'zod';
import {
	CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	RESUME_CODE_LENGTH,
	normaliseCode
} from '$lib/server/auth/codes';
import { nicknameKey } from '$lib/server/repo/nickname';

const code = (length: number, what: string) =>
	z
		.string({ message: `enter the ${what}` })
		.transform(normaliseCode)
		.pipe(
			z
				.string()
				.min(1, `enter the ${what}`)
				.regex(
					new RegExp(`^[${CODE_ALPHABET}]{${length}}$`),
					`a ${what} has ${length} letters and digits (no 0, O, 1 or I)`
				)
		);

/** A nickname as a student chooses it at the join, or as their instructor renames them. */
export const Nickname = z
	.string({ message: 'choose a nickname' })
	.transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
	.pipe(
		z
			.string()
			.min(1, 'choose a nickname')
			.refine((s) => [...s].length <= 30, 'use at most 30 characters')
			// eslint-disable-next-line no-control-regex
			.refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'use letters, digits and spaces')
			.refine(
				(s) => !/\p{Cf}/u.test(s),
				'use letters, digits and spaces, without invisible characters (such as zero-width spaces or direction marks)'
			)
			.refine((s) => nicknameKey(s).length > 0, 'choose a nickname')
	);

export const JoinForm = z.object({
	code: code(JOIN_CODE_LENGTH, 'class code'),
	nickname: Nickname
});
export const JOIN_LABELS = { code: 'Class code', nickname: 'Nickname' };

export const ResumeForm = z.object({ code: code(RESUME_CODE_LENGTH, 'resume code') });
export const RESUME_LABELS = { code: 'Resume code' };
