// Parses one content file (YAML data or a markdown file's frontmatter) against its schema.
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError, describeIssue } from './errors.ts';

export function parseYamlText(file: string, text: string): unknown {
	try {
		return parseYaml(text);
	} catch (error) {
		throw new ContentError(file, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
	}
}

export function parseWith<S extends z.ZodType>(
	file: string,
	data: unknown,
	schema: S
): z.output<S> {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	throw new ContentError(
		file,
		result.error.issues.map((issue) => describeIssue(data, issue))
	);
}

export function parseYamlFile<S extends z.ZodType>(
	file: string,
	text: string,
	schema: S
): z.output<S> {
	return parseWith(file, parseYamlText(file, text), schema);
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Reads the YAML frontmatter at the top of a markdown file. */
export function parseFrontmatter<S extends z.ZodType>(
	file: string,
	markdown: string,
	schema: S
): z.output<S> {
	const match = FRONTMATTER.exec(markdown);
	if (!match) throw new ContentError(file, ['no frontmatter: start the file with a --- block']);
	return parseWith(file, parseYamlText(file, match[1] ?? ''), schema);
}
