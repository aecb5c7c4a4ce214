/**
 * A JSON array that another feature wrote (a vote's candidates): anything else reads as empty rather
 * than throwing, so that a reader never fails on a writer's change.
 *
 * @param text JSON text.
 * @returns The array, or an empty one.
 */
export function jsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}
