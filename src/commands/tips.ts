import { ExitCode, UsageError } from '../errors.js';
import { defineMessages, resolveLang } from '../i18n.js';
import { printInfo, printResult, style, wrap } from '../output.js';
import { loadTips, type TipTopic } from '../tips/load.js';

const t = defineMessages(
  {
    heading: 'Tips to glance at during a call. Pick a topic:',
    more: 'Show one: calmclient tips TOPIC',
    unknown: 'no tips topic "{topic}"; topics: {topics}',
  },
  {
    heading: 'Des repères à consulter pendant un appel. Choisissez un thème :',
    more: 'Pour en afficher un : calmclient tips THÈME',
    unknown: 'pas de thème « {topic} » ; thèmes : {topics}',
  },
);

export interface TipsOptions {
  lang?: string;
  json?: boolean;
}

/** `calmclient tips [TOPIC]`: the topics, or one topic's cards. */
export default async function tips(topic: string | undefined, options: TipsOptions): Promise<ExitCode> {
  const lang = resolveLang(options.lang, process.env);
  const { topics } = loadTips(lang);
  if (topic === undefined) {
    if (options.json) {
      printResult(JSON.stringify(topics, null, 2));
      return ExitCode.ok;
    }
    printInfo(style.bold(t('heading', {}, lang)));
    const width = Math.max(...topics.map((entry) => entry.id.length));
    // French typography puts a space before a colon.
    const colon = lang === 'fr' ? ' :' : ':';
    for (const entry of topics) printResult(`  ${style.cyan(entry.id.padEnd(width))}  ${entry.title}${colon} ${entry.summary}`);
    printInfo(style.dim(t('more', {}, lang)));
    return ExitCode.ok;
  }
  const wanted = topics.find((entry) => entry.id === topic.trim().toLowerCase());
  if (!wanted) throw new UsageError(t('unknown', { topic, topics: topics.map((entry) => entry.id).join(', ') }, lang));
  printResult(options.json ? JSON.stringify(wanted, null, 2) : cards(wanted));
  return ExitCode.ok;
}

function cards(topic: TipTopic): string {
  const body = topic.cards.map((card) => `${style.bold(card.title)}\n${wrap(card.text.trim())}`).join('\n\n');
  return `${style.bold.underline(topic.title)}\n${style.dim(wrap(topic.summary))}\n\n${body}`;
}
