import { defineRule } from '../../src/engine/define-rule.js';
import type { CheckKind, ChecklistItem, NoOptions, RuleContext } from '../../src/engine/types.js';

import { applicationRef, applicationsOf, type LocatedApplication } from '../../src/pingone/applications.js';

import { REFERENCES } from '../shared/references.js';

const GUIDE = 'does not follow the {{profile}} setup guide on “{{setting}}” ({{check}})';
const TAIL = '{{breaks}} Fix: {{fix}} Source: {{source}}.{{conflict}}';

const MESSAGES = {
  valueDiffers: `Application {{app}} ${GUIDE}: {{field}} is {{actual}}, the guide asks for {{expected}}.${TAIL}`,
  valueNotAllowed: `Application {{app}} ${GUIDE}: {{field}} is {{actual}}, the guide allows {{expected}}.${TAIL}`,
  valuesDiffer: `Application {{app}} ${GUIDE}: {{field}} are {{actual}}, the guide asks for {{expected}}.${TAIL}`,
  valuesMissing: `Application {{app}} ${GUIDE}: {{field}} are {{actual}}, the guide needs {{expected}}.${TAIL}`,
  valueExcluded: `Application {{app}} ${GUIDE}: {{field}} are {{actual}}, the guide asks for {{expected}}.${TAIL}`,
  presenceDiffers: `Application {{app}} ${GUIDE}: {{field}} is {{actual}}, the guide asks for it {{expected}}.${TAIL}`,
  durationOutOfRange: `Application {{app}} ${GUIDE}: {{field}} is {{actual}}, the guide asks for {{expected}}.${TAIL}`,
  redirectUriMissing: `Application {{app}} ${GUIDE}: {{field}} has {{actual}}, the guide asks for {{expected}}.${TAIL}`,
  signInAdminRoleMissing: `Application {{app}} ${GUIDE}: {{actual}}; the guide needs {{expected}}, or every call returns 403.${TAIL}`,
  appRoleMissing: `Application {{app}} ${GUIDE}: {{actual}}; the guide needs {{expected}}, or every call returns 403.${TAIL}`,
  guideConflict: 'Application {{app}} follows the {{profile}} setup guide on “{{setting}}” ({{actual}}), which security rule {{rule}} reports: both findings stand. Prefer {{preferred}}: {{why}}.',
} as const;

const MESSAGE_BY_KIND = {
  equals: 'valueDiffers',
  oneOf: 'valueNotAllowed',
  includesOnly: 'valuesDiffer',
  includes: 'valuesMissing',
  excludes: 'valueExcluded',
  present: 'presenceDiffers',
  duration: 'durationOutOfRange',
  redirectUri: 'redirectUriMissing',
  signInAdminRole: 'signInAdminRoleMissing',
  appRole: 'appRoleMissing',
} as const satisfies Record<CheckKind, keyof typeof MESSAGES>;

