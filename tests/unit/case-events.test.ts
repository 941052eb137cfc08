// Step 4 of the case editor (issue 15): the case's own sources and its timeline events, read from
// the forms with a message naming the item and the field, stored in the format of sources.yaml and
// timeline.yaml, checked by the publish check per event, and loaded as the built-in timeline is.
import { describe, expect, it } from 'vitest';
import { parseDraft, publishCheck, withFixedFields } from '../../src/lib/content/draft';
import { exercisePagesOf } from '../../src/lib/content/module-steps';
import { applyTexts, TextsForm } from '../../src/lib/server/forms/case-editor';
import {
	applyEvents,
	applySources,
	readEventsForm,
	readSourcesForm
} from '../../src/lib/server/forms/case-events';
import { completeDraft, MODULE_ID, TEXTS, timelineDraft } from './authored-case';

function post(fields: Record<string, string | string[]>): Request {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	return new Request('http://localhost/x', { method: 'POST', body });
}

const SENTENCES = ['L1', 'L2', 'L3', 'L4', 'L5'];
const SOURCE_IDS = ['rebuttal', 'article', 'source-1'];

describe('step 4: the sources of the case', () => {
	it('adds a source with the next id, keeps the two documents, and removes an emptied one', async () => {
		const read = await readSourcesForm(
			post({
				'source-1-id': '',
				'source-1-title': 'Test results',
				'source-1-publisher': 'The Water Board',
				'source-1-url': 'https://water.example.org/t',
				'source-1-date': '2031-03-01',
				'source-1-kind': 'primary-document',
				'source-1-language': 'en'
			})
		);
		if (!read.ok) throw new Error('refused');
		const draft = applySources(completeDraft(), read.data);
		expect(draft.sources!.sources.map((s) => s.id)).toEqual(['rebuttal', 'article', 'source-1']);
		expect(draft.sources!.sources[2]).toMatchObject({
			title: 'Test results',
			kind: 'primary-document'
		});

		// emptied: the source goes, and the events that cited it lose it
		const withEvent = applyEvents(draft, [
			{ title: 'Test', start: '2031-03-01', sources: ['source-1', 'article'] }
		]);
		const emptied = applySources(withEvent, []);
		expect(emptied.sources!.sources.map((s) => s.id)).toEqual(['rebuttal', 'article']);
		expect(emptied.timeline!.events[0]!.sources).toEqual(['article']);
	});

	it('names the source and the field of a value off the schema', async () => {
		const bad = await readSourcesForm(
			post({
				'source-1-id': 'source-1',
				'source-1-title': 'T',
				'source-1-url': 'javascript:alert(1)'
			})
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.failure.data.message).toBe('Source source-1, Link: a full web address.');
		const date = await readSourcesForm(post({ 'source-1-title': 'T', 'source-1-date': '1 March' }));
		if (!date.ok) expect(date.failure.data.message).toMatch(/^New source 1, Date: a date written/);
		else throw new Error('accepted');
	});

	it('step 1 keeps the case own sources when it saves the texts', () => {
		const draft = timelineDraft();
		const again = applyTexts(draft, TextsForm.parse(TEXTS));
		expect(again.sources!.sources.map((s) => s.id)).toEqual([
			'rebuttal',
			'article',
			'source-1',
			'source-2'
		]);
	});
});

