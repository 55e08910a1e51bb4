/** The guards every input passes through: the nesting scan before JSON.parse, and the escapes before anything is printed. */
import { InputError, MAX_NESTING, oneLine, refuseDeepNesting } from '../../policies/errors';
import { withSingleLineStrings } from '../../policies/reporters/escape';

const nested = (n: number, open = '[', close = ']') => `${open.repeat(n)}${close.repeat(n)}`;

describe('refuseDeepNesting', () => {
  it('accepts the limit and refuses one level more, with the line and column of the bracket too many', () => {
    expect(() => refuseDeepNesting(nested(MAX_NESTING), 'f.json')).not.toThrow();
    expect(() => refuseDeepNesting(`{"a":\n${nested(MAX_NESTING + 1)}}`, 'f.json')).toThrow(
      new InputError('f.json', `nested more than ${MAX_NESTING} levels deep at line 2, column ${MAX_NESTING}`),
    );
  });

  it('does not count brackets inside JSON strings, however their quotes are escaped', () => {
    const inString = JSON.stringify({ a: `\\"${'['.repeat(2000)}\\\\`, b: '"{{{{', c: '\\' });
    expect(() => refuseDeepNesting(inString, 'f.json')).not.toThrow();
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(() => refuseDeepNesting(`["\\"${'['.repeat(600)}"]`, 'f.json')).not.toThrow();
    expect(() => refuseDeepNesting(`["\\\\"${'['.repeat(600)}]`, 'f.json')).toThrow(/nested more than/);
  });

  it('an unterminated string ends the scan instead of running past the text', () => {
    expect(() => refuseDeepNesting(`["${'['.repeat(600)}`, 'f.json')).not.toThrow();
  });

  it('in HCL, parentheses nest and quotes are not skipped (a template can hold brackets that count)', () => {
    expect(() => refuseDeepNesting(`x = ${nested(MAX_NESTING + 1, '(', ')')}`, 'f.tf', true)).toThrow(/nested more/);
    expect(() => refuseDeepNesting(`x = ${nested(MAX_NESTING + 1, '(', ')')}`, 'f.json')).not.toThrow();
  });
});

describe('oneLine', () => {
  it('returns clean text as it is and escapes controls, cut at the limit', () => {
    expect(oneLine('plain text')).toBe('plain text');
    expect(oneLine('a\nb\tc\u001b[31m\u202e')).toBe('a\\nb\\tc\\u001b[31m\\u202e');
    expect(oneLine('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('withSingleLineStrings', () => {
  it('escapes every string however deep, in a copy: the input is left as it was', () => {
    const input = { findings: [{ message: 'clean' }, { message: 'two\nlines', path: [{ to: '\u001b]8;;x' }] }] };
    const out = withSingleLineStrings(input);
    expect(out).not.toBe(input);
    expect(out).toEqual({
      findings: [{ message: 'clean' }, { message: 'two\\nlines', path: [{ to: '\\u001b]8;;x' }] }],
    });
    expect(input.findings[1].message).toBe('two\nlines');
  });
});
