import type { LocatedApplication } from '../pingone/applications.js';
import type { Checklist } from '../profiles/evaluate-profile.js';
import type { Application, ResourceRef, ResourceType, Snapshot, SnapshotKind } from '../snapshot/model.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { FrameworkId, RuleFrameworks } from '../frameworks/framework-ids.js';

export type { ResourceRef } from '../snapshot/model.js';
export type { Checklist, ChecklistItem } from '../profiles/evaluate-profile.js';
export type { CheckKind } from '../profiles/types.js';

/** Every severity, most severe first: the order reports sort by and `--fail-on` thresholds compare in. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** How serious a finding is; see {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** The area a rule belongs to: its folder under `rules/`, and its group in the catalogue. */
export type RuleCategory = 'applications' | 'roles' | 'policies' | 'integrations' | 'keys';

/** A source a rule's docs cite. */
export interface RuleReference {
  /** e.g. "RFC 9700 §2.1.2" or "StackOne PingOne connector guide". */
  title: string;
  url?: string;
}

/** A rule's documentation, shown by `explain`, the catalogue and the reports' rule help. */
export interface RuleDocs {
  /** Why this matters, in a few sentences. */
  rationale: string;
  /** Ordered steps: first the PingOne console, then the Management API. */
  remediation: string[];
  references: RuleReference[];
  /** Why the default severity is what it is. */
  severityRationale?: string;
  /** One sentence: why the controls in `meta.frameworks` apply to what the rule checks. */
  frameworkRationale?: string;
  /** Why a framework maps no control of this rule, for each framework left empty in `meta.frameworks`. */
  unmappedFrameworks?: Partial<Record<FrameworkId, string>>;
}

/** A rule's messages: messageId → template with `{{placeholder}}`s. */
export type RuleMessages = Readonly<Record<string, string>>;

/** A rule's options after the resolver merged them over the declared defaults and checked the schema. */
export type RuleOptions = Readonly<Record<string, unknown>>;

/** The options of a rule that declares none. */
export type NoOptions = Record<never, never>;

/** A value a message placeholder is filled with. */
export type MessageValue = string | number | boolean;

type Trim<Text extends string> = Text extends ` ${infer Rest}` ? Trim<Rest> : Text extends `${infer Rest} ` ? Trim<Rest> : Text;

/** The placeholder names of a message template, e.g. `"app" | "max"` for `"{{app}} above {{ max }}"`. */
export type Placeholders<Template extends string> = Template extends `${string}{{${infer Name}}}${infer Rest}` ? Trim<Name> | Placeholders<Rest> : never;

/** The data a report of one message must carry: every placeholder of its template, and any extra values. */
export type MessageData<Template extends string> = { readonly [Name in Placeholders<Template>]: MessageValue } & Readonly<Record<string, MessageValue>>;

/** What a rule declares about itself; see design.md, "A rule". */
export interface RuleMeta<Messages extends RuleMessages = RuleMessages, Options extends RuleOptions = RuleOptions> {
  /** A short phrase naming the problem; SARIF's shortDescription. */
  title: string;
  /** One sentence starting "Require …" or "Disallow …". */
  description: string;
  /** The severity when no pack or config sets another. */
  severity: Severity;
  category: RuleCategory;
  /** Kebab-case keywords, e.g. `refresh-token`, `rfc9700`. */
  tags: string[];
  /** Snapshot kinds the rule reads; a failed kind marks the rule "not evaluated". */
  requires: SnapshotKind[];
  docs: RuleDocs;
  /** messageId → template with `{{placeholder}}`s. */
  messages: Messages;
  /** JSON Schema (object) for the options, and their defaults: the one place each default is written. */
  options?: { schema: Record<string, unknown>; defaults: Options };
  /**
   * The compliance controls the rule gives evidence for, per framework (an empty list needs a
   * reason in `docs.unmappedFrameworks`). Optional in the type so a rule can land before it is
   * mapped; the catalogue test requires it of every registered rule.
   */
  frameworks?: RuleFrameworks;
  /** SARIF precision. */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
}

/** Where a report points: the resource, a JSON pointer into its file, and optionally its own severity. */
export interface ReportTarget {
  resource: ResourceRef;
  /** RFC 6901 JSON pointer into the resource's file, e.g. "/redirectUris/0". "" = whole resource. */
  pointer: string;
  /** Overrides the rule's severity for this one report (e.g. partial coverage is lower). */
  severity?: Severity;
}

/**
 * What a rule returns for one problem. Text is rendered later from `messageId` + `data`; for a
 * rule's own `Messages` the id is one of its messages and `data` fills that message's placeholders.
 */
export type RuleReport<Messages extends RuleMessages = RuleMessages> = {
  [Id in keyof Messages & string]: ReportTarget & { messageId: Id; data: MessageData<Messages[Id]> };
}[keyof Messages & string];

