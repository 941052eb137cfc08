// The instructor guide and notes (lessons/<case>/instructor/NN-slug.md). They discuss the answer
// key, so they are compiled for the server only (this module is the one importer, and SvelteKit
// never bundles src/lib/server for the browser) and rendered to HTML here with svelte/server;
// pages behind instructor sign-in receive the HTML. The build validates their frontmatter. The
// notes' <Source id> citations read the register entries they cite from a render context.
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { Case } from '$lib/content/case';
import type { InstructorNoteFrontmatter } from '$lib/content/instructor';
// the one server module that renders components: the notes are compiled Svelte, drawn to HTML here
// eslint-disable-next-line no-restricted-imports
import { sourceRegisterContext } from '$lib/components/sources/register';
import { caseFolder, sourcesById } from './content';

type Note = { default: Component; metadata: InstructorNoteFrontmatter };
// the fictional cases' notes are compiled in only by a FIXTURE_CASES=on build (content.ts)
const notes: Record<string, () => Promise<Note>> = {
	...import.meta.glob<Note>('/lessons/*/instructor/*.md'),
	...(__FIXTURE_CASES__ ? import.meta.glob<Note>('/tests/fixtures/*/instructor/*.md') : {})
};

export interface RenderedNote {
	/** the anchor of the note in the guide, e.g. note-01-two-texts */
	id: string;
	title: string;
	/** the lesson the note is for; 0 for the module-level guide */
	lesson: number;
	html: string;
}

const rendered = new Map<string, Promise<RenderedNote[]>>();

async function renderNotes(c: Case): Promise<RenderedNote[]> {
	const folder = `${caseFolder(c)}instructor/`;
	const context = sourceRegisterContext({
		moduleId: c.id,
		sources: sourcesById(c, c.noteSourceIds)
	});
	const paths = Object.keys(notes)
		.filter((path) => path.startsWith(folder))
		.sort();
	return Promise.all(
		paths.map(async (path) => {
			const { default: body, metadata } = await notes[path]!();
			return {
				id: `note-${path.slice(folder.length).replace(/\.md$/, '')}`,
				title: metadata.title,
				lesson: metadata.lesson,
				html: render(body, { context }).body
			};
		})
	);
}

/** The module's guide, then one note per lesson, as HTML in file order; [] when it has none. */
export function instructorNotes(c: Case): Promise<RenderedNote[]> {
	let found = rendered.get(c.id);
	if (!found) {
		// content is fixed at build time: render once per process
		found = renderNotes(c);
		found.catch(() => rendered.delete(c.id));
		rendered.set(c.id, found);
	}
	return found;
}
