import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { columns, padColumns, printInfo, printResult, screenWidth, style, wrap } from '../terminal/output.js';
import { findTopic, loadTips, topicName, type TipTopic } from '../tips/load.js';
import { LANGS } from '../types.js';

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
  const tips = loadTips(lang);
  const { topics } = tips;
  if (topic === undefined) {
    if (options.json) {
      printResult(JSON.stringify(topics, null, 2));
      return ExitCode.ok;
    }
    printInfo(style.bold(wrap(t(m.heading, lang))));
    const width = Math.max(...topics.map((entry) => columns(topicName(entry))));
    for (const entry of topics) {
      // The description wraps in its own column, under itself.
      const [first = '', ...rest] = wrap(t(m.topic, lang, { title: entry.title, summary: entry.summary }), '', screenWidth() - width - 4).split('\n');
      const lines = [`  ${style.cyan(padColumns(topicName(entry), width))}  ${first}`, ...rest.map((line) => `${' '.repeat(width + 4)}${line}`)];
      printResult(lines.join('\n'));
    }
    printInfo(style.dim(wrap(t(m.more, lang))));
    return ExitCode.ok;
  }
  // The other language's names too: `tips valse` works in an English run.
  const others = LANGS.filter((other) => other !== lang).map((other) => loadTips(other));
  const wanted = findTopic(topic, tips, ...others);
  if (!wanted) throw new UsageError(t(m.unknown, lang, { topic, topics: topics.map(topicName).join(', ') }));
  printResult(options.json ? JSON.stringify(wanted, null, 2) : cards(wanted));
  return ExitCode.ok;
}

function cards(topic: TipTopic): string {
  const body = topic.cards.map((card) => `${style.bold(card.title)}\n${wrap(card.text.trim())}`).join('\n\n');
  return `${style.bold.underline(topic.title)}\n${style.dim(wrap(topic.summary))}\n\n${body}`;
}
