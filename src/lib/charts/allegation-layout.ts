// The allegation map's geometry as pure functions: the article's allegations in one column, the
// letter's claim sentences in the other, a cubic curve for every link (the key's, and the
// student's), label wrapping, and the roving-focus moves. D3 places the nodes; Svelte components
// only draw what these functions return. A sentence's tag is known only once the student has
// committed their own tag for it in the tagging exercise; until then it is null and the sentence
// and its links stay uncoloured.
import { scalePoint } from 'd3-scale';
import { TAG_INFO, type Tag } from '../content/vocabulary.ts';
import { itemName } from '../content/item-name.ts';
import { truncate } from '../content/words.ts';
import type { MapAllegation, MapSentence } from '../exercises/map/feedback.ts';
import { charsThatFit, wrapWords } from './text.ts';

export const MAP_METRICS = {
	/** room above the first node for the column headings */
	top: 52,
	bottom: 16,
	/** one sentence per row: at least the 24px target size of WCAG 2.2 */
	rowHeight: 30,
	/** the least height an allegation needs for its wrapped label */
	allegationGap: 96,
	nodeRadius: 7,
	/** the labels' font size: text.ts estimates how many characters fit */
	fontSize: 13,
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
	/** the tag in words after the label, when there is room for it (the shape always shows it) */
	tagWord: string;
	/** the sentence, cut to the room left of the label (empty when there is none) */
	/** what the reader sees for it: "Sentence 4" */
	label: string;
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

	const labelChars = charsThatFit(allegationX - m.nodeRadius - m.labelGap - m.margin, m.fontSize);
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

	const room = charsThatFit(width - labelX - m.margin, m.fontSize);
	const sentenceNodes = sentences.map((s): SentenceNode => {
		const label = itemName(s.id);
		// on a narrow chart "Sentence 16 deflection" does not fit: the node's shape still says it
		const word = s.tag && `${label} ${tagWord(s.tag)}`.length <= room ? tagWord(s.tag) : '';
		const prefix = `${label}${word ? ` ${word}` : ''}: `.length;
		const left = room - prefix;
		return {
			id: s.id,
			label,
			tag: s.tag,
			tagWord: word,
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

/** A node of the map, for focus: which column, which id. */
export interface NodeRef {
	column: 'allegation' | 'sentence';
	id: string;
}

/** A node's key, unique in the map: "sentence:L4", "allegation:A2". */
export function nodeKey(ref: NodeRef): string {
	return `${ref.column}:${ref.id}`;
}

/**
 * What a selected node lights up: its links (the key's and the student's) and the nodes at their
 * other ends, the node itself included; everything else fades. Null when nothing is selected.
 */
export function mapHighlight(
	layout: MapLayout,
	selected: NodeRef | null
): { links: Set<string>; nodes: Set<string> } | null {
	if (selected === null) return null;
	const links = layout.links.filter((l) =>
		selected.column === 'sentence' ? l.sentence === selected.id : l.allegation === selected.id
	);
	const nodes = new Set([nodeKey(selected)]);
	for (const l of links) {
		nodes.add(
			selected.column === 'sentence'
				? nodeKey({ column: 'allegation', id: l.allegation })
				: nodeKey({ column: 'sentence', id: l.sentence })
		);
	}
	return { links: new Set(links.map((l) => l.key)), nodes };
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