/** What the engine hands a rule's `check` besides the snapshot. */
export interface RuleContext<Options extends RuleOptions = RuleOptions, Messages extends RuleMessages = RuleMessages> {
  /** The rule's options: its declared defaults, overridden by packs and config, checked against its schema. */
  options: Options;
  /** "Now" for date logic, fixed by the caller so runs are reproducible. */
  now: Date;
  /** The snapshot's joins (app → role assignments, user → groups → roles), built once per run. */
  index: SnapshotIndex;
  /** The integration profiles of the run, as rules may see them (no rule reads profiles itself). */
  integrations: RuleIntegrations;
  /** Builds a report; the compiler checks the messageId and that `data` fills its placeholders. */
  report<Id extends keyof Messages & string>(messageId: Id, data: MessageData<Messages[Id]>, target: ReportTarget): RuleReport<Messages>;
  /**
   * Records that the rule does not judge `resource`, and why: a value this version does not know,
   * or a flow the rule cannot see (a DaVinci flow policy). Neither a pass nor a finding; listed in
   * {@link AuditResult.skipped}.
   */
  leaveUnjudged(resource: ResourceRef, reason: string): void;
}

/**
 * Integration profiles as the audit's setup loaded them, offered to rules: which integrations an
 * application is bound to, and its checklist for one of them.
 */
export interface RuleIntegrations {
  /**
   * Profile ids the application is bound to, sorted and unique: exactly those the config's
   * `integrations` lists for it when it is listed there, else those its redirect URIs or its name
   * bind it to, as the profiles declare (a callback on `api.stackone.com` means StackOne).
   */
  profilesFor(app: Application): string[];
  /** The profile's title ("StackOne connector"), for messages; the id itself when no profile has that id. */
  titleOf(profileId: string): string;
  /** The profile's checklist for the application; undefined when no profile has that id. */
  checklist(profileId: string, application: LocatedApplication): Checklist | undefined;
}

/**
 * A rule: `check` returns its reports and does no I/O; it may throw, which makes it a rule error of
 * the run rather than a failed audit. Written with `defineRule`, one module per rule under `rules/`.
 */
export interface Rule<Messages extends RuleMessages = RuleMessages, Options extends RuleOptions = RuleOptions> {
  id: string;
  meta: RuleMeta<Messages, Options>;
  check(snapshot: Snapshot, context: RuleContext<Options, Messages>): Array<RuleReport<Messages>>;
}

/** Where a finding points in the audited files. */
export interface Location {
  /** Path of the resource file relative to the snapshot folder, with forward slashes. */
  file: string;
  /** 1-based line of the property the pointer names; filled in after the engine runs. */
  line?: number;
  /** SHA-256 (hex) of the file as read when the line was filled in: the evidence's checksum. */
  sha256?: string;
  /** The Terraform resource address (`pingone_application.storefront["eu"]`) when `file` is a `.tf` file (`pingone-audit terraform`). */
  address?: string;
}

/** One problem a rule reported, as every report format shows it. */
export interface Finding {
  ruleId: string;
  /** The report's own severity, else the rule's effective one. */
  severity: Severity;
  /** Null for an organization-wide resource (a built-in role). */
  environmentId: string | null;
  resource: ResourceRef;
  /** RFC 6901 pointer into the resource's file (see {@link ReportTarget.pointer}). */
  pointer: string;
  messageId: string;
  /** The message template rendered with `data`: tenant text, to be sanitised by each output. */
  message: string;
  /** The values the report filled the template with. */
  data: Record<string, string | number | boolean>;
  /** SHA-256 (hex) of rule, environment, resource type and id, and pointer: stable across renames and rewordings. */
  fingerprint: string;
  location: Location;
  /** Set on the findings of `AuditResult.suppressed`: the reason, owner and expiry of the entry that hid it (a suppression, or a disposition that hides). */
  suppression?: { reason: string; owner?: string; expires?: string };
  /** The reviewed decision `--dispositions` gave this finding, if any. */
  disposition?: FindingDisposition;
  /** With a baseline: whether the baseline had it, and `updated` when it is now more severe than it was. */
  baselineState?: 'new' | 'unchanged' | 'updated';
  /** With `--history`: the day (YYYY-MM-DD, UTC) of the earliest run that reported this fingerprint, this run's day if none did. */
  firstSeen?: string;
  /** With `--history`: whole days from the first run that reported it to this run. */
  age?: number;
}

/**
 * A disposition as a finding carries it: `expires` and `due` are YYYY-MM-DD (UTC); `overdue` is true
 * when a planned fix's `due` day has passed by the audit's clock.
 */
export interface FindingDisposition {
  kind: 'accepted-risk' | 'false-positive' | 'compensating-control' | 'planned-fix';
  owner: string;
  reason: string;
  expires?: string;
  due?: string;
  overdue?: boolean;
  control?: string;
}

/** A rule that could not be judged in one environment (null: the organization): data it requires failed to collect or lies outside what was audited. */
export interface NotEvaluated {
  ruleId: string;
  environmentId: string | null;
  /** The failed collection entries the rule needed there: kind, and when known the path, HTTP status and error. */
  reasons: Array<{ kind: SnapshotKind; path?: string; httpStatus?: number; error?: string; outOfScope?: 'rule' | 'subjects' }>;
  /**
   * True when every reason is data outside what was audited (see `CollectionEntry.outOfScope`):
   * listed, never a pass, but not a gap, so it does not make the run incomplete.
   */
  outOfScope?: boolean;
  /**
   * Set when only these resources' data was missing (one application's sign-on policy assignments
   * failed to read): the rule judged every other resource of the environment.
   */
  resources?: Array<{ type: ResourceType; id: string }>;
}

