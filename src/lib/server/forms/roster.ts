// The instructor's forms on one student of a class: rename them (the join's nickname rules) and
// remove them with their work (confirmed by a ticked box). Resetting a resume code takes no fields.
import { z } from 'zod';
import { Nickname } from './join';

export const RenameForm = z.object({ nickname: Nickname });
export const RENAME_LABELS = { nickname: 'Nickname' };

export const RemoveStudentForm = z.object({
	confirm: z.literal('yes', {
		message: 'tick the box to confirm that the student and their work may go'
	})
});
export const REMOVE_LABELS = { confirm: 'Remove the student' };
