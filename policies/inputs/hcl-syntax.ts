/**
 * Terraform's native syntax (`.tf`), read into the JSON shape hcl2json gives
 * it, so that HCL and Terraform JSON meet in one reader.
 *
 * The shape, exactly as `@cdktf/hcl2json` writes it (a differential test holds
 * the two together): a block nests under its type and labels and is always a
 * list of bodies; a literal is its JSON value; a string without interpolation
 * is its text, with `${` and `%{` escaped as `$${` and `%%{`; a tuple or object
 * keeps its shape; any other expression is its source text inside `${…}`;
 * a template keeps its interpolations as `${source}` and its directives as
 * `%{if …}` and `%{for …}`.
 *
 * Syntax errors carry the line and column where Terraform reports them.
 */

import { MAX_NESTING, lineOf } from '../errors';
import { readEscape } from '../model/expression';

export class HclSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly summary: string,
    readonly detail: string,
  ) {
    super(`${summary}; ${detail}`);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;

/** A parsed expression with its source range (`start`, `end`: offsets into the text). */
type Expr = { start: number; end: number } & (
  | { kind: 'literal'; value: Json }
  | { kind: 'template'; parts: TemplatePart[] }
  /** `"${x}"`: a template that is one interpolation and nothing else. */
  | { kind: 'wrap'; inner: Expr }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; items: { key: Expr; value: Expr }[] }
  | { kind: 'traversal' }
  | { kind: 'unary'; operator: '!' | '-'; operand: Expr }
  | { kind: 'conditional'; condition: Expr; whenTrue: Expr | TemplatePart[]; whenFalse: Expr | TemplatePart[] }
  /** `%{for k, v in coll}…%{endfor}` inside a template. */
  | { kind: 'join'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] }
  /** Anything else (operators, calls, `for`, splats, indexes, parentheses): kept as source. */
  | { kind: 'other' }
);
type TemplatePart = { kind: 'text'; text: string } | Expr;

const enum C {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Less = 60,
  Equals = 61,
  Question = 63,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  LBrace = 123,
  RBrace = 125,
  Tilde = 126,
}

const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const OPERATORS = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%'];
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** Parses one `.tf` file's text into hcl2json's JSON shape. */
export function parseHcl(text: string): Body {
  return new HclParser(text).file();
}

class HclParser {
  private pos = 0;
  /**
   * Inside brackets, parentheses and interpolations newlines are spaces; at
   * the top of an argument, and between the items of an object, they end
   * what comes before them.
   */
  private newlinesAreSpace = false;
  private conversionError: HclSyntaxError | undefined;
  /**
   * Prefix operators and conditionals open around the position. Brackets are
   * bounded before parsing (refuseDeepNesting); these are bounded here, so
   * that hostile input cannot exhaust the stack.
   */
  private depth = 0;

  constructor(private readonly src: string) {}

  file(): Body {
    const body = this.body(undefined);
    if (this.pos < this.src.length) this.fail(this.pos, 'Argument or block definition required', ARGUMENT_REQUIRED);
    if (this.conversionError) throw this.conversionError;
    // Go's encoding/json writes every object's keys in byte order.
    return sortKeys(body) as Body;
  }

  // ------------------------------------------------------------------ structure

  /** Attributes and blocks up to `}` (the caller's block) or the end of the file. */
  private body(openBrace: number | undefined): Body {
    const blocks: Body = {};
    const attributes = new Map<string, Json>();
    const names = new Map<string, number>();
    for (;;) {
      this.skip(true);
      if (this.pos >= this.src.length) {
        if (openBrace !== undefined) this.fail(openBrace, 'Unclosed configuration block', UNCLOSED_BLOCK);
        break;
      }
      if (this.code() === C.RBrace) {
        if (openBrace === undefined) this.fail(this.pos, 'Argument or block definition required', ARGUMENT_REQUIRED);
        break;
      }
      const nameAt = this.pos;
      const name = this.identifier();
      if (name === undefined) this.fail(this.pos, 'Argument or block definition required', ARGUMENT_REQUIRED);
      this.skip(false);
      if (this.code() === C.Equals && this.src.charCodeAt(this.pos + 1) !== C.Equals) {
        this.pos++;
        const previous = names.get(name);
        if (previous !== undefined) {
          const at = this.position(previous);
          this.fail(
            nameAt,
            'Attribute redefined',
            `The argument "${name}" was already set at ${at.line},${at.column}. Each argument may be set only once.`,
          );
        }
        names.set(name, nameAt);
        attributes.set(name, convert(this.expression(), this.src));
        this.endOfItem();
      } else {
        this.block(name, nameAt, blocks);
      }
    }
    // hcl2json writes blocks first, then attributes over them.
    for (const [name, value] of attributes) blocks[name] = value;
    return blocks;
  }

