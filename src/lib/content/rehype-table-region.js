// A rehype plugin for the lessons and instructor notes (mdsvex): every markdown table is wrapped in
// a focusable group named after its header row (a group, not a region landmark: a guide built
// from several notes may hold two tables with the same header row), so a table wider than a phone scrolls inside
// itself (the .table-scroll rule in app.css) and never pushes the page sideways.

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

/** @param {Node} node @returns {string} */
const text = (node) =>
	node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('');

/** @param {Node} node @param {string} tag @returns {Node[]} */
const all = (node, tag) =>
	(node.children ?? []).flatMap((child) => [
		...(child.tagName === tag ? [child] : []),
		...all(child, tag)
	]);

/** @param {Node} table */
function label(table) {
	const headers = all(table, 'th')
		.map((th) => text(th).trim())
		.filter(Boolean);
	return `Table: ${headers.join(', ') || 'scrolls sideways'}`;
}

/** @param {Node} node */
function wrap(node) {
	const children = node.children ?? [];
	for (const [index, child] of children.entries()) {
		if (child.tagName === 'table') {
			children[index] = {
				type: 'element',
				tagName: 'div',
				properties: {
					className: ['table-scroll'],
					role: 'group',
					tabIndex: 0,
					ariaLabel: label(child)
				},
				children: [child]
			};
		} else wrap(child);
	}
}

/** The plugin: rehypePlugins: [tableRegion] in mdsvex's options. */
export default function tableRegion() {
	return wrap;
}
