// CSV export cells: formula injection neutralised, quoting per RFC 4180, any script kept; the
// gradebook's rows and columns; distinct file names for each kind of export.
import { describe, expect, it } from 'vitest';
import {
	csvCell,
	exportFileName,
	exportToGradebook,
	toCsv,
	type ClassExport,
	type ExportSet
} from '../../src/lib/server/reports/export';
import type { Class } from '../../src/lib/server/repo/classes';

describe('csvCell', () => {
	it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tx')).toBe("'\tx");
	});
	it('neutralises a formula starter in every part a spreadsheet may split the cell into', () => {
		// a locale that splits on ";" reads a;=2+5; as a, =2+5 and an empty cell
		expect(csvCell('a;=2+5;')).toBe(`"a;'=2+5;"`);
		expect(csvCell('a;  +1')).toBe(`"a;  '+1"`);
		expect(csvCell('x,-3,@A1')).toBe(`"x,'-3,'@A1"`);
		expect(csvCell('x\t=1')).toBe("x\t'=1");
		expect(csvCell('one\n=cmd')).toBe(`"one\n'=cmd"`);
		expect(csvCell(' =1+1')).toBe(" '=1+1");
		// no part of the output starts with a formula starter, whatever the separator
		for (const nasty of ['a;=2+5;', 'b,=1', 'c\t@x', ';-1;+1;', '=;=']) {
			const cell = csvCell(nasty).replace(/^"|"$/g, '');
			for (const part of cell.split(/[,;\t\r\n]/)) expect(part.trimStart()).not.toMatch(/^[=+\-@]/);
		}
		// hyphens and at signs inside words stay as they are
		expect(csvCell('Jean-Luc')).toBe('Jean-Luc');
		expect(csvCell('ada@school')).toBe('ada@school');
	});

	it('quotes cells with commas, quotes or line breaks, and doubles quotes', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
	});
	it('leaves plain text, numbers and empties alone', () => {
		expect(csvCell('Zoë 🦊')).toBe('Zoë 🦊');
		expect(csvCell(0.5)).toBe('0.5');
		expect(csvCell(-1)).toBe('-1');
		expect(csvCell(null)).toBe('');
	});
});

describe('toCsv', () => {
	it('writes a byte order mark and CRLF rows', () => {
		expect(
			toCsv([
				['a', 1],
				['=b', null]
			])
		).toBe("\uFEFFa,1\r\n'=b,\r\n");
	});
});

const set = (name: ExportSet['set'], score: number, items: number): ExportSet => ({
	set: name,
	items: [],
	total: { score, committed: 0, items, unanswered: 0, handedInAt: null, late: false }
});

describe('exportToGradebook', () => {
	const data: ClassExport = {
		class: 'Period 3',
		exportedAt: '2026-11-30T10:00:00.000Z',
		ids: 'nickname',
		students: [
			{
				student: 'Ana',
				assignments: [
					{
						module: 'case-a',
						lessonsDone: [],
						sets: [set('letter', 20.5, 24), set('practice', 5, 6)]
					},
					{ module: 'case-b', lessonsDone: [], sets: [set('letter', 3, 10)] }
				]
			},
			// joined late: nothing of case-b yet, a 0 in its column
			{
				student: '=Zoë',
				assignments: [
					{
						module: 'case-a',
						lessonsDone: [],
						sets: [set('letter', 12, 24), set('practice', 0, 6)]
					}
				]
			},
			{ student: 'New', assignments: [] }
		]
	};

	it('has one row per student, a column per exercise and a total', () => {
		const rows = exportToGradebook(data)
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(rows).toEqual([
			'student,case-a letter (out of 24),case-a practice (out of 6),case-b letter (out of 10),total (out of 40)',
			'Ana,20.5,5,3,28.5',
			"'=Zoë,12,0,0,12",
			'New,0,0,0,0'
		]);
	});
});

describe('exportFileName', () => {
	const cls = { name: 'Période 3: “Media”!' } as Class;
	it('names the nickname, anonymous and gradebook files apart', () => {
		const day = new Date().toISOString().slice(0, 10);
		expect(exportFileName(cls, 'csv', 'nickname')).toBe(`periode-3-media-${day}-nicknames.csv`);
		expect(exportFileName(cls, 'csv', 'anonymous')).toBe(`periode-3-media-${day}-anonymous.csv`);
		expect(exportFileName(cls, 'json', 'anonymous')).toBe(`periode-3-media-${day}-anonymous.json`);
		expect(exportFileName(cls, 'csv', 'nickname', 'gradebook')).toBe(
			`periode-3-media-${day}-gradebook-nicknames.csv`
		);
		expect(exportFileName({ name: '!!!' } as Class, 'csv', 'anonymous', 'gradebook')).toBe(
			`class-${day}-gradebook-anonymous.csv`
		);
	});
});
