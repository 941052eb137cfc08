// The dashboard's components render on the server (no JavaScript needed): the chart is hidden
// from assistive technology behind a caption, the table carries every figure, and the student
// student's view of the class names each sentence as students read it.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ClassDistribution from '../../src/lib/components/classes/ClassDistribution.svelte';
import DistributionTable from '../../src/lib/components/dashboard/DistributionTable.svelte';
import TagDistribution from '../../src/lib/components/dashboard/TagDistribution.svelte';
import type { SentenceDistribution } from '../../src/lib/charts/distribution-layout';

const items: SentenceDistribution[] = [
	{
		id: 'L7',
		text: 'The so-called menace is a fabrication of those who wish to harm our friendship.',
		counts: { evidence: 2, assertion: 1, deflection: 5 },
		total: 8,
		keyTag: 'deflection',
		keyShare: 5 / 8,
		agreement: (2 + 0 + 20) / 56
	},
	{
		id: 'L9',
		text: 'Nobody answered this one.',
		counts: { evidence: 0, assertion: 0, deflection: 0 },
		total: 0,
		keyTag: null,
		keyShare: null,
		agreement: null
	}
];

describe('TagDistribution', () => {
	const { body } = render(TagDistribution, { props: { items, caption: 'Two sentences.' } });

	it('is a figure whose SVG is hidden behind its caption', () => {
		expect(body).toMatch(/<figure[^>]*>/);
		expect(body).toMatch(/<svg[^>]*aria-hidden="true"/);
		expect(body).toMatch(/<figcaption[^>]*>Two sentences\.<\/figcaption>/);
	});

	it('labels segments with letters and counts and outlines the key', () => {
		expect(body).toContain('D 5');
		expect(body).toContain('E 2');
		expect(body).toContain('key D');
		expect(body).toContain('class="key-mark');
		expect(body).toContain('no answers yet');
	});
});

describe('TagDistribution with links to the table', () => {
	const { body } = render(TagDistribution, {
		props: { items, caption: 'Two sentences.', rowHref: (id: string) => `#distribution-${id}` }
	});

	it('is a group of links, one per bar, one of them in the tab order, each named in words', () => {
		expect(body).toMatch(/<svg[^>]*role="group"/);
		expect(body).not.toMatch(/<svg[^>]*aria-hidden/);
		expect(body).toContain('href="#distribution-L7"');
		expect(body.match(/tabindex="0"/g)).toHaveLength(1);
		expect(body).toContain(
			'aria-label="L7: 2 evidence, 1 assertion, 5 deflection (n = 8); key: deflection"'
		);
		expect(body).toContain('aria-label="L9: no answers yet (n = 0)"');
	});

	it('has a legend in words beside the textures: plain, lined, dotted', () => {
		expect(body).toMatch(/Evidence \(plain\)/);
		expect(body).toMatch(/Assertion \(lined\)/);
		expect(body).toMatch(/Deflection \(dotted\)/);
	});
});

describe('DistributionTable', () => {
	it('gives counts, shares, the key and agreement per sentence', () => {
		const { body } = render(DistributionTable, { props: { items, caption: 'Per sentence' } });
		expect(body).toContain('<caption');
		expect(body).toContain('5 (63%)');
		expect(body).toContain('tag-deflection');
		expect(body).toContain('39%');
		expect(body).toMatch(/<th scope="row"[^>]*>(<!--[^>]*-->|\s)*L7/);
	});

	it('leaves the key columns out when the key is hidden', () => {
		const { body } = render(DistributionTable, {
			props: { items, caption: 'Per sentence', showKey: false }
		});
		expect(body).not.toContain('Agreeing with the key');
		expect(body).not.toContain('tag-deflection');
	});
});

describe('ClassDistribution (a student, after handing in)', () => {
	it('names the sentences as the student reads them, by number under "Sentence", with no key', () => {
		const { body } = render(ClassDistribution, {
			props: {
				distribution: { students: 8, items: items.map(({ id, counts }) => ({ id, counts })) }
			}
		});
		const text = body.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');
		expect(text).toContain('8 students have handed in');
		expect(body).toMatch(/<th scope="col">Sentence<\/th>/);
		expect(body).toMatch(/<th scope="row">7<\/th>/);
		expect(body).not.toContain('L7');
		expect(body).not.toContain('key');
	});
});
