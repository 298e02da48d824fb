// The one schema for names and free text that people type and others read:
// in the web app, on labels, in exports and in the ledger. Text is stored
// NFC-normalised (so "é" typed two ways is one name), trimmed, and refused
// when it holds characters a reader cannot see or that change how the rest
// reads: C0/C1 controls (newlines only where a field is multi-line),
// bidirectional controls — U+202E would reverse everything after it wherever
// the name is shown (Unicode TR #36 §2.2, "Bidirectional Text Spoofing") —,
// zero-width characters, the BOM, and broken UTF-16 (a lone surrogate).
import { z } from 'zod';

// C0 controls except TAB/LF/CR (handled per field kind), DEL, C1 controls.
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
// Arabic letter mark, bidi marks, embeddings and overrides, isolates.
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
// Zero-width space, non-joiner, joiner, word joiner and invisible operators,
// Mongolian vowel separator, the BOM / zero-width no-break space, and the
// line and paragraph separators (line breaks that most code does not see as such).
const INVISIBLE = '\\u180E\\u200B-\\u200D\\u2028\\u2029\\u2060-\\u2064\\uFEFF';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const SINGLE_LINE_FORBIDDEN = new RegExp(`[${CONTROL}${BIDI}${INVISIBLE}\\t\\n\\r]|${LONE_SURROGATE}`, 'u');
const MULTI_LINE_FORBIDDEN = new RegExp(`[${CONTROL}${BIDI}${INVISIBLE}\\t\\r]|${LONE_SURROGATE}`, 'u');

export interface TextFieldOptions {
  /** The most characters (UTF-16 code units, after normalising and trimming). */
  max: number;
  /** The fewest; 1 (required) unless given. Use `.optional()` for a field that may be left out. */
  min?: number;
  /** Newlines allowed (CR LF and CR become LF); otherwise one line. */
  multiline?: boolean;
}

/** Where the first forbidden character is, for a message a person can act on; null when there is none. */
export function findForbiddenCharacter(
  text: string,
  multiline = false,
): { position: number; codePoint: string } | null {
  const pattern = multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN;
  const m = pattern.exec(text);
  if (!m) return null;
  const code = m[0].codePointAt(0) ?? 0;
  // Positions count characters as a person does (code points), from 1.
  const position = [...text.slice(0, m.index)].length + 1;
  return { position, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

export function textField(options: TextFieldOptions) {
  const { max, min = 1, multiline = false } = options;
  const base = multiline ? z.string().overwrite((v) => v.replace(/\r\n?/g, '\n')) : z.string();
  return (
    base
      // Checked before trimming, which would quietly drop a leading BOM or a trailing control.
      .superRefine((value, ctx) => {
        const found = findForbiddenCharacter(value, multiline);
        if (!found) return;
        const lineBreak = found.codePoint === 'U+000A' || found.codePoint === 'U+000D';
        ctx.addIssue({
          code: 'custom',
          message: lineBreak
            ? `must be one line (character ${found.position} is a line break)`
            : `must not contain invisible or control characters (character ${found.position} is ${found.codePoint}); remove it and type the text again`,
          params: {
            zh: lineBreak
              ? `只能填写一行（第 ${found.position} 个字符是换行符）`
              : `不能包含不可见字符或控制字符（第 ${found.position} 个字符是 ${found.codePoint}），请删除后重新输入`,
          },
        });
      })
      .normalize('NFC')
      .trim()
      // Chinese for these two comes from the server's formatter (zod keeps no params on length issues).
      .min(min, min === 1 ? 'required' : `at least ${min} characters`)
      .max(max, `at most ${max} characters`)
  );
}
