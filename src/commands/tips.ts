import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { printInfo, printResult, style, wrap } from '../terminal/output.js';
import { loadTips, type TipTopic } from '../tips/load.js';

const m = catalogue({
  heading: {
    en: 'Tips to glance at during a call. Pick a topic:',
    fr: 'Des repères à consulter pendant un appel. Choisissez un thème :',
  },
  topic: { en: '{title}: {summary}', fr: '{title} : {summary}' },
  more: { en: 'Show one: calmclient tips TOPIC', fr: 'Pour en afficher un : calmclient tips THÈME' },
  unknown: { en: 'no tips topic "{topic}"; topics: {topics}', fr: 'pas de thème « {topic} » ; thèmes : {topics}' },
});

export interface TipsOptions {
  json?: boolean;
}

/** `calmclient tips [TOPIC]`: the topics, or one topic's cards. */
export default async function tips(topic: string | undefined, options: TipsOptions, lang: Lang): Promise<ExitCode> {
  const { topics } = loadTips(lang);
  if (topic === undefined) {
    if (options.json) {
      printResult(JSON.stringify(topics, null, 2));
      return ExitCode.ok;
    }
    printInfo(style.bold(t(m.heading, lang)));
    const width = Math.max(...topics.map((entry) => entry.id.length));
    for (const entry of topics)
      printResult(`  ${style.cyan(entry.id.padEnd(width))}  ${t(m.topic, lang, { title: entry.title, summary: entry.summary })}`);
    printInfo(style.dim(t(m.more, lang)));
    return ExitCode.ok;
  }
  const wanted = topics.find((entry) => entry.id === topic.trim().toLowerCase());
  if (!wanted) throw new UsageError(t(m.unknown, lang, { topic, topics: topics.map((entry) => entry.id).join(', ') }));
  printResult(options.json ? JSON.stringify(wanted, null, 2) : cards(wanted));
  return ExitCode.ok;
}

function cards(topic: TipTopic): string {
  const body = topic.cards.map((card) => `${style.bold(card.title)}\n${wrap(card.text.trim())}`).join('\n\n');
  return `${style.bold.underline(topic.title)}\n${style.dim(wrap(topic.summary))}\n\n${body}`;
}
