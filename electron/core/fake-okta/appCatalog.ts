// Templates for the fake org's apps and the per-signOnMode JSON Okta returns for each (settings, credentials).
import type { AppStatus, OktaApp } from '../../../shared/okta/types';

export interface AppTemplate {
  label: string;
  /** App key: fixed by Okta for template apps (bookmark, oidc_client, template_swa ...), OIN key otherwise. */
  name: string;
  signOnMode: string;
  url: string;
  /** Apps with provisioning get externalIds and a sync state on their app users. */
  provisioning: boolean;
}

/** The directory integration that imported groups come from (APP_GROUP `_links.source`). */
export const DIRECTORY_APP: AppTemplate = {
  label: 'corp.example.com',
  name: 'active_directory',
  signOnMode: 'AUTO_LOGIN',
  url: 'https://dc1.corp.example.com',
  provisioning: true,
};

export const APP_CATALOG: readonly AppTemplate[] = [
  {
    label: 'Salesforce',
    name: 'salesforce',
    signOnMode: 'SAML_2_0',
    url: 'https://example.my.salesforce.com',
    provisioning: true,
  },
  { label: 'Slack', name: 'slack', signOnMode: 'SAML_2_0', url: 'https://example.slack.com', provisioning: true },
  { label: 'Zoom', name: 'zoomus', signOnMode: 'SAML_2_0', url: 'https://example.zoom.us', provisioning: true },
  {
    label: 'Workday',
    name: 'workday',
    signOnMode: 'SAML_2_0',
    url: 'https://wd5.myworkday.com/example',
    provisioning: false,
  },
  {
    label: 'GitHub Enterprise Cloud',
    name: 'githubcloud',
    signOnMode: 'SAML_2_0',
    url: 'https://github.com/orgs/example',
    provisioning: true,
  },
  {
    label: 'Atlassian Cloud',
    name: 'atlassian',
    signOnMode: 'SAML_2_0',
    url: 'https://example.atlassian.net',
    provisioning: true,
  },
  {
    label: 'Google Workspace',
    name: 'google',
    signOnMode: 'SAML_2_0',
    url: 'https://mail.google.com/a/example.com',
    provisioning: true,
  },
  {
    label: 'AWS IAM Identity Center',
    name: 'amazon_aws_sso',
    signOnMode: 'SAML_2_0',
    url: 'https://example.awsapps.com/start',
    provisioning: true,
  },
  { label: 'Box', name: 'boxnet', signOnMode: 'SAML_2_0', url: 'https://example.app.box.com', provisioning: false },
  { label: 'Zendesk', name: 'zendesk', signOnMode: 'SAML_2_0', url: 'https://example.zendesk.com', provisioning: true },
  {
    label: 'DocuSign',
    name: 'docusign',
    signOnMode: 'SAML_2_0',
    url: 'https://account.docusign.com',
    provisioning: false,
  },
  {
    label: 'Company Intranet',
    name: 'bookmark',
    signOnMode: 'BOOKMARK',
    url: 'https://intranet.example.com',
    provisioning: false,
  },
  {
    label: 'Benefits Guide',
    name: 'bookmark',
    signOnMode: 'BOOKMARK',
    url: 'https://benefits.example.com',
    provisioning: false,
  },
  {
    label: 'Expense Portal',
    name: 'oidc_client',
    signOnMode: 'OPENID_CONNECT',
    url: 'https://expenses.example.com',
    provisioning: false,
  },
  {
    label: 'Grafana',
    name: 'oidc_client',
    signOnMode: 'OPENID_CONNECT',
    url: 'https://grafana.example.com',
    provisioning: false,
  },
  {
    label: 'Internal Wiki',
    name: 'template_swa',
    signOnMode: 'BROWSER_PLUGIN',
    url: 'https://wiki.example.com',
    provisioning: false,
  },
  {
    label: 'Shared Vault',
    name: 'template_sps',
    signOnMode: 'SECURE_PASSWORD_STORE',
    url: 'https://vault.example.com',
    provisioning: false,
  },
  {
    label: 'Legacy HR',
    name: 'template_basic_auth',
    signOnMode: 'BASIC_AUTH',
    url: 'https://hr-legacy.example.com',
    provisioning: false,
  },
  {
    label: 'SharePoint On-Prem',
    name: 'template_wsfed',
    signOnMode: 'WS_FEDERATION',
    url: 'https://sharepoint.example.com',
    provisioning: false,
  },
  {
    label: 'Pension Portal',
    name: 'pension_saml11',
    signOnMode: 'SAML_1_1',
    url: 'https://pension.example.com',
    provisioning: false,
  },
  {
    label: 'Time Tracking',
    name: 'timetrack_autologin',
    signOnMode: 'AUTO_LOGIN',
    url: 'https://time.example.com',
    provisioning: false,
  },
];

/** Label suffixes for second and later instances of a template (orgs often have sandboxes). */
export const INSTANCE_SUFFIXES: readonly string[] = [
  ' (Sandbox)',
  ' (EU)',
  ' (Staging)',
  ' (Legacy)',
  ' - Contractors',
];

