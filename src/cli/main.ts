// `sfa`: the command line over the same engine as the add-in. Help, usage errors and every message follow
// `--lang` (Chinese by default): the language is read from the arguments before commander parses them, so
// its help and its errors can be in that language too.
import { Command, CommanderError, Help, Option } from 'commander';
import { isLang, type Lang } from '../domain/i18n/lang';
import { UsageError, type CliIO } from './io';
import { cliText } from '../domain/i18n/cli';
import { outputOptions } from './output-options';
import { cleanText } from '../domain/text/sanitise';
import { isRawJsError } from '../domain/text/error-text';
import { displayWidth } from '../domain/text/display-width';
import { internalErrorMessages } from '../domain/i18n/messages';
import { tuneCompiler } from './compile-tier';

/** The --lang of a command line, for a message before (or without) commander's parse. */
const langOf = (argv: string[]): Lang => {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
};
// Each command's module is loaded when that command runs, so `sfa --help` and `sfa score x.json` load
// nothing they do not use (the build splits lib/ at each of these imports: scripts/build-cli.js).

const VERSION: string = (require('../../package.json') as { version: string }).version;

/** `--lang xx` or `--lang=xx` anywhere before `--`; Chinese without it. A bad value is a usage error. */
export function langFromArgs(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === undefined) continue;
    if (!isLang(v)) throw new UsageError(cliText('zh').badLang(v));
    return v;
  }
  return 'zh';
}

/** A commander parser for a positive number, refusing anything else as a usage error naming the option. */
function positiveNumber(option: string, lang: Lang) {
  return (v: string): number => {
    const n = Number(v);
    if (!(Number.isFinite(n) && n > 0)) throw new UsageError(cliText(lang).usage.positiveNumber(option, v));
    return n;
  };
}

/** Commander's own error (unknown option, missing argument…) in the user's language, with where to look. */
function usageMessage(e: CommanderError, lang: Lang, commands: string[], command: string | undefined): string {
  const u = cliText(lang).usage;
  const quoted = [...e.message.matchAll(/'([^']+)'/g)].map((x) => x[1]!);
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(e.message)?.[1];
  const said = (() => {
    switch (e.code) {
      case 'commander.unknownOption':
        return u.unknownOption(quoted[0] ?? '', suggestion);
      case 'commander.unknownCommand':
        return u.unknownCommand(quoted[0] ?? '', suggestion, commands);
      case 'commander.missingArgument':
        return u.missingArgument(quoted[0] ?? '');
      case 'commander.optionMissingArgument':
        return u.optionMissingArgument(quoted[0] ?? '');
      case 'commander.missingMandatoryOptionValue':
        return u.missingMandatoryOption(quoted[0] ?? '');
      case 'commander.excessArguments': {
        const n = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
        return u.excessArguments(Number(n?.[1] ?? 0), Number(n?.[2] ?? 0));
      }
      default:
        return u.other(e.message.replace(/^error: /, ''));
    }
  })();
  return `sfa: ${said}\n${u.seeHelp(e.code === 'commander.unknownCommand' ? undefined : command)}\n`;
}