  /** `type "label" label { body }`, nested in `out` under its type and labels. */
  private block(type: string, nameAt: number, out: Body): void {
    const labels: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.code();
      if (c === C.LBrace) break;
      if (c === C.Quote) {
        const quoted = this.quoted();
        const label = literalText(quoted);
        if (label === undefined) {
          this.fail(
            templateSequenceIn(this.src, quoted.start, quoted.end),
            'Invalid string literal',
            'Template sequences are not allowed in this string. To include a literal "$", double it (as "$$") to escape it.',
          );
        }
        labels.push(label);
        continue;
      }
      const at = this.pos;
      const label = this.identifier();
      if (label === undefined) {
        if ((c === C.Newline || Number.isNaN(c)) && labels.length > 0) {
          this.fail(
            at,
            'Invalid block definition',
            'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.',
          );
        }
        this.fail(labels.length === 0 ? nameAt : at, 'Argument or block definition required', ARGUMENT_REQUIRED);
      }
      labels.push(label);
    }
    const open = this.pos++;
    this.skip(false);
    let body: Body;
    if (this.code() === C.Newline || this.atLineComment()) {
      body = this.body(open);
      this.pos++;
    } else {
      body = this.singleLineBody();
    }
    this.endOfItem();
    let target = out;
    let key = type;
    for (const label of labels) {
      const next = target[key] ?? (target[key] = {});
      if (Array.isArray(next) || next === null || typeof next !== 'object')
        return this.cannotConvert(open, type, labels);
      target = next;
      key = label;
    }
    const list = target[key];
    if (list === undefined) target[key] = [body];
    else if (Array.isArray(list)) list.push(body);
    else this.cannotConvert(open, type, labels);
  }

  /**
   * A block type used both with and without labels has no JSON shape. Like
   * hcl2json, which converts after parsing, this is reported only when the
   * file has no syntax error.
   */
  private cannotConvert(open: number, type: string, labels: string[]): void {
    this.conversionError ??= this.error(
      open,
      'Unable to convert block to JSON',
      `"${[type, ...labels].join('.')}": a block type cannot have blocks both with and without labels.`,
    );
  }

  /** `name { arg = value }` on one line: at most one argument, no nested block. */
  private singleLineBody(): Body {
    const body: Body = {};
    if (this.code() !== C.RBrace) {
      const nameAt = this.pos;
      const name = this.identifier();
      if (name === undefined) this.fail(this.pos, 'Argument or block definition required', ARGUMENT_REQUIRED);
      this.skip(false);
      if (this.code() !== C.Equals) {
        this.fail(
          nameAt,
          'Argument definition required',
          `A single-line block definition can contain only a single argument. If you meant to define argument "${name}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`,
        );
      }
      this.pos++;
      body[name] = convert(this.expression(), this.src);
      this.skip(false);
    }
    if (this.code() !== C.RBrace) {
      this.fail(
        this.pos,
        'Invalid single-argument block definition',
        'A single-line block definition must end with a closing brace immediately after its single argument definition.',
      );
    }
    this.pos++;
    return body;
  }

  /** After an argument or block: the end of the line, a comment, or the end of the file. */
  private endOfItem(): void {
    this.skip(false);
    const c = this.code();
    if (this.pos >= this.src.length || c === C.Newline) return;
    if (this.atLineComment()) return;
    if (c === C.Return && this.src.charCodeAt(this.pos + 1) === C.Newline) return;
    this.fail(this.pos, 'Missing newline after argument', 'An argument definition must end with a newline.');
  }

  // ----------------------------------------------------------------- expressions

  private expression(): Expr {
    const condition = this.binary(0);
    this.skip(this.newlinesAreSpace);
    if (this.code() !== C.Question) return condition;
    this.pos++;
    this.deeper();
    const whenTrue = this.expression();
    this.skip(this.newlinesAreSpace);
    if (this.code() !== C.Colon) {
      this.fail(
        this.pos,
        'Missing false expression in conditional',
        'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
      );
    }
    this.pos++;
    const whenFalse = this.expression();
    this.depth--;
    return { kind: 'conditional', condition, whenTrue, whenFalse, start: condition.start, end: whenFalse.end };
  }

  private binary(minimum: number): Expr {
    let left = this.unary();
    for (;;) {
      const save = this.pos;
      this.skip(this.newlinesAreSpace);
      const operator = this.operator();
      if (operator === undefined || PRECEDENCE[operator] <= minimum) {
        this.pos = save;
        return left;
      }
      this.pos += operator.length;
      const right = this.binary(PRECEDENCE[operator]);
      left = { kind: 'other', start: left.start, end: right.end };
    }
  }

  private operator(): string | undefined {
    const s = this.src;
    for (const op of OPERATORS) {
      if (!s.startsWith(op, this.pos)) continue;
      // `<<` opens a heredoc and `//`, `/*` a comment.
      const next = s.charCodeAt(this.pos + 1);
      if (op === '<' && next === C.Less) return undefined;
      if (op === '/' && (next === C.Slash || next === C.Star)) return undefined;
      return op;
    }
    return undefined;
  }

  private unary(): Expr {
    this.skip(this.newlinesAreSpace);
    const c = this.code();
    if (c === C.Bang || c === C.Minus) {
      const start = this.pos++;
      this.deeper();
      const operand = this.unary();
      this.depth--;
      return { kind: 'unary', operator: c === C.Bang ? '!' : '-', operand, start, end: operand.end };
    }
    return this.postfix(this.primary());
  }

  /** Attribute access, indexes and splats after a term. */
  private postfix(term: Expr): Expr {
    let x = term;
    for (;;) {
      const save = this.pos;
      this.skip(this.newlinesAreSpace);
      const c = this.code();
      if (c === C.Dot && this.src.charCodeAt(this.pos + 1) !== C.Dot) {
        this.pos++;
        if (this.code() === C.Star) this.pos++;
        else if (this.match(NUMBER) === undefined && this.identifier() === undefined)
          this.fail(this.pos, 'Invalid attribute name', 'An attribute name is required after a dot.');
        x = { kind: x.kind === 'traversal' ? 'traversal' : 'other', start: x.start, end: this.pos };
      } else if (c === C.LBracket) {
        this.pos++;
        const key = this.within(true, () => {
          this.skip(true);
          if (this.code() === C.Star) {
            this.pos++;
            return undefined;
          }
          const index = this.expression();
          this.skip(true);
          return index;
        });
        if (this.code() !== C.RBracket) {
          this.failUnlessEnd(
            'Missing close bracket on index',
            'The index operator must end with a closing bracket ("]").',
          );
        }
        this.pos++;
        // `a[0]` and `a["k"]` stay a traversal, as in Terraform; `a[var.i]` and `a[*]` do not.
        const literalKey = key?.kind === 'literal' || (key !== undefined && literalText(key) !== undefined);
        x = { kind: x.kind === 'traversal' && literalKey ? 'traversal' : 'other', start: x.start, end: this.pos };
      } else {
        this.pos = save;
        return x;
      }
    }
  }

  private primary(): Expr {
    const s = this.src;
    const start = this.pos;
    const c = this.code();
    if (c === C.Quote) return this.quoted();
    if (c === C.Less && s.charCodeAt(this.pos + 1) === C.Less) return this.heredoc();
    if (c === C.LParen) {
      this.pos++;
      this.within(true, () => {
        this.expression();
        this.skip(true);
      });
      if (this.code() !== C.RParen) {
        this.failUnlessEnd('Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
      }
      this.pos++;
      return { kind: 'other', start, end: this.pos };
    }
    if (c === C.LBracket) return this.tuple();
    if (c === C.LBrace) return this.object();
    if (c >= C.Zero && c <= C.Nine) {
      const n = this.match(NUMBER)!;
      return { kind: 'literal', value: Number(n), start, end: this.pos };
    }
    const name = this.identifier();
    if (name === undefined) return this.invalidExpression();
    if (name === 'true' || name === 'false' || name === 'null') {
      return { kind: 'literal', value: name === 'null' ? null : name === 'true', start, end: this.pos };
    }
    // `provider::name::function(…)` and `name(…)`
    while (s.startsWith('::', this.pos)) {
      this.pos += 2;
      if (this.identifier() === undefined) this.fail(this.pos, 'Invalid function name', 'A function name is required.');
    }
    const save = this.pos;
    this.skip(this.newlinesAreSpace);
    if (this.code() !== C.LParen) {
      this.pos = save;
      return { kind: 'traversal', start, end: this.pos };
    }
    this.pos++;
    this.within(true, () => {
      for (;;) {
        this.skip(true);
        if (this.code() === C.RParen) break;
        this.expression();
        this.skip(true);
        if (s.startsWith('...', this.pos)) {
          this.pos += 3;
          this.skip(true);
        }
        if (this.code() === C.Comma) {
          this.pos++;
          this.skip(true);
          if (this.pos >= s.length)
            this.fail(this.pos, 'Missing expression', 'Expected an argument expression before the end of the file.');
        } else if (this.code() !== C.RParen) {
          this.failUnlessEnd(
            'Missing argument separator',
            'A comma is required to separate each function argument from the next.',
          );
        }
      }
    });
    this.pos++;
    return { kind: 'other', start, end: this.pos };
  }

  private tuple(): Expr {
    const start = this.pos++;
    this.skip(true);
    if (this.atKeyword('for')) return this.forExpression(start, C.RBracket);
    const items: Expr[] = [];
    this.within(true, () => {
      for (;;) {
        this.skip(true);
        if (this.code() === C.RBracket) break;
        if (this.pos >= this.src.length)
          this.fail(start, 'Unterminated tuple constructor expression', UNTERMINATED_BRACKETS);
        items.push(this.expression());
        this.skip(true);
        if (this.code() === C.Comma) this.pos++;
        else if (this.pos >= this.src.length)
          this.fail(start, 'Unterminated tuple constructor expression', UNTERMINATED_BRACKETS);
        else if (this.code() !== C.RBracket)
          this.failUnlessEnd('Missing item separator', 'Expected a comma to mark the beginning of the next item.');
      }
    });
    this.pos++;
    return { kind: 'tuple', items, start, end: this.pos };
  }

  private object(): Expr {
    const start = this.pos++;
    this.skip(true);
    if (this.atKeyword('for')) return this.forExpression(start, C.RBrace);
    const items: { key: Expr; value: Expr }[] = [];
    this.within(false, () => this.objectItems(start, items));
    this.pos++;
    return { kind: 'object', items, start, end: this.pos };
  }

  /** Items separated by commas or newlines, up to the closing brace. */
  private objectItems(start: number, items: { key: Expr; value: Expr }[]): void {
    for (;;) {
      this.skip(true);
      if (this.code() === C.RBrace) break;
      if (this.pos >= this.src.length)
        this.fail(start, 'Unterminated object constructor expression', UNTERMINATED_BRACKETS);
      const key = this.expression();
      this.skip(false);
      const c = this.code();
      if (c !== C.Equals && c !== C.Colon) {
        this.fail(
          this.pos,
          'Missing key/value separator',
          'Expected an equals sign ("=") to mark the beginning of the attribute value.',
        );
      }
      this.pos++;
      const value = this.expression();
      items.push({ key, value });
      this.skip(false);
      if (this.code() === C.Comma) this.pos++;
      else if (this.code() === C.Newline || this.atLineComment()) continue;
      else if (this.code() !== C.RBrace)
        this.fail(
          this.pos,
          'Missing attribute separator',
          'Expected a newline or comma to mark the beginning of the next attribute.',
        );
    }
  }

  /** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`, after the bracket. */
  private forExpression(start: number, close: C.RBracket | C.RBrace): Expr {
    this.within(true, () => this.forClauses(close));
    this.pos++;
    return { kind: 'other', start, end: this.pos };
  }

  private forClauses(close: C.RBracket | C.RBrace): void {
    const invalid = (): never => this.fail(this.pos, "Invalid 'for' expression", FOR_SYNTAX);
    this.pos += 3;
    this.skip(true);
    if (this.identifier() === undefined) invalid();
    this.skip(true);
    if (this.code() === C.Comma) {
      this.pos++;
      this.skip(true);
      if (this.identifier() === undefined) invalid();
      this.skip(true);
    }
    if (!this.atKeyword('in')) invalid();
    this.pos += 2;
    this.expression();
    this.skip(true);
    if (this.code() !== C.Colon) invalid();
    this.pos++;
    this.expression();
    this.skip(true);
    if (close === C.RBrace) {
      if (!this.src.startsWith('=>', this.pos)) invalid();
      this.pos += 2;
      this.expression();
      this.skip(true);
      if (this.src.startsWith('...', this.pos)) this.pos += 3;
      this.skip(true);
    }
    if (this.atKeyword('if')) {
      this.pos += 2;
      this.expression();
      this.skip(true);
    }
    if (this.code() !== close) invalid();
  }

  // ------------------------------------------------------------------- templates

  /** A quoted template: `"text ${expr} %{if c}…%{endif}"`. */
  private quoted(): Expr {
    const start = this.pos++;
    const parts = this.templateParts('quoted');
    this.pos++;
    return templateOf(parts, start, this.pos);
  }

  /** `<<EOT` or `<<-EOT` (indented) … `EOT` on a line of its own. */
  private heredoc(): Expr {
    const start = this.pos;
    const s = this.src;
    this.pos += 2;
    const indented = this.code() === C.Minus;
    if (indented) this.pos++;
    const marker = this.identifier();
    if (marker === undefined || (this.code() !== C.Newline && !s.startsWith('\r\n', this.pos))) {
      this.fail(start, 'Invalid heredoc', 'A heredoc marker must be followed by a newline.');
    }
    this.pos += this.code() === C.Newline ? 1 : 2;
    const parts = this.templateParts('heredoc', marker);
    const closeLine = s.indexOf('\n', this.pos);
    this.pos = closeLine < 0 ? s.length : closeLine;
    const end = this.pos;
    const body = indented ? dedent(parts) : parts;
    return templateOf(body, start, end);
  }

  /**
   * Template parts up to the closing quote (quoted, left at the quote) or up
   * to the line holding only the marker (heredoc, left at that line's start),
   * failing where the template does not end there or leaves a directive open.
   */
  private templateParts(mode: 'quoted' | 'heredoc', marker?: string): TemplatePart[] {
    const s = this.src;
    const root: TemplatePart[] = [];
    // Open directives: each collects its parts until %{else}, %{endif} or %{endfor}.
    const stack: { parts: TemplatePart[]; directive?: Directive }[] = [{ parts: root }];
    let text = '';
    let stripNext = false;
    const flush = (stripBefore: boolean) => {
      let t = text;
      if (stripNext) t = t.replace(/^\s+/, '');
      if (stripBefore) t = t.replace(/\s+$/, '');
      if (t) stack[stack.length - 1].parts.push({ kind: 'text', text: t });
      text = '';
      stripNext = false;
    };
    let lineStart = true;
    for (;;) {
      if (mode === 'heredoc' && lineStart && this.atMarkerLine(marker!)) break;
      if (this.pos >= s.length) {
        if (mode === 'heredoc')
          this.fail(this.pos, 'Unterminated template string', 'No closing marker was found for the string.');
        break;
      }
      const c = this.code();
      lineStart = false;
      if (mode === 'quoted') {
        if (c === C.Quote) break;
        if (c === C.Newline) break;
        if (c === C.Backslash) {
          text += this.escape();
          continue;
        }
      }
      if (
        (c === C.Dollar || c === C.Percent) &&
        s.charCodeAt(this.pos + 1) === c &&
        s.charCodeAt(this.pos + 2) === C.LBrace
      ) {
        text += s[this.pos] + '{';
        this.pos += 3;
        continue;
      }
      if (c === C.Dollar && s.charCodeAt(this.pos + 1) === C.LBrace) {
        const open = this.pos;
        this.pos += 2;
        const stripBefore = this.eatStrip();
        flush(stripBefore);
        const inner = this.within(true, () => {
          const e = this.expression();
          this.skip(true);
          stripNext = this.eatStrip();
          this.skip(true);
          return e;
        });
        if (this.code() !== C.RBrace)
          this.fail(open, 'Unterminated template string', 'No closing marker was found for the string.');
        this.pos++;
        stack[stack.length - 1].parts.push(inner);
        continue;
      }
      if (c === C.Percent && s.charCodeAt(this.pos + 1) === C.LBrace) {
        const open = this.pos;
        this.pos += 2;
        const stripBefore = this.eatStrip();
        flush(stripBefore);
        this.within(true, () => {
          this.directive(open, stack);
          this.skip(true);
          stripNext = this.eatStrip();
          this.skip(true);
        });
        if (this.code() !== C.RBrace) {
          this.failUnlessEnd('Extra characters in template directive', 'A template directive must end with "}".');
        }
        this.pos++;
        continue;
      }
      text += s[this.pos++];
      if (c === C.Newline) lineStart = true;
    }
    flush(false);
    if (mode === 'quoted' && this.code() === C.Newline) {
      this.fail(
        this.pos,
        'Invalid multi-line string',
        'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
      );
    }
    if (mode === 'quoted' && this.code() !== C.Quote)
      this.fail(this.pos, 'Unterminated template string', 'No closing marker was found for the string.');
    const open = stack[stack.length - 1].directive;
    if (open) {
      this.fail(
        this.pos,
        'Unexpected end of template',
        `The control directive is missing its closing %{end${open.kind}}.`,
      );
    }
    return root;
  }

  /** `%{if c}`, `%{else}`, `%{endif}`, `%{for k, v in coll}`, `%{endfor}`, after `%{` and its strip marker. */
  private directive(open: number, stack: { parts: TemplatePart[]; directive?: Directive }[]): void {
    this.skip(true);
    const at = this.pos;
    const word = this.identifier();
    const top = stack[stack.length - 1];
    if (word === 'if') {
      const condition = this.expression();
      const directive: Directive = { kind: 'if', at: open, condition, whenTrue: [], whenFalse: [] };
      stack.push({ parts: directive.whenTrue, directive });
    } else if (word === 'else') {
      if (top.directive?.kind !== 'if' || top.parts === top.directive.whenFalse)
        this.fail(open, 'Unexpected else directive', 'There is no %{if} for this %{else}.');
      stack[stack.length - 1] = { parts: top.directive.whenFalse, directive: top.directive };
    } else if (word === 'endif' || word === 'endfor') {
      const kind = word.slice(3);
      if (top.directive?.kind !== kind)
        this.fail(open, `Unexpected ${word} directive`, `There is no %{${kind}} to end.`);
      stack.pop();
      const d = top.directive;
      const end = this.pos;
      const node: Expr =
        d.kind === 'if'
          ? {
              kind: 'conditional',
              condition: d.condition,
              whenTrue: d.whenTrue,
              whenFalse: d.whenFalse,
              start: d.at,
              end,
            }
          : {
              kind: 'join',
              keyVar: d.keyVar,
              valueVar: d.valueVar,
              collection: d.collection,
              body: d.body,
              start: d.at,
              end,
            };
      stack[stack.length - 1].parts.push(node);
    } else if (word === 'for') {
      this.skip(true);
      const invalid = (): never => this.fail(this.pos, 'Invalid template for directive', FOR_DIRECTIVE_SYNTAX);
      const first = this.identifier() ?? invalid();
      this.skip(true);
      let second: string | undefined;
      if (this.code() === C.Comma) {
        this.pos++;
        this.skip(true);
        second = this.identifier() ?? invalid();
        this.skip(true);
      }
      if (!this.atKeyword('in')) invalid();
      this.pos += 2;
      const collection = this.expression();
      const directive: Directive = {
        kind: 'for',
        at: open,
        keyVar: second === undefined ? undefined : first,
        valueVar: second ?? first,
        collection,
        body: [],
      };
      stack.push({ parts: directive.body, directive });
    } else {
      this.fail(
        at,
        'Invalid template directive',
        'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
      );
    }
  }

  private deeper(): void {
    if (++this.depth > MAX_NESTING)
      this.fail(
        this.pos,
        'Nesting too deep',
        `recovery-gate reads expressions nested at most ${MAX_NESTING} levels deep.`,
      );
  }

  /** Reads with newlines as spaces (brackets) or as separators (objects), then restores the enclosing rule. */
  private within<T>(newlinesAreSpace: boolean, read: () => T): T {
    const enclosing = this.newlinesAreSpace;
    this.newlinesAreSpace = newlinesAreSpace;
    const result = read();
    this.newlinesAreSpace = enclosing;
    return result;
  }

  private eatStrip(): boolean {
    if (this.code() !== C.Tilde) return false;
    this.pos++;
    return true;
  }

  /** Whether the line at the position holds only the heredoc's closing marker (and indentation). */
  private atMarkerLine(marker: string): boolean {
    const s = this.src;
    let p = this.pos;
    while (s.charCodeAt(p) === C.Space || s.charCodeAt(p) === C.Tab) p++;
    if (!s.startsWith(marker, p)) return false;
    p += marker.length;
    const c = s.charCodeAt(p);
    return Number.isNaN(c) || c === C.Newline || (c === C.Return && s.charCodeAt(p + 1) === C.Newline);
  }

  private escape(): string {
    const escaped = readEscape(this.src, this.pos);
    if (typeof escaped === 'string') this.fail(this.pos, 'Invalid escape sequence', escaped);
    this.pos += escaped.length;
    return escaped.text;
  }

  // ---------------------------------------------------------------------- lexing

  private code(): number {
    return this.src.charCodeAt(this.pos);
  }

  /** Skips spaces and comments, and newlines too when `newlines` (inside brackets, or between items of a body). */
  private skip(newlines: boolean): void {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === C.Space || c === C.Tab) this.pos++;
      else if (c === C.Return && s.charCodeAt(this.pos + 1) === C.Newline) {
        if (!newlines) return;
        this.pos += 2;
      } else if (c === C.Newline) {
        if (!newlines) return;
        this.pos++;
      } else if (c === C.Hash || (c === C.Slash && s.charCodeAt(this.pos + 1) === C.Slash)) {
        if (!newlines) return; // a line comment ends the line, as a newline does
        const end = s.indexOf('\n', this.pos);
        this.pos = end < 0 ? s.length : end + 1;
      } else if (c === C.Slash && s.charCodeAt(this.pos + 1) === C.Star) {
        const close = s.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail(this.pos, 'Unterminated comment', 'There is no closing marker for this comment.');
        this.pos = close + 2;
      } else return;
    }
  }

  private atLineComment(): boolean {
    const c = this.code();
    return c === C.Hash || (c === C.Slash && this.src.charCodeAt(this.pos + 1) === C.Slash);
  }

  private atKeyword(word: string): boolean {
    if (!this.src.startsWith(word, this.pos)) return false;
    IDENTIFIER.lastIndex = this.pos;
    const m = IDENTIFIER.exec(this.src);
    return m !== null && m[0] === word;
  }

  private identifier(): string | undefined {
    IDENTIFIER.lastIndex = this.pos;
    const m = IDENTIFIER.exec(this.src);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private invalidExpression(): never {
    return this.fail(
      this.pos,
      'Invalid expression',
      'Expected the start of an expression, but found an invalid expression token.',
    );
  }

  /** At the end of the input or of a line, what is missing is an expression; elsewhere, the named token. */
  private failUnlessEnd(summary: string, detail: string): never {
    if (this.pos >= this.src.length || this.code() === C.Newline) return this.invalidExpression();
    return this.fail(this.pos, summary, detail);
  }

  private position(offset: number): { line: number; column: number } {
    const { line, lineStart } = lineOf(this.src, offset);
    // Terraform counts columns in characters (code points), from 1.
    return { line, column: [...this.src.slice(lineStart, offset)].length + 1 };
  }

  private fail(offset: number, summary: string, detail: string): never {
    throw this.error(offset, summary, detail);
  }

  private error(offset: number, summary: string, detail: string): HclSyntaxError {
    const { line, column } = this.position(offset);
    return new HclSyntaxError(line, column, summary, detail);
  }
}

