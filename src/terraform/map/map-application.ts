import type { Application } from '../../snapshot/model.js';
import { APPLICATION_DEFAULTS, OIDC_OPTIONS_DEFAULTS, OIDC_OPTIONS_FIELDS, SAML_OPTIONS_DEFAULTS, SAML_OPTIONS_FIELDS } from '../provider/application.js';
import type { ResourceReader } from './resource-reader.js';

const LIST_FIELDS = new Set(['grantTypes', 'responseTypes', 'redirectUris', 'postLogoutRedirectUris', 'acsUrls']);
const NUMBER_FIELDS = new Set([
  'refreshTokenDuration',
  'refreshTokenRollingDuration',
  'refreshTokenRollingGracePeriodDuration',
  'parTimeout',
  'deviceTimeout',
  'devicePollingInterval',
  'assertionDuration',
]);
const BOOLEAN_FIELDS = new Set([
  'allowWildcardInRedirectUris',
  'additionalRefreshTokenReplayProtectionEnabled',
  'requireSignedRequestObject',
  'supportUnsignedRequestObject',
  'assertionSigned',
  'responseSigned',
  'enableRequestedAuthnContext',
]);

/**
 * A `pingone_application` as the API would return it after apply: protocol from which `*_options`
 * is set, the provider's defaults for what is left out (an app without `enabled` is disabled).
 */
export function mapApplication(reader: ResourceReader, id: string, environmentId: string): Application {
  const app: Application = {
    id,
    environment: { id: environmentId },
    name: reader.string(['name'], '/name') ?? reader.resource.address,
    enabled: reader.boolean(['enabled'], '/enabled') ?? APPLICATION_DEFAULTS.enabled,
    hiddenFromAppPortal: reader.boolean(['hidden_from_app_portal'], '/hiddenFromAppPortal') ?? APPLICATION_DEFAULTS.hiddenFromAppPortal,
    type: 'CUSTOM_APP',
    protocol: 'OPENID_CONNECT',
    _embedded: { grants: [], signOnPolicyAssignments: [], flowPolicyAssignments: [], roleAssignments: [] },
  };
  const description = reader.string(['description'], '/description');
  if (description !== undefined) app.description = description;
  const tags = reader.strings(['tags'], '/tags');
  if (tags !== undefined) app.tags = tags;
  mapAccessControl(reader, app);
  if (reader.has(['oidc_options'])) {
    Object.assign(app, OIDC_OPTIONS_DEFAULTS, { protocol: 'OPENID_CONNECT' });
    copyFields(reader, 'oidc_options', OIDC_OPTIONS_FIELDS, app);
    const behavior = reader.string(['oidc_options', 'cors_settings', 'behavior'], '/corsSettings/behavior');
    if (behavior !== undefined) {
      const origins = reader.strings(['oidc_options', 'cors_settings', 'origins'], '/corsSettings/origins');
      app.corsSettings = { behavior, ...(origins === undefined ? {} : { origins }) };
      reader.at('/corsSettings', ['oidc_options', 'cors_settings']);
    }
  } else if (reader.has(['saml_options'])) {
    Object.assign(app, SAML_OPTIONS_DEFAULTS, { protocol: 'SAML' });
    copyFields(reader, 'saml_options', SAML_OPTIONS_FIELDS, app);
    mapSamlObjects(reader, app);
  } else if (reader.has(['wsfed_options'])) {
    app.protocol = 'WS_FED';
    app.type = reader.string(['wsfed_options', 'type'], '/type') ?? 'WEB_APP';
  } else if (reader.has(['external_link_options'])) {
    // The API answers an external link with protocol EXTERNAL_LINK and type PORTAL_LINK_APP.
    app.protocol = 'EXTERNAL_LINK';
    app.type = 'PORTAL_LINK_APP';
    const homePageUrl = reader.string(['external_link_options', 'home_page_url'], '/homePageUrl');
    if (homePageUrl !== undefined) app.homePageUrl = homePageUrl;
  }
  return app;
}

function copyFields(reader: ResourceReader, block: string, fields: Readonly<Record<string, string>>, app: Application): void {
  for (const [attribute, field] of Object.entries(fields)) {
    const path = [block, attribute];
    if (!reader.has(path)) continue;
    const pointer = `/${field}`;
    const value = LIST_FIELDS.has(field)
      ? reader.strings(path, pointer)
      : NUMBER_FIELDS.has(field)
        ? reader.number(path, pointer)
        : BOOLEAN_FIELDS.has(field)
          ? reader.boolean(path, pointer)
          : reader.string(path, pointer);
    // An unknown value is recorded by the reader (not evaluated); the default must not stand in for it.
    if (value === undefined) delete app[field];
    else app[field] = value;
  }
}

function mapAccessControl(reader: ResourceReader, app: Application): void {
  const roleType = reader.string(['access_control_role_type'], '/accessControl/role/type');
  const groupType = reader.string(['access_control_group_options', 'type'], '/accessControl/group/type');
  const groups = reader.strings(['access_control_group_options', 'groups'], '/accessControl/group/groups');
  if (roleType === undefined && groupType === undefined) return;
  app.accessControl = {
    ...(roleType === undefined ? {} : { role: { type: roleType } }),
    ...(groupType === undefined ? {} : { group: { type: groupType, groups: (groups ?? []).map((id) => ({ id })) } }),
  };
}

function mapSamlObjects(reader: ResourceReader, app: Application): void {
  const keyId = reader.string(['saml_options', 'idp_signing_key', 'key_id'], '/idpSigning/key/id');
  const algorithm = reader.string(['saml_options', 'idp_signing_key', 'algorithm'], '/idpSigning/algorithm');
  if (keyId !== undefined || algorithm !== undefined) {
    app.idpSigning = { ...(keyId === undefined ? {} : { key: { id: keyId } }), ...(algorithm === undefined ? {} : { algorithm }) };
  }
  if (reader.has(['saml_options', 'sp_verification'])) {
    const certificates = reader.strings(['saml_options', 'sp_verification', 'certificate_ids'], '/spVerification/certificates');
    app.spVerification = {
      // sp_verification.authn_request_signed: "Defaults to `false`".
      authnRequestSigned: reader.boolean(['saml_options', 'sp_verification', 'authn_request_signed'], '/spVerification/authnRequestSigned') ?? false,
      ...(certificates === undefined ? {} : { certificates: certificates.map((id) => ({ id })) }),
    };
  }
}
