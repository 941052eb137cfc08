// The allegation map's geometry and words as pure functions: the article's allegations in one
// column, the letter's claim sentences in the other, a cubic curve for every link (the key's, and
// the student's), label wrapping, the per-allegation summary (how many evidence, assertion and
// deflection sentences respond to each) and the roving-focus moves. D3 places the nodes; Svelte
// components only draw what these functions return. A sentence's tag is known only once the
// student has committed their own tag for it in the tagging exercise; until then it is null and
// the sentence, its links and the summaries that depend on it stay uncoloured.
import { scalePoint } from 'd3-scale';
import { TAG_INFO, TAGS, type Tag } from '../content/vocabulary.ts';

export interface MapAllegation {
	id: string;
	short: string;
}

export interface MapSentence {
	id: string;
	text: string;
	/** the key's tag; null until the student has committed their own tag for the sentence */
	tag: Tag | null;
	/** allegation ids the key links it to */
	answers: readonly string[];
	/** allegation ids the student linked it to ([] is "none of them") */
	given: readonly string[];
}

export const MAP_METRICS = {
	/** room above the first node for the column headings */
	top: 52,
	bottom: 16,
	/** one sentence per row: at least the 24px target size of WCAG 2.2 */
	rowHeight: 30,
	/** the least height an allegation needs for its wrapped label */
	allegationGap: 96,
	nodeRadius: 7,
	/** an estimate of one character's width in the 13px UI font, for truncating labels */
	charWidth: 7.2,
	/** the same for the allegation labels, wrapped on the narrow side of the chart: kept generous */
	labelCharWidth: 7.8,
	lineHeight: 16,
	minWidth: 320,
	/** gap between a node and its label */
	labelGap: 12,
	margin: 8
} as const;

export interface Point {
	x: number;
	y: number;
}

export interface AllegationNode extends Point {
	id: string;
	short: string;
	/** the label wrapped to fit left of the node: first line starts with the id */
	lines: string[];
	/** the status, wrapped the same way, drawn under the label */
	statusLines: string[];
	/** y of the first label line's baseline */
	labelY: number;
	/** key sentences that respond to it */
	sentences: string[];
	/** some responding sentence is evidence (by the known tags) */
	hasEvidence: boolean;
	/** the status line under the label, in words (colour is never the only cue) */
	status: string;
}

export interface SentenceNode extends Point {
	id: string;
	tag: Tag | null;
	/** the sentence, cut to the room left of the label (empty when there is none) */
	snippet: string;
	answers: readonly string[];
	given: readonly string[];
	/** linked to some allegation, by the key or by the student */
	linked: boolean;
}

export interface MapLink {
	/** unique within the layout */
	key: string;
	kind: 'key' | 'student';
	sentence: string;
	allegation: string;
	/** the key's tag of the sentence, null while not known */
	tag: Tag | null;
	/** a key link the student drew too, or a student link the key has */
	agreed: boolean;
	path: string;
}

export interface MapLayout {
	width: number;
	height: number;
	columns: { allegationX: number; sentenceX: number; headingY: number; labelX: number };
	/** the column headings, shortened when the chart is narrow */
	headings: { allegations: string; sentences: string };
	allegations: AllegationNode[];
	sentences: SentenceNode[];
	links: MapLink[];
}

/**
 * A horizontal cubic link from a to b, the same curve as d3-shape's linkHorizontal: both control
 * points halfway across, so it leaves and arrives level.
 */
export function linkPath(a: Point, b: Point): string {
	const mid = (a.x + b.x) / 2;
	const r = (n: number) => Math.round(n * 10) / 10;
	return `M${r(a.x)},${r(a.y)}C${r(mid)},${r(a.y)} ${r(mid)},${r(b.y)} ${r(b.x)},${r(b.y)}`;
}

