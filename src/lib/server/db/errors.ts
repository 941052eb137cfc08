// Recognises PostgreSQL errors by SQLSTATE through the wrappers of drizzle, postgres-js and PGlite.
const UNIQUE_VIOLATION = '23505';

function* causes(error: unknown): Generator<Record<string, unknown>> {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		yield current as Record<string, unknown>;
		current = (current as { cause?: unknown }).cause;
	}
}

/** True when the error is a unique violation (of the named constraint or index, if given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	for (const e of causes(error)) {
		if (e.code !== UNIQUE_VIOLATION) continue;
		if (!constraint) return true;
		const name = e.constraint_name ?? e.constraint;
		return name === constraint || String(e.detail ?? e.message ?? '').includes(constraint);
	}
	return false;
}
