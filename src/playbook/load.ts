import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { isScalar, type Node } from 'yaml';
import type * as z from 'zod';
import { InputError, type SourceProblem } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { m } from './messages.js';
import { m as yamlMessages } from '../yaml/messages.js';
import { referencedSteps } from '../engine/conditions.js';
import { SESSION_STATUSES } from '../types.js';
import {
  playbookSchema,
  STEP_TYPES,
  type Condition,
  type Playbook,
  type PlaybookSource,
  type Step,
  type StepType,
} from './schema.js';
import { allowedNames, checkTemplate, RESERVED_IDS } from './templates.js';
import { withFrenchSpacing } from './typography.js';
import { readUserFile } from '../user-files.js';
import { problemIn, YamlSource } from '../yaml/source.js';
import { issuePath, schemaProblem, useZodLanguage, valueAt } from '../yaml/schema-problem.js';

/** Reads, parses and validates a playbook file. Every problem is located; all of them are reported. */
export function loadPlaybookFile(file: string, lang: Lang): Playbook {
  return parsePlaybook(file, readUserFile(file, lang), lang, (name) => {
    const path = templatePath(file, name, lang);
    return { path, text: readUserFile(path, lang) };
  });
}

/**
 * Where the template `name` of the playbook `file` is: in the playbook's folder or below it, and
 * nowhere else. A shared playbook must not be able to put `/etc/passwd` or `~/.ssh/id_rsa` into an
 * e-mail: an absolute path, a `..` and a link leading out are refused (InputError, which the
 * loader locates at the `file:` key).
 */
export function templatePath(file: string, name: string, lang: Lang): string {
  if (isAbsolute(name) || win32.isAbsolute(name)) throw new InputError(t(m.templateAbsolute, lang, { file: name }));
  if (name.split(/[\\/]/).includes('..')) throw new InputError(t(m.templateParent, lang, { file: name }));
  const folder = dirname(resolve(file));
  const path = resolve(folder, name);
  let real: string;
  let realFolder: string;
  try {
    real = realpathSync(path);
    realFolder = realpathSync(folder);
  } catch {
    // Missing: readUserFile says so.
    return path;
  }
  const inside = relative(realFolder, real);
  if (inside.split(sep)[0] === '..' || isAbsolute(inside)) throw new InputError(t(m.templateOutside, lang, { file: name }));
  return path;
}

export type TemplateReader = (name: string) => { path: string; text: string };

/** `lang`: the language problems are reported in. */
export function parsePlaybook(file: string, text: string, lang: Lang, readTemplate: TemplateReader): Playbook {
  const source = YamlSource.parse(file, text, lang);
  const data = source.toJS();
  useZodLanguage(lang);
  const parsed = playbookSchema.safeParse(data);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => playbookSchemaProblem(source, data, issue)));

  // French on screen keeps its no-break spaces: no prompt wraps a lone "?" or "»" onto a line.
  const playbook = withFrenchSpacing(parsed.data);
  const problems = [...checkSteps(source, playbook.steps), ...checkRecord(source, playbook)];
  const templates = readTemplates(source, playbook, readTemplate, problems);
  if (problems.length > 0 || !templates) fail(problems);
  return { ...playbook, templates, source: file };
}

function fail(problems: SourceProblem[]): never {
  throw new InputError(problems[0]?.message ?? 'invalid playbook', problems);
}

/** A schema problem, with the messages only a playbook needs: an unknown step type, a malformed condition. */
function playbookSchemaProblem(source: YamlSource, data: unknown, issue: z.core.$ZodIssue): SourceProblem {
  const path = issuePath(issue);
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'type') {
    const value = shownValue(valueAt(data, path));
    if (value === '') return source.problemAtPath(path, t(yamlMessages.missingField, source.lang, { key: 'type' }));
    return source.problemAtPath(path, t(m.unknownType, source.lang, { value, types: STEP_TYPES.join(', ') }));
  }
  if (issue.code === 'invalid_union' && path.includes('when')) {
    return source.problemAtPath(path, t(m.whenShape, source.lang));
  }
  return schemaProblem(source, data, issue, m);
}

