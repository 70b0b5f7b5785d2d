/** Where a command writes: whole chunks, newlines included. */
interface CliIo {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
}

export type { CliIo };
