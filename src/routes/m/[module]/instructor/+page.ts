// Loads the module's instructor notes (lessons/<case>/instructor/NN-slug.md) as mdsvex components,
// in file order: 00-guide first, then one note per lesson. The build validates their frontmatter.
import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import type { InstructorNoteFrontmatter } from '$lib/content/instructor';

const notes = import.meta.glob<{ default: Component; metadata: InstructorNoteFrontmatter }>(
	'/lessons/*/instructor/*.md'
);

export async function load({ params, data }) {
	const folder = `/lessons/${params.module}/instructor/`;
	const paths = Object.keys(notes)
		.filter((path) => path.startsWith(folder))
		.sort();
	if (paths.length === 0) error(404, 'This module has no instructor guide.');
	const loaded = await Promise.all(
		paths.map(async (path) => {
			const { default: body, metadata } = await notes[path]!();
			const id = `note-${path.slice(folder.length).replace(/\.md$/, '')}`;
			return { id, title: metadata.title, lesson: metadata.lesson, body };
		})
	);
	return { ...data, notes: loaded };
}
