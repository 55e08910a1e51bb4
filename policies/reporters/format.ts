/** Every report format by name; SARIF, JUnit, GitHub annotations and HTML are loaded only when asked for. */
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import type { ReportInput } from './report-input';
import { formatText } from './text';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * What `check` must read beyond findings for these formats: the attack paths
 * (Markdown and HTML draw them) and the posture (HTML's matrix and timeline).
 */
export function readsFor(formats: readonly Format[]): { paths: boolean; posture: boolean } {
  return {
    paths: formats.some((f) => f === 'markdown' || f === 'html'),
    posture: formats.includes('html'),
  };
}

export async function formatReport(
  format: Format,
  input: ReportInput,
  options: { color?: boolean } = {},
): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(input);
    case 'markdown':
      return formatMarkdown(input);
    case 'sarif':
      return (await import('./sarif')).formatSarif(input);
    case 'junit':
      return (await import('./junit')).formatJunit(input);
    case 'github':
      return (await import('./github')).formatGithub(input);
    case 'html':
      return (await import('./html')).formatHtml(input);
    default:
      return formatText(input, { color: options.color ?? false });
  }
}
