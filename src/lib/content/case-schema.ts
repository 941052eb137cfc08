// The JSON Schema of every case file, as the text of docs/case-schema/<name>.json (Node only: used
// by scripts/case-schema.ts and by the test that keeps the files up to date).
import { z } from 'zod';
import { CASE_FILES } from './case-files.ts';

/** File name in docs/case-schema/ -> its JSON text. */
export function caseSchemaFiles(): Record<string, string> {
	return Object.fromEntries(
		CASE_FILES.map((kind) => {
			// "input": what an author writes (fields with a default may be left out)
			const schema = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' });
			const described = {
				$id: `${kind.schemaName}.json`,
				title: kind.file,
				description: `Rebuttal Lab case file ${kind.file}: ${kind.about}. Generated from src/lib/content/schemas.ts; the loader also checks rules across files (docs/case-format.md).`,
				...schema
			};
			return [`${kind.schemaName}.json`, `${JSON.stringify(described, null, '\t')}\n`];
		})
	);
}
