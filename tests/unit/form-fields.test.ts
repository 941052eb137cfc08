// The form fields render what the server gives them, so a page read or posted without JavaScript
// shows the saved text (a textarea that came back empty would be saved empty on the next post).
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import TextArea from '../../src/lib/components/forms/TextArea.svelte';
import TextField from '../../src/lib/components/forms/TextField.svelte';

describe('form fields on the server', () => {
	it('a text area holds its text, escaped, as its content', () => {
		const { body } = render(TextArea, {
			props: { id: 'r', name: 'rebuttal', label: 'Rebuttal', value: 'Line one\n<script>x</script>' }
		});
		expect(body).toMatch(
			/<textarea[^>]*name="rebuttal"[^>]*>\n?Line one\n&lt;script>x&lt;\/script><\/textarea>/
		);
	});

	it('a text field holds its text as its value', () => {
		const { body } = render(TextField, {
			props: { id: 't', name: 'title', label: 'Title', value: 'A "quoted" title' }
		});
		expect(body).toContain('value="A &quot;quoted&quot; title"');
	});

	it('an error is linked to its field', () => {
		const { body } = render(TextArea, {
			props: { id: 'r', name: 'rebuttal', label: 'Rebuttal', value: '', error: 'Too long.' }
		});
		expect(body).toContain('aria-describedby="r-error"');
		expect(body).toContain('aria-invalid="true"');
	});
});
