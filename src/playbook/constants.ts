/**
 * Values of the playbook format that code outside the loader needs. They live apart from the zod
 * schema (which re-exports them) so that using them does not load zod.
 */
export const LANGS = ['en', 'fr'] as const;
