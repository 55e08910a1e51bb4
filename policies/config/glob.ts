/**
 * Globs where a user writes patterns that are matched against input
 * (suppression resources): `*` is any run of characters, nothing else is
 * special. Matched segment by segment with indexOf, so a pattern of many stars
 * costs no more than scanning the text once per segment — never the
 * exponential backtracking a `.*.*.*…` regular expression can take.
 */
export function globMatch(pattern: string, text: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === text;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!text.startsWith(first) || text.length < first.length + last.length) return false;
  let at = first.length;
  for (const middle of parts.slice(1, -1)) {
    if (middle === '') continue;
    const found = text.indexOf(middle, at);
    if (found < 0) return false;
    at = found + middle.length;
  }
  return text.length - last.length >= at && text.endsWith(last);
}

/**
 * Why a user's regular expression may take exponential time, or undefined:
 * a repeated group that itself repeats or alternates (`(a+)+`, `(a|ab)*`), or a
 * back-reference. Such patterns are refused when configuration is read.
 */
export function catastrophicRegex(source: string): string | undefined {
  if (/\\[1-9]|\\k</.test(source)) return 'a back-reference';
  // A group, then a quantifier that repeats it: look inside for another quantifier or an alternation.
  const stack: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') stack.push(i);
    else if (c === ')') {
      const open = stack.pop() ?? 0;
      const repeated = /^[*+]|^\{\d*,\d*\}|^\{\d{2,}\}/.test(source.slice(i + 1));
      const inner = source
        .slice(open + 1, i)
        .replace(/\\./g, '')
        .replace(/\[[^\]]*\]/g, 'x');
      if (repeated && /[*+}|]|\?(?!:)/.test(inner.replace(/^\?(:|=|!|<=|<!)/, '')))
        return `a repeated group that repeats or alternates inside (${source.slice(open, i + 2)})`;
    }
  }
  return undefined;
}