/** Words wrapped into lines of at most `chars` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, chars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > chars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/** The text cut at a word boundary to at most `chars` characters, with an ellipsis when cut. */
export function truncate(text: string, chars: number): string {
	if (text.length <= chars) return text;
	if (chars < 2) return '';
	const cut = text.slice(0, chars - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > chars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The tag as a word inside a label: "evidence". */
export function tagWord(tag: Tag): string {
	return TAG_INFO[tag].label.toLowerCase();
}

/** Where the nodes, labels and links of the map go for a chart `width` pixels wide. */
export function layoutAllegationMap(
	allegations: readonly MapAllegation[],
	sentences: readonly MapSentence[],
	options: { width: number }
): MapLayout {
	const m = MAP_METRICS;
	const width = Math.max(Math.round(options.width), m.minWidth);
	const rows = Math.max(sentences.length * m.rowHeight, allegations.length * m.allegationGap);
	const height = m.top + rows + m.bottom;
	const allegationX = Math.round(width * 0.36);
	const sentenceX = Math.round(width * 0.6);
	const labelX = sentenceX + m.nodeRadius + m.labelGap;

	const ySentence = scalePoint<string>()
		.domain(sentences.map((s) => s.id))
		.range([m.top, height - m.bottom])
		.padding(0.5);
	const yAllegation = scalePoint<string>()
		.domain(allegations.map((a) => a.id))
		.range([m.top, height - m.bottom])
		.padding(0.5);

	const labelChars = Math.floor((allegationX - m.nodeRadius - m.labelGap - m.margin) / m.charWidth);
	const allegationNodes = allegations.map((a): AllegationNode => {
		const y = yAllegation(a.id) ?? m.top;
		const lines = wrapWords(`${a.id} ${a.short}`, labelChars);
		const responding = sentences.filter((s) => s.answers.includes(a.id));
		const pending = responding.some((s) => s.tag === null);
		const hasEvidence = !pending && responding.some((s) => s.tag === 'evidence');
		const status = !responding.length
			? 'no response'
			: pending
				? 'tags not checked yet'
				: hasEvidence
					? 'checkable evidence'
					: 'no checkable evidence';
		const statusLines = wrapWords(status, labelChars);
		// the id and title, then the status; centred on the node
		const count = lines.length + statusLines.length;
		return {
			id: a.id,
			short: a.short,
			x: allegationX,
			y,
			lines,
			statusLines,
			labelY: y - ((count - 1) * m.lineHeight) / 2 + 4,
			sentences: responding.map((s) => s.id),
			hasEvidence,
			status
		};
	});

	const room = Math.floor((width - labelX - m.margin) / m.charWidth);
	const sentenceNodes = sentences.map((s): SentenceNode => {
		const prefix = `${s.id}${s.tag ? ` ${tagWord(s.tag)}` : ''}: `.length;
		const left = room - prefix;
		return {
			id: s.id,
			tag: s.tag,
			x: sentenceX,
			y: ySentence(s.id) ?? m.top,
			snippet: left >= 12 ? truncate(s.text, left) : '',
			answers: s.answers,
			given: s.given,
			linked: s.answers.length > 0 || s.given.length > 0
		};
	});

	const byId = new Map(allegationNodes.map((a) => [a.id, a]));
	const links: MapLink[] = [];
	for (const s of sentenceNodes) {
		const from = { x: s.x - m.nodeRadius - 2, y: s.y };
		const add = (kind: MapLink['kind'], allegation: string, agreed: boolean) => {
			const a = byId.get(allegation);
			if (!a) return;
			const to = { x: a.x + m.nodeRadius + 2, y: a.y };
			links.push({
				key: `${kind}:${s.id}:${allegation}`,
				kind,
				sentence: s.id,
				allegation,
				tag: s.tag,
				agreed,
				path: linkPath(from, to)
			});
		};
		for (const a of s.answers) add('key', a, s.given.includes(a));
		for (const a of s.given) add('student', a, s.answers.includes(a));
	}

	return {
		width,
		height,
		columns: { allegationX, sentenceX, headingY: 22, labelX },
		headings:
			width < 560
				? { allegations: 'Allegations', sentences: 'Sentences' }
				: { allegations: "The article's allegations", sentences: "The letter's sentences" },
		allegations: allegationNodes,
		sentences: sentenceNodes,
		links
	};
}

export interface AllegationSummary {
	id: string;
	short: string;
	/** key sentences responding to it, by their key tag */
	byTag: Record<Tag, string[]>;
	/** all key sentences responding to it, in reading order */
	sentences: string[];
	/** responding sentences whose tag is not known yet (the student has not committed theirs) */
	untagged: string[];
	/** sentences the student linked to it */
	given: string[];
	/**
	 * evidence: some checkable answer; unsupported: only assertions and deflections; unanswered;
	 * pending: some responding sentence's tag is not known yet, so the kind of answer is not either
	 */
	verdict: 'evidence' | 'unsupported' | 'unanswered' | 'pending';
}

/** For each allegation: which sentences respond to it in the key, by tag, and its verdict. */
export function summariseAllegations(
	allegations: readonly MapAllegation[],
	sentences: readonly MapSentence[]
): AllegationSummary[] {
	return allegations.map(({ id, short }) => {
		const responding = sentences.filter((s) => s.answers.includes(id));
		const byTag = Object.fromEntries(
			TAGS.map((tag) => [tag, responding.filter((s) => s.tag === tag).map((s) => s.id)])
		) as Record<Tag, string[]>;
		const untagged = responding.filter((s) => s.tag === null).map((s) => s.id);
		return {
			id,
			short,
			byTag,
			sentences: responding.map((s) => s.id),
			untagged,
			given: sentences.filter((s) => s.given.includes(id)).map((s) => s.id),
			verdict: !responding.length
				? 'unanswered'
				: untagged.length
					? 'pending'
					: byTag.evidence.length
						? 'evidence'
						: 'unsupported'
		};
	});
}

/** "2 evidence sentences (L25, L26)", "0 assertions", "1 deflection (L4)". */
export function countPhrase(tag: Tag, ids: readonly string[]): string {
	const noun = TAG_INFO[tag].noun[ids.length === 1 ? 0 : 1];
	return `${ids.length} ${noun}${ids.length ? ` (${ids.join(', ')})` : ''}`;
}

/**
 * "A4: 2 evidence sentences (L25, L26), 0 assertions, 2 deflections (L4, L5).", with ", 1 not
 * tagged yet (L9)" before the full stop while some tags are not known.
 */
export function describeSummary(s: AllegationSummary): string {
	const parts = TAGS.map((tag) => countPhrase(tag, s.byTag[tag]));
	if (s.untagged.length) {
		parts.push(`${s.untagged.length} not tagged yet (${s.untagged.join(', ')})`);
	}
	return `${s.id}: ${parts.join(', ')}.`;
}

/** What the summary means for the allegation, in one sentence. */
export function describeVerdict(s: AllegationSummary): string {
	switch (s.verdict) {
		case 'evidence':
			return `Checkable evidence: ${s.byTag.evidence.join(', ')}. Read what it does and does not settle.`;
		case 'unsupported':
			return 'No checkable evidence: only assertions and deflections.';
		case 'unanswered':
			return 'No sentence of the letter responds to it.';
		case 'pending':
			return `What kind of answer it got shows once you have checked your tags for ${listWords(s.untagged)} in the tagging exercise.`;
	}
}

/** A list of ids in words: "A1", "A1 and A2", "A1, A2 and A3". */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The overall lesson of the map: which allegations got checkable evidence, which did not. */
export function overallLesson(
	summaries: readonly AllegationSummary[],
	sentences: readonly MapSentence[]
): string[] {
	const none = sentences.filter((s) => s.answers.length === 0).length;
	const noneLine = `${none} of the ${sentences.length} claim sentences respond to none of the allegations.`;
	const tagged = sentences.filter((s) => s.tag !== null).length;
	if (tagged < sentences.length) {
		return [
			noneLine,
			`Which allegation got checkable evidence shows once you have checked your tags in the tagging exercise (${tagged} of ${sentences.length} sentences so far).`
		];
	}
	const withEvidence = summaries.filter((s) => s.verdict === 'evidence');
	const unsupported = summaries.filter((s) => s.verdict === 'unsupported');
	const unanswered = summaries.filter((s) => s.verdict === 'unanswered');
	const lines: string[] = [];
	if (withEvidence.length) {
		const parts = withEvidence.map((s) => `${s.id} (${s.byTag.evidence.join(', ')})`);
		lines.push(`Checkable evidence reached ${listWords(parts)}.`);
	} else lines.push('No allegation got checkable evidence.');
	if (unsupported.length) {
		const ids = unsupported.map((s) => s.id);
		lines.push(
			`${listWords(ids)} got only assertions and deflections: nothing a reader could check.`
		);
	}
	if (unanswered.length) {
		lines.push(
			`${listWords(unanswered.map((s) => s.id))}: no sentence responds at all, which does not make the allegation true.`
		);
	}
	lines.push(noneLine);
	const evidence = [...new Set(withEvidence.flatMap((s) => s.byTag.evidence))];
	if (evidence.length) {
		lines.push(
			`Checkable is not the same as answered: the reasons below say what ${listWords(evidence)} ${evidence.length === 1 ? 'does' : 'do'} and ${evidence.length === 1 ? 'does' : 'do'} not settle.`
		);
	}
	return lines;
}

/** A node of the map, for focus: which column, which id. */
export interface NodeRef {
	column: 'allegation' | 'sentence';
	id: string;
}

/**
 * Where the roving focus goes from `current` on a key: Up and Down within a column (Home, End to
 * its ends), Left to the allegations (the first one the sentence answers, else the nearest), Right
 * to the sentences (the first one answering the allegation, else the nearest). Null for other keys.
 */
export function mapNeighbour(layout: MapLayout, current: NodeRef, key: string): NodeRef | null {
	const column = current.column === 'allegation' ? layout.allegations : layout.sentences;
	const index = Math.max(
		column.findIndex((n) => n.id === current.id),
		0
	);
	const here = column[index];
	const within = (i: number): NodeRef | null => {
		const node = column[Math.min(Math.max(i, 0), column.length - 1)];
		return node ? { column: current.column, id: node.id } : null;
	};
	const nearest = (nodes: readonly (Point & { id: string })[]) =>
		nodes.reduce<(Point & { id: string }) | undefined>(
			(best, n) =>
				!best || Math.abs(n.y - (here?.y ?? 0)) < Math.abs(best.y - (here?.y ?? 0)) ? n : best,
			undefined
		);
	switch (key) {
		case 'ArrowUp':
			return within(index - 1);
		case 'ArrowDown':
			return within(index + 1);
		case 'Home':
			return within(0);
		case 'End':
			return within(column.length - 1);
		case 'ArrowLeft': {
			if (current.column === 'allegation') return current;
			const sentence = layout.sentences[index];
			const first = layout.allegations.find((a) => sentence?.answers.includes(a.id));
			const target = first ?? nearest(layout.allegations);
			return target ? { column: 'allegation', id: target.id } : null;
		}
		case 'ArrowRight': {
			if (current.column === 'sentence') return current;
			const allegation = layout.allegations[index];
			const first = layout.sentences.find((s) => allegation?.sentences.includes(s.id));
			const target = first ?? nearest(layout.sentences);
			return target ? { column: 'sentence', id: target.id } : null;
		}
		default:
			return null;
	}
}
