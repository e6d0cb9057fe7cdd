import { CommandLineError, parseCommandLine } from './command-line';

const refusal = (...[command, args]: Parameters<typeof parseCommandLine>): string => {
  try {
    parseCommandLine(command, args);
  } catch (error) {
    if (error instanceof CommandLineError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${command} ${args.join(' ')}`);
};

describe('CLI command lines (util.parseArgs, strict)', () => {
  it('reads a good command line, in either spelling of a value', () => {
    expect(parseCommandLine('report', ['--from', '2026-01-01', '--to=2026-12-31', '--format', 'xlsx', '--out', 'r.xlsx', '--org', 'ds6']).flags)
      .toEqual({ from: '2026-01-01', to: '2026-12-31', format: 'xlsx', out: 'r.xlsx', org: 'ds6' });
    expect(parseCommandLine('verify', ['--org', 'ds6', '--head', `12:${'a'.repeat(64)}`, '--statement', 'act.html']).flags)
      .toEqual({ org: 'ds6', head: `12:${'a'.repeat(64)}`, statement: 'act.html' });
    expect(parseCommandLine('backup', ['copy.sqlite'])).toEqual({ flags: {}, file: 'copy.sqlite' });
    expect(parseCommandLine('restore', [])).toEqual({ flags: {}, file: undefined });
    expect(parseCommandLine('project', [])).toEqual({ flags: {}, file: undefined });
  });

  it('refuses an unknown flag, suggesting the near one', () => {
    expect(refusal('report', ['--formt', 'xlsx', '--out', 'r.xlsx']))
      .toBe('Неизвестный флаг --formt (может быть, --form или --format?). Флаги команды report: --from, --to, --form, --format, --out, --at, --org, --today.');
    expect(refusal('verify', ['--statment', 'act.html'])).toBe('Неизвестный флаг --statment (может быть, --statement?). Флаги команды verify: --org, --head, --statement.');
    expect(refusal('seal', ['--org', 'ds6'])).toBe('Неизвестный флаг --org: у команды seal нет флагов.');
    expect(refusal('backup', ['copy.sqlite', '-f'])).toBe('Неизвестный флаг -f: у команды backup нет флагов.');
  });

  it('refuses a flag without its value, also when the next flag would be taken for it', () => {
    expect(refusal('report', ['--from', '2026-01-01', '--out'])).toBe('Флагу --out нужно значение: --out <файл>.');
    expect(refusal('verify', ['--org', '--statement', 'act.html'])).toBe('Флагу --org нужно значение: --org <ID>.');
  });

  it('refuses stray arguments, a second file and a flag given twice', () => {
    expect(refusal('rebuild', ['now'])).toBe('Лишний аргумент «now»: команда rebuild не принимает аргументов.');
    expect(refusal('report', ['2026-01-01'])).toMatch(/^Лишний аргумент «2026-01-01»: команда report принимает только флаги \(--from, /);
    expect(refusal('backup', ['a.sqlite', 'b.sqlite'])).toBe('Лишний аргумент «b.sqlite»: команде backup нужен один файл.');
    expect(refusal('report', ['--format', 'csv', '--format', 'xlsx'])).toBe('Флаг --format указан дважды: оставьте одно значение.');
  });
});
