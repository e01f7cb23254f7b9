// Loads the service app's private key (PEM: PKCS#8, PKCS#1, SEC1; or a private JWK / one-key JWKS) for client
// assertions.
import { createPrivateKey, type JsonWebKey as NodeJsonWebKey, type KeyObject } from 'node:crypto';
import { importJWK, importPKCS8, type CryptoKey, type JWK, type SignJWT } from 'jose';

/** Algorithms Okta accepts for `private_key_jwt` client assertions (okta-api.md §4.2). */
export type ClientAssertionAlg = 'RS256' | 'RS384' | 'RS512' | 'ES256' | 'ES384' | 'ES512';
export type PrivateKeyFormat = 'pem-pkcs8' | 'pem-pkcs1' | 'pem-sec1' | 'jwk';

export interface LoadPrivateKeyOptions {
  /** The file the key came from, named in error messages (never its content). */
  fileName?: string;
  /** The key id registered on the Okta app; overrides a `kid` in the JWK. */
  keyId?: string;
}

/** A bad key file: the message says what is wrong and what to do, and never holds key material. */
export class PrivateKeyError extends Error {
  override name = 'PrivateKeyError';
}

/** The signing key. The key itself stays in a private field: not in JSON, logs or messages. */
export class ClientSigningKey {
  readonly #key: CryptoKey;

  constructor(
    key: CryptoKey,
    readonly alg: ClientAssertionAlg,
    readonly kid: string | undefined,
    readonly keyType: 'RSA' | 'EC',
    readonly format: PrivateKeyFormat,
  ) {
    this.#key = key;
  }

  /** Signs a JWT whose protected header the caller has set. */
  sign(jwt: SignJWT): Promise<string> {
    return jwt.sign(this.#key);
  }

  toJSON(): object {
    return { alg: this.alg, kid: this.kid, keyType: this.keyType, format: this.format };
  }
}

const CURVE_ALGS: Record<string, ClientAssertionAlg> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const NODE_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const RSA_ALGS: readonly string[] = ['RS256', 'RS384', 'RS512'];
const PRIVATE_PEM_LABELS: Record<string, PrivateKeyFormat> = {
  'PRIVATE KEY': 'pem-pkcs8',
  'RSA PRIVATE KEY': 'pem-pkcs1',
  'EC PRIVATE KEY': 'pem-sec1',
};
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const WHAT_TO_GIVE = 'give the private key (PEM or JWK) whose public key is registered on the Okta app';

/** Third-party error texts are fixed strings, but never let anything that looks like encoded key data through. */
function safeDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[A-Za-z0-9+/_=-]{24,}/g, '…').slice(0, 200);
}

export async function loadPrivateKey(text: string, options: LoadPrivateKeyOptions = {}): Promise<ClientSigningKey> {
  const label = options.fileName ? `the private key file ${options.fileName}` : 'the private key';
  const fail = (why: string): PrivateKeyError => new PrivateKeyError(`${label} ${why}`);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw fail(`is empty: ${WHAT_TO_GIVE}`);
  if (trimmed.startsWith('{')) return loadJwk(trimmed, options, fail);
  if (trimmed.includes('-----BEGIN ')) return loadPem(trimmed, options, fail);
  throw fail(
    'is not a PEM or JWK private key: expected a "-----BEGIN PRIVATE KEY-----" block or a JSON Web Key with ' +
      '"kty" and "d"',
  );
}

type Fail = (why: string) => PrivateKeyError;
type PemBlock = { label: string; body: string; pem: string };

async function loadPem(text: string, options: LoadPrivateKeyOptions, fail: Fail): Promise<ClientSigningKey> {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => ({ label: match[1]!, body: match[2]!, pem: match[0] }));
  const privateBlock = privatePemBlock(blocks, fail);
  const format = PRIVATE_PEM_LABELS[privateBlock.label]!;
  if (/Proc-Type:\s*4,\s*ENCRYPTED/i.test(privateBlock.body)) throw encrypted(fail);
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: privateBlock.pem, format: 'pem' });
  } catch (error) {
    throw fail(
      `is not a PEM or JWK private key: the "${privateBlock.label}" block could not be read (${safeDetail(error)})`,
    );
  }
  const { keyType, alg } = describeKeyObject(keyObject, undefined, fail);
  // jose imports PKCS#8 only; node:crypto re-encodes a PKCS#1 or SEC1 key as PKCS#8 first.
  const pkcs8 =
    format === 'pem-pkcs8' ? privateBlock.pem : (keyObject.export({ type: 'pkcs8', format: 'pem' }) as string);
  let key: CryptoKey;
  try {
    key = await importPKCS8(pkcs8, alg);
  } catch (error) {
    throw fail(`is not a usable ${keyType} private key: ${safeDetail(error)}`);
  }
  return new ClientSigningKey(key, alg, options.keyId, keyType, format);
}

/** The private key's PEM block, or what the file holds instead (a public key, a certificate, an OpenSSH key…). */
function privatePemBlock(blocks: PemBlock[], fail: Fail): PemBlock {
  const privateBlock = blocks.find((block) => block.label in PRIVATE_PEM_LABELS);
  if (privateBlock) return privateBlock;
  const labels = blocks.map((block) => block.label);
  if (labels.includes('ENCRYPTED PRIVATE KEY')) throw encrypted(fail);
  if (labels.some((l) => l.endsWith('PUBLIC KEY')))
    throw fail(`holds a public key, not the private key: ${WHAT_TO_GIVE} (Okta keeps only the public half)`);
  if (labels.includes('CERTIFICATE')) throw fail(`holds a certificate, not a private key: ${WHAT_TO_GIVE}`);
  if (labels.includes('OPENSSH PRIVATE KEY')) {
    throw fail('is an OpenSSH key: convert a copy to PKCS#8 PEM ("ssh-keygen -p -m PKCS8 -f COPY") and use that');
  }
  if (labels.length === 0)
    throw fail('is not a PEM or JWK private key: the PEM block is incomplete (no matching "-----END …-----" line)');
  throw fail(`is not a PEM or JWK private key: it holds a "${labels[0]}" block, not "PRIVATE KEY"`);
}

