import { canonicalUrl } from '../catalog/links.ts';
import type { Catalog, Link, LinkKind, Paper } from '../catalog/types.ts';

/**
 * What the weekly post shows once: a paper, or several papers that point to the same canonical link
 * (SGD, Momentum and RMSProp all cite one book chapter; ADAM and ADAMAX share the Adam paper).
 */
export interface Reading {
  /** Id of its first paper in list order: stable while that paper keeps its title. */
  key: string;
  /** Its papers' ids, in list order. */
  paperIds: string[];
  /** Canonical URLs of all its papers' links, deduplicated, in list order. */
  links: string[];
  /**
   * The canonical URLs that identify it: `links` without code and video links. Two papers sharing
   * only a repository or a talk are two readings, and a renamed paper is still recognised by these.
   */
  identityLinks: string[];
  /** Sections listing any of its papers, in catalog section order. */
  sections: string[];
}

/** Link kinds that do not identify a reading: a repository or a talk can serve several papers. */
const sharedKinds: ReadonlySet<LinkKind> = new Set<LinkKind>(['code', 'video']);

/**
 * Whether a link identifies what it belongs to (its kind is not code or video).
 *
 * @param link A classified link.
 * @returns `true` for paper, book and blog links.
 */
export function isIdentityLink(link: Link): boolean {
  return !sharedKinds.has(link.kind);
}

/**
 * Group a catalog's papers into readings: papers that share a canonical identity link (transitively)
 * are one reading.
 *
 * @param catalog The parsed list.
 * @returns Readings in list order of their first paper.
 */
export function groupReadings(catalog: Catalog): Reading[] {
  const { papers } = catalog;
  // Union-find over paper indexes; the root is always the smallest index, so list order falls out.
  const parent = papers.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  const owner = new Map<string, number>();
  papers.forEach((paper, index) => {
    for (const link of paper.links) {
      if (!isIdentityLink(link)) continue;
      const url = canonicalUrl(link.url);
      const other = owner.get(url);
      if (other === undefined) {
        owner.set(url, index);
        continue;
      }
      const [a, b] = [find(other), find(index)];
      // Stryker disable next-line ConditionalExpression: with a === b the assignment is parent[a] = a, a no-op.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });

  const groups = new Map<number, Paper[]>();
  papers.forEach((paper, index) => {
    const root = find(index);
    const members = groups.get(root);
    if (members) members.push(paper);
    else groups.set(root, [paper]);
  });

  const sectionOrder = catalog.sections.map((section) => section.name);
  return [...groups.values()].map((group) => {
    const links = unique(group.flatMap((paper) => paper.links.map((link) => canonicalUrl(link.url))));
    const identityLinks = unique(
      group.flatMap((paper) => paper.links.filter(isIdentityLink).map((link) => canonicalUrl(link.url))),
    );
    const named = new Set(group.flatMap((paper) => paper.sections));
    return {
      // Stryker disable next-line OptionalChaining,StringLiteral: a group always holds the paper that made it.
      key: group[0]?.id ?? '',
      paperIds: group.map((paper) => paper.id),
      links,
      identityLinks,
      sections: sectionOrder.filter((name) => named.has(name)),
    };
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