type Directive = { at: number } & (
  | { kind: 'if'; condition: Expr; whenTrue: TemplatePart[]; whenFalse: TemplatePart[] }
  | { kind: 'for'; keyVar: string | undefined; valueVar: string; collection: Expr; body: TemplatePart[] }
);

const ARGUMENT_REQUIRED =
  'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.';
const FOR_DIRECTIVE_SYNTAX =
  'A for directive reads "%{for name in collection}", with an optional key: "%{for key, name in collection}".';
const FOR_SYNTAX =
  'A for expression reads "for name in collection : value", with a key and "=>" for an object, and an optional "if" filter.';
const UNTERMINATED_BRACKETS =
  'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.';
const UNCLOSED_BLOCK =
  'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.';

/** Where the first `${` or `%{` of a quoted string's source starts (its escaped forms `$${`, `%%{` aside). */
function templateSequenceIn(src: string, start: number, end: number): number {
  for (let i = start + 1; i < end - 1; i++) {
    const c = src[i];
    if ((c !== '$' && c !== '%') || src[i + 1] !== '{') continue;
    if (src[i - 1] === c) continue;
    return i;
  }
  return start;
}

/** The text of a template without interpolations or directives. */
function literalText(e: Expr): string | undefined {
  if (e.kind !== 'template') return undefined;
  let text = '';
  for (const p of e.parts) {
    if (p.kind !== 'text') return undefined;
    text += p.text;
  }
  return text;
}

