/** Every report format by name; SARIF, JUnit, GitHub annotations and HTML are loaded only when asked for. */
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import type { ReportInput } from './report-input';
import { formatText } from './text';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

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
