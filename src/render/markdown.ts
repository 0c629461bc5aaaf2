/**
 * Keeps a user's answer from changing the structure of a markdown document: a line they typed that
 * starts with `#`, `>`, `- ` or `1.` stays text, `<tag>` stays text, and `{{` stays literal. The
 * text still reads naturally, since markdown hides the backslashes.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\{\{/g, '{\\{')
    .replace(/</g, '\\<')
    .split('\n')
    .map(escapeLineStart)
    .join('\n');
}

function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#>])/, '$1\\$2')
    .replace(/^(\s*)([-+*])(\s|$)/, '$1\\$2$3')
    .replace(/^(\s*)(\d{1,9})([.)])(\s|$)/, '$1$2\\$3$4')
    .replace(/^(\s*)(={2,}|-{2,}|_{3,}|\*{3,}|`{3,}|~{3,})/, (_, space: string, run: string) => `${space}\\${run}`);
}

const HEADING = /^(#{1,6})\s/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Removes headings whose section came out empty (a skipped branch), innermost first, then
 * squeezes the blank lines left behind. A recap never shows a title with nothing under it.
 */
export function dropEmptySections(markdown: string): string {
  const lines = markdown.split('\n');
  let inFence = false;
  const headingLevel = lines.map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    return match ? (match[1]?.length ?? 0) : 0;
  });
  const keep = lines.map(() => true);
  for (let i = lines.length - 1; i >= 0; i--) {
    const level = headingLevel[i] ?? 0;
    if (level === 0) continue;
    let hasContent = false;
    for (let j = i + 1; j < lines.length; j++) {
      const inner = headingLevel[j] ?? 0;
      if (inner !== 0 && inner <= level) break;
      if (keep[j] && (inner !== 0 || (lines[j] ?? '').trim() !== '')) {
        hasContent = true;
        break;
      }
    }
    if (!hasContent) keep[i] = false;
  }
  const kept = lines.filter((_, i) => keep[i]).join('\n');
  return `${kept.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
