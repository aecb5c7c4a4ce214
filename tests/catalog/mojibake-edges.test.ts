import { describe, expect, it } from 'vitest';
import { repairMojibake, repairMojibakeReported } from '../../src/catalog/mojibake.ts';
import type { Diagnostic } from '../../src/catalog/types.ts';

/** What a UTF-8 text looks like once its bytes were read as Windows-1252 (the mistake being repaired). */
const asWindows1252 = new TextDecoder('windows-1252');
const garble = (text: string): string => asWindows1252.decode(new TextEncoder().encode(text));

/** Characters from `from` to `to`, every `step`-th. */
function characters(from: number, to: number, step = 1): string[] {
  const out: string[] = [];
  for (let code = from; code <= to; code += step) out.push(String.fromCodePoint(code));
  return out;
}

describe('repairMojibake, character by character', () => {
  it('repairs every two-byte character: each lead byte and each continuation byte', () => {
    const twoBytes = characters(0x80, 0x7ff);
    const unrepaired = twoBytes.filter((char) => repairMojibake(`x${garble(char)}y`).text !== `x${char}y`);
    expect(unrepaired).toEqual([]);
  });

  it('repairs three-byte characters from the first to the last lead byte', () => {
    const threeBytes = [...characters(0x800, 0xd7ff, 97), '\u0800', '\u2019', '\ud7ff', '\ue000', '\uffee'];
    const unrepaired = threeBytes.filter((char) => repairMojibake(garble(char)).text !== char);
    expect(unrepaired).toEqual([]);
  });

  it('repairs four-byte characters up to the last lead byte', () => {
    const fourBytes = ['\u{10000}', '\u{1f600}', '\u{10fffd}'];
    expect(fourBytes.map((char) => repairMojibake(garble(char)))).toEqual(
      fourBytes.map((char) => ({ text: char, repaired: true })),
    );
  });

  it('reads a C1 control character as the byte it stands for', () => {
    expect(repairMojibake('Ã\u0080 and Ã\u0081')).toEqual({ text: 'À and Á', repaired: true });
  });

  it('keeps the characters after the bytes a lead byte announces as text', () => {
    expect(repairMojibake('cafÃ©€ and Ã©â€')).toEqual({ text: 'café€ and éâ€', repaired: true });
    expect(repairMojibake('Ã©€€')).toEqual({ text: 'é€€', repaired: true });
  });

  it('leaves a run alone when one of its characters is no Windows-1252 byte', () => {
    // U+201B looks like a curly quote but Windows-1252 has no byte for it.
    expect(repairMojibake('Ã©\u201b')).toEqual({ text: 'Ã©\u201b', repaired: false });
  });

  it('leaves alone a lead byte with too few continuations, and bytes that are not UTF-8', () => {
    expect(repairMojibake('â€ ends here')).toEqual({ text: 'â€ ends here', repaired: false });
    // E0 80 80 is an overlong encoding, which strict UTF-8 refuses.
    expect(repairMojibake('à€€ is no character')).toEqual({ text: 'à€€ is no character', repaired: false });
  });

  it('repairs some runs and keeps others in one text', () => {
    expect(repairMojibake('â€œoneâ€\u009d, Ã alone, cafÃ©')).toEqual({
      text: '“one”, Ã alone, café',
      repaired: true,
    });
  });
});

describe('repairMojibakeReported', () => {
  it('warns with the text before and after on one line, and returns the repaired text as it was laid out', () => {
    const diagnostics: Diagnostic[] = [];
    expect(repairMojibakeReported('  cafÃ©\n\tcrÃ¨me  ', 7, diagnostics)).toBe('  café\n\tcrème  ');
    expect(diagnostics).toEqual([
      {
        line: 7,
        severity: 'warning',
        code: 'mojibake',
        message: 'mojibake repaired: "cafÃ© crÃ¨me" → "café crème"',
      },
    ]);
  });

  it('says nothing about clean text', () => {
    const diagnostics: Diagnostic[] = [];
    expect(repairMojibakeReported('naïve  café', 3, diagnostics)).toBe('naïve  café');
    expect(diagnostics).toEqual([]);
  });
});
