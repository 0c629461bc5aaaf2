/**
 * Text from the user's data (a client's name, an answer, a draft, a path) made inert for a terminal.
 *
 * A terminal obeys the control characters it is sent: ESC starts sequences that clear the screen,
 * set the window title, write the clipboard (OSC 52) or move the cursor; C1 characters (U+0080 to
 * U+009F) do the same on terminals that read them as 8-bit controls; bidirectional overrides and
 * isolates (U+202A to U+202E, U+2066 to U+2069) reorder what follows them, so that a name can show
 * as something else. Printed through `inert`, each of them is shown as a visible token instead
 * (`^[`, `^G`, `<U+009B>`, `<U+202E>`): no sequence can start, none can be completed by what
 * follows, and the user sees that the data holds something odd. Printable text, in any script,
 * passes unchanged. The files keep the data as typed: this is for the screen only.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, line and paragraph separators, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, and tab and line feed: for a value that must stay on one line (a table cell, a heading). */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `^[` for ESC, `^@` for NUL, `^?` for DEL (caret notation, as `cat -v`); `<U+XXXX>` for the rest. */
export function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** `text` with every character that could act on a terminal shown visibly; line breaks and tabs kept. */
export function inert(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}

/** `text` on one line: line breaks and tabs are shown visibly too (`^J`, `^I`). */
export function inertLine(text: string): string {
  UNSAFE_IN_LINE.lastIndex = 0;
  return UNSAFE_IN_LINE.test(text) ? text.replace(UNSAFE_IN_LINE, visible) : text;
}

/**
 * Characters JSON.stringify leaves raw inside strings that a terminal acts on: C1 controls, DEL,
 * the line and paragraph separators, bidi overrides and isolates (C0 controls it escapes itself).
 */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify(value, null, 2)` safe to print on a terminal: the characters above are written
 * as `\uXXXX` escapes, which is the same JSON (they can only occur inside strings).
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `text` holds a character `inert` would show visibly (tabs and line breaks are fine). */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}
