// The use:enhance callback of the instructor's forms: posted without reloading the page, the page's
// data refreshed (or the redirect followed), and the fields keep what they hold, so a saved setting
// shows as saved and a refused form keeps the typing. Without JavaScript the forms post as before.
import type { SubmitFunction } from '@sveltejs/kit';

export const keepFields: SubmitFunction = () => {
	return async ({ update }) => update({ reset: false });
};
