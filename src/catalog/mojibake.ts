import type { Diagnostic } from './types.ts';

/**
 * UTF-8 text that was once decoded as Windows-1252 (`â€™` for `’`, `Ã©` for `é`).
 * Node's TextDecoder cannot re-encode to windows-1252, so the 27 characters that
 * windows-1252 puts in 0x80–0x9F are mapped back by table; 0xA0–0xFF are Latin-1.
 */
const cp1252High: Readonly<Record<string, number>> = Object.freeze({
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
});

/** A lead byte (Â–ô) followed by one to three characters that stand for continuation bytes. */
const suspect =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;

/** The Windows-1252 byte a character stands for: its own code up to 0xFF (ASCII, Latin-1), else the table's. */
function toCp1252Byte(char: string): number | undefined {
  const code = char.codePointAt(0) ?? 0;
  // Stryker disable next-line EqualityOperator: `ÿ` (0xFF) is in neither class of `suspect`, so never in a run.
  if (code <= 0xff) return code;
  return cp1252High[char];
}

/**
 * Repair mojibake: runs of characters that, read back as Windows-1252 bytes, form valid UTF-8.
 *
 * @param text Text that may contain mojibake.
 * @returns The repaired text and whether anything changed.
 */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  let repaired = false;
  const result = text.replace(suspect, (run) => {
    const bytes: number[] = [];
    for (const char of run) {
      const byte = toCp1252Byte(char);
      if (byte === undefined) return run;
      bytes.push(byte);
    }
    // Only as many continuation bytes as the lead byte announces; the rest stays text.
    const lead = bytes[0] ?? 0;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    try {
      // Fewer bytes than announced, or bytes that are no UTF-8, throw: the run stays as it is.
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(
        Uint8Array.from(bytes.slice(0, length)),
      );
      repaired = true;
      return decoded + [...run].slice(length).join('');
    } catch {
      return run;
    }
  });
  return { text: result, repaired };
}

/**
 * {@link repairMojibake}, reporting a repair as a warning for `optpaper check`.
 *
 * @param text Text that may contain mojibake.
 * @param line Its line in the list.
 * @param diagnostics Receives the warning.
 * @returns The repaired text.
 */
export function repairMojibakeReported(text: string, line: number, diagnostics: Diagnostic[]): string {
  const repair = repairMojibake(text);
  if (repair.repaired) {
    const shown = (value: string) => value.replace(/\s+/g, ' ').trim();
    diagnostics.push({
      line,
      severity: 'warning',
      code: 'mojibake',
      message: `mojibake repaired: "${shown(text)}" → "${shown(repair.text)}"`,
    });
  }
  return repair.text;
}
