import { parseArgs } from 'node:util';

/** Each command's flags (all take a value, shown here as in the usage text) and whether it takes a file. */
const COMMAND_LINES = {
  demo: {},
  project: {},
  rebuild: {},
  report: { flags: { from: 'ГГГГ-ММ-ДД', to: 'ГГГГ-ММ-ДД', form: 'форма', format: 'json|html|csv|xlsx', out: 'файл', at: 'позиция', org: 'ID', today: 'ГГГГ-ММ-ДД' } },
  backup: { file: true },
  restore: { file: true },
  verify: { flags: { org: 'ID', head: 'N:H', statement: 'файл.html' } },
  seal: {},
  witness: {},
  'signing-key': { flags: { org: 'ID' } },
  'rotate-signing-key': { flags: { org: 'ID' } },
  'retire-signing-key': { flags: { org: 'ID', key: 'ID ключа' } },
} satisfies Record<string, { flags?: Record<string, string>; file?: true }>;

export type CommandName = keyof typeof COMMAND_LINES;
export const COMMANDS = Object.keys(COMMAND_LINES) as CommandName[];
export const isCommand = (name: string | undefined): name is CommandName => COMMANDS.includes(name as CommandName);

export interface CommandLine {
  /** The flags given, by name without `--`. */
  flags: Readonly<Record<string, string | undefined>>;
  /** The file of `backup` / `restore`, if given. */
  file?: string;
}

/** A command line the command cannot take; the CLI prints the message and exits with code 2, having touched nothing. */
export class CommandLineError extends Error {
  constructor(readonly command: CommandName, message: string) {
    super(message);
  }
}

/** One command's arguments by `util.parseArgs` in strict mode: an unknown flag, a flag without its value or a stray argument is refused. */
export function parseCommandLine(command: CommandName, args: readonly string[]): CommandLine {
  const line: { flags?: Record<string, string>; file?: true } = COMMAND_LINES[command];
  const flags = line.flags ?? {};
  const options = Object.fromEntries(Object.keys(flags).map((name) => [name, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: !!line.file, tokens: true });
  } catch {
    throw new CommandLineError(command, explain(command, flags, !!line.file, args) ?? `Команда ${command} не принимает такую командную строку: ${args.join(' ')}.`);
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new CommandLineError(command, `Флаг --${t.name} указан дважды: оставьте одно значение.`);
    seen.add(t.name);
  }
  if (parsed.positionals.length > 1) throw new CommandLineError(command, `Лишний аргумент «${parsed.positionals[1]}»: команде ${command} нужен один файл.`);
  return { flags: parsed.values as Record<string, string | undefined>, file: parsed.positionals[0] };
}

/** What strict parsing refused, in Russian: the same arguments read leniently, token by token. */
function explain(command: CommandName, flags: Record<string, string>, takesFile: boolean, args: readonly string[]): string | undefined {
  const known = Object.keys(flags);
  const options = Object.fromEntries(known.map((name) => [name, { type: 'string' as const }]));
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const listed = known.map((n) => `--${n}`).join(', ');
  let files = takesFile ? 1 : 0;
  for (const t of tokens) {
    if (t.kind === 'option' && !known.includes(t.name)) {
      const near = closest(t.name, known).map((n) => `--${n}`).join(' или ');
      return known.length
        ? `Неизвестный флаг ${t.rawName}${near ? ` (может быть, ${near}?)` : ''}. Флаги команды ${command}: ${listed}.`
        : `Неизвестный флаг ${t.rawName}: у команды ${command} нет флагов.`;
    }
    if (t.kind === 'option' && (t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-')))) {
      return `Флагу --${t.name} нужно значение: --${t.name} <${flags[t.name]}>.`;
    }
    if (t.kind === 'positional' && files-- <= 0) {
      const takes = takesFile ? `команде ${command} нужен один файл` : known.length ? `команда ${command} принимает только флаги (${listed})` : `команда ${command} не принимает аргументов`;
      return `Лишний аргумент «${t.value}»: ${takes}.`;
    }
  }
  return undefined;
}

/** The known flags fewest typos away, at most two (`--formt` → `form`, `format`). */
function closest(name: string, known: readonly string[]): string[] {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length];
  };
  const distances = known.map((k) => distance(name, k));
  const best = Math.min(...distances);
  return best <= 2 ? known.filter((_, i) => distances[i] === best) : [];
}