function buildProgram(lang: Lang, io: CliIO, setCode: (c: number) => void): Command {
  const h = cliText(lang).help;
  // Argument and option-value names in the user's language (<文件>, [路径...]): commander shows them as declared.
  const a = h.args;
  // Commander calls styleTitle with its English headings ('Usage:', 'Options:'…) and writes '[options]' and
  // '[command]' into usage lines: the catalogue renames both.
  const plain = new Help();
  const words = (usage: string) => usage.replace(/\[options\]|\[command\]/g, (w) => h.titles[w] ?? w);
  const helpConfig = {
    showGlobalOptions: true,
    // Chinese help's columns line up in a terminal, where 中文 takes two columns a character; descriptions wrap
    // as before (only at spaces, which Chinese text rarely has).
    ...(lang === 'zh' ? { displayWidth, boxWrap: (s: string, width: number) => plain.boxWrap(s, width) } : {}),
    styleTitle: (title: string) => h.titles[title] ?? title,
    commandUsage: (cmd: Command) => words(plain.commandUsage(cmd)),
    subcommandTerm: (cmd: Command) => words(plain.subcommandTerm(cmd)),
  };
  const program = new Command('sfa')
    .description(h.program)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .addOption(new Option(`--lang ${a.lang}`, h.lang))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .configureHelp(helpConfig)
    .hook('preAction', (_program, command) => io.beforeCommand?.(command.name(), command.args));
  const sub = (name: string, description: string) =>
    program.command(name).description(description).helpOption('-h, --help', h.helpOption).configureHelp(helpConfig);

  sub('score', h.score.description)
    .argument(a.file, h.score.file)
    .option('--json', h.score.json)
    .action(async (file: string, o: { json?: boolean }) => {
      setCode(await (await import('./score-command')).scoreCommand(file, { json: o.json, lang }, io));
    });

  // Every command that writes a file takes -o/--output and --force from one declaration (output-options.ts).
  const template = sub('template', h.template.description);
  const templateOut = outputOptions(template, 'template', lang);
  template.option(`--from ${a.file}`, h.template.from).action(async (o: { output?: string; from?: string; force?: boolean }) => {
    setCode(await (await import('./template-command')).templateCommand({ ...templateOut(o), from: o.from }, io));
  });

  const exp = sub('export', h.export.description).argument(a.file, h.export.file);
  const exportOut = outputOptions(exp, 'export', lang);
  exp.action(async (file: string, o: { output?: string; force?: boolean }) => {
    setCode(await (await import('./export-command')).exportCommand(file, exportOut(o), io));
  });

  const letter = sub('letter', h.letter.description).argument(a.summary, h.letter.summary);
  const letterOut = outputOptions(letter, 'letter', lang);
  letter
    .option(`--date ${a.date}`, h.letter.date)
    .option(`--unit ${a.unit}`, h.letter.unit)
    .option(`--contact ${a.contact}`, h.letter.contact)
    .option(`--phone ${a.phone}`, h.letter.phone)
    .action(async (summary: string, o: { output?: string; date?: string; unit?: string; contact?: string; phone?: string; force?: boolean }) => {
      const { date, unit, contact, phone } = o;
      setCode(await (await import('./letter-command')).letterCommand(summary, { ...letterOut(o), date, unit, contact, phone }, io));
    });

  const application = sub('application', h.application.description).argument(a.file, h.application.file);
  const applicationOut = outputOptions(application, 'application', lang);
  application.action(async (file: string, o: { output?: string; force?: boolean }) => {
    setCode(await (await import('./application-command')).applicationCommand(file, applicationOut(o), io));
  });

  const merge = sub('merge', h.merge.description).argument(a.paths, h.merge.paths);
  const mergeOut = outputOptions(merge, 'merge', lang);
  merge
    .option(`--unit ${a.unit}`, h.merge.unit)
    .option(`--contact ${a.contact}`, h.merge.contact)
    .option(`--phone ${a.phone}`, h.merge.phone)
    .option(`--into ${a.file}`, h.merge.into)
    .option('--strict', h.merge.strict)
    .option('--json', h.merge.json)
    .option('--stats', h.merge.stats)
    .option(`--file-timeout ${a.seconds}`, h.merge.fileTimeout, positiveNumber('--file-timeout', lang))
    .action(
      async (
        paths: string[],
        o: {
          output: string;
          unit?: string;
          contact?: string;
          phone?: string;
          into?: string;
          force?: boolean;
          strict?: boolean;
          json?: boolean;
          stats?: boolean;
          fileTimeout?: number;
        },
      ) => {
        const opts = { ...o, ...mergeOut(o), output: o.output, tty: io.isTTY === true && !o.json };
        setCode(await (await import('./merge-command')).mergeCommand(paths, opts, io));
      },
    );
  return program;
}

/** Runs the CLI with these arguments (without `node sfa`) and returns the exit code. */
export async function run(argv: string[], rawIo: CliIO): Promise<number> {
  // Every line the console gets passes the text sanitiser: a file name holding ESC or U+FFFF prints as �.
  const io: CliIO = { ...rawIo, out: (s) => rawIo.out(cleanText(s, Infinity)), err: (s) => rawIo.err(cleanText(s, Infinity)) };
  let code = 0;
  let lang: Lang = 'zh';
  try {
    lang = langFromArgs(argv);
    const program = buildProgram(lang, io, (c) => (code = c));
    const commands = program.commands.map((c) => c.name());
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e;
      if (e.exitCode === 0) return 0;
      // `sfa` alone prints the help (to stderr) and ends with exit code 1: a usage error, said by the help.
      if (e.code !== 'commander.help')
        io.err(
          usageMessage(
            e,
            lang,
            commands,
            argv.find((a) => commands.includes(a)),
          ),
        );
      return 2;
    }
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sfa: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export async function main(): Promise<void> {
  const cwd = process.cwd();
  const io: CliIO = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd,
    isTTY: process.stderr.isTTY,
    beforeCommand: (command, args) => tuneCompiler(cwd, command, args),
  };
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (e) {
    // Ours say what is wrong; JavaScript's own text ("Cannot read properties of undefined") is not for users.
    io.err(`sfa: ${isRawJsError(e) ? internalErrorMessages.command(langOf(process.argv)) : (e as Error).message}\n`);
    if (process.env.SFA_DEBUG) io.err(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  }
}
