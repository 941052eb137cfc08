// The one reveal is confirmed: its form body needs the assignment and the ticked box, and a
// missing box gets a message naming it (a 400 on the page, never a reveal).
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/server/forms/parse';
import { REVEAL_LABELS, RevealForm } from '../../src/lib/server/forms/classes';

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
