// The confirmed actions (the one reveal, taking an assignment back, removing a student): each body
// needs the ticked box, and a missing box gets a message naming the action (a 400 on the page,
// never the action). Renaming a student follows the join's nickname rules.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/server/forms/parse';
import {
	REVEAL_LABELS,
	RevealForm,
	TAKE_BACK_LABELS,
	TakeBackForm
} from '../../src/lib/server/forms/classes';
import {
	REMOVE_LABELS,
	RENAME_LABELS,
	RemoveStudentForm,
	RenameForm
} from '../../src/lib/server/forms/roster';

const ID = '6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab';
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};

describe('the reveal form', () => {
	it('takes the assignment with the box ticked', async () => {
		const parsed = await parseForm(
			form({ assignment: ID, confirm: 'yes' }),
			RevealForm,
			REVEAL_LABELS
		);
		expect(parsed.ok && parsed.data).toEqual({ assignment: ID, confirm: 'yes' });
	});

	it('refuses an unticked box, naming it', async () => {
		const parsed = await parseForm(form({ assignment: ID }), RevealForm, REVEAL_LABELS);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(parsed.failure.data.message).toBe(
			'Reveal the key: tick the box to confirm that every student may see it'
		);
		expect(parsed.failure.data.errors).toEqual({
			confirm: 'tick the box to confirm that every student may see it'
		});
	});
});

describe('the other confirmed actions', () => {
	it('refuses to take an assignment back without the box, and reminds to export', async () => {
		const ok = await parseForm(
			form({ assignment: ID, confirm: 'yes' }),
			TakeBackForm,
			TAKE_BACK_LABELS
		);
		expect(ok.ok).toBe(true);
		const parsed = await parseForm(form({ assignment: ID }), TakeBackForm, TAKE_BACK_LABELS);
		expect(!parsed.ok && parsed.failure.data.message).toBe(
			'Take the assignment back: tick the box to confirm that the work on it may go (export it first)'
		);
	});

	it('refuses to remove a student without the box', async () => {
		expect((await parseForm(form({ confirm: 'yes' }), RemoveStudentForm, REMOVE_LABELS)).ok).toBe(
			true
		);
		const parsed = await parseForm(form({ confirm: 'no' }), RemoveStudentForm, REMOVE_LABELS);
		expect(!parsed.ok && parsed.failure.data.message).toBe(
			'Remove the student: tick the box to confirm that the student and their work may go'
		);
	});
});

describe('the rename form', () => {
	it('tidies the nickname as the join does', async () => {
		const parsed = await parseForm(form({ nickname: '  Zoë   🦊 ' }), RenameForm, RENAME_LABELS);
		expect(parsed.ok && parsed.data).toEqual({ nickname: 'Zoë 🦊' });
	});

	it('refuses an empty, too long or invisible nickname, naming the field', async () => {
		for (const [nickname, problem] of [
			['   ', 'choose a nickname'],
			['x'.repeat(31), 'use at most 30 characters'],
			['\u200b', 'use letters, digits and spaces, without invisible characters']
		] as const) {
			const parsed = await parseForm(form({ nickname }), RenameForm, RENAME_LABELS);
			expect(!parsed.ok && parsed.failure.data.message, nickname).toContain(`Nickname: ${problem}`);
		}
	});
});