// Functions, not shared constants: every app gets its own objects, so a test mutating one app leaves the others alone.
const usernameTemplate = () => ({ template: '${source.login}', type: 'BUILT_IN' });
const schemeCredentials = () => ({
  scheme: 'EDIT_USERNAME_AND_PASSWORD',
  userNameTemplate: usernameTemplate(),
  revealPassword: false,
  signing: {},
});

function samlSignOn(url: string): Record<string, unknown> {
  return {
    defaultRelayState: '',
    ssoAcsUrl: `${url}/saml/acs`,
    audience: url,
    recipient: `${url}/saml/acs`,
    destination: `${url}/saml/acs`,
    idpIssuer: 'http://www.okta.com/${org.externalKey}',
    subjectNameIdTemplate: '${user.userName}',
    subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    responseSigned: true,
    assertionSigned: true,
    signatureAlgorithm: 'RSA_SHA256',
    digestAlgorithm: 'SHA256',
    honorForceAuthn: true,
    authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    requestCompressed: false,
    allowMultipleAcsEndpoints: false,
    attributeStatements: [],
  };
}

/** The signOnMode-specific part of an app: `credentials` and `settings` as Okta returns them. */
function modeSpecificFields(template: AppTemplate, appId: string, signingKid: string): Record<string, unknown> {
  const { url } = template;
  const signed = { userNameTemplate: usernameTemplate(), signing: { kid: signingKid } };
  switch (template.signOnMode) {
    case 'BOOKMARK':
      return {
        credentials: { userNameTemplate: usernameTemplate(), signing: {} },
        settings: { app: { requestIntegration: false, url } },
      };
    case 'SAML_2_0':
      return { credentials: signed, settings: { signOn: samlSignOn(url) } };
    case 'SAML_1_1':
      return {
        credentials: signed,
        settings: {
          app: {},
          signOn: { defaultRelayState: '', audienceOverride: '', recipientOverride: '', ssoAcsUrlOverride: '' },
        },
      };
    case 'OPENID_CONNECT':
      return openIdConnectFields(url, appId, signed);
    case 'BROWSER_PLUGIN':
    case 'SECURE_PASSWORD_STORE':
      return { credentials: schemeCredentials(), settings: { app: formLoginApp(template.signOnMode, url) } };
    case 'BASIC_AUTH':
      return { credentials: schemeCredentials(), settings: { app: { url, authURL: `${url}/auth` } } };
    case 'WS_FEDERATION':
      return { credentials: signed, settings: { app: wsFederationApp(url, appId) } };
    default: // AUTO_LOGIN
      return { credentials: schemeCredentials(), settings: { signOn: { loginUrl: `${url}/login`, redirectUrl: url } } };
  }
}

function openIdConnectFields(url: string, appId: string, signed: object): Record<string, unknown> {
  return {
    credentials: {
      ...signed,
      oauthClient: { autoKeyRotation: true, client_id: appId, token_endpoint_auth_method: 'client_secret_basic' },
    },
    settings: {
      oauthClient: {
        client_uri: url,
        redirect_uris: [`${url}/authorization-code/callback`],
        post_logout_redirect_uris: [url],
        response_types: ['code'],
        grant_types: ['authorization_code', 'refresh_token'],
        application_type: 'web',
        consent_method: 'REQUIRED',
        issuer_mode: 'DYNAMIC',
        idp_initiated_login: { mode: 'DISABLED', default_scope: [] },
        wildcard_redirect: 'DISABLED',
      },
    },
  };
}

/** `settings.app` of an app Okta signs in to by filling its login form (browser plugin, secure password store). */
function formLoginApp(mode: 'BROWSER_PLUGIN' | 'SECURE_PASSWORD_STORE', url: string): Record<string, unknown> {
  if (mode === 'BROWSER_PLUGIN') {
    const fields = { usernameField: '#username', passwordField: '#password', buttonField: '#signin' };
    return { url: `${url}/login`, ...fields, loginUrlRegex: '' };
  }
  const fields = { usernameField: 'user', passwordField: 'pass', optionalField1: '', optionalField1Value: '' };
  return { url: `${url}/login`, ...fields };
}

function wsFederationApp(url: string, appId: string): Record<string, unknown> {
  return {
    audienceRestriction: url,
    groupValueFormat: 'windowsDomainQualifiedName',
    wReplyURL: `${url}/_trust/`,
    wReplyOverride: false,
    nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    siteURL: url,
    usernameAttribute: 'username',
    authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    realm: `urn:okta:app:${appId}`,
  };
}

export interface AppInstance {
  template: AppTemplate;
  id: string;
  label: string;
  status: AppStatus;
  created: string;
  lastUpdated: string;
  signingKid: string;
}

/** The full Okta Application JSON for one instance (without `_links`, which the server adds per request). */
export function buildApp(instance: AppInstance): OktaApp {
  const { template } = instance;
  return {
    id: instance.id,
    name: template.name,
    label: instance.label,
    status: instance.status,
    signOnMode: template.signOnMode,
    created: instance.created,
    lastUpdated: instance.lastUpdated,
    accessibility: { selfService: false },
    visibility: {
      autoSubmitToolbar: false,
      hide: { iOS: false, web: false },
      appLinks: { [`${template.name}_link`]: true },
    },
    features: template.provisioning
      ? ['IMPORT_NEW_USERS', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION']
      : [],
    ...modeSpecificFields(template, instance.id, instance.signingKid),
  };
}
