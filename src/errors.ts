/**
 * Every failure a user can cause is one of these. Commands throw them; `cli.ts` turns them into
 * a message on stderr and an exit code, so no stack trace ever reaches a user for bad input.
 */

export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A problem pinned to a place in a file the user wrote (playbook, answers file, draft). */
export interface SourceProblem {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  message: string;
  /** The text of the offending line, shown under the message with a caret. */
  sourceLine?: string;
}

export class CalmError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, a missing terminal, an unknown playbook id: the user called us wrongly. */
export class UsageError extends CalmError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A file the user gave us is wrong; `problems` says where. */
export class InputError extends CalmError {
  constructor(
    message: string,
    readonly problems: readonly SourceProblem[] = [],
  ) {
    super(message, ExitCode.usage);
  }
}

/** Ctrl-C, SIGTERM or a closed terminal while a command was asking questions. */
export class CancelledError extends CalmError {
  constructor(message: string) {
    super(message, ExitCode.cancelled);
  }
}

export function isCalmError(error: unknown): error is CalmError {
  return error instanceof CalmError;
}
