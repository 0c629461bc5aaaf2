/**
 * Control characters: the C0 set but tab, line feed and carriage return, DEL, and the C1 set.
 * None belongs in text a person writes; calmclient refuses them where files are read (YAML, see
 * src/yaml/source.ts) and shows them visibly where data reaches the screen (inert.ts).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The first control character of `text`, if any. */
export function controlCharacter(text: string): string | undefined {
  return CONTROL.exec(text)?.[0];
}
