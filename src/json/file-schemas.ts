/**
 * The file schemas of `schemas/` as TypeScript values (`as const`), so that the types of the files they
 * describe are inferred from them (`FromSchema`) and never written twice. A mirror only: the JSON files are the
 * source, shipped and read at run time; `test/json/file-schemas.test.ts` fails when one differs from its file.
 */

/** `schemas/config.schema.json`. */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pingone-audit.dev/schemas/config.schema.json',
  title: 'pingone-audit config',
  description: 'pingone-audit.config.json (or --config FILE): rule packs, per-rule settings and integration bindings.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
    },
    extends: {
      description: 'Rule packs to start from, in order (default ["recommended"]).',
      type: 'array',
      items: {
        $ref: 'pack.schema.json#/definitions/packId',
      },
      uniqueItems: true,
    },
    rules: {
      description: 'Per-rule settings over the packs: "off", a severity, or { "severity", "options" }.',
      $ref: 'pack.schema.json#/definitions/ruleSettings',
    },
    integrations: {
      description:
        'Application id → integration profile ids (e.g. "stackone") the application is checked against. Listing an app replaces its automatic binding (by redirect host or name pattern); an empty list opts it out of every profile.',
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: {
          type: 'string',
          minLength: 1,
        },
        uniqueItems: true,
      },
    },
  },
} as const;

/** `schemas/pack.schema.json`. */
export const packSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pingone-audit.dev/schemas/pack.schema.json',
  title: 'pingone-audit rule pack',
  description: 'Which rules run, at what severity, with which options. Packs live in rules/packs/<id>.json.',
  type: 'object',
  required: ['id', 'description', 'rules'],
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
    },
    id: {
      $ref: '#/definitions/packId',
    },
    description: {
      type: 'string',
      minLength: 1,
    },
    extends: {
      description: "Packs applied first, in order; this pack's own settings then win.",
      type: 'array',
      items: {
        $ref: '#/definitions/packId',
      },
      uniqueItems: true,
    },
    rules: {
      description: '"*" for every registered rule at its default, or settings by rule id ({} enables a rule at its default severity).',
      oneOf: [
        {
          const: '*',
        },
        {
          $ref: '#/definitions/ruleSettings',
        },
      ],
    },
  },
  definitions: {
    packId: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    },
    ruleId: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    },
    severity: {
      enum: ['critical', 'high', 'medium', 'low', 'info'],
    },
    ruleSettings: {
      type: 'object',
      propertyNames: {
        $ref: '#/definitions/ruleId',
      },
      additionalProperties: {
        $ref: '#/definitions/ruleSetting',
      },
    },
    ruleSetting: {
      oneOf: [
        {
          enum: ['off', 'critical', 'high', 'medium', 'low', 'info'],
        },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            severity: {
              enum: ['off', 'critical', 'high', 'medium', 'low', 'info'],
            },
            options: {
              description: "Merged over the rule's defaults and checked against its options schema.",
              type: 'object',
            },
          },
        },
      ],
    },
  },
} as const;

/** `schemas/suppressions.schema.json`. */
export const suppressionsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pingone-audit.dev/schemas/suppressions.schema.json',
  title: 'pingone-audit suppressions',
  description:
    'A reviewed list of accepted findings (pingone-audit.suppressions.json). Each entry matches exactly one rule on one resource of one environment, says why, who owns the decision and when it must be reviewed again. An entry that is malformed or past its expiry suppresses nothing: the finding is reported and the run says why.',
  type: 'object',
  required: ['suppressions'],
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
    },
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
      },
    },
  },
  definitions: {
    suppression: {
      type: 'object',
      required: ['ruleId', 'environmentId', 'resourceId', 'reason', 'owner', 'expires'],
      additionalProperties: false,
      properties: {
        ruleId: {
          description: 'The rule id, exactly (no patterns).',
          type: 'string',
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        },
        environmentId: {
          description: 'The environment id of the finding, exactly; null for organization-wide resources such as built-in roles.',
          type: ['string', 'null'],
          minLength: 1,
        },
        resourceId: {
          description: 'The id of the resource the finding is about, exactly.',
          type: 'string',
          minLength: 1,
        },
        pointer: {
          description: 'Optional: only the finding at this JSON pointer in the resource file (e.g. "/redirectUris/2"); without it, every finding of the rule on the resource.',
          type: 'string',
          pattern: '^(/.*)?$',
        },
        reason: {
          description: 'Why the finding is accepted.',
          type: 'string',
          pattern: '\\S',
        },
        owner: {
          description: 'Who answers for the decision: a person or a team.',
          type: 'string',
          pattern: '\\S',
        },
        expires: {
          description: 'Last day (UTC) the suppression applies, as YYYY-MM-DD; from the next day on, the finding is reported again.',
          type: 'string',
          format: 'date',
        },
      },
    },
  },
} as const;

