// A student's work on one exercise in the browser, the same for every exercise: the answers, the
// graded result and the message of the last check, kept in localStorage so a reload loses nothing,
// and the enhance callback that grades in place. Each exercise says what its answers are, how to
// start afresh and what to do with a result; this class does the storing, the restoring and the
// round trip. Storage that cannot be read or written is never an error: the work stands on the page.
import { onMount, tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

type SubmitInput = Parameters<SubmitFunction>[0];

/** What an exercise keeps in this browser: its answers' fields and, once checked, the result. */
export type Stored<A, R> = Partial<A> & { result?: R };

export interface SavedWorkOptions<A extends object, R> {
	/** where this browser keeps the work; null: nothing is kept (the server keeps it) */
	key: () => string | null;
	/** the answers on the page at first: from the server's result or a plain form post, else empty */
	answers: A;
	/** answers with nothing given, for "start again" */
	empty: () => A;
	result?: R;
	message?: string;
	/**
	 * In the browser, once, with what storage holds (null when nothing): by default the stored
	 * answers and result replace the page's, unless the page already has a result.
	 */
	restore?: (stored: Stored<A, R> | null, work: SavedWork<A, R>) => void;
	/** what to store; by default the answers' fields and the result */
	save?: (work: SavedWork<A, R>) => unknown;
}

export interface SubmitHandlers<R> {
	/** the result in a successful response's data, if it has one */
	result: (data: Record<string, unknown>) => R | undefined;
	/** as a result arrives, before the page updates: e.g. set the answers the result holds */
	received?: (result: R) => void;
	/** after a result is shown: e.g. move focus to it */
	shown?: (result: R, input: SubmitInput) => Promise<void> | void;
	/** a successful response without a result (e.g. answers held for the instructor) */
	other?: (data: Record<string, unknown>) => Promise<void> | void;
	/** a refusal, with what it carries besides its message (e.g. how many items are still open) */
	refused?: (data: Record<string, unknown>) => void;
	/** the message when a refusal carries none */
	fallback: string;
	/** what could not be checked when the server fails, e.g. "the links" (default "the answers") */
	what?: string;
}

/** The id of the element that shows the exercise's message (focused when it appears). */
export const MESSAGE_ID = 'exercise-message';

export class SavedWork<A extends object, R> {
	answers: A = $state() as A;
	result: R | undefined = $state();
	message: string | undefined = $state();
	/** a check is on its way */
	busy = $state(false);
	/** storage has been read (in the browser, after mount): from then on every change is saved */
	restored = $state(false);

	readonly #options: SavedWorkOptions<A, R>;

	/** Call while a component initialises: it restores on mount and saves on every change. */
	constructor(options: SavedWorkOptions<A, R>) {
		this.#options = options;
		this.answers = options.answers;
		this.result = options.result;
		this.message = options.message;
		onMount(() => {
			let stored: Stored<A, R> | null = null;
			try {
				const key = options.key();
				if (key) stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored<A, R> | null;
			} catch {
				// unreadable storage: start afresh
			}
			try {
				if (options.restore) options.restore(stored, this);
				else if (stored && this.result === undefined) this.take(stored);
			} catch {
				// stored work of another shape: start afresh
			}
			this.restored = true;
		});
		$effect(() => {
			if (!this.restored) return;
			const key = options.key();
			if (!key) return;
			const value = JSON.stringify(
				options.save ? options.save(this) : { ...this.answers, result: this.result }
			);
			try {
				localStorage.setItem(key, value);
			} catch {
				// storage full or disabled: the work still stands on this page
			}
		});
	}

	/** Take stored work: each answer field the exercise has, and the result. */
	take(stored: Stored<A, R>) {
		const answers = this.#options.empty();
		for (const field of Object.keys(answers) as (keyof A)[]) {
			const value = stored[field];
			if (value && typeof value === 'object') {
				answers[field] = { ...answers[field], ...value } as A[keyof A];
			}
		}
		this.answers = answers;
		this.result = stored.result;
	}

	/** Forget the work, in this browser too. */
	startAgain() {
		const key = this.#options.key();
		try {
			if (key) localStorage.removeItem(key);
		} catch {
			// storage disabled: nothing was kept
		}
		this.answers = this.#options.empty();
		this.result = undefined;
		this.message = undefined;
	}

	/** The enhance callback: grade in place, show the result or the message and move focus to it. */
	submit(handlers: SubmitHandlers<R>): SubmitFunction {
		return (input) => {
			this.busy = true;
			this.message = undefined;
			return async ({ result: response }) => {
				this.busy = false;
				if (response.type === 'success') {
					const data = response.data ?? {};
					const result = handlers.result(data);
					if (result !== undefined) {
						this.result = result;
						handlers.received?.(result);
						await tick();
						await handlers.shown?.(result, input);
					} else await handlers.other?.(data);
				} else if (response.type === 'failure') {
					this.message = String(response.data?.message ?? handlers.fallback);
					handlers.refused?.(response.data ?? {});
					await tick();
					document.getElementById(MESSAGE_ID)?.focus();
				} else if (response.type === 'error') {
					this.message = `The server could not check ${handlers.what ?? 'the answers'}. Try again in a moment.`;
				}
			};
		};
	}
}