/** A template, or (`"${x}"`, one interpolation and nothing else) the expression it wraps. */
function templateOf(parts: TemplatePart[], start: number, end: number): Expr {
  if (parts.length === 1 && isInterpolation(parts[0])) return { kind: 'wrap', inner: parts[0], start, end };
  return { kind: 'template', parts, start, end };
}

/** Not text, and not a directive (a directive's sides are template parts, an interpolation's are expressions). */
function isInterpolation(part: TemplatePart): part is Expr {
  return part.kind !== 'text' && part.kind !== 'join' && !(part.kind === 'conditional' && Array.isArray(part.whenTrue));
}

/**
 * `<<-` removes the indentation its lines share. A line that starts with an
 * interpolation or directive has none; a line of only spaces is left alone.
 */
function dedent(parts: TemplatePart[]): TemplatePart[] {
  const starts = lineStartsIn(parts).filter((l) => !l.blank);
  const cut = Math.min(...starts.map((l) => l.text.length - l.text.trimStart().length));
  if (cut === 0 || cut === Infinity) return parts;
  const cutHere = new Set(starts.map((l) => `${l.part}:${l.line}`));
  return parts.map((p, i) => {
    if (p.kind !== 'text') return p;
    const lines = p.text.split('\n').map((line, j) => (cutHere.has(`${i}:${j}`) ? removeIndent(line, cut) : line));
    return { kind: 'text', text: lines.join('\n') };
  });
}

