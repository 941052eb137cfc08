// The instructor dashboard and the projector view, server side: for a class the caller has already
// checked (auth/guards requireOwnClass), loads the class's work through classes.ts and hands it
// with the key to the pure computeDashboard. The key leaves the server only in
// instructor-only responses, and in the projector view only for the sentences revealed.
import { error } from '@sveltejs/kit';
import type { SentenceDistribution } from '$lib/charts/distribution-layout';
import { itemIds as itemIdsOf, setItems, setsOf, type Case } from '$lib/content/case';
import { GAIN_SETS, type ExerciseSet, type Tag, type Technique } from '$lib/content/vocabulary';
import { computeDashboard, type Dashboard } from '$lib/exercises/dashboard';
import { classGainOf, type ClassGain } from '$lib/exercises/learning-gain';
import {
	getAssignment,
	listAssignments,
	listClassAnswers,
	type Assignment,
	type Class
} from '$lib/server/repo/classes';
import { getKeys } from '$lib/server/content';

/** The assignment named in ?assignment=, else the class's first; null when it has none. */
export async function chooseAssignment(
	cls: Class,
	url: URL
): Promise<{ assignments: Assignment[]; assignment: Assignment | null }> {
	const assignments = await listAssignments(cls.id);
	const asked = url.searchParams.get('assignment');
	if (asked) {
		const assignment = await getAssignment(cls.id, asked);
		if (!assignment) error(404, 'There is no such assignment in this class.');
		return { assignments, assignment };
	}
	return { assignments, assignment: assignments[0] ?? null };
}

/** The set named in ?set=, else the letter; a 404 for a set the module does not have. */
export function chooseSet(c: Case, url: URL): ExerciseSet {
	const asked = url.searchParams.get('set') ?? 'letter';
	const set = setsOf(c).find((s) => s === asked);
	if (!set) error(404, 'This module has no such exercise.');
	return set;
}

/** The text of each item of a set, by id. */
export function itemTexts(c: Case, set: ExerciseSet): Map<string, string> {
	return new Map(setItems(c, set).map((i) => [i.id, i.text]));
}

export interface AssignmentDashboard {
	case: Case;
	set: ExerciseSet;
	dashboard: Dashboard;
	texts: Map<string, string>;
	/** the class's change from the pre-check to the post-check; null when the case has not both */
	gain: ClassGain | null;
}

/** Everything the dashboard of one set of an assignment shows, computed from the stored work. */
export async function assignmentDashboard(
	c: Case,
	assignment: Assignment,
	set: ExerciseSet
): Promise<AssignmentDashboard> {
	const keys = getKeys(c);
	const key = keys[set];
	if (!key) error(404, 'This module has no such exercise.');
	// the set shown and the learning gain's two checks: no other set's answers are read
	const students = await listClassAnswers(assignment.id, [set, ...GAIN_SETS]);
	const lessons = c.lessons.map(({ slug, title, number }) => ({ slug, title, number }));
	const dashboard = computeDashboard(
		students,
		key,
		itemIdsOf(c, set),
		lessons,
		set,
		assignment.dueAt
	);
	const gain =
		keys.precheck && keys.postcheck
			? classGainOf(
					students,
					{ key: keys.precheck, itemIds: itemIdsOf(c, 'precheck') },
					{ key: keys.postcheck, itemIds: itemIdsOf(c, 'postcheck') }
				)
			: null;
	return { case: c, set, dashboard, texts: itemTexts(c, set), gain };
}

/** The dashboard's per-item figures with the text of each item, for the chart and the table. */
export function sentenceRows(
	dashboard: Dashboard,
	texts: Map<string, string>,
	revealed: (id: string) => boolean = () => true
): SentenceDistribution[] {
	return dashboard.distribution.items.map((item) => {
		const show = revealed(item.id);
		return {
			id: item.id,
			text: texts.get(item.id) ?? '',
			counts: item.counts,
			total: item.total,
			agreement: item.agreement,
			keyTag: show ? item.keyTag : null,
			keyShare: show ? item.keyShare : null
		};
	});
}

/** What the projector shows of a revealed key entry. */
export interface RevealedKey {
	tag: Tag;
	alsoDefensible: Tag[];
	contested: boolean;
	otherReading?: string;
	technique?: Technique;
	rationale: string;
}

/** The projector's figures, reloaded when the class's event stream signals a change. */
export interface PresentData {
	assignmentId: string;
	moduleId: string;
	set: ExerciseSet;
	students: number;
	submitted: number;
	complete: number;
	/** in the order of the set */
	items: SentenceDistribution[];
	/** item ids, most contested first */
	contested: string[];
	kappa: number | null;
	kappaReading: string | null;
	caveat: string | null;
	/** key entries of the revealed items only */
	keys: Record<string, RevealedKey>;
}

/** ?reveal= names one item id, or "all"; anything else reveals nothing. */
export function revealedIds(url: URL, ids: readonly string[]): Set<string> {
	const asked = url.searchParams.get('reveal');
	if (asked === 'all') return new Set(ids);
	return new Set(asked && ids.includes(asked) ? [asked] : []);
}

/** The projector's figures for one set of an assignment, with the key of the revealed items. */
export async function presentData(
	c: Case,
	assignment: Assignment,
	set: ExerciseSet,
	url: URL
): Promise<PresentData> {
	const { dashboard, texts } = await assignmentDashboard(c, assignment, set);
	const revealed = revealedIds(url, dashboard.itemIds);
	const key = getKeys(c)[set];
	const keys: Record<string, RevealedKey> = {};
	for (const id of revealed) {
		const entry = key?.get(id);
		if (!entry) continue;
		const { tag, alsoDefensible, contested, otherReading, technique, rationale } = entry;
		keys[id] = { tag, alsoDefensible, contested, otherReading, technique, rationale };
	}
	const { agreement } = dashboard;
	return {
		assignmentId: assignment.id,
		moduleId: assignment.moduleId,
		set,
		students: dashboard.students.length,
		submitted: dashboard.submitted,
		complete: dashboard.complete,
		items: sentenceRows(dashboard, texts, (id) => revealed.has(id)),
		contested: dashboard.distribution.contested.map((i) => i.id),
		kappa: agreement.kappa,
		kappaReading: agreement.reading?.label ?? null,
		caveat: agreement.caveat,
		keys
	};
}
