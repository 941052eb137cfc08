// Writes docs/case-schema/<file>.json: a JSON Schema per case file, generated from the zod schemas
// the build checks content with (zod's toJSONSchema). Run `npm run case:schema` after changing a
// schema; a unit test fails while the files on disk differ from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseSchemaFiles } from '../src/lib/content/case-schema.ts';

const folder = 'docs/case-schema';
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(caseSchemaFiles())) {
	writeFileSync(join(folder, name), text);
}
console.log(`wrote ${Object.keys(caseSchemaFiles()).length} schemas to ${folder}/`);
