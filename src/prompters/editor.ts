/**
 * Inquirer's editor prompt, apart from the other prompts: it reads the file back through chardet
 * and iconv-lite, which stay runtime dependencies of the package rather than half a megabyte of
 * character-set tables in the bundle every command reads. Imported only when the user asks to edit.
 */
export { editor } from '@inquirer/prompts';
