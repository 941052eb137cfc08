// The rows of a lesson's key tables (KeyMapTable, KeyTechniques). The page's server load gives them
// for the reader it knows (an instructor, a class student: visible-key.ts); for a self-study reader
// it gives none, and once the page runs in a browser this asks the lesson's `key` action with the
// tags the tagging exercise has checked in this browser (the server grades them again and answers
// with the rows of those sentences only). Without JavaScript nothing is stored, so nothing is asked.
import { deserialize } from '$app/forms';
import { page } from '$app/state';
import { onMount } from 'svelte';
import type { LessonKey } from '$lib/exercises/lesson-key';
import { checkedTagFields, letterStorageKey, readCheckedTags } from '../exercise/checked-tags';

/** one request per page and set of checked tags, shared by the tables of a page */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of requests, not state
const asked = new Map<string, Promise<LessonKey | null>>();

async function ask(path: string, fields: [string, string][]): Promise<LessonKey | null> {
	const body = new FormData();
	for (const [name, value] of fields) body.append(name, value);
	const response = await fetch(`${path}?/key`, {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true' }
	});
	const result = deserialize(await response.text());
	if (result.type !== 'success') return null;
	return (result.data as { lessonKey?: LessonKey } | undefined)?.lessonKey ?? null;
}

/** The key rows this page may show; call during component initialisation. */
export function lessonKey(): { readonly current: LessonKey | undefined } {
	let fromBrowser: LessonKey | null = $state(null);

	onMount(() => {
		const given = page.data.lessonKey as LessonKey | undefined;
		if (given?.reader !== 'self-study') return;
		let fields: [string, string][];
		try {
			fields = checkedTagFields(readCheckedTags(letterStorageKey(page.params.module ?? '')));
		} catch {
			return; // unreadable storage: the tables wait for the tagging exercise
		}
		if (fields.length === 0) return;
		const path = page.url.pathname;
		const id = `${path}\n${JSON.stringify(fields)}`;
		let pending = asked.get(id);
		if (!pending) {
			pending = ask(path, fields).catch(() => null);
			asked.set(id, pending);
		}
		void pending.then((key) => {
			fromBrowser = key;
		});
	});

	return {
		get current() {
			return fromBrowser ?? (page.data.lessonKey as LessonKey | undefined);
		}
	};
}
