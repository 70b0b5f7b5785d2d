import type { CliIo } from '../../../packages/local/src/cli/cliIo';

/** A `CliIo` that keeps what a command wrote. */
const captureIo = (): {
  io: CliIo;
  out: { stdout: string; stderr: string };
} => {
  const out = { stdout: '', stderr: '' };

  return {
    out,
    io: {
      stdout: (chunk) => {
        out.stdout += chunk;
      },
      stderr: (chunk) => {
        out.stderr += chunk;
      },
    },
  };
};

export { captureIo };
