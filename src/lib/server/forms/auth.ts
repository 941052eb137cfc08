// The instructor sign-up and sign-in forms.
import { z } from 'zod';
import { commonPasswordProblem } from '$lib/server/auth/common-passwords';

const email = z
	.string({ message: 'enter your email address' })
	.trim()
	.toLowerCase()
	.min(1, 'enter your email address')
	.max(254, 'use at most 254 characters')
	.pipe(z.email('enter an email address such as name@school.org'));

export const SignUpForm = z.object({
	email,
	displayName: z
		.string({ message: 'enter the name students will see' })
		.trim()
		.min(1, 'enter the name students will see')
		.max(80, 'use at most 80 characters'),
	password: z
		.string({ message: 'choose a password' })
		.min(10, 'use at least 10 characters')
		.max(200, 'use at most 200 characters')
		.superRefine((password, ctx) => {
			const problem = commonPasswordProblem(password);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		})
});
export const SIGN_UP_LABELS = { email: 'Email', displayName: 'Your name', password: 'Password' };

export const SignInForm = z.object({
	email,
	password: z.string({ message: 'enter your password' }).min(1, 'enter your password').max(200)
});
export const SIGN_IN_LABELS = { email: 'Email', password: 'Password' };
