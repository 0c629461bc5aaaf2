/** wrap-ansi 6 (the release @inquirer/core bundles) ships no types: this is the part calmclient calls. */
declare module 'wrap-ansi' {
  interface WrapOptions {
    /** Break words longer than the width (default false: they overflow, alone on their row). */
    hard?: boolean;
    /** Wrap at spaces (default true). */
    wordWrap?: boolean;
    /** Trim the spaces at the start and end of each row (default true). */
    trim?: boolean;
  }
  function wrapAnsi(text: string, columns: number, options?: WrapOptions): string;
  export = wrapAnsi;
}
