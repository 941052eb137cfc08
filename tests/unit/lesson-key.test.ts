// The rows of the lessons' key tables (<KeyMapTable />, <KeyTechniques />), built on the server
// from the key (visible-key.ts): each allegation with the sentences that respond to it, each
// technique with the sentences where the key sees it, and only for the sentences the reader may see
// (an instructor: all; self-study: the ones checked in this browser; self-study off: none). These
// replace the checks that compared the tables once printed in lessons 6 and 7 with the key.
import { describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../src/lib/content/vocabulary';
import { getCase, getKeys } from '../../src/lib/server/content';
import {
	lessonKey,
	visibleTagging,
	type KeyReader
} from '../../src/lib/server/grading/visible-key';

const CASE = 'embassy-letter-2020';

describe('the lessons’ key tables', () => {
	const c = getCase(CASE);
	const keys = getKeys(getCase(CASE));
	const key = [...keys.letter];
	const instructor: KeyReader = { kind: 'instructor' };
	const selfStudy: KeyReader = { kind: 'self-study' };
	const ids = (list: { id: string }[] | undefined) => (list ?? []).map((s) => s.id);

	it('shows the tables through components whose rows the server fills in (lessons 6 and 7)', () => {
		const tables = Object.fromEntries(c.lessons.map((l) => [l.number, l.keyTables]));
		expect(tables[6]).toEqual(['map']);
		expect(tables[7]).toEqual(['techniques']);
		expect(Object.values(tables).flat()).toHaveLength(2);
	});

	it('maps each allegation to the sentences the key says respond to it', async () => {
		const rows = lessonKey(c, 'instructor', await visibleTagging(c, keys, instructor, null), [
			'map'
		]);
		expect(rows.shown).toBe(keys.letter.size);
		expect(rows.map?.map((r) => r.allegation)).toEqual(c.article.allegations.map((a) => a.id));
		for (const row of rows.map ?? []) {
			const inKey = key.filter(([, e]) => e.answers.includes(row.allegation)).map(([id]) => id);
			expect(ids(row.sentences), row.allegation).toEqual(inKey);
			for (const s of row.sentences) {
				const entry = keys.letter.get(s.id)!;
				expect(s, s.id).toEqual({
					id: s.id,
					tag: entry.tag,
					...(entry.technique ? { technique: entry.technique } : {}),
					contested: entry.contested
				});
			}
		}
		expect(rows.techniques).toBeUndefined();
	});

	it('lists each technique with the sentences where the key sees it, as main or other reading', async () => {
		const rows = lessonKey(c, 'instructor', await visibleTagging(c, keys, instructor, null), [
			'techniques'
		]);
		const used = TECHNIQUES.filter((t) => key.some(([, e]) => e.technique === t));
		expect(rows.techniques?.map((r) => r.technique)).toEqual(used);
		for (const row of rows.techniques ?? []) {
			const main = key.filter(([, e]) => e.technique === row.technique && e.tag === 'deflection');
			const other = key.filter(([, e]) => e.technique === row.technique && e.tag !== 'deflection');
			expect(ids(row.sentences), row.technique).toEqual(main.map(([id]) => id));
			expect(ids(row.secondReading), row.technique).toEqual(other.map(([id]) => id));
		}
		expect(rows.map).toBeUndefined();
	});

	it('draws only on the sentences the reader may see', async () => {
		const [one, other] = [...keys.letter.keys()].filter(
			(id) => keys.letter.get(id)!.answers.length
		);
		const form = new FormData();
		form.append('committed', one!);
		form.append(`tag-${one}`, 'evidence');
		form.append(`tag-${other}`, 'evidence'); // tagged in this browser, never checked
		const visible = await visibleTagging(c, keys, selfStudy, form);
		expect(visible.map((f) => f.id)).toEqual([one]);
		const rows = lessonKey(c, 'self-study', visible, ['map', 'techniques']);
		expect(rows).toMatchObject({ reader: 'self-study', shown: 1, total: keys.letter.size });
		const mentioned = JSON.stringify(rows).match(/\bL\d+\b/g) ?? [];
		expect(new Set(mentioned)).toEqual(new Set([one]));

		// nothing checked, no form (a page without JavaScript), or self-study grading off: no rows
		for (const [reader, given] of [
			[selfStudy, null],
			[selfStudy, new FormData()],
			[{ kind: 'self-study-off' }, form]
		] as [KeyReader, FormData | null][]) {
			const none = lessonKey(c, reader.kind, await visibleTagging(c, keys, reader, given), [
				'map',
				'techniques'
			]);
			expect(none.shown, reader.kind).toBe(0);
			expect(JSON.stringify(none), reader.kind).not.toMatch(/\bL\d+\b/);
		}
	});
});
