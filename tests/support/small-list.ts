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
