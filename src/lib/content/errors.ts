// Content errors name the file, the item id and the field, so an author can find the mistake.
import type { z } from 'zod';

export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly problems: string[]
	) {
		super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ContentError';
	}
}

type Path = readonly PropertyKey[];

/**
 * Walks the raw data along a path; returns the id of the innermost item that has one and the
 * path's remaining names (the field within that item).
 */
export function locate(data: unknown, path: Path): { item?: string; field: string } {
	let item: string | undefined;
	let fieldStart = 0;
	let node: unknown = data;
	path.forEach((key, index) => {
		if (node === null || typeof node !== 'object') return;
		node = (node as Record<PropertyKey, unknown>)[key];
		if (node && typeof node === 'object' && !Array.isArray(node)) {
			const record = node as Record<string, unknown>;
			const id = record.id ?? record.sentence;
			if (typeof id === 'string') {
				item = id;
				fieldStart = index + 1;
			} else if (typeof key === 'number' && typeof path[index - 1] === 'string') {
				// an entry of a list whose entries have no id (a worked example): its place, from 1
				item = `${String(path[index - 1])} ${key + 1}`;
				fieldStart = index + 1;
			}
		}
	});
	const names = path.slice(fieldStart).filter((p) => typeof p === 'string');
	return { item, field: names.length ? names.join('.') : '(the whole file)' };
}

export function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		const { item } = locate(data, [...issue.path, issue.keys[0] ?? '']);
		const fields = issue.keys.map((k) => `"${k}"`).join(', ');
		const where = item ? `item ${item}, field ${fields}` : `field ${fields}`;
		const why = issue.keys.includes('confidence')
			? '; confidence is computed from the sources'
			: '';
		return `${where}: expected no such field (remove it${why})`;
	}
	const { item, field } = locate(data, issue.path);
	const where = item ? `item ${item}, field "${field}"` : `field "${field}"`;
	const expected = issue.message.replace(
		/^Invalid (input|option|value|type)?:?\s*(expected\s+)?/i,
		''
	);
	return `${where}: expected ${expected}`;
}
