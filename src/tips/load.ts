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