async function loadJwk(text: string, options: LoadPrivateKeyOptions, fail: Fail): Promise<ClientSigningKey> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message can quote the input, so it is not passed on.
    throw fail('is not a PEM or JWK private key: it starts like JSON but is not valid JSON');
  }
  const jwk = usablePrivateJwk(parsed as JWK & { keys?: unknown }, fail);
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
  } catch (error) {
    throw fail(`is not a PEM or JWK private key: the ${jwk.kty} JWK could not be read (${safeDetail(error)})`);
  }
  const { keyType, alg } = describeKeyObject(keyObject, jwk.alg, fail);
  let key: CryptoKey;
  try {
    key = (await importJWK({ ...jwk, alg, ext: false }, alg)) as CryptoKey;
  } catch (error) {
    throw fail(`is not a usable ${keyType} private key: ${safeDetail(error)}`);
  }
  return new ClientSigningKey(
    key,
    alg,
    options.keyId ?? (typeof jwk.kid === 'string' ? jwk.kid : undefined),
    keyType,
    'jwk',
  );
}

/** The one private RSA or EC key of a JWK or a JWKS, or what is wrong with it. */
function usablePrivateJwk(parsed: JWK & { keys?: unknown }, fail: Fail): JWK {
  const jwk = Array.isArray(parsed.keys) ? onlyPrivateKeyOf(parsed.keys, fail) : parsed;
  if (typeof jwk.kty !== 'string') throw fail('is not a PEM or JWK private key: the JSON has no "kty" member');
  if (jwk.kty === 'oct') throw fail('holds a symmetric (oct) key: Okta service apps need an RSA or EC private key');
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') {
    throw fail(
      `holds a key of type ${typeof jwk.crv === 'string' ? `${jwk.crv} (${jwk.kty})` : jwk.kty}: Okta client ` +
        `assertions need an RSA (RS256) or EC P-256 (ES256) key`,
    );
  }
  if (jwk.kty === 'EC' && !(typeof jwk.crv === 'string' && jwk.crv in CURVE_ALGS)) {
    throw fail(
      `holds an EC key on curve ${String(jwk.crv)}: Okta accepts P-256 (ES256), P-384 (ES384) or P-521 (ES512)`,
    );
  }
  if (typeof jwk.d !== 'string') throw fail(`holds a public key, not the private key (no "d"): ${WHAT_TO_GIVE}`);
  return jwk;
}

/** A JWKS must hold exactly one private key (the one registered on the Okta app). */
function onlyPrivateKeyOf(entries: unknown[], fail: Fail): JWK {
  const keys = entries.filter((k): k is JWK => !!k && typeof k === 'object');
  const privateKeys = keys.filter((k) => typeof k.d === 'string');
  if (privateKeys.length === 0) {
    throw fail(
      keys.length > 0
        ? `holds only public keys (a JWKS without "d"): ${WHAT_TO_GIVE}`
        : 'is not a PEM or JWK private key: the JWKS has no keys',
    );
  }
  if (privateKeys.length > 1)
    throw fail(`holds ${privateKeys.length} private keys: keep only the one registered on the Okta app`);
  return privateKeys[0]!;
}

function encrypted(fail: Fail): PrivateKeyError {
  return fail(
    'is encrypted with a passphrase, which okta-prep cannot use: write an unencrypted copy ("openssl pkey -in ' +
      'FILE -out PLAIN.pem"), readable only by you, and give that',
  );
}

/**
 * Key type and assertion algorithm from the key itself (RSA → RS256, P-256 → ES256 …), checked against a JWK's `alg`.
 */
function describeKeyObject(
  keyObject: KeyObject,
  declaredAlg: string | undefined,
  fail: Fail,
): { keyType: 'RSA' | 'EC'; alg: ClientAssertionAlg } {
  const type = keyObject.asymmetricKeyType;
  const details = keyObject.asymmetricKeyDetails ?? {};
  if (type === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < 2048)
      throw fail(`holds a ${bits}-bit RSA key: Okta (and signing) need at least 2048 bits; generate a new key pair`);
    if (declaredAlg !== undefined && !RSA_ALGS.includes(declaredAlg)) {
      throw fail(
        `declares "alg": "${declaredAlg}", which Okta does not accept for an RSA client assertion (use RS256)`,
      );
    }
    return { keyType: 'RSA', alg: (declaredAlg as ClientAssertionAlg | undefined) ?? 'RS256' };
  }
  if (type === 'ec') {
    const curve = NODE_CURVES[details.namedCurve ?? ''];
    if (!curve)
      throw fail(
        `holds an EC key on curve ${details.namedCurve ?? 'unknown'}: Okta accepts P-256 (ES256), P-384 ` +
          `(ES384) or P-521 (ES512)`,
      );
    const alg = CURVE_ALGS[curve]!;
    if (declaredAlg !== undefined && declaredAlg !== alg)
      throw fail(`declares "alg": "${declaredAlg}", but its curve ${curve} signs ${alg}`);
    return { keyType: 'EC', alg };
  }
  const name =
    type === 'rsa-pss'
      ? 'RSA-PSS'
      : type === 'ed25519' || type === 'ed448'
        ? type.replace('ed', 'Ed')
        : (type ?? 'unknown').toUpperCase();
  throw fail(`holds a key of type ${name}: Okta client assertions need an RSA (RS256) or EC P-256 (ES256) key`);
}
