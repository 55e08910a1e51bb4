/**
 * Shapes the constructs write that no binding here declares, from their
 * owners' documentation: the providers without a prebuilt binding (azurerm,
 * microsoft/msgraph, hashicorp/random, terraform_data), what a provider
 * demands on create beyond its schema, and the Microsoft Graph bodies sent
 * through `msgraph_update_resource`.
 */
import type { BindingSchema } from './binding-schema';

const plain = (names: string[]) => new Map<string, BindingSchema | null>(names.map((n) => [n, null]));
const schema = (required: string[], optional: string[], blocks: Record<string, BindingSchema> = {}): BindingSchema => ({
  attributes: new Map([...plain([...required, ...optional]), ...Object.entries(blocks)]),
  required: new Set(required),
});

/** registry.terraform.io/providers/hashicorp/azurerm, hashicorp/random, microsoft/msgraph; developer.hashicorp.com terraform_data. */
export const DOCUMENTED_SCHEMAS: Readonly<Record<string, BindingSchema>> = {
  azurerm_monitor_aad_diagnostic_setting: schema(
    ['name'],
    ['log_analytics_workspace_id', 'storage_account_id', 'eventhub_authorization_rule_id', 'eventhub_name'],
    {
      enabled_log: schema([], ['category', 'category_group']),
    },
  ),
  azurerm_monitor_scheduled_query_rules_alert_v2: schema(
    ['name', 'resource_group_name', 'location', 'scopes', 'severity', 'window_duration', 'criteria'],
    [
      'evaluation_frequency',
      'description',
      'display_name',
      'enabled',
      'auto_mitigation_enabled',
      'workspace_alerts_storage_enabled',
      'mute_actions_after_alert_duration',
      'query_time_range_override',
      'skip_query_validation',
      'target_resource_types',
      'tags',
    ],
    {
      criteria: schema(
        ['query', 'time_aggregation_method', 'operator', 'threshold'],
        ['metric_measure_column', 'resource_id_column', 'dimension', 'failing_periods'],
      ),
      action: schema([], ['action_groups', 'custom_properties']),
    },
  ),
  msgraph_update_resource: schema(
    ['url', 'body'],
    ['api_version', 'response_export_values', 'ignore_missing_property', 'retry', 'timeouts'],
  ),
  random_password: schema(
    ['length'],
    [
      'special',
      'upper',
      'lower',
      'numeric',
      'min_special',
      'min_upper',
      'min_lower',
      'min_numeric',
      'override_special',
      'keepers',
    ],
  ),
  terraform_data: schema([], ['input', 'triggers_replace']),
};

/**
 * Arguments the schema leaves optional but the provider refuses to create
 * without: azuread 3.7 will not create a user without `password`.
 */
export const REQUIRED_ON_CREATE: Readonly<Record<string, readonly string[]>> = {
  azuread_user: ['password'],
};

/** A Graph resource type: its documented properties, the API versions that have it, and value checks. */
export interface GraphShape {
  readonly docs: string;
  readonly versions: readonly ('v1.0' | 'beta')[];
  readonly properties: ReadonlySet<string>;
  readonly check?: (body: Record<string, unknown>) => string[];
}

const inRange = (body: Record<string, unknown>, key: string, low: number, high: number) => {
  const v = body[key];
  return v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= low && v <= high)
    ? []
    : [`${key} ${JSON.stringify(v)} is outside ${low}–${high}`];
};
const state = (body: Record<string, unknown>, allowed: readonly string[]) =>
  body.state === undefined || allowed.includes(String(body.state))
    ? []
    : [`state ${JSON.stringify(body.state)} is not one of ${allowed.join(', ')}`];
const METHOD_CONFIGURATION = ['@odata.type', 'id', 'state', 'excludeTargets', 'includeTargets'];

/** By the URL an update is sent to (learn.microsoft.com/graph/api/resources/…). */
export const GRAPH_SHAPES: Readonly<Record<string, GraphShape>> = {
  'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass': {
    docs: 'https://learn.microsoft.com/graph/api/resources/temporaryaccesspassauthenticationmethodconfiguration',
    versions: ['v1.0', 'beta'],
    properties: new Set([
      ...METHOD_CONFIGURATION,
      'defaultLength',
      'defaultLifetimeInMinutes',
      'isUsableOnce',
      'maximumLifetimeInMinutes',
      'minimumLifetimeInMinutes',
    ]),
    check: (b) => {
      const lifetimes = ['minimumLifetimeInMinutes', 'defaultLifetimeInMinutes', 'maximumLifetimeInMinutes'].flatMap(
        (k) => inRange(b, k, 10, 43200),
      );
      const [min, def, max] = [b.minimumLifetimeInMinutes, b.defaultLifetimeInMinutes, b.maximumLifetimeInMinutes] as (
        number | undefined
      )[];
      const ordered = [min ?? 10, def, max ?? 43200].every(
        (v, i, all) => v === undefined || i === 0 || all[i - 1] === undefined || all[i - 1]! <= v,
      )
        ? []
        : [`minimum ${min} ≤ default ${def} ≤ maximum ${max} does not hold`];
      return [...lifetimes, ...inRange(b, 'defaultLength', 8, 48), ...ordered, ...state(b, ['enabled', 'disabled'])];
    },
  },
  'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Sms': {
    docs: 'https://learn.microsoft.com/graph/api/resources/smsauthenticationmethodconfiguration',
    versions: ['v1.0', 'beta'],
    properties: new Set(METHOD_CONFIGURATION),
    check: (b) => state(b, ['enabled', 'disabled']),
  },
  'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Voice': {
    docs: 'https://learn.microsoft.com/graph/api/resources/voiceauthenticationmethodconfiguration',
    versions: ['v1.0', 'beta'],
    properties: new Set([...METHOD_CONFIGURATION, 'isOfficePhoneAllowed']),
    check: (b) => state(b, ['enabled', 'disabled']),
  },
  // reportSuspiciousActivitySettings is on the beta authenticationMethodsPolicy only.
  'policies/authenticationMethodsPolicy': {
    docs: 'https://learn.microsoft.com/graph/api/resources/reportsuspiciousactivitysettings?view=graph-rest-beta',
    versions: ['beta'],
    properties: new Set(['reportSuspiciousActivitySettings']),
    check: (b) => {
      const s = (b.reportSuspiciousActivitySettings ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(s)
        .filter((k) => !['includeTarget', 'state', 'voiceReportingCode'].includes(k))
        .map((k) => `reportSuspiciousActivitySettings.${k} is not a documented property`);
      const target = (s.includeTarget ?? {}) as Record<string, unknown>;
      const targetType =
        target.targetType === undefined || ['user', 'group'].includes(String(target.targetType))
          ? []
          : [`includeTarget.targetType ${JSON.stringify(target.targetType)} is not user or group`];
      return [...unknown, ...targetType, ...state(s, ['default', 'enabled', 'disabled'])];
    },
  },
};