/** A value from the file as a message quotes it: a mapping or a list as YAML's JSON, never through its own `toString`. */
function shownValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function checkSteps(source: YamlSource, steps: readonly Step[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const position = new Map<string, number>();
  steps.forEach((step, index) => {
    const at = (...path: (string | number)[]): Node | undefined => source.nodeAt(['steps', index, ...path]);
    const first = position.get(step.id);
    if (first === undefined) {
      position.set(step.id, index);
    } else {
      const firstLine = source.positionOf(source.nodeAt(['steps', first, 'id'])?.range?.[0] ?? 0).line;
      problems.push(source.problemAtNode(at('id'), t(m.duplicateId, source.lang, { id: step.id, line: firstLine })));
    }
    if (RESERVED_IDS.has(step.id)) problems.push(source.problemAtNode(at('id'), t(m.reservedId, source.lang, { id: step.id })));

    if (step.when) problems.push(...checkCondition(source, steps, position, step.when, ['steps', index, 'when']));

    if (step.type === 'select' || step.type === 'checkbox') {
      const values = step.choices.map((choice) => choice.value);
      values.forEach((value, choiceIndex) => {
        if (values.indexOf(value) !== choiceIndex)
          problems.push(source.problemAtNode(at('choices', choiceIndex, 'value'), t(m.duplicateChoice, source.lang, { value })));
      });
      const defaults = step.default === undefined ? [] : Array.isArray(step.default) ? step.default : [step.default];
      for (const value of defaults) {
        if (!values.includes(value))
          problems.push(source.problemAtNode(at('default'), t(m.defaultChoice, source.lang, { value, values: values.join(', ') })));
      }
    }
    if (step.type === 'checkbox' && step.verdicts) {
      const maxima = step.verdicts.map((verdict) => verdict.max);
      const head = maxima.slice(0, -1);
      const increasing = head.every((max, i) => max !== undefined && (i === 0 || max > (head[i - 1] ?? -1)));
      if (!increasing || maxima[maxima.length - 1] !== undefined)
        problems.push(source.problemAtNode(at('verdicts'), t(m.verdictOrder, source.lang)));
    }
  });
  return problems;
}

const ROLE_TYPES: Record<string, readonly StepType[]> = {
  'promise.what': ['input', 'text'],
  'promise.by': ['date'],
  next_contact: ['date'],
  lesson: ['input', 'text'],
  status: ['select'],
  'caller.name': ['input'],
  'caller.role': ['input'],
};

function checkRecord(source: YamlSource, playbook: PlaybookSource): SourceProblem[] {
  const record = playbook.record;
  if (!record) return [];
  const roles: [string, string | undefined][] = [
    ['promise.what', record.promise?.what],
    ['promise.by', record.promise?.by],
    ['next_contact', record.next_contact],
    ['lesson', record.lesson],
    ['status', record.status],
    ['caller.name', record.caller?.name],
    ['caller.role', record.caller?.role],
  ];
  const problems: SourceProblem[] = [];
  for (const [role, id] of roles) {
    if (id === undefined) continue;
    const node = source.nodeAt(['record', ...role.split('.')]);
    const step = playbook.steps.find((candidate) => candidate.id === id);
    const types = ROLE_TYPES[role] ?? [];
    if (!step) problems.push(source.problemAtNode(node, t(m.recordUnknown, source.lang, { id })));
    else if (!types.includes(step.type))
      problems.push(source.problemAtNode(node, t(m.recordType, source.lang, { id, role, types: types.join(', ') })));
    else if (role === 'status' && step.type === 'select') {
      const unknown = step.choices.map((c) => c.value).filter((v) => !(SESSION_STATUSES as readonly string[]).includes(v));
      if (unknown.length > 0)
        problems.push(source.problemAtNode(node, t(m.recordStatus, source.lang, { id, values: SESSION_STATUSES.join(', ') })));
    }
  }
  return problems;
}

function checkCondition(
  source: YamlSource,
  steps: readonly Step[],
  earlier: ReadonlyMap<string, number>,
  condition: Condition,
  path: (string | number)[],
): SourceProblem[] {
  if ('not' in condition) return checkCondition(source, steps, earlier, condition.not, [...path, 'not']);
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any';
    const list = 'all' in condition ? condition.all : condition.any;
    return list.flatMap((inner, i) => checkCondition(source, steps, earlier, inner, [...path, key, i]));
  }
  const [id] = referencedSteps(condition);
  if (id === undefined) return [];
  const target = steps.find((step) => step.id === id);
  const stepNode = source.nodeAt([...path, 'step']);
  if (!target) return [source.problemAtNode(stepNode, t(m.whenUnknown, source.lang, { id }))];
  // `earlier` holds exactly the ids of the steps before the one being checked.
  if (!earlier.has(id) || earlier.get(id) === path[1]) return [source.problemAtNode(stepNode, t(m.whenLater, source.lang, { id }))];
  if (target.type === 'select' || target.type === 'checkbox') {
    const values = target.choices.map((choice) => choice.value);
    const wanted = 'equals' in condition ? [condition.equals] : 'in' in condition ? condition.in : 'includes' in condition ? [condition.includes] : [];
    const key = 'equals' in condition ? 'equals' : 'in' in condition ? 'in' : 'includes';
    return wanted
      .filter((value) => typeof value !== 'string' || !values.includes(value))
      .map((value) =>
        source.problemAtNode(source.nodeAt([...path, key]), t(m.whenValue, source.lang, { id, value: String(value), values: values.join(', ') })),
      );
  }
  return [];
}

