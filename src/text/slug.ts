/**
 * A file-name-safe form of anything a user typed: `😡 Dupont & fils` → `dupont-fils`,
 * `../../etc/passwd` → `etc-passwd`. Only `[a-z0-9-]` survive, so no input can name a path.
 */
export function slugify(text: string, fallback = 'client'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}
