// No rationale from any key (letter, practice, booster) may appear in the files sent to browsers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loaded } from './content';
import { guideSecrets } from './secrets';

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
	const fragments = keys.flatMap((k) =>
		[...k.values()].flatMap((e) => [e.rationale, e.otherReading ?? ''])
	);
	expect(fragments.length).toBeGreaterThan(20);
	for (const fragment of fragments.filter((f) => f.length > 0)) {
		// a 40-character slice of each: robust to the bundler re-wrapping long strings
		const needle = fragment.slice(0, 40);
		const found = client.some((text) => text.includes(needle));
		expect(found, `found in build/client: "${needle}"`).toBe(false);
	}
});

test('no sentence of the instructor guide or notes is in build/client', () => {
	const client = files('build/client').map((f) => readFileSync(f, 'utf8'));
	const secrets = guideSecrets();
	// the guide and every note contribute sentences of their own
	const notes = readdirSync('lessons/embassy-letter-2020/instructor').filter((f) =>
		f.endsWith('.md')
	);
	for (const note of notes) {
		expect(secrets.filter((s) => s.what.endsWith(note)).length, note).toBeGreaterThan(2);
	}
	const leaked = secrets.filter((s) => client.some((text) => text.includes(s.needle)));
	expect(leaked.map((s) => `${s.what}: "${s.needle}"`)).toEqual([]);
});