/** A resource one rule did not judge, and why; see {@link RuleContext.leaveUnjudged}. */
export interface SkippedResource {
  ruleId: string;
  resource: ResourceRef;
  reason: string;
}

/** A rule whose `check` threw or returned a report the engine could not render; its findings are dropped. */
export interface RuleErrorRecord {
  ruleId: string;
  message: string;
  stack?: string;
}

/** A rule's result in one environment: no findings, findings, data missing, or the rule erred. */
export type RuleOutcome = 'pass' | 'fail' | 'not-evaluated' | 'error';

/** One rule in one environment (null: organization-wide resources): its outcome, and how many findings it reported there (suppressed ones included). */
export interface RuleEnvironmentResult {
  ruleId: string;
  environmentId: string | null;
  outcome: RuleOutcome;
  findings: number;
}

/** The run's counts, as reports headline them. */
export interface AuditSummary {
  /** Open findings: suppressed ones are not counted here. */
  findings: number;
  /** Open findings by severity, every severity present. */
  bySeverity: Record<Severity, number>;
  suppressed: number;
  /** Entries of {@link AuditResult.notEvaluated}. */
  notEvaluated: number;
  /** Of {@link notEvaluated}, the pairs out of scope only (see {@link NotEvaluated.outOfScope}); absent when none. */
  outOfScope?: number;
  ruleErrors: number;
  /** Rules whose `check` ran: all but those whose required data failed everywhere. */
  rulesRun: number;
  /** The snapshot's `manifest.collection.complete`: false when some data failed to collect. */
  collectionComplete: boolean;
}

/** Something a reader must know that is not a finding, e.g. why a suppressed finding came back. */
export interface AuditWarning {
  /** Stable kebab-case code, e.g. "suppression-expired". */
  code: string;
  message: string;
  /** The file the warning is about, as the user named it. */
  file?: string;
  /** RFC 6901 pointer into that file. */
  pointer?: string;
}

/** How this run compares with a previous JSON result, by fingerprint. */
export interface BaselineComparison {
  /** The baseline file as the user named it. */
  file?: string;
  /** When the baseline run happened (its `generatedAt`). */
  generatedAt: string;
  new: number;
  unchanged: number;
  updated: number;
  /** Open findings of the baseline that this run reports neither open nor suppressed. */
  fixed: Finding[];
}

/** One run of `--history`: when it ran, and its open findings by severity in this run's environments. */
export interface HistoryRun {
  generatedAt: string;
  /** The report file as the user's folder names it; absent for this run. */
  file?: string;
  bySeverity: Record<Severity, number>;
}

/** This run seen against the earlier JSON reports of `--history DIR`. */
export interface RunHistory {
  /** The folder as the user named it. */
  folder: string;
  /** The earlier runs read, oldest first, then this run. */
  runs: HistoryRun[];
  /** Against the latest earlier run, absent when there is none: fingerprints open now and not then, and findings open then and no longer. */
  previous?: { generatedAt: string; file: string; new: string[]; fixed: Finding[] };
}

/** The outcome of one audit: what every formatter renders and the JSON report holds. */
export interface AuditResult {
  tool: { name: 'pingone-audit'; version: string };
  generatedAt: string;
  snapshot: {
    createdAt: string;
    organizationId?: string;
    environmentIds: string[];
    /** Names and types of the environments collected, for reports that name what they audited. */
    environments?: Array<{ id: string; name: string; type?: string }>;
    /** Applications audited, and how many sign users in through a DaVinci flow policy (sign-on policy rules skip those). */
    applications?: { total: number; signingInThroughDaVinci: number };
    /**
     * Resources whose findings a report puts first (ids, sorted): users, applications and gateways
     * holding roles, and the admin console (`administrative`); applications bound to an integration profile.
     */
    exposure?: { administrative: string[]; integrations: string[] };
    path?: string;
  };
  /** The enabled rules, at their effective severity. */
  rules: Array<{ id: string; severity: Severity; meta: RuleMeta }>;
  /** Open findings, sorted. */
  findings: Finding[];
  /** Findings a suppression or a hiding disposition moved out of `findings`; they do not count towards `--fail-on`. */
  suppressed: Finding[];
  notEvaluated: NotEvaluated[];
  /** Resources rules did not judge by design (not data gaps: they do not make the run incomplete). */
  skipped?: SkippedResource[];
  ruleErrors: RuleErrorRecord[];
  ruleResults: RuleEnvironmentResult[];
  collection: Snapshot['manifest']['collection'];
  summary: AuditSummary;
  /** Present when suppressions or a baseline had something to say (expired, malformed, unmatched entries). */
  warnings?: AuditWarning[];
  /** Present when the run was compared with a baseline. */
  baseline?: BaselineComparison;
  /** Present with `--history`: the trend over earlier runs and what changed since the last one. */
  history?: RunHistory;
}
