import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A place in the source that refuses with a stable code and a message for people. */
export interface RefusalSite {
  file: string;
  line: number;
  code: string;
  /** The message's literal text, each interpolation replaced by `${…}` with its source. */
  text: string;
  /** Sources of the message's interpolations (`${ruDate(date)}`, `${what}`…); `[expr]` when the whole message is an expression. */
  interpolations: string[];
}

const ROOT = join(__dirname, '../../..');
const DIRS = ['state-machines', 'libs', 'apps'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' || name === 'node_modules' ? [] : filesUnder(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

function messageParts(node: ts.Expression, sf: ts.SourceFile): { text: string; interpolations: string[] } {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, interpolations: [] };
  if (ts.isTemplateExpression(node)) {
    const interpolations = node.templateSpans.map((s) => s.expression.getText(sf));
    const text = node.head.text + node.templateSpans.map((s) => `\${${s.expression.getText(sf)}}${s.literal.text}`).join('');
    return { text, interpolations };
  }
  if (ts.isParenthesizedExpression(node)) return messageParts(node.expression, sf);
  // A long message written as `…` + `…` across lines: both halves are the message.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = messageParts(node.left, sf);
    const b = messageParts(node.right, sf);
    return { text: a.text + b.text, interpolations: [...a.interpolations, ...b.interpolations] };
  }
  if (ts.isConditionalExpression(node)) {
    const a = messageParts(node.whenTrue, sf);
    const b = messageParts(node.whenFalse, sf);
    return { text: `${a.text} | ${b.text}`, interpolations: [...a.interpolations, ...b.interpolations] };
  }
  return { text: '', interpolations: [`[${node.getText(sf)}]`] };
}

/**
 * Every refusal of the code base, found in the source: object literals with a `code: '…'` and a `message`
 * (DomainError, refuse, enforce, a rule's verdict), and `violation('code', clause, message)` calls.
 */
export function refusalSites(): RefusalSite[] {
  const out: RefusalSite[] = [];
  for (const file of DIRS.flatMap((d) => filesUnder(join(ROOT, d)))) {
    const source = readFileSync(file, 'utf8');
    if (!/code:|violation\(/.test(source)) continue;
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node, code: string, message: ts.Expression) =>
      out.push({ file: relative(ROOT, file), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, code, ...messageParts(message, sf) });
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const prop = (name: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === name);
        const code = prop('code');
        const message = prop('message');
        const shorthand = node.properties.find((p) => ts.isShorthandPropertyAssignment(p) && p.name.getText(sf) === 'message');
        if (code && ts.isStringLiteral(code.initializer)) {
          if (message) add(node, code.initializer.text, message.initializer);
          else if (shorthand) add(node, code.initializer.text, (shorthand as ts.ShorthandPropertyAssignment).name);
        }
      }
      if (ts.isCallExpression(node) && node.expression.getText(sf) === 'violation' && node.arguments.length >= 3 && ts.isStringLiteral(node.arguments[0])) {
        add(node, node.arguments[0].text, node.arguments[2]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}
