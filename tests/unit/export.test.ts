// CSV export cells: formula injection neutralised, quoting per RFC 4180, any script kept.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/server/reports/export';

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
