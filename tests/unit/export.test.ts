// CSV export cells: formula injection neutralised, quoting per RFC 4180, any script kept.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/server/export';

describe('csvCell', () => {
	it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tx')).toBe("'\tx");
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
