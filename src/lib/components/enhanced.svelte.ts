// Whether a component runs with JavaScript: false in the server's HTML (so the page works without
// it), true once the component has mounted in the browser. The one place that asks, so every
// progressive enhancement (the timeline's zoom, the map's keyboard, the ordering list, the live
// dashboard's controls) switches on the same way.
import { onMount } from 'svelte';

export class Enhanced {
	current = $state(false);

	/** Call while a component initialises. */
	constructor() {
		onMount(() => {
			this.current = true;
		});
	}
}
