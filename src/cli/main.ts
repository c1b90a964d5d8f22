// `sfa`: the command line over the same engine as the add-in.
import { Command, CommanderError, Option } from 'commander';
import { isLang, type Lang } from '../domain/i18n/lang';
import { UsageError, type CliIO } from './io';
import { cliText } from './text';
// Each command's module is loaded when that command runs, so `sfa --help` and `sfa score x.json` load
// nothing they do not use (the bundle keeps these as lazily initialised modules).

const VERSION: string = (require('../../package.json') as { version: string }).version;

function langOption(): Option {
  return new Option('--lang <lang>', 'message language: zh (default) or en').default('zh');
}

function parseLang(v: string): Lang {
  if (!isLang(v)) throw new UsageError(cliText('zh').badLang(v));
  return v;
}

/** A commander parser for a positive number, refusing anything else as a usage error naming the option. */
function positiveNumber(option: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`${option}: ${v}`);
    return n;
  };
}

/** Runs the CLI with these arguments (without `node sfa`) and returns the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let code = 0;
  const program = new Command('sfa')
    .description('智能工厂自评助手 — Jiangsu smart-factory self-assessment')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('score')
    .description('score an assessment (.json or .xlsx) and print the report')
    .argument('<file>', 'assessment (.json) or workbook (.xlsx)')
    .option('--json', 'print the report as JSON (ASSESSMENT-JSON.md)')
    .addOption(langOption())
    .action(async (file: string, o: { json?: boolean; lang: string }) => {
      code = await (await import('./score-command')).scoreCommand(file, { json: o.json, lang: parseLang(o.lang) }, io);
    });

  program
    .command('template')
    .description('write the self-assessment workbook (.xlsx), optionally filled from an assessment')
    .option('-o, --output <file>', 'output file (default 智能工厂自评表.xlsx)')
    .option('--from <file>', 'fill it from an assessment (.json or .xlsx)')
    .option('--force', 'overwrite an existing file')
    .addOption(langOption())
    .action(async (o: { output?: string; from?: string; force?: boolean; lang: string }) => {
      code = await (await import('./template-command')).templateCommand({ ...o, lang: parseLang(o.lang) }, io);
    });

  program
    .command('application')
    .description('write the printable 申报书 (附件5) of a workbook or assessment as a Word document')
    .argument('<file>', 'workbook (.xlsx) or assessment (.json)')
    .option('-o, --output <file>', 'output file (default 申报书.docx)')
    .option('--force', 'overwrite an existing file')
    .addOption(langOption())
    .action(async (file: string, o: { output?: string; force?: boolean; lang: string }) => {
      code = await (await import('./application-command')).applicationCommand(file, { output: o.output, force: o.force, lang: parseLang(o.lang) }, io);
    });

  program
    .command('export')
    .description('write the exchange JSON of a workbook')
    .argument('<file>', 'workbook (.xlsx)')
    .option('-o, --output <file>', 'output file (default: standard output)')
    .option('--force', 'overwrite an existing file')
    .addOption(langOption())
    .action(async (file: string, o: { output?: string; force?: boolean; lang: string }) => {
      code = await (await import('./export-command')).exportCommand(file, { output: o.output, force: o.force, lang: parseLang(o.lang) }, io);
    });

  program
    .command('merge')
    .description('merge enterprise workbooks (.xlsx) and assessments (.json) into one 推荐汇总表')
    .argument('[paths...]', 'files or folders (searched recursively); none with --into re-sorts by 推荐顺序')
    .requiredOption('-o, --output <file>', 'the merged workbook to write, e.g. 推荐汇总表.xlsx')
    .option('--unit <name>', '推荐单位名称')
    .option('--contact <name>', '联系人')
    .option('--phone <phone>', '联系电话')
    .option('--into <file>', 'an earlier merged summary whose rows are kept or replaced')
    .option('--force', 'overwrite an existing output file (the --into summary itself is updated without it)')
    .option('--strict', 'skip files that have errors instead of merging them with their errors listed')
    .option('--json', 'print the merge report as JSON')
    .option('--file-timeout <seconds>', 'stop reading a file after this long and report it (default 60)', positiveNumber('--file-timeout'))
    .addOption(langOption())
    .action(async (paths: string[], o: { output: string; unit?: string; contact?: string; phone?: string; into?: string; force?: boolean; strict?: boolean; json?: boolean; fileTimeout?: number; lang: string }) => {
      code = await (await import('./merge-command')).mergeCommand(paths, { ...o, lang: parseLang(o.lang), tty: io.isTTY === true && !o.json }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.err(`sfa: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export async function main(): Promise<void> {
  const io: CliIO = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), cwd: process.cwd(), isTTY: process.stderr.isTTY };
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (e) {
    io.err(`sfa: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
