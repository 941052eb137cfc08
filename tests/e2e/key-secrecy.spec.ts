// No rationale from any key (letter, practice, booster, retelling) may appear in the files sent to
// browsers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loaded } from './content';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

test('no rationale text appears anywhere in build/client', () => {
	const client = files('build/client').map((f) => readFileSync(f, 'utf8'));
	expect(client.length).toBeGreaterThan(0);
	const keys = [loaded.keys.letter, loaded.keys.practice, loaded.keys.booster].filter(
		(k) => k !== undefined
	);
	const retelling = [...(loaded.keys.retelling?.values() ?? [])];
	expect(retelling.length).toBeGreaterThan(5);
	const fragments = [
		...keys.flatMap((k) => [...k.values()].flatMap((e) => [e.rationale, e.otherReading ?? ''])),
		...retelling.flatMap((e) => [e.rationale, e.otherReading ?? ''])
	];
	expect(fragments.length).toBeGreaterThan(20);
	for (const fragment of fragments.filter((f) => f.length > 0)) {
		// a 40-character slice of each: robust to the bundler re-wrapping long strings
		const needle = fragment.slice(0, 40);
		const found = client.some((text) => text.includes(needle));
		expect(found, `found in build/client: "${needle}"`).toBe(false);
	}
});
