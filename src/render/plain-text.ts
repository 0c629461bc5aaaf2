/**
 * The plain text a reader sees in a rendered markdown e-mail draft, for the `.eml` file: the
 * backslashes of escaped characters (`\#`, `\-`, `\<`, `{\{`…, see `escapeMarkdown`), heading
 * marks, `**strong**` marks and link syntax go; lists, quotes and line breaks stay as they read.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s{0,3})#{1,6}\s+/, '$1')
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
        .replace(/(?<!\\)\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
        // CommonMark: a backslash before ASCII punctuation only marks that character as literal.
        .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    )
    .join('\n');
}