export default defineRule({
  id: 'integration-profile',
  meta: {
    title: 'Bound application not ready for its integration',
    description: 'Require every application bound to an integration profile to have the settings that integration’s setup guide asks for.',
    severity: 'medium',
    category: 'integrations',
    tags: ['integration', 'readiness', 'stackone', 'pingdatasync', 'pingctl', 'pingcli', 'terraform'],
    requires: ['applications'],
    frameworks: { 'nist-800-53-r5': ['CM-6', 'CM-2'], 'iso-27001-2022': ['A.8.9'], 'soc2-2017': ['CC8.1', 'CC7.1'], 'cis-v8.1': ['4.1', '16.7'], 'pci-dss-4.0.1': [] },
    docs: {
      frameworkRationale: 'An integration’s app diverging from its setup guide is a configuration baseline not kept.',
      unmappedFrameworks: { 'pci-dss-4.0.1': 'Integration settings map to requirement 8 only through the specific rules that check them.' },
      rationale:
        'Integrations such as StackOne’s connector, PingDataSync, pingctl, Ping CLI and the Terraform provider each need a worker app set up exactly as their guide says; one wrong setting (a trailing slash, the wrong token endpoint authentication, a signing-in admin without a role) breaks the integration with an opaque OAuth error or a 403. The profiles in rules/profiles/ hold those settings as data, each linked to its guide; an app is bound to a profile by its redirect host, its name, or the config’s `integrations`. Where a guide asks for a setting a security rule reports (StackOne’s PKCE Optional and JWT refresh tokens, pingctl’s implicit grant), both findings stand and this one says which to prefer and why; an app that follows the security rule where it is preferred (S256_REQUIRED for StackOne) passes that item, so that `check` and the audit agree. Failures another rule already reports for bound apps (a disabled app, StackOne’s refresh token format) are left to that rule. Checks whose role data failed to collect are skipped here; `pingone-audit check` lists them as not evaluated.',
      remediation: [
        'Run `pingone-audit check <profile> --app <id|name>` for the app’s full checklist, with the fix for each item.',
        'Console: Applications > Applications > the application, then the tab each fix names (Configuration, Access, Roles).',
        'API: `PUT /environments/{envId}/applications/{appId}` with the current body and the corrected fields; roles through `POST …/roleAssignments`.',
        'If the binding is wrong, set the app’s profiles explicitly in the config’s `integrations` (an empty list opts it out).',
      ],
      references: [
        REFERENCES.stackOneGuide,
        { title: 'PingDataSync: create a worker application', url: 'https://docs.pingidentity.com/pingdirectory/11.0/pingdatasync_server_administration_guide/pd_sync_prerequisites.html' },
        { title: 'Ping DevOps: PingOne worker app configuration for pingctl', url: 'https://developer.pingidentity.com/devops/reference/pingone-config.html' },
        { title: 'Ping CLI documentation', url: 'https://developer.pingidentity.com/pingcli/1.0/using_pingcli/authenticating-service.html' },
        { title: 'Terraform provider for PingOne', url: 'https://registry.terraform.io/providers/pingidentity/pingone/latest/docs' },
      ],
      severityRationale:
        'Each finding takes the severity its profile check states: high where the integration cannot work (type, grants, client authentication, the exact callback, roles), lower for settings the guide prefers. Notes on a guide setting that a security rule reports are info.',
    },
    messages: MESSAGES,
    precision: 'high',
  },
  check(snapshot, context) {
    const { integrations } = context;
    return applicationsOf(snapshot).flatMap((located) =>
      integrations
        .profilesFor(located.app)
        .flatMap((id) => {
          const checklist = integrations.checklist(id, located);
          return checklist === undefined ? [] : checklist.items.map((item) => ({ item, title: checklist.profile.title }));
        })
        .flatMap(({ item, title }) => reportItem(item, title, located, context)),
    );
  },
});

function reportItem(item: ChecklistItem, profile: string, located: LocatedApplication, { report }: RuleContext<NoOptions, typeof MESSAGES>) {
  const { check, conflict } = item;
  const resource = applicationRef(located);
  const base = { app: located.app.name, profile, setting: check.title, actual: item.actual };
  if (item.status === 'pass' && conflict !== undefined) {
    const preferred = conflict.prefer === 'rule' ? `what ${conflict.rule} recommends` : 'the guide’s setting for now';
    return [
      report(
        'guideConflict',
        { ...base, rule: conflict.rule, preferred, why: conflict.why },
        {
          resource,
          pointer: item.pointer,
          severity: 'info',
        },
      ),
    ];
  }
  // Left to the rule that already reports this very failure, so one setting gives one finding.
  if (item.status !== 'fail' || check.reportedBy !== undefined) return [];
  const conflictNote = conflict === undefined ? '' : ` Security rule ${conflict.rule} disagrees with the guide here; prefer ${conflict.prefer === 'rule' ? 'the rule' : 'the guide'}: ${conflict.why}.`;
  const field = 'field' in check.expect ? check.expect.field : 'redirectUris';
  const breaks = item.breaks === undefined ? '' : ` This breaks the integration: ${item.breaks}.`;
  const data = { ...base, check: check.id, field, expected: item.expected, breaks, fix: check.fix, source: `${check.source.url} (${check.source.section})`, conflict: conflictNote };
  return [report(MESSAGE_BY_KIND[item.kind], data, { resource, pointer: item.pointer, severity: check.severity })];
}