/** `schemas/baseline.schema.json`. */
export const baselineSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pingone-audit.dev/schemas/baseline.schema.json',
  title: 'pingone-audit baseline',
  description:
    'What --baseline reads of a JSON report an earlier run wrote (-f json): when it ran and its open findings, each with every field a report shows. Other members, and members a newer version adds, are allowed and ignored, so a report from another version still works as a baseline.',
  type: 'object',
  required: ['generatedAt', 'findings'],
  properties: {
    generatedAt: {
      type: 'string',
      format: 'date-time',
    },
    findings: {
      type: 'array',
      items: {
        $ref: '#/definitions/finding',
      },
    },
  },
  definitions: {
    finding: {
      type: 'object',
      required: ['ruleId', 'severity', 'environmentId', 'resource', 'pointer', 'messageId', 'message', 'data', 'fingerprint', 'location'],
      properties: {
        ruleId: {
          type: 'string',
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        },
        severity: {
          enum: ['critical', 'high', 'medium', 'low', 'info'],
        },
        environmentId: {
          type: ['string', 'null'],
          minLength: 1,
        },
        resource: {
          type: 'object',
          required: ['type', 'id', 'name'],
          properties: {
            type: {
              description: 'A resource type; one a newer version added is kept.',
              type: 'string',
              pattern: '^[A-Za-z][A-Za-z0-9]*$',
            },
            id: {
              type: 'string',
              minLength: 1,
            },
            name: {
              type: 'string',
            },
            environmentId: {
              type: 'string',
            },
          },
        },
        pointer: {
          type: 'string',
          pattern: '^(/.*)?$',
        },
        messageId: {
          type: 'string',
          minLength: 1,
        },
        message: {
          type: 'string',
          minLength: 1,
        },
        data: {
          type: 'object',
          additionalProperties: {
            type: ['string', 'number', 'boolean'],
          },
        },
        fingerprint: {
          description: 'The 64-character hex fingerprint pingone-audit writes.',
          type: 'string',
          pattern: '^[0-9a-f]{64}$',
        },
        location: {
          type: 'object',
          required: ['file'],
          properties: {
            file: {
              type: 'string',
              minLength: 1,
            },
            line: {
              type: 'integer',
              minimum: 1,
            },
          },
        },
      },
    },
  },
} as const;

