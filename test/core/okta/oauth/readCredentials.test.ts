// The CLI's choice of credentials: API token (env / --token-file) or OAuth service app (--client-id +
// --private-key-file).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../electron/cli/cliErrors';
import { readCredentials } from '../../../../electron/cli/readCredentials';
import { errorThrownBy } from '../../../helpers/errorThrownBy';
import { writePrivateFile } from '../../../helpers/privateFile';
import { useTempDirs } from '../../../helpers/tempDir';
import { makeKey } from './keyFixtures';

const tempDir = useTempDirs();
const rsa = makeKey('RSA', 'kid-1');

function usage(run: () => unknown): string {
  const error = errorThrownBy(run, 'expected a usage error');
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(2);
  return (error as Error).message;
}

describe('readCredentials', () => {
  const dir = tempDir();
  const keyFile = path.join(dir, 'svc.pem');
  writePrivateFile(keyFile, rsa.pkcs8Pem);
  const tokenFile = path.join(dir, 'token.txt');
  writePrivateFile(tokenFile, 'file-token\n');

  it('reads the SSWS token from the environment or --token-file as before', () => {
    expect(readCredentials({}, { OKTA_API_TOKEN: ' env-token ' })).toEqual({ kind: 'ssws', token: 'env-token' });
    expect(readCredentials({ 'token-file': tokenFile }, {})).toEqual({ kind: 'ssws', token: 'file-token' });
  });

  it('reads the OAuth client id and the key file', () => {
    expect(readCredentials({ 'client-id': ' 0oaSVC ', 'private-key-file': keyFile }, {})).toEqual({
      kind: 'oauth',
      clientId: '0oaSVC',
      privateKey: rsa.pkcs8Pem,
      privateKeyFile: keyFile,
    });
  });

  it('asks for credentials, naming both ways, when none are given', () => {
    expect(usage(() => readCredentials({}, {}))).toMatch(
      /no Okta credentials: set OKTA_API_TOKEN or pass --token-file FILE .* --client-id ID --private-key-file FILE/,
    );
  });

  it('refuses both kinds at once', () => {
    expect(
      usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': keyFile, 'token-file': tokenFile }, {})),
    ).toMatch(/not both/);
    expect(
      usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': keyFile }, { OKTA_API_TOKEN: 't' })),
    ).toMatch(/OKTA_API_TOKEN is set/);
  });

  it('needs --client-id and --private-key-file together', () => {
    expect(usage(() => readCredentials({ 'private-key-file': keyFile }, {}))).toMatch(
      /^--private-key-file needs --client-id ID/,
    );
    expect(usage(() => readCredentials({ 'client-id': '0oaSVC' }, {}))).toMatch(
      /^--client-id needs --private-key-file FILE: .* app 0oaSVC/,
    );
    expect(usage(() => readCredentials({ 'client-id': '  ', 'private-key-file': keyFile }, {}))).toMatch(
      /--client-id is empty/,
    );
  });

  it('refuses a token or key file that other users can read (exit 2, with the chmod that fixes it)', () => {
    const openToken = path.join(dir, 'open-token.txt');
    writePrivateFile(openToken, 'file-token\n');
    fs.chmodSync(openToken, 0o644);
    expect(usage(() => readCredentials({ 'token-file': openToken }, {}))).toContain(
      `the token file ${openToken} is readable by other users (mode 0644): run \`chmod 600 ${openToken}\``,
    );
    const openKey = path.join(dir, 'open.pem');
    writePrivateFile(openKey, rsa.pkcs8Pem);
    fs.chmodSync(openKey, 0o604);
    expect(usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': openKey }, {}))).toContain(
      `the private key file ${openKey} is readable by other users (mode 0604)`,
    );
  });

  it('explains a missing, empty or oversized key file', () => {
    expect(
      usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': path.join(dir, 'nope.pem') }, {})),
    ).toMatch(/cannot read the private key file .*nope\.pem: ENOENT/);
    const empty = path.join(dir, 'empty.pem');
    writePrivateFile(empty, '\n');
    expect(usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': empty }, {}))).toMatch(/is empty/);
    const big = path.join(dir, 'big.pem');
    writePrivateFile(big, 'x'.repeat(100_000));
    expect(usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': big }, {}))).toMatch(
      /is 100000 bytes, too large for a token or key \(at most 64 KiB\)/,
    );
    expect(usage(() => readCredentials({ 'client-id': '0oa', 'private-key-file': dir }, {}))).toMatch(/is not a file/);
  });
});
