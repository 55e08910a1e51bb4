/**
 * recovery-gate's checker API: load Terraform (cdktf output, JSON, HCL,
 * plans), run the catalogue, format reports. It never loads cdktf or the
 * provider bindings; the constructs live in `recovery-gate/constructs`.
 */
export { loadInputs, type LoadOptions } from './policies/inputs/load';
export { runRules, summarize, type CheckResult, type Finding, type Notice, type EngineError, type RunOptions } from './policies/engine/run';
export { DEFAULT_CONFIG, parseConfig, type Config, type Declarations, type Thresholds } from './policies/config/config';
export { RULES } from './policies/rules';
export type { RuleMeta, Severity, Coverage, AnyRule } from './policies/engine/rule';
export type { Provider } from './policies/facts/providers';
export { InputError } from './policies/errors';
export { formatJson } from './policies/reporters/json';
export { formatText } from './policies/reporters/text';
export { catalogueOf, formatCatalogueJson, formatCatalogueMarkdown, formatCatalogueText } from './policies/reporters/catalogue';
export { formatMarkdown } from './policies/reporters/markdown';
