// The case editor's step 4, the practice (issue 15): the warm-up of the case, in the format of the
// case folder's practice.yaml: a short text clearly labelled fictional (or quoted, and from where),
// the setting students read first, worked examples (a sentence, its tag and the expert's
// reasoning), and the practice items students tag, each with its key (tag, also-defensible tags,
// contested and the other reading, the technique of a deflection, a rationale) and an optional
// hint. Each row is read with a message naming the item and the field; the rules across fields
// (a technique for a deflection, a rationale of 2 to 4 sentences...) are left to the publish
// check, which lists them per item, so a draft can be saved at any point. The key stays in the
// draft: students' pages get the items through the case loader, which keeps it on the server.
import {
	LIMITS,
	MAX_PRACTICE_ITEMS,
	MAX_WORKED,
	type CaseDraft,
	type DraftPractice,
	type DraftPracticeItem,
	type DraftWorkedStep
} from '$lib/content/draft';
import { ID_PREFIX, TAGS, TECHNIQUES, type Tag, type Technique } from '$lib/content/vocabulary';
import { readEditorForm } from './case-editor';
import { present, readField, type Read } from './case-events';
import { formFail } from './parse';

const ITEM_ID = new RegExp(`^${ID_PREFIX.practice}[0-9]{1,4}$`);

/** The form's limits on the fields of the text, of a worked example and of an item. */
const PRACTICE_TEXT = [
	['title', 'Title', 200],
	['notice', 'Notice', LIMITS.field],
	['setting', 'Setting', LIMITS.field]
] as const;
const WORKED_TEXT = [
	['text', 'Sentence', 1_000],
	['explanation', 'Reasoning', LIMITS.field]
] as const;
const ITEM_TEXT = [
	['text', 'Sentence', 1_000],
	['hint', 'Hint', 500],
	['other', 'Other reading', LIMITS.field],
	['rationale', 'Rationale', LIMITS.field]
] as const;

/** What the form holds: the text's fields, the worked examples and the items, in order. */
export interface PracticeForm {
	title?: string;
	notice?: string;
	setting?: string;
	worked: DraftWorkedStep[];
	items: DraftPracticeItem[];
}

const isTag = (v: unknown): v is Tag => (TAGS as readonly unknown[]).includes(v);
const isTechnique = (v: unknown): v is Technique => (TECHNIQUES as readonly unknown[]).includes(v);

/**
 * The practice form: practice-title, -notice, -setting; rows worked-<n>-text, -tag, -technique,
 * -explanation; rows item-<n>-id (hidden), -text, -hint, -tag, -also (checkboxes), -contested,
 * -other, -technique, -rationale. A row with no text written is none (emptying a row's text
 * removes it, whatever its tag).
 */
export async function readPracticeForm(
	request: Request,
	savedIds: readonly string[]
): Promise<Read<PracticeForm>> {
	const read = await readEditorForm(request, 'the practice');
	if (!read.ok) return read;
	const { form } = read;
	const fail = (name: string, label: string, problem: string, field?: string) => ({
		ok: false as const,
		failure: formFail(
			400,
			`${name}, ${label}: ${problem}.`,
			form,
			field ? { [field]: problem } : {}
		)
	});
	const choice = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' && v ? v : undefined;
	};

	const text: Record<string, string | undefined> = {};
	for (const [field, label, max] of PRACTICE_TEXT) {
		const { value, problem } = readField(form, `practice-${field}`, max);
		if (problem) return fail('The practice text', label, problem, `practice-${field}`);
		text[field] = value;
	}

	const worked: DraftWorkedStep[] = [];
	for (let n = 1; n <= MAX_WORKED + 1; n++) {
		const name = `Worked example ${n}`;
		const row: Record<string, string | undefined> = {};
		for (const [field, label, max] of WORKED_TEXT) {
			const { value, problem } = readField(form, `worked-${n}-${field}`, max);
			if (problem) return fail(name, label, problem, `worked-${n}-${field}`);
			row[field] = value;
		}
		const tag = choice(`worked-${n}-tag`);
		if (tag !== undefined && !isTag(tag))
			return fail(name, 'Tag', 'choose evidence, assertion or deflection');
		const technique = choice(`worked-${n}-technique`);
		if (technique !== undefined && !isTechnique(technique))
			return fail(name, 'Technique', 'choose a technique from the list');
		if (WORKED_TEXT.every(([field]) => row[field] === undefined)) continue;
		if (n > MAX_WORKED) return fail(name, 'Sentence', `at most ${MAX_WORKED} worked examples`);
		worked.push(present({ text: row.text, tag, technique, explanation: row.explanation }));
	}

	const items: DraftPracticeItem[] = [];
	for (let n = 1; n <= MAX_PRACTICE_ITEMS + 1; n++) {
		const rawId = choice(`item-${n}-id`);
		const name = rawId ? `Item ${rawId}` : `New item ${n}`;
		if (rawId !== undefined && (!ITEM_ID.test(rawId) || !savedIds.includes(rawId)))
			return fail(name, 'Item', 'reload the page');
		const row: Record<string, string | undefined> = {};
		for (const [field, label, max] of ITEM_TEXT) {
			const { value, problem } = readField(form, `item-${n}-${field}`, max);
			if (problem) return fail(name, label, problem, `item-${n}-${field}`);
			row[field] = value;
		}
		const tag = choice(`item-${n}-tag`);
		if (tag !== undefined && !isTag(tag))
			return fail(name, 'Tag', 'choose evidence, assertion or deflection');
		const also = form.getAll(`item-${n}-also`).map(String);
		if (also.length > TAGS.length || !also.every(isTag))
			return fail(name, 'Also defensible', 'choose among the three tags');
		const technique = choice(`item-${n}-technique`);
		if (technique !== undefined && !isTechnique(technique))
			return fail(name, 'Technique', 'choose a technique from the list');
		if (ITEM_TEXT.every(([field]) => row[field] === undefined)) continue;
		if (n > MAX_PRACTICE_ITEMS)
			return fail(name, 'Sentence', `at most ${MAX_PRACTICE_ITEMS} practice items`);
		items.push(
			present({
				id: rawId,
				text: row.text,
				hint: row.hint,
				key: present({
					tag,
					alsoDefensible: TAGS.filter((t) => also.includes(t) && t !== tag),
					contested: form.get(`item-${n}-contested`) !== null,
					otherReading: row.other,
					technique,
					rationale: row.rationale
				})
			})
		);
	}
	return { ok: true, data: { ...text, worked, items } };
}

/**
 * The draft with the practice of the form: item ids never change (new items get the next free
 * id, P1, P2...); nothing written is no practice (the case then has no warm-up).
 */
export function applyPractice(draft: CaseDraft, form: PracticeForm): CaseDraft {
	const before = draft.practice?.items ?? [];
	let next = Math.max(0, ...before.map((i) => Number(i.id?.slice(1)) || 0));
	const items = form.items.map((item) => ({
		...item,
		id: item.id ?? `${ID_PREFIX.practice}${++next}`
	}));
	const practice: DraftPractice = {
		...present({ title: form.title, notice: form.notice, setting: form.setting }),
		worked: form.worked,
		items
	};
	const empty =
		!practice.title &&
		!practice.notice &&
		!practice.setting &&
		!form.worked.length &&
		!items.length;
	return { ...draft, practice: empty ? undefined : practice };
}