function readTemplates(
  source: YamlSource,
  playbook: PlaybookSource,
  readTemplate: TemplateReader,
  problems: SourceProblem[],
): Playbook['templates'] | undefined {
  const allowed = allowedNames(playbook.steps, playbook.kind);
  const read = (path: string[], spec: { text: string } | { file: string }): string | undefined => {
    let text: string;
    let locate: (offset: number) => { file: string; line: number; col: number; text: string };
    if ('text' in spec) {
      text = spec.text;
      const node = source.nodeAt([...path, 'text']);
      locate = (offset) => inlinePosition(source, node, spec.text, offset);
    } else {
      let loaded: { path: string; text: string };
      try {
        loaded = readTemplate(spec.file);
      } catch (error) {
        const reason = error instanceof InputError ? error.message : t(m.templateFile, source.lang, { file: spec.file });
        problems.push(source.problemAtPath([...path, 'file'], reason));
        return undefined;
      }
      text = loaded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      locate = (offset) => filePosition(loaded.path, text, offset);
    }
    for (const problem of checkTemplate(text, allowed, source.lang)) {
      const where = locate(problem.offset);
      problems.push(problemIn(where.file, where.text, where.line, where.col, problem.message));
    }
    return text;
  };
  const recap = read(['templates', 'recap'], playbook.templates.recap);
  const emailBody = read(['templates', 'email', 'body'], playbook.templates.email.body);
  const subjectNode = source.nodeAt(['templates', 'email', 'subject']);
  for (const problem of checkTemplate(playbook.templates.email.subject, allowed, source.lang)) {
    const where = inlinePosition(source, subjectNode, playbook.templates.email.subject, problem.offset);
    problems.push(problemIn(where.file, where.text, where.line, where.col, problem.message));
  }
  if (recap === undefined || emailBody === undefined) return undefined;
  return { recap, emailSubject: playbook.templates.email.subject, emailBody };
}

function filePosition(file: string, text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { file, text, line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * Where an offset inside an inline template sits in the YAML file. Block scalars (`|`, `>`)
 * start on the line after their indicator, indented; other scalars sit on their own line.
 */
function inlinePosition(source: YamlSource, node: Node | undefined, value: string, offset: number) {
  const start = source.positionOf(node?.range?.[0] ?? 0);
  const before = value.slice(0, offset).split('\n');
  const lineInValue = before.length - 1;
  const colInLine = before[before.length - 1]?.length ?? 0;
  const isBlock = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  if (!isBlock) {
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    return { file: source.file, text: source.text, line: start.line, col: start.col + colInLine + (quoted ? 1 : 0) };
  }
  const line = start.line + 1 + lineInValue;
  const indent = /^\s*/.exec(source.text.split(/\r?\n/)[line - 1] ?? '')?.[0].length ?? 0;
  return { file: source.file, text: source.text, line, col: indent + colInLine + 1 };
}

/** A playbook from a playbooks folder, whose `lang` and `id` must match the place it sits in (`<lang>/<id>.yaml`). */
export function loadPlaybookAt(entry: { id: string; lang: Lang; file: string }, lang: Lang): Playbook {
  const playbook = loadPlaybookFile(entry.file, lang);
  const mismatch =
    playbook.lang !== entry.lang
      ? { path: ['lang'], message: t(m.lang, lang, { actual: playbook.lang, expected: entry.lang }) }
      : playbook.id !== entry.id
        ? { path: ['id'], message: t(m.idMismatch, lang, { id: playbook.id, name: entry.id }) }
        : undefined;
  if (mismatch) {
    const problem = YamlSource.parse(entry.file, readUserFile(entry.file, lang), lang).problemAtPath(mismatch.path, mismatch.message);
    throw new InputError(problem.message, [problem]);
  }
  return playbook;
}