/** `schemas/profile.schema.json`. */
export const profileSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pingone-audit.dev/schemas/profile.schema.json',
  title: 'pingone-audit integration-readiness profile',
  description:
    "The settings one integration expects of a PingOne application, each linked to the line of the integrator's guide it comes from, and how applications are bound to it. Profiles live in rules/profiles/<id>.json.",
  type: 'object',
  required: ['id', 'title', 'description', 'guides', 'authorizedBy', 'bind', 'checks'],
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
    },
    id: {
      $ref: '#/definitions/kebabId',
    },
    title: {
      type: 'string',
      minLength: 1,
      description: 'The integration as people name it, e.g. "StackOne connector".',
    },
    description: {
      type: 'string',
      minLength: 1,
    },
    guides: {
      description: "The integrator's setup guides this profile follows.",
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['title', 'url'],
        additionalProperties: false,
        properties: {
          title: {
            type: 'string',
            minLength: 1,
          },
          url: {
            type: 'string',
            format: 'uri',
            pattern: '^https://',
          },
        },
      },
    },
    authorizedBy: {
      description: "Whose admin roles PingOne checks for the integration's Management API calls.",
      enum: ['signed-in user', 'application'],
    },
    bind: {
      description: "How applications are bound automatically. An application the config's `integrations` names is bound to exactly the profiles listed there instead.",
      type: 'object',
      additionalProperties: false,
      properties: {
        redirectHosts: {
          description: 'A redirect URI on one of these hosts binds the application (case-insensitive, port ignored).',
          type: 'array',
          items: {
            type: 'string',
            pattern: '^[a-z0-9.-]+$',
          },
          uniqueItems: true,
        },
        namePatterns: {
          description: 'Application names that bind, case-insensitive: a glob (`*` any text, `?` one character, whole name) or a regular expression between slashes (`/^pingctl\\b/`).',
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
          uniqueItems: true,
        },
        whenNamed: {
          description: 'Expectations an application matched by name must also meet, to tell the modes of one tool apart (e.g. the grant it uses).',
          type: 'array',
          items: {
            $ref: '#/definitions/fieldExpectation',
          },
        },
      },
    },
    checks: {
      type: 'array',
      minItems: 1,
      items: {
        $ref: '#/definitions/check',
      },
    },
  },
  definitions: {
    kebabId: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    },
    severity: {
      enum: ['critical', 'high', 'medium', 'low', 'info'],
    },
    scalar: {
      type: ['string', 'number', 'boolean'],
    },
    field: {
      description: 'Application property read, dotted for nested ones; pointers to it are derived from the path.',
      enum: [
        'type',
        'enabled',
        'protocol',
        'grantTypes',
        'responseTypes',
        'pkceEnforcement',
        'tokenEndpointAuthMethod',
        'redirectUris',
        'allowWildcardInRedirectUris',
        'refreshTokenType',
        'refreshTokenDuration',
        'refreshTokenRollingDuration',
        'refreshTokenRollingGracePeriodDuration',
        'additionalRefreshTokenReplayProtectionEnabled',
        'parRequirement',
        'requireSignedRequestObject',
        'assignActorRoles',
        'accessControl.role.type',
        'accessControl.group',
      ],
    },
    source: {
      description: "The line of the integrator's guide a check comes from: its URL, the section, and optionally a short quote.",
      type: 'object',
      required: ['url', 'section'],
      additionalProperties: false,
      properties: {
        url: {
          type: 'string',
          format: 'uri',
          pattern: '^https://',
        },
        section: {
          type: 'string',
          minLength: 1,
        },
        quote: {
          type: 'string',
          minLength: 1,
          maxLength: 300,
        },
      },
    },
    fieldExpectation: {
      description: 'One setting of the application: exactly one of equals, oneOf, includesOnly, excludes, present, duration.',
      type: 'object',
      required: ['field'],
      additionalProperties: false,
      properties: {
        field: {
          $ref: '#/definitions/field',
        },
        equals: {
          $ref: '#/definitions/scalar',
        },
        oneOf: {
          type: 'array',
          minItems: 2,
          items: {
            $ref: '#/definitions/scalar',
          },
          uniqueItems: true,
        },
        includesOnly: {
          description: 'The list field holds every one of these values and nothing beyond them and `mayInclude`.',
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
          },
          uniqueItems: true,
        },
        mayInclude: {
          type: 'array',
          items: {
            type: 'string',
          },
          uniqueItems: true,
        },
        excludes: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
          },
          uniqueItems: true,
        },
        includes: {
          description: 'The list field holds every one of these values (others are allowed).',
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
          },
          uniqueItems: true,
        },
        present: {
          type: 'boolean',
        },
        duration: {
          description: 'Seconds, inclusive bounds.',
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            min: {
              type: 'integer',
              minimum: 0,
            },
            max: {
              type: 'integer',
              minimum: 0,
            },
          },
        },
        default: {
          description: 'The value PingOne applies when the property is absent.',
          $ref: '#/definitions/scalar',
        },
      },
      oneOf: [
        {
          required: ['equals'],
        },
        {
          required: ['oneOf'],
        },
        {
          required: ['includesOnly'],
        },
        {
          required: ['includes'],
        },
        {
          required: ['excludes'],
        },
        {
          required: ['present'],
        },
        {
          required: ['duration'],
        },
      ],
      dependencies: {
        mayInclude: ['includesOnly'],
      },
    },
    redirectUriExpectation: {
      description: 'The application registers this exact redirect URI (no trailing slash, no pattern, same case).',
      type: 'object',
      required: ['redirectUri'],
      additionalProperties: false,
      properties: {
        redirectUri: {
          type: 'string',
          format: 'uri',
        },
      },
    },
    signInAdminRoleExpectation: {
      description: "Named check: a user who may sign in to the app holds one of `full` (or, partially, one of `partial`) for the app's environment, directly or through a group.",
      type: 'object',
      required: ['named', 'full'],
      additionalProperties: false,
      properties: {
        named: {
          const: 'signing-in-admin-role',
        },
        full: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
          },
          uniqueItems: true,
        },
        partial: {
          type: 'array',
          items: {
            type: 'object',
            required: ['role', 'lacks'],
            additionalProperties: false,
            properties: {
              role: {
                type: 'string',
              },
              lacks: {
                type: 'string',
                minLength: 1,
              },
            },
          },
        },
      },
    },
    appRoleExpectation: {
      description: 'Named check: the application itself holds one of `roles` (any administering role when absent), scoped so that it reaches `scope`.',
      type: 'object',
      required: ['named', 'scope'],
      additionalProperties: false,
      properties: {
        named: {
          const: 'app-role',
        },
        roles: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
          },
          uniqueItems: true,
        },
        scope: {
          enum: ['own-environment', 'any'],
        },
      },
    },
    conflict: {
      description: 'A security rule that reports the setting this check asks for: both are reported, and this says which to prefer and why.',
      type: 'object',
      required: ['rule', 'prefer', 'why'],
      additionalProperties: false,
      properties: {
        rule: {
          $ref: '#/definitions/kebabId',
        },
        values: {
          description: 'Values of the field for which the rule fires; absent: whenever the check passes.',
          type: 'array',
          items: {
            $ref: '#/definitions/scalar',
          },
        },
        followedWith: {
          description: 'Values with which the app follows the rule instead of the guide (prefer "rule" only): a failed check whose app has only these passes, with a note.',
          type: 'array',
          minItems: 1,
          items: {
            $ref: '#/definitions/scalar',
          },
        },
        prefer: {
          enum: ['profile', 'rule'],
        },
        why: {
          type: 'string',
          minLength: 1,
        },
      },
    },
    check: {
      type: 'object',
      required: ['id', 'title', 'expect', 'severity', 'fix', 'source'],
      additionalProperties: false,
      properties: {
        id: {
          $ref: '#/definitions/kebabId',
        },
        title: {
          type: 'string',
          minLength: 1,
        },
        expect: {
          oneOf: [
            {
              $ref: '#/definitions/fieldExpectation',
            },
            {
              $ref: '#/definitions/redirectUriExpectation',
            },
            {
              $ref: '#/definitions/signInAdminRoleExpectation',
            },
            {
              $ref: '#/definitions/appRoleExpectation',
            },
          ],
        },
        severity: {
          $ref: '#/definitions/severity',
        },
        fix: {
          type: 'string',
          minLength: 1,
          description: "What to change, in the console's terms.",
        },
        source: {
          $ref: '#/definitions/source',
        },
        reportedBy: {
          description: 'A rule that already reports exactly this failure for bound applications: the scan leaves it to that rule (the checklist still shows it).',
          $ref: '#/definitions/kebabId',
        },
        whenMissing: {
          description: 'What stops working when the app lacks one of the values an includes or includesOnly check asks for, by value, for the checklist and the finding.',
          type: 'object',
          additionalProperties: { type: 'string', minLength: 1 },
        },
        conflictsWith: {
          $ref: '#/definitions/conflict',
        },
      },
    },
  },
} as const;

