// The compile-time constants the app's modules read (declared in app.d.ts), in one place for every
// Vite that compiles them: the build and dev server (vite.config.ts), Vitest, and the bench's
// in-process dashboard probe.

/**
 * The test suite's fictional cases are compiled in only when FIXTURE_CASES=on as the build (or the
 * dev server) starts, and always for Vitest: elsewhere the branches that import them are dead code
 * and the production build holds none of their files.
 */
export function buildDefines(env: Record<string, string | undefined> = process.env) {
	const fixtureCases = Boolean(env.VITEST) || env.FIXTURE_CASES?.trim().toLowerCase() === 'on';
	return { __FIXTURE_CASES__: JSON.stringify(fixtureCases) };
}
