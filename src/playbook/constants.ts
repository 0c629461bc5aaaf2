/**
 * Values of the playbook format that code outside the loader needs. They live apart from the zod
 * schema so that using them does not load zod.
 */
export const LANGS = ['en', 'fr'] as const;
export const KINDS = ['crisis', 'prevention', 'followup'] as const;
export const SESSION_STATUSES = ['open', 'resolved', 'escalated', 'lost'] as const;
