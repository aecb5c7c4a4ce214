/**
 * The part of npm's semver ranges that `engines.node` fields use: `||` between sets, comparators
 * (`>=`, `>`, `<=`, `<`, `=`) joined by spaces, `^` and `~`, and partial or x-versions (`20`, `20.x`,
 * `*`). Enough to read every `engines.node` of the lockfile; anything else throws, so that a new form
 * is noticed rather than misread. (semver itself is not a dependency of the project.)
 */

type Version = readonly [number, number, number];
type Comparator = { op: '>=' | '>' | '<=' | '<' | '='; version: Version };

/**
 * Whether a Node version is in a range.
 *
 * @param version `20.19.0` or `v20.19.0`.
 * @param range An `engines.node` range.
 * @returns True when some `||` set admits it.
 */
export function satisfies(version: string, range: string): boolean {
  const parsed = exact(version.replace(/^v/, ''));
  return sets(range).some((set) => set.every((comparator) => test(parsed, comparator)));
}

/**
 * The first version of each `||` set of a range: the oldest release of each line it admits.
 *
 * @param range An `engines.node` range such as `^20.19.0 || ^22.13.0 || >=24`.
 * @returns `['20.19.0', '22.13.0', '24.0.0']`.
 */
export function lowestOfEach(range: string): string[] {
  return sets(range).map((set) => {
    const floor = set.find((comparator) => comparator.op === '>=' || comparator.op === '=');
    if (!floor) throw new Error(`no lower bound in ${range}`);
    return floor.version.join('.');
  });
}

function sets(range: string): Comparator[][] {
  return range.split('||').map((set) => {
    // `>= 20` is `>=20`: an operator may stand apart from its version.
    const words = set
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return words.length === 0 ? [] : words.flatMap((word) => comparators(word, range));
  });
}

function comparators(word: string, range: string): Comparator[] {
  const match = /^(>=|<=|>|<|=|\^|~)?v?(\*|\d+)(?:\.(x|\*|\d+))?(?:\.(x|\*|\d+))?$/.exec(word);
  if (!match) throw new Error(`cannot read ${JSON.stringify(word)} in the range ${JSON.stringify(range)}`);
  const [, op = '', ...parts] = match;
  const numbers = parts.map((part) =>
    part === undefined || part === 'x' || part === '*' ? undefined : Number(part),
  );
  const [major, minor, patch] = numbers;
  if (major === undefined) return [];
  const low: Version = [major, minor ?? 0, patch ?? 0];
  // How many parts were given decides what a partial version means (`20` is 20.x.x, `<21` is <21.0.0).
  const given = numbers.filter((part) => part !== undefined).length;
  const next = (at: number): Version =>
    at === 0
      ? [major + 1, 0, 0]
      : at === 1
        ? [major, (minor ?? 0) + 1, 0]
        : [major, minor ?? 0, (patch ?? 0) + 1];
  switch (op) {
    case '>=':
    case '<':
      return [{ op, version: low }];
    case '>':
      return given === 3 ? [{ op, version: low }] : [{ op: '>=', version: next(given - 1) }];
    case '<=':
      return given === 3 ? [{ op, version: low }] : [{ op: '<', version: next(given - 1) }];
    case '^': {
      const at = major > 0 || given === 1 ? 0 : (minor ?? 0) > 0 || given === 2 ? 1 : 2;
      return [
        { op: '>=', version: low },
        { op: '<', version: next(at) },
      ];
    }
    case '~':
      return [
        { op: '>=', version: low },
        { op: '<', version: next(given === 1 ? 0 : 1) },
      ];
    default:
      return given === 3
        ? [{ op: '=', version: low }]
        : [
            { op: '>=', version: low },
            { op: '<', version: next(given - 1) },
          ];
  }
}

function exact(version: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function test(version: Version, { op, version: bound }: Comparator): boolean {
  const order = compare(version, bound);
  switch (op) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    case '=':
      return order === 0;
  }
}
