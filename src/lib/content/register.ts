// The case's source register while the case loads: looks up the source ids each fact cites,
// computes the fact's confidence, remembers which sources were cited, and rejects unknown ids,
// facts no cited source can confirm, sources nothing cites and addresses on the denylist.
import { assessConfidence } from './confidence.ts';
import { ContentError } from './errors.ts';
import type { DenylistFile, Sourced, Source } from './schemas.ts';
import type { FactAbout } from './vocabulary.ts';

/** What a fact says about its own sourcing, as written in a content file. */
export interface Citation {
	sources: readonly string[];
	about?: FactAbout;
	unverified?: boolean;
	caveat?: string;
}

/** The host of a web address, lowercased, without a leading "www.". */
export function hostOf(url: string): string {
	return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether a host is a denylisted domain or one of its subdomains. */
export function isDenied(host: string, domains: readonly string[]): boolean {
	return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

export class SourceRegister {
	readonly sources: Source[];
	private readonly byId: Map<string, Source>;
	private readonly cited = new Set<string>();

	constructor(
		readonly file: string,
		sources: Source[],
		denylist?: DenylistFile
	) {
		this.sources = sources;
		this.byId = new Map();
		const problems: string[] = [];
		const denied = denylist?.domains.map((d) => d.domain) ?? [];
		for (const source of sources) {
			if (this.byId.has(source.id)) {
				problems.push(`item ${source.id}, field "id": expected each source id once`);
			}
			this.byId.set(source.id, source);
			if (isDenied(hostOf(source.url), denied)) {
				problems.push(
					`item ${source.id}, field "url": expected an address whose host is not on source-denylist.yaml; ${hostOf(source.url)} is`
				);
			}
		}
		if (problems.length) throw new ContentError(file, problems);
	}

	has(id: string): boolean {
		return this.byId.has(id);
	}

	get(id: string): Source | undefined {
		return this.byId.get(id);
	}

	/**
	 * Resolves one fact's citation: the sources it names (each must be in the register) and its
	 * computed confidence. Problems are added to `problems`, naming the item and the field.
	 */
	resolve(
		item: string,
		citation: Citation,
		problems: string[],
		defaultAbout: FactAbout = 'fact'
	): Sourced {
		const found: Source[] = [];
		for (const id of citation.sources) {
			const source = this.byId.get(id);
			if (!source) {
				problems.push(
					`item ${item}, field "sources": expected a source id from sources.yaml, found ${id}`
				);
				continue;
			}
			this.cited.add(id);
			if (!found.includes(source)) found.push(source);
		}
		const about = citation.about ?? defaultAbout;
		const { confidence } = assessConfidence(found, { about, unverified: citation.unverified });
		if (confidence === 'none' && found.length === citation.sources.length) {
			problems.push(
				`item ${item}, field "sources": expected at least one source that can confirm the fact itself; mirrors, translations and secondary summaries confirm only what the article said (cite the original, or mark the fact unverified)`
			);
		}
		const resolved: Sourced = {
			sources: found,
			confidence: confidence === 'none' ? 'unverified' : confidence,
			about
		};
		if (citation.caveat) resolved.caveat = citation.caveat;
		return resolved;
	}

	/** Marks sources as cited without resolving a fact (e.g. the article's own entry). */
	cite(item: string, ids: readonly string[], problems: string[]): Source[] {
		return ids.flatMap((id) => {
			const source = this.byId.get(id);
			if (!source) {
				problems.push(
					`item ${item}, field "sources": expected a source id from sources.yaml, found ${id}`
				);
				return [];
			}
			this.cited.add(id);
			return [source];
		});
	}

	/** After every file has cited its sources: a source that nothing cites is an error. */
	checkAllCited(): void {
		const unused = this.sources.filter((s) => !this.cited.has(s.id));
		if (unused.length) {
			throw new ContentError(
				this.file,
				unused.map(
					(s) =>
						`item ${s.id}, field "id": expected every source to be cited by a fact; nothing cites ${s.id}`
				)
			);
		}
	}
}

/**
 * <Source id="a b" about="article" unverified /> (a fact's sources) or <SourceList id="a b" /> (a
 * list of sources to open) in a lesson or note: the attributes it carries.
 */
export interface SourceTag {
	/** Source cites a fact, SourceList only lists sources */
	component: 'Source' | 'SourceList';
	ids: string[];
	about?: FactAbout;
	unverified: boolean;
	/** attributes the component does not take (e.g. the old href/label form) */
	unknown: string[];
}

const SOURCE_TAG = /<(Source|SourceList)\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([A-Za-z]+)(?:=(?:"([^"]*)"|'([^']*)'))?/g;

/** Every <Source .../> in a markdown file, in order. */
export function sourceTags(markdown: string): SourceTag[] {
	return [...markdown.matchAll(SOURCE_TAG)].map((match) => {
		const component = match[1] === 'SourceList' ? 'SourceList' : 'Source';
		const tag: SourceTag = { component, ids: [], unverified: false, unknown: [] };
		for (const [, name = '', double, single] of (match[2] ?? '').matchAll(ATTRIBUTE)) {
			const value = double ?? single ?? '';
			if (name === 'id') tag.ids = value.split(/\s+/).filter(Boolean);
			else if (name === 'about' && (value === 'article' || value === 'fact')) tag.about = value;
			else if (name === 'unverified') tag.unverified = true;
			else tag.unknown.push(name);
		}
		return tag;
	});
}

/**
 * Checks and records the citations of one markdown file; returns the ids it cites, in first-cited
 * order. Problems name the file's n-th <Source> tag.
 */
export function citeMarkdown(register: SourceRegister, file: string, markdown: string): string[] {
	const problems: string[] = [];
	const ids: string[] = [];
	sourceTags(markdown).forEach((tag, index) => {
		const item = `<${tag.component}> ${index + 1}`;
		if (tag.unknown.length) {
			problems.push(
				`item ${item}, field "${tag.unknown.join('", "')}": expected only id="..." (source ids from sources.yaml), about="article" and unverified`
			);
		}
		if (tag.ids.length === 0) {
			problems.push(`item ${item}, field "id": expected at least one source id from sources.yaml`);
			return;
		}
		if (tag.component === 'SourceList') register.cite(item, tag.ids, problems);
		else
			register.resolve(
				item,
				{ sources: tag.ids, about: tag.about, unverified: tag.unverified },
				problems
			);
		for (const id of tag.ids) if (register.has(id) && !ids.includes(id)) ids.push(id);
	});
	if (problems.length) throw new ContentError(file, problems);
	return ids;
}
