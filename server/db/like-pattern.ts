import { sql, type RawBuilder } from 'kysely';

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (ch) => `\\${ch}`);

/**
 * `column` contains `text` (or starts with it), as a LIKE both databases read alike: the
 * escape character is named (SQLite has none by default, so a typed % or _ would match
 * anything) and both sides are lowered (PostgreSQL's LIKE is case-sensitive, SQLite's not).
 */
export function likeText(column: string, text: string, where: 'contains' | 'starts' = 'contains'): RawBuilder<boolean> {
  const pattern = `${where === 'contains' ? '%' : ''}${escapeLike(text.toLowerCase())}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
