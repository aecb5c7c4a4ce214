import { describe, expect, it } from 'vitest';
import { paperTitled, shippedCatalog } from '../support/shipped.ts';

const catalog = shippedCatalog();

describe('the shipped list', () => {
  it('has 14 sections, from "Popular Optimization algorithms" to "Tutorials, Surveys and Blogs"', () => {
    expect(catalog.sections).toHaveLength(14);
    expect(catalog.sections[0]?.name).toBe('Popular Optimization algorithms');
    expect(catalog.sections.at(-1)?.name).toBe('Tutorials, Surveys and Blogs');
    // Whitespace in headings is collapsed like in titles.
    expect(catalog.sections.map((section) => section.name)).toContain(
      'Dynamics, Bifurcations and RNNs difficulty to train',
    );
  });

  it('leaves out "Contributing" and the donation footer', () => {
    const names = catalog.sections.map((section) => section.name).join('\n');
    expect(names).not.toMatch(/Contributing|coffee|donation/i);
    expect(catalog.papers.flatMap((paper) => paper.links.map((link) => link.host))).not.toContain(
      'venmo.com',
    );
    expect(catalog.papers.flatMap((paper) => paper.links.map((link) => link.host))).not.toContain(
      'ko-fi.com',
    );
  });

  it('reads 116 entries and 114 distinct papers', () => {
    expect(catalog.entries).toHaveLength(116);
    expect(catalog.papers).toHaveLength(114);
    const sectionSizes = catalog.sections.reduce((sum, section) => sum + section.paperIds.length, 0);
    expect(sectionSizes).toBe(116);
  });

  it.each([
    [
      'Denoising Neural Machine Translation Training with Trusted Data and Online Data Selection',
      'https://www.aclweb.org/anthology/W18-6314.pdf',
    ],
    [
      'Equilibrium Propagation: Bridging the Gap between Energy-Based Models and Backpropagation',
      'https://www.frontiersin.org/articles/10.3389/fncom.2017.00024/full',
    ],
  ])('repairs "[Link (https://…)" after "%s": clean title, the real URL', (title, url) => {
    const paper = paperTitled(catalog, title);
    expect(paper.title).toBe(title);
    expect(paper.links).toEqual([
      { label: 'Link', url, kind: 'paper', host: new URL(url).hostname.replace('www.', '') },
    ]);
  });

  it('drops the stray bracket of "[[Link](…)"', () => {
    const paper = paperTitled(catalog, 'A New Concept of Convex based Multiple Neural Networks Structure.');
    expect(paper.title).not.toContain('[');
    expect(paper.links[0]?.url).toBe('http://www.ifaamas.org/Proceedings/aamas2019/pdfs/p1306.pdf');
  });

  it.each([
    'Adding One Neuron Can Eliminate All Bad Local Minima',
    'Asymmetric Valleys: Beyond Sharp and Flat Local Minima',
    'How regularization affects the critical points in linear networks.',
    'Deep learning for universal linear embeddings of nonlinear dynamics',
  ])('joins "%s", broken over two lines, into one line', (title) => {
    expect(paperTitled(catalog, title).title).toBe(title);
  });

  it('repairs the mojibake of "SOLVING RUBIKâ€™S CUBE" and shows the title in title case', () => {
    const paper = paperTitled(catalog, 'SOLVING RUBIK’S CUBE WITH A ROBOT HAND');
    expect(paper.title).toBe('Solving Rubik’s Cube with a Robot Hand');
    expect(JSON.stringify([catalog.papers, catalog.entries])).not.toContain('â€');
  });

  it('shows shouting titles in title case and keeps their acronyms', () => {
    expect(paperTitled(catalog, 'ENTROPY-SGD: BIASING GRADIENT DESCENT INTO WIDE VALLEYS').title).toBe(
      'Entropy-SGD: Biasing Gradient Descent into Wide Valleys',
    );
    expect(
      paperTitled(catalog, 'NEIGHBOURHOOD DISTILLATION: ON THE BENEFITS OF NON END-TO-END DISTILLATION')
        .title,
    ).toBe('Neighbourhood Distillation: On the Benefits of Non End-to-End Distillation');
    // Short names written in capitals are names, not shouting.
    expect(paperTitled(catalog, 'ADAM').title).toBe('ADAM');
  });

  it('gives the bare-URL entry of "Tutorials, Surveys and Blogs" a readable title', () => {
    const section = catalog.sections.find((s) => s.name === 'Tutorials, Surveys and Blogs');
    const paper = catalog.papers.find((p) => p.id === section?.paperIds[0]);
    expect(paper?.title).toBe('offconvex.org');
    expect(paper?.links).toEqual([
      { label: 'Link', url: 'https://www.offconvex.org/', kind: 'blog', host: 'offconvex.org' },
    ]);
  });

  it('keeps ADAM and ADAMAX as two papers sharing one link', () => {
    const adam = paperTitled(catalog, 'ADAM');
    const adamax = paperTitled(catalog, 'ADAMAX');
    expect(adam.id).not.toBe(adamax.id);
    expect(adam.links[0]?.url).toBe(adamax.links[0]?.url);
  });

  it.each([
    [
      'Exact solutions to the nonlinear dynamics of learning in deep linear neural networks',
      ['On Loss Surfaces and Generalization of Deep Neural Networks', 'Degeneracy of Neural Networks'],
      ['https://arxiv.org/abs/1312.6120'],
    ],
    [
      'A Convergence Theory for Deep Learning via Over-Parameterization',
      ['On Convexity and Generalization of Neural Networks', 'Convergencec Analysis in Deep Learning'],
      ['https://arxiv.org/abs/1811.03962', 'http://proceedings.mlr.press/v97/allen-zhu19a/allen-zhu19a.pdf'],
    ],
  ])('lists "%s" once, with both sections', (title, sections, urls) => {
    const papers = catalog.papers.filter((paper) => paper.title === title);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sections).toEqual(sections);
    // The arXiv abs and pdf forms of one paper are one link.
    expect(papers[0]?.links.map((link) => link.url)).toEqual(urls);
    for (const name of sections) {
      expect(catalog.sections.find((section) => section.name === name)?.paperIds).toContain(papers[0]?.id);
    }
  });

  it('gives every paper a unique, stable slug id', () => {
    const ids = catalog.papers.map((paper) => paper.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(paperTitled(catalog, 'Sharp Minima Can Generalize For Deep Nets').id).toBe(
      'sharp-minima-can-generalize-for-deep-nets',
    );
    expect(shippedCatalog().papers.map((paper) => paper.id)).toEqual(ids);
  });

  it('reads the arXiv id and year from arXiv links', () => {
    expect(paperTitled(catalog, 'ADAM')).toMatchObject({ arxivId: '1412.6980', year: 2014 });
    expect(
      paperTitled(catalog, 'UNDERSTANDING DEEP LEARNING REQUIRES RETHINKING GENERALIZATION'),
    ).toMatchObject({
      arxivId: '1611.03530',
      year: 2016,
    });
    // A year shown elsewhere: in the title, in a proceedings URL.
    expect(paperTitled(catalog, 'Curriculum Learning').year).toBe(2009);
    expect(
      paperTitled(
        catalog,
        'Learning and development in neural networks: The importance of starting small (1993)',
      ).year,
    ).toBe(1993);
    expect(paperTitled(catalog, 'NADAM').year).toBeUndefined();
  });

  it('classifies links: paper, code, video, blog, book', () => {
    expect(paperTitled(catalog, 'AdaBound').links.map((link) => [link.label, link.kind])).toEqual([
      ['Link', 'paper'],
      ['Github', 'code'],
    ]);
    expect(
      paperTitled(
        catalog,
        'Curriculum Learning by Transfer Learning: Theory and Experiments with Deep Networks',
      ).links.map((link) => link.kind),
    ).toEqual(['paper', 'video']);
    expect(paperTitled(catalog, 'Why Momentum really works?').links[0]?.kind).toBe('blog');
    expect(paperTitled(catalog, 'SGD').links[0]?.kind).toBe('book');
  });

  it('reports the three broken links and the mojibake it repaired, with their lines', () => {
    const warnings = catalog.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => [d.line, d.code])).toEqual([
      [27, 'broken-link'],
      [33, 'mojibake'],
      [48, 'broken-link'],
      [89, 'broken-link'],
    ]);
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
