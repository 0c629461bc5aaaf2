import { join } from 'node:path';
import * as z from 'zod';
import { InputError, type SourceProblem } from '../errors.js';
import { builtinPlaybooksDir } from '../playbook/registry.js';
import { YamlSource } from '../yaml/source.js';
import { readUserFile } from '../user-files.js';
import type { Lang } from '../types.js';

/** `playbooks/<lang>/tips.yaml`: short cards to glance at during a call, grouped by topic. */
const tipsSchema = z.strictObject({
  lang: z.enum(['en', 'fr']),
  topics: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9_]*$/),
        /** Other names the topic answers to, in the file's language: the first is the one the list shows. */
        aliases: z.array(z.string().min(1)).optional(),
        title: z.string().min(1),
        summary: z.string().min(1),
        cards: z.array(z.strictObject({ title: z.string().min(1), text: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

export type Tips = z.infer<typeof tipsSchema>;
export type TipTopic = Tips['topics'][number];

export function loadTips(lang: Lang): Tips {
  const file = join(builtinPlaybooksDir(), lang, 'tips.yaml');
  const source = YamlSource.parse(file, readUserFile(file, lang), lang);
  const parsed = tipsSchema.safeParse(source.toJS());
  if (parsed.success) return parsed.data;
  const problems: SourceProblem[] = parsed.error.issues.map((issue) =>
    source.problemAtPath(
      issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
      issue.message,
    ),
  );
  throw new InputError(problems[0]?.message ?? file, problems);
}

/** A topic's name folded for comparison: case, accents, spaces, hyphens and underscores do not count. */
export function foldTopicName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The name a topic is listed under: its first alias in the file's language, else its id. */
export function topicName(topic: TipTopic): string {
  return topic.aliases?.[0] ?? topic.id;
}

/**
 * The topic `wanted` names, by its id or an alias in either language (`valse` and `waltz` both
 * work whatever the language of the run), else by the start of exactly one of those names.
 */
export function findTopic(wanted: string, tips: Tips, other?: Tips): TipTopic | undefined {
  const key = foldTopicName(wanted);
  if (key === '') return undefined;
  const names = new Map<string, string>();
  for (const source of [tips, other]) {
    for (const topic of source?.topics ?? []) {
      for (const name of [topic.id, ...(topic.aliases ?? [])]) if (!names.has(foldTopicName(name))) names.set(foldTopicName(name), topic.id);
    }
  }
  const byId = (id: string | undefined) => tips.topics.find((topic) => topic.id === id);
  const exact = names.get(key);
  if (exact) return byId(exact);
  if (key.length < 3) return undefined;
  const starting = new Set([...names].filter(([name]) => name.startsWith(key)).map(([, id]) => id));
  return starting.size === 1 ? byId([...starting][0]) : undefined;
}