describe('step 4: the events', () => {
	it('reads an event with its date, precision, sources, sentences and confidence flags', async () => {
		const read = await readEventsForm(
			post({
				'event-1-id': '',
				'event-1-start': '2031-03',
				'event-1-precision': 'month',
				'event-1-title': 'The board tests the river',
				'event-1-description': 'It tests it.',
				'event-1-asserted': ['letter', 'independent'],
				'event-1-sources': ['source-1'],
				'event-1-sentences': 'l3, L2',
				'event-1-order': 'on',
				'event-2-title': '',
				'event-2-precision': 'day'
			}),
			SOURCE_IDS,
			SENTENCES
		);
		if (!read.ok) throw new Error(read.failure.data.message);
		expect(read.data).toEqual([
			{
				title: 'The board tests the river',
				start: '2031-03',
				description: 'It tests it.',
				precision: 'month',
				assertedBy: ['letter', 'independent'],
				sources: ['source-1'],
				sentences: ['L2', 'L3'],
				unverified: false,
				dateUncertain: false,
				orderExercise: true
			}
		]);
		const draft = applyEvents(completeDraft(), read.data);
		expect(draft.timeline!.events[0]!.id).toBe('E1');
	});

	it('names the event and the field of what it refuses', async () => {
		const cases: [Record<string, string | string[]>, RegExp][] = [
			[{ 'event-1-id': 'E2', 'event-1-start': 'March' }, /^Event E2, Date: a date written/],
			[
				{ 'event-1-title': 'x', 'event-1-sentences': 'L9' },
				/^New event 1, Sentences: L9 is not a sentence/
			],
			[
				{ 'event-1-title': 'x', 'event-1-sources': 'elsewhere' },
				/^New event 1, Sources: choose among/
			],
			[
				{ 'event-1-title': 'x', 'event-1-precision': 'hour' },
				/^New event 1, Precision: choose day/
			],
			[
				{ 'event-1-title': 'x', 'event-1-label': 'x'.repeat(40) },
				/^New event 1, Chart label: use at most 28/
			],
			[{ 'event-1-id': '../E1', 'event-1-title': 'x' }, /^Event \.\.\/E1, Event: reload the page/]
		];
		for (const [fields, message] of cases) {
			const read = await readEventsForm(post(fields), SOURCE_IDS, SENTENCES);
			expect(read.ok).toBe(false);
			if (!read.ok) expect(read.failure.data.message).toMatch(message);
		}
	});

	it('saves an event with nothing asserted or cited yet; publishing names both fields', async () => {
		const read = await readEventsForm(
			post({ 'event-1-title': 'Half written', 'event-1-precision': 'day' }),
			SOURCE_IDS,
			SENTENCES
		);
		if (!read.ok) throw new Error(read.failure.data.message);
		const draft = withFixedFields(MODULE_ID, applyEvents(completeDraft(), read.data));
		expect(parseDraft(draft).ok).toBe(true);
		const check = publishCheck(MODULE_ID, draft);
		expect(check.ok).toBe(false);
		if (check.ok) return;
		const messages = check.problems.filter((p) => p.item === 'E1').map((p) => p.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^item E1, field "assertedBy": not written yet/),
				expect.stringMatching(/^item E1, field "sources": not written yet/)
			])
		);
	});

	it('keeps ids, sorts by date and gives a new event the next id', () => {
		const draft = timelineDraft();
		const next = applyEvents(draft, [
			...draft.timeline!.events,
			{ title: 'Earliest', start: '2030', precision: 'year', description: 'Before.' }
		]);
		expect(next.timeline!.events.map((e) => e.id)).toEqual(['E4', 'E1', 'E2', 'E3']);
		// an event's "about" (not on the form) is kept
		expect(next.timeline!.events[3]!.about).toBe('article');
	});

	it('publishes a case with events: the timeline loads, confidence computed from the sources', () => {
		const check = publishCheck(MODULE_ID, timelineDraft());
		if (!check.ok) throw new Error(JSON.stringify(check.problems));
		const events = check.loaded.case.timeline!.events;
		expect(events.map((e) => [e.id, e.confidence])).toEqual([
			['E1', 'multiple'],
			['E2', 'single'],
			['E3', 'single']
		]);
		expect(exercisePagesOf(check.loaded.case)).toEqual([
			'tag',
			'timeline',
			'timeline/order',
			'map'
		]);
	});

	it('without two events marked for it, the case has the timeline but no ordering exercise', () => {
		const draft = timelineDraft();
		const one = withFixedFields(MODULE_ID, {
			...draft,
			timeline: {
				events: draft.timeline!.events.map((e) => ({ ...e, orderExercise: e.id === 'E1' }))
			}
		});
		const check = publishCheck(MODULE_ID, one);
		if (!check.ok) throw new Error('refused');
		expect(exercisePagesOf(check.loaded.case)).toEqual(['tag', 'timeline', 'map']);
	});

	it('a case without events has no timeline.yaml, and is complete without one', () => {
		const draft = withFixedFields(MODULE_ID, { ...completeDraft(), timeline: { events: [] } });
		expect(draft.timeline).toBeUndefined();
		expect(publishCheck(MODULE_ID, draft).ok).toBe(true);
	});

	it('the publish check names the event and the field of what is not ready', () => {
		const draft = timelineDraft();
		const events = draft.timeline!.events.map((e) =>
			e.id === 'E2' ? { ...e, start: '2031-03', unverified: true } : e
		);
		const check = publishCheck(MODULE_ID, { ...draft, timeline: { events } });
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					file: 'timeline.yaml',
					item: 'E2',
					message: 'item E2, field "start": expected a date written YYYY-MM-DD for precision day'
				}),
				expect.objectContaining({
					file: 'timeline.yaml',
					item: 'E2',
					message: expect.stringMatching(/field "caveat"/)
				})
			])
		);
	});

	it('a source no event cites is named before publishing', () => {
		const draft = timelineDraft();
		const events = draft.timeline!.events.map((e) =>
			e.id === 'E2' ? { ...e, sources: ['article'] } : e
		);
		const check = publishCheck(MODULE_ID, { ...draft, timeline: { events } });
		expect(check.ok).toBe(false);
		if (!check.ok)
			expect(check.problems).toContainEqual(
				expect.objectContaining({ file: 'sources.yaml', item: 'source-1' })
			);
	});
});
