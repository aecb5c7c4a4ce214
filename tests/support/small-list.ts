import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog } from '../../src/catalog/types.ts';

/**
 * A list written in the test: `{ Section: ['Title | url', …] }`, parsed by the real parser.
 *
 * @param sections Section names and their items.
 * @returns The catalog.
 */
export function listOf(sections: Record<string, readonly string[]>): Catalog {
  const markdown = Object.entries(sections)
    .map(([name, items]) =>
      [
        `#### ${name}`,
        ...items.map((item) => {
          const [title, url] = item.split(' | ');
          return `- ${title} [Link](${url})`;
        }),
      ].join('\n'),
    )
    .join('\n\n');
  return parseCatalog(markdown);
}

/** Alpha has three papers, Beta two, Gamma one: the round-robin gives a1 b1 c1 a2 b2 a3. */
export const abc = Object.freeze({
  Alpha: [
    'A1 | https://arxiv.org/abs/2001.00001',
    'A2 | https://arxiv.org/abs/2001.00002',
    'A3 | https://arxiv.org/abs/2001.00003',
  ],
  Beta: ['B1 | https://arxiv.org/abs/2002.00001', 'B2 | https://arxiv.org/abs/2002.00002'],
  Gamma: ['C1 | https://arxiv.org/abs/2003.00001'],
} as const);
