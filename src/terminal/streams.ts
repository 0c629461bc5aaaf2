/**
 * stdout and stderr as the process ends. Apart from output.ts, which loads chalk, so that `--help`
 * and `--version` can use it too.
 */

let stderrWritten = false;

/** Everything calmclient writes to stderr goes through here. */
export function writeStderr(text: string): void {
  stderrWritten = true;
  process.stderr.write(text);
}

/**
 * Resolves once what was written has gone out. Into a pipe (`calmclient history | less`) Node writes
 * what the pipe takes and keeps the rest for later: exiting at once would cut it off. stderr is
 * waited for only when something was written to it, since opening it costs Node a module load.
 */
export async function drainOutput(): Promise<void> {
  await Promise.all([drained(process.stdout), ...(stderrWritten ? [drained(process.stderr)] : [])]);
}

/** A reader that has gone away (`| head`) wants no more, and ends the wait too. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}