/** `schemas/dispositions.schema.json`. */
export const dispositionsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pingone-audit.dev/schemas/dispositions.schema.json',
  title: 'pingone-audit dispositions',
  description:
    "Reviewed decisions about findings (--dispositions FILE). Each entry matches a finding by fingerprint, or by rule, environment and resource. accepted-risk, false-positive and compensating-control hide the finding from the gate until they expire (an expired one hides nothing); planned-fix keeps it open and visible with its owner and due date. Dates are YYYY-MM-DD, compared in UTC with the audit's clock.",
  type: 'object',
  required: ['version', 'dispositions'],
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
    },
    version: {
      const: 1,
    },
    dispositions: {
      type: 'array',
      items: {
        $ref: '#/definitions/disposition',
      },
    },
  },
  definitions: {
    disposition: {
      type: 'object',
      required: ['disposition', 'owner', 'reason'],
      additionalProperties: false,
      properties: {
        fingerprint: {
          description: "The finding's fingerprint, as the JSON report gives it.",
          type: 'string',
          pattern: '^[0-9a-f]{64}$',
        },
        ruleId: {
          description: 'With environmentId and resourceId: the rule id, exactly.',
          type: 'string',
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        },
        environmentId: {
          description: 'The environment id of the finding; null for organization-wide resources.',
          type: ['string', 'null'],
          minLength: 1,
        },
        resourceId: {
          description: 'The id of the resource the finding is about.',
          type: 'string',
          minLength: 1,
        },
        disposition: {
          enum: ['accepted-risk', 'false-positive', 'compensating-control', 'planned-fix'],
        },
        owner: {
          description: 'Who answers for the decision: a person or a team.',
          type: 'string',
          pattern: '\\S',
        },
        reason: {
          description: 'Why.',
          type: 'string',
          pattern: '\\S',
        },
        expires: {
          description: 'Last day (UTC) a hiding disposition applies; required for accepted-risk, false-positive and compensating-control.',
          type: 'string',
          format: 'date',
        },
        due: {
          description: 'Planned fix: the day (UTC) the fix is due; past it the fix is overdue.',
          type: 'string',
          format: 'date',
        },
        control: {
          description: 'Compensating control: the control that covers the risk.',
          type: 'string',
          pattern: '\\S',
        },
      },
      oneOf: [
        {
          required: ['fingerprint'],
        },
        {
          required: ['ruleId', 'environmentId', 'resourceId'],
        },
      ],
      allOf: [
        {
          if: {
            properties: {
              disposition: {
                const: 'planned-fix',
              },
            },
          },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a promise
          then: {
            required: ['due'],
          },
          else: {
            required: ['expires'],
          },
        },
        {
          if: {
            properties: {
              disposition: {
                const: 'compensating-control',
              },
            },
          },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a promise
          then: {
            required: ['control'],
          },
        },
      ],
    },
  },
} as const;
