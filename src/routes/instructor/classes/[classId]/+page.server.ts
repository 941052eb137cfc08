// One class: its join code and link, its assignments and their settings, the roster's progress.
import { requireOwnClass } from '$lib/server/auth/guards';
import { createAssignment, listAssignments, updateAssignment } from '$lib/server/repo/classes';
import { listCases } from '$lib/server/content';
import {
	ASSIGNMENT_LABELS,
	AssignmentSettingsForm,
	NewAssignmentForm
} from '$lib/server/forms/classes';
import { formFail, parseForm } from '$lib/server/forms/parse';
import { rosterOf } from '$lib/server/repo/roster';
import { listPublishedCases } from '$lib/server/repo/authored-cases';
import { assignmentCase, authoredModule } from '$lib/server/modules';
import { ownAssignment, revealKey, takeBack } from './assignment.server';
import { selfStudySetting } from '$lib/server/auth/self-study';
import { qrCode } from '$lib/server/join-qr';
import { dueDateAllowed, dueStatus, dueWords, PAST_DUE_DATE } from '$lib/exercises/due-date';

// the dashboard and projector views are another feature's routes: link to them once they exist
const companion = import.meta.glob(
	'/src/routes/instructor/classes/*/{dashboard,present}/+page.svelte'
);
const hasRoute = (name: string) => Object.keys(companion).some((p) => p.includes(`/${name}/`));

export async function load({ locals, params, url }) {
	const { cls } = await requireOwnClass(locals, params.classId);
	const assignments = await listAssignments(cls.id);
	const assigned = new Set(assignments.map((a) => a.moduleId));
	const now = new Date();
	const joinUrl = `${url.origin}/join/${cls.joinCode}`;
	return {
		cls: { id: cls.id, name: cls.name, joinCode: cls.joinCode },
		joinUrl,
		joinQr: qrCode(joinUrl),
		created: url.searchParams.has('created'),
		/** a student was removed (their page redirects here) */
		removed: url.searchParams.has('removed'),
		assignments: await Promise.all(
			assignments.map(async (a) => {
				const c = await assignmentCase(a);
				return {
					id: a.id,
					moduleId: a.moduleId,
					moduleTitle: c?.module.title ?? `${a.moduleId} (no longer installed)`,
					hasBooster: Boolean(c?.booster),
					feedbackMode: a.feedbackMode,
					revealedAt: a.revealedAt?.toISOString() ?? null,
					dueAt: a.dueAt ? a.dueAt.toISOString().slice(0, 10) : '',
					due: a.dueAt ? dueWords(dueStatus(a.dueAt, now)) : null,
					lessonLock: a.lessonLock,
					showDistribution: a.showDistribution,
					boosterReleased: a.boosterReleased,
					/** an authored case's version the class works on */
					caseVersion: a.caseVersion
				};
			})
		),
		modules: [
			...listCases().map((c) => ({ id: c.id, title: c.module.title })),
			// the instructor's own published cases, at their newest published version
			...(await listPublishedCases(cls.instructorId)).map((c) => ({
				id: c.moduleId,
				title: `${c.title} (your case, version ${c.version})`
			}))
		].filter((m) => !assigned.has(m.id)),
		roster: await rosterOf(cls.id, assignments),
		links: { dashboard: hasRoute('dashboard'), present: hasRoute('present') },
		/** whether visitors without a class get feedback on this server (SELF_STUDY) */
		selfStudy: selfStudySetting() === 'on'
	};
}

/** A due date that has already ended, refused when it is set (an unchanged one stays). */
const pastDueDate = (form?: FormData) =>
	formFail(400, `Due date: ${PAST_DUE_DATE}.`, form, { dueAt: PAST_DUE_DATE });

export const actions = {
	assign: async ({ locals, params, request }) => {
		const { cls } = await requireOwnClass(locals, params.classId);
		const parsed = await parseForm(request, NewAssignmentForm, ASSIGNMENT_LABELS);
		if (!parsed.ok) return parsed.failure;
		const { moduleId, ...settings } = parsed.data;
		if (!dueDateAllowed(settings.dueAt, new Date())) return pastDueDate(parsed.form);
		const builtIn = listCases().some((c) => c.id === moduleId);
		// an authored case: the instructor's own, published; the class keeps this version
		const authored = builtIn ? undefined : await authoredModule(moduleId);
		const own =
			authored && (await listPublishedCases(cls.instructorId)).some((c) => c.moduleId === moduleId);
		if (!builtIn && !own) {
			return formFail(400, 'Module: choose a module from the list.', parsed.form, {
				moduleId: 'choose a module from the list'
			});
		}
		const made = await createAssignment(cls.id, moduleId, settings, authored?.version ?? null);
		if (made === 'duplicate') {
			return formFail(400, 'Module: this class already has that module.', parsed.form, {
				moduleId: 'this class already has that module'
			});
		}
		return { saved: 'The module is assigned. Students see it on their class page.' };
	},

	settings: async ({ locals, params, request }) => {
		const found = await ownAssignment(locals, params.classId, request);
		if ('failure' in found) return found.failure;
		const parsed = await parseForm(found.form, AssignmentSettingsForm, ASSIGNMENT_LABELS);
		if (!parsed.ok) return parsed.failure;
		if (!dueDateAllowed(parsed.data.dueAt, new Date(), found.assignment.dueAt)) {
			return pastDueDate(found.form);
		}
		await updateAssignment(found.cls.id, found.assignment.id, parsed.data);
		return { saved: 'Settings saved.', assignment: found.assignment.id };
	},

	reveal: ({ locals, params, request }) => revealKey(locals, params.classId, request),

	takeBack: ({ locals, params, request }) => takeBack(locals, params.classId, request)
};
