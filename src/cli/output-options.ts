// The output of every command that writes a file, declared once: what it is (its extension, its default name,
// whether it may go to the screen), its `-o/--output` and `--force` options with their help in the chosen
// language, and the one way it is written (output-guard.ts). Commander wiring only: nothing heavy is loaded
// here, so `sfa --help` stays fast.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { Lang } from '../domain/i18n/lang';
import { cliText, type OutputExt } from '../domain/i18n/cli';
import { shownPath, type CliIO } from './io';
import type { ByteProducer } from './write-file';

export type OutputKind = 'template' | 'export' | 'letter' | 'application' | 'merge';

type OutputHelp = ReturnType<typeof cliText>['help']['output'];

interface OutputSpec {
  ext: OutputExt;
  /** The file written without -o; none: -o is required (merge) or the output goes to the screen (export). */
  defaultName?: string;
  required?: boolean;
  /** Help of -o and --force other than the usual ones (said from the default name, or the screen). */
  help?: (h: OutputHelp) => string;
  forceHelp?: (h: OutputHelp) => string;
}

export const OUTPUTS: Record<OutputKind, OutputSpec> = {
  template: { ext: '.xlsx', defaultName: '智能工厂自评表.xlsx' },
  export: { ext: '.json' },
  letter: { ext: '.docx', defaultName: '推荐函.docx' },
  application: { ext: '.docx', defaultName: '申报书.docx' },
  merge: { ext: '.xlsx', required: true, help: (h) => h.summary, forceHelp: (h) => h.forceInto },
};

/** What a command that writes a file is told: where (-o, as given), whether it may replace a file, in which language. */
export interface OutputOptions {
  output?: string;
  force?: boolean;
  lang: Lang;
}

/** OutputOptions as read from the command line: --force said or not. */
export interface GivenOutput extends OutputOptions {
  output: string | undefined;
  force: boolean;
}

/**
 * Adds `-o/--output` and `--force` to `cmd`, with help in `lang`, and returns the reader of commander's options
 * as the typed options the command takes.
 */
export function outputOptions(cmd: Command, kind: OutputKind, lang: Lang): (o: { output?: string; force?: boolean }) => GivenOutput {
  const { output: h, args } = cliText(lang).help;
  const spec = OUTPUTS[kind];
  const help = spec.help?.(h) ?? (spec.defaultName ? h.file(spec.defaultName) : h.stdout);
  if (spec.required) cmd.requiredOption(`-o, --output ${args.file}`, help);
  else cmd.option(`-o, --output ${args.file}`, help);
  cmd.option('--force', spec.forceHelp?.(h) ?? h.force);
  return (o) => ({ output: o.output, force: o.force === true, lang });
}

/** The absolute path to write (the default name in the working folder without -o), or undefined for the screen. */
export function outputPath(kind: OutputKind, o: OutputOptions, cwd: string): string | undefined {
  const name = o.output ?? OUTPUTS[kind].defaultName;
  return name === undefined ? undefined : resolve(cwd, name);
}

/**
 * Writes a command's output through the guard: the extension of its kind, never over an input, over an existing
 * file only with --force (or the `replaceable` summary merge updates), under its lock, atomically; a lock held by
 * another sfa is said on stderr unless `quiet`. Returns the path written.
 */
export async function writeOutput(
  kind: OutputKind,
  o: OutputOptions,
  io: CliIO,
  what: { inputs?: readonly string[]; replaceable?: string; quiet?: boolean; waitMs?: number },
  data: () => Promise<Buffer | string | ByteProducer>,
): Promise<string> {
  const out = outputPath(kind, o, io.cwd);
  if (out === undefined) throw new Error(`${kind}: no output`);
  const display = (p: string) => shownPath(io.cwd, p);
  const m = cliText(o.lang);
  const { writeOutputFile } = await import('./output-guard');
  await writeOutputFile(
    {
      out,
      force: o.force === true,
      display,
      lang: o.lang,
      ext: OUTPUTS[kind].ext,
      inputs: what.inputs,
      merging: kind === 'merge',
      replaceable: what.replaceable,
      platform: io.platform,
      waitMs: what.waitMs,
      onWait: (target, holder) => {
        if (!what.quiet) io.err(`sfa: ${m.waitingForLock(display(target), holder?.pid, holder?.host)}`);
      },
    },
    data,
  );
  return out;
}
