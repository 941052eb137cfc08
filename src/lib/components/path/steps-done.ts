// Which steps of the module this browser has done, for self-study students (a class student's
// progress is on the server): lessons marked done and steps finished are kept in localStorage
// under one key per module, and an exercise counts as done once its own saved work holds a result.

const doneKey = (moduleId: string) => `rebuttal-lab:${moduleId}:steps-done`;

/** The exercise steps whose saved work (the exercise's own storage key) shows they were checked. */
const EXERCISE_STORAGE: Record<string, string> = {
	'exercise:tag': 'letter',
	'exercise:practice': 'practice',
	'exercise:booster': 'booster',
	'exercise:precheck': 'precheck',
	'exercise:postcheck': 'postcheck',
	'exercise:retelling': 'retelling',
	'exercise:map': 'map',
	'exercise:timeline/order': 'order'
};

function read(key: string): unknown {
	try {
		return JSON.parse(localStorage.getItem(key) ?? 'null');
	} catch {
		return null;
	}
}

/** The ids of the steps done in this browser. Empty where storage is unavailable. */
export function readStepsDone(moduleId: string): Set<string> {
	const done = new Set<string>();
	const list = read(doneKey(moduleId));
	if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') done.add(id);
	for (const [step, name] of Object.entries(EXERCISE_STORAGE)) {
		const saved = read(`rebuttal-lab:${moduleId}:${name}`) as { result?: unknown } | null;
		if (saved && typeof saved === 'object' && saved.result) done.add(step);
	}
	return done;
}

/** Marks a step done in this browser (ignored where storage is unavailable). */
export function markStepDone(moduleId: string, id: string): void {
	try {
		const done = new Set(read(doneKey(moduleId)) as string[] | null);
		done.add(id);
		localStorage.setItem(doneKey(moduleId), JSON.stringify([...done]));
	} catch {
		// private browsing or a full storage: progress is simply not kept
	}
}
