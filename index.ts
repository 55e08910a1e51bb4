/**
 * recovery-gate's library API — what the CLI and `npm start` use: `check`,
 * `review`, `drift` and `paths` over Terraform (cdktf output, `.tf`,
 * `.tf.json`, plans), the formatters, and the catalogue. It never loads cdktf
 * or the provider bindings; the constructs live in `recovery-gate/constructs`.
 */
// The workflows
export { check, checkFails, reachesThreshold, type CheckOptions, type RunSettings } from './policies/workflows/check';
export { review, reviewFails, type ReviewInputs } from './policies/workflows/review';
export { drift, driftFails, type DriftOptions } from './policies/workflows/drift';
export { paths, pathsFound, type PathsOptions } from './policies/workflows/paths';
export { applyBaseline, formatBaseline } from './policies/workflows/baseline';
export { configFrom, isReport } from './policies/workflows/config';
export type { StackOptions } from './policies/workflows/stacks';

// Lower-level: load stacks and run rules yourself (runRules applies no suppression, baseline or selection: check does)
export { loadInputs, type LoadOptions } from './policies/inputs/load';
export { type PlanDocument, isPlanShape, validatePlan } from './policies/inputs/plan';
export {
  runRules,
  summarize,
  type CheckResult,
  type Finding,
  type Notice,
  type EngineError,
  type RunOptions,
} from './policies/engine/run';
export { DEFAULT_CONFIG, parseConfig, type Config, type Declarations, type Thresholds } from './policies/config/config';
export { PATH_LIMITS, type PathOptions, type AttackPath, type PathStep } from './policies/graph/paths';
export { parseTime } from './policies/model/time';
export { refuseIrregular } from './policies/inputs/files';

// The catalogue
export { RULES } from './policies/rules';
export {
  SEVERITIES,
  FAIL_ON,
  reaches,
  catalogueRange,
  type FailOn,
  type RuleId,
  type RuleMeta,
  type Severity,
  type Coverage,
  type AnyRule,
} from './policies/engine/rule';
export type { Provider } from './policies/facts/providers';
export {
  catalogueOf,
  formatCatalogueJson,
  formatCatalogueMarkdown,
  formatCatalogueText,
} from './policies/reporters/catalogue';

// Reports
export { FORMATS, formatReport, readsFor, type Format } from './policies/reporters/format';
export type { ReportInput, CheckReport, ReviewReport, DriftReport } from './policies/reporters/report-input';
export { formatJson } from './policies/reporters/json';
export { formatText, summaryLine } from './policies/reporters/text';
export { formatMarkdown } from './policies/reporters/markdown';
export {
  type PathsReport,
  formatDot,
  formatMermaid,
  formatPathsJson,
  formatPathsMarkdown,
  formatPathsText,
} from './policies/reporters/paths';
export { writeReport } from './policies/write-report';

// Errors: a problem with the input (exit code 2 in the CLI), one line naming the file
export { InputError, errorMessage, parseJson } from './policies/errors';
