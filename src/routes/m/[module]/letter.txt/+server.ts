// The letter as published, as plain text, for anyone who wants to check the reader against it.
import { getCase } from '$lib/server/content';

export function GET({ params }) {
	return new Response(getCase(params.module).letterSource, {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
