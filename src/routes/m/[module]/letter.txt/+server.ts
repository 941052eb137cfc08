// The letter as published, as plain text, for anyone who wants to check the reader against it.
import { moduleCase } from '$lib/server/modules';

export async function GET({ params, locals }) {
	return new Response((await moduleCase(locals, params.module)).letterSource, {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
