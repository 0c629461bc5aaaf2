import { Document, isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { controlCharacter } from '../text/controls.js';
import { visible } from '../text/inert.js';
import { InputError, type SourceProblem } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { m } from './messages.js';

/** Enough for any hand-written reuse; an alias bomb needs thousands. */
const MAX_ALIASES = 100;

/** A parsed YAML file that can say where any of its values sits. */
export class YamlSource {
  private constructor(
    readonly file: string,
    readonly text: string,
    readonly document: Document.Parsed,
    private readonly lines: LineCounter,
    /** The language problems are reported in. */
    readonly lang: Lang,
  ) {}

  /** Parses YAML; syntax errors become located problems. */
  static parse(file: string, text: string, lang: Lang): YamlSource {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    const source = new YamlSource(file, text, document, lines, lang);
    if (document.errors.length > 0) {
      const problems = document.errors.map((error) => {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
        return source.problemAt(pos.line, pos.col, t(m.syntax, lang, { detail }));
      });
      throw new InputError(problems[0]?.message ?? file, problems);
    }
    const controls = source.controlProblems();
    if (controls.length > 0) throw new InputError(controls[0]?.message ?? file, controls);
    return source;
  }

  /**
   * Control characters in any key or value, written as they are or as escapes (`"\0"`, `"\e"`):
   * each is a located problem. Text is all calmclient keeps; a NUL or an ESC would end up in a
   * document, an e-mail, or on the terminal of whoever reads it.
   */
  private controlProblems(): SourceProblem[] {
    const problems: SourceProblem[] = [];
    visit(this.document, {
      Scalar: (_key, node) => {
        if (typeof node.value !== 'string') return;
        const found = controlCharacter(node.value);
        if (found === undefined) return;
        const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        const char = visible(found).startsWith('<') ? code : `${visible(found)}, ${code}`;
        problems.push(this.problemAtNode(node, t(m.control, this.lang, { char })));
      },
    });
    return problems;
  }

  /** The plain JavaScript value, refusing alias bombs. */
  toJS(): unknown {
    try {
      return this.document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new InputError(message, [this.problemAt(1, 1, t(m.syntax, this.lang, { detail: message }))]);
    }
  }

  /** The node at `path`, or the nearest existing ancestor when it is missing. */
  nodeAt(path: readonly PropertyKey[]): Node | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.document.getIn(path.slice(0, depth) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node) return node as Node;
    }
    return this.document.contents ?? undefined;
  }

  /** The key node of `key` in the map at `path` (for "unknown field" problems). */
  keyNodeAt(path: readonly PropertyKey[], key: string): Node | undefined {
    const map = this.document.getIn(path as unknown[], true);
    if (!isMap(map)) return undefined;
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.key;
    }
    return undefined;
  }

  problemAtNode(node: Node | undefined, message: string): SourceProblem {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return this.problemAt(line, col, message);
  }

  problemAt(line: number, col: number, message: string): SourceProblem {
    return problemIn(this.file, this.text, line, col, message);
  }

  problemAtPath(path: readonly PropertyKey[], message: string): SourceProblem {
    return this.problemAtNode(this.nodeAt(path), message);
  }

  positionOf(offset: number): { line: number; col: number } {
    return this.lines.linePos(offset);
  }
}

export function problemIn(file: string, text: string, line: number, col: number, message: string): SourceProblem {
  const sourceLine = text.split(/\r?\n|\r/)[line - 1]?.replace(/^\uFEFF/, '');
  return sourceLine === undefined ? { file, line, col, message } : { file, line, col, message, sourceLine };
}