/**
 * Where each line of a template starts: in which part and which of its lines
 * (-1 for a line that starts with an interpolation or directive), the text it
 * starts with, and whether it is blank (only spaces, to its end).
 */
function lineStartsIn(parts: TemplatePart[]): { part: number; line: number; text: string; blank: boolean }[] {
  const out: { part: number; line: number; text: string; blank: boolean }[] = [];
  let atLineStart = true;
  parts.forEach((p, i) => {
    if (p.kind !== 'text') {
      if (atLineStart) out.push({ part: i, line: -1, text: '', blank: false });
      atLineStart = false;
      return;
    }
    const lines = p.text.split('\n');
    lines.forEach((line, j) => {
      if (j > 0) atLineStart = true;
      if (!atLineStart) return;
      const followed = j === lines.length - 1 && i + 1 < parts.length;
      if (followed && line === '') return; // the next part starts the line
      out.push({ part: i, line: j, text: line, blank: line.trim() === '' && !followed });
      atLineStart = false;
    });
  });
  return out;
}

function removeIndent(line: string, cut: number): string {
  let i = 0;
  while (i < cut && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

// ------------------------------------------------------------ hcl2json's shape

/** Literal template text as Terraform JSON reads it back: `${` and `%{` escaped. */
const escapeText = (text: string): string => text.replace(/[$%]\{/g, (mark) => mark[0] + mark);

const wrap = (e: Expr, src: string): string => '${' + src.slice(e.start, e.end) + '}';

function convert(e: Expr, src: string): Json {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'template': {
      const text = literalText(e);
      return text === undefined ? templateText(e.parts, src) : escapeText(text);
    }
    case 'wrap':
      return convert(e.inner, src);
    case 'tuple':
      return e.items.map((item) => convert(item, src));
    case 'object': {
      const out: Record<string, Json> = {};
      for (const { key, value } of e.items) out[keyOf(key, src)] = convert(value, src);
      return out;
    }
    case 'unary':
      if (e.operand.kind === 'literal') {
        const v = e.operand.value;
        if (e.operator === '!' && typeof v === 'boolean') return !v;
        if (e.operator === '-' && typeof v === 'number') return -v;
      }
      return wrap(e, src);
    default:
      return wrap(e, src);
  }
}

function keyOf(key: Expr, src: string): string {
  if (key.kind === 'traversal') return src.slice(key.start, key.end);
  return partText(key, src);
}

function templateText(parts: TemplatePart[], src: string): string {
  return parts.map((p) => (p.kind === 'text' ? escapeText(p.text) : partText(p, src))).join('');
}

/** An interpolated part of a template, as hcl2json writes it into the template's text. */
function partText(e: Expr, src: string): string {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? escapeText(e.value) : String(e.value);
    case 'template':
      return templateText(e.parts, src);
    case 'wrap':
      return partText(e.inner, src);
    case 'conditional': {
      const side = (s: Expr | TemplatePart[]) => (Array.isArray(s) ? templateText(s, src) : partText(s, src));
      const whenFalse = side(e.whenFalse);
      const condition = src.slice(e.condition.start, e.condition.end);
      return `%{if ${condition}}${side(e.whenTrue)}${whenFalse ? `%{else}${whenFalse}` : ''}%{endif}`;
    }
    case 'join': {
      const vars = e.keyVar === undefined ? e.valueVar : `${e.keyVar}, ${e.valueVar}`;
      const collection = src.slice(e.collection.start, e.collection.end);
      return `%{for ${vars} in ${collection}}${templateText(e.body, src)}%{endfor}`;
    }
    default:
      return wrap(e, src);
  }
}

/** The value with every object's keys in byte order, in place where they already are. */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = sortKeys(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = sortKeys(value[k]);
  if (isSorted(keys)) return value;
  const out: Record<string, Json> = {};
  for (const k of keys.sort(byBytes)) out[k] = value[k];
  return out;
}

function isSorted(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (byBytes(keys[i - 1], keys[i]) > 0) return false;
  return true;
}

/** UTF-8 byte order: UTF-16 order, except that characters beyond the BMP sort after U+E000–U+FFFF. */
function byBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
    if (surrogate(x) !== surrogate(y) && Math.max(x, y) >= 0xe000) return surrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
