// Runs the CLI in-process and captures what it prints.
import { run } from '../../src/cli/main';

export async function runCli(args: string[], opts: { platform?: NodeJS.Platform; cwd?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd: opts.cwd ?? process.cwd(), platform: opts.platform });
  return { code, out, err };
}
