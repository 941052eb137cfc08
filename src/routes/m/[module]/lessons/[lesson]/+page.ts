// Loads the lesson's mdsvex component; it renders on the server and reads without JavaScript.
import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';

// the lessons of lessons/<case>/ and of the test suite's fictional cases (the server says which
// folder a case is in; the fictional ones are compiled in only by a FIXTURE_CASES=on build)
const pages: Record<string, () => Promise<{ default: Component }>> = {
	...import.meta.glob<{ default: Component }>('/lessons/*/[0-9][0-9]-*.md'),
	...(__FIXTURE_CASES__
		? import.meta.glob<{ default: Component }>('/tests/fixtures/*/[0-9][0-9]-*.md')
		: {})
};

export async function load({ params, data }) {
	// an authored case's standard lessons are components the page renders from data.standard
	if (data.standard) return { ...data, body: null };
	const importer = pages[`${data.folder}${data.lesson.file}`];
	if (!importer) error(404, `This module has no lesson called "${params.lesson}".`);
	const { default: body } = await importer();
	return { ...data, body };
}
