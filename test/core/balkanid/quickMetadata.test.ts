// The quick Metadata verdict against the reference (JSON.parse and the rules): whenever it gives a verdict, the
// reference finds the same (a valid object, nothing to report, the same username answer); and it does give one for the
// shapes exports write, or it would save nothing.
import { describe, expect, it } from 'vitest';
import { judgeMetadata } from '../../../electron/core/balkanid/validator/checkMetadata';
import {
  CLEAN_WITH_USERNAME,
  CLEAN_WITHOUT_USERNAME,
  NOT_QUICK,
  quickMetadataVerdict,
} from '../../../electron/core/balkanid/validator/quickMetadata';
import { seededRandom } from '../../helpers/seededRandom';

/** A Metadata value as written in a CSV cell, between its quotes: every quote doubled. */
const asWritten = (json: string) => json.replaceAll('"', '""');

function expectAgreesWithReference(json: string): number {
  const quick = quickMetadataVerdict(asWritten(json));
  if (quick === NOT_QUICK) return quick;
  for (const relation of [false, true]) {
    const reference = judgeMetadata(json, relation);
    expect(reference.problems, json).toEqual([]);
    expect(reference.result, json).toEqual({ kind: 'object', hasUsernameOrEmail: quick === CLEAN_WITH_USERNAME });
  }
  return quick;
}

const EXPORT_SHAPES = [
  '{"username":"ann@example.com","email":"ann@example.com","status":"ACTIVE","userCreatedDateTime":' +
    '"2022-01-02 03:04:05 +0000 UTC"}',
  '{"description":"Team 7","groupType":"OKTA_GROUP","created":"2021-03-04 05:06:07 +0000 UTC"}',
  '{"project":"https://acme.okta.com","privilegeName":"assigned","privilegeValue":true,"connectionType":"group",' +
    '"priority":0}',
  '{ "appName" : "app1", "count": -12.5e+3, "flag": false, "none": null }',
  '{"email":""}',
];

describe('quick Metadata verdict', () => {
  it('gives the reference verdict for the shapes exports write', () => {
    const verdicts = EXPORT_SHAPES.map(expectAgreesWithReference);
    expect(verdicts).toEqual([
      CLEAN_WITH_USERNAME,
      CLEAN_WITHOUT_USERNAME,
      CLEAN_WITHOUT_USERNAME,
      CLEAN_WITHOUT_USERNAME,
      CLEAN_WITHOUT_USERNAME,
    ]);
  });

  it('leaves to the reference anything with a finding, an escape, nesting or a repeated key it cannot settle', () => {
    const leftToReference = [
      '{}',
      '[1]',
      '"text"',
      '{"a":1,}',
      '{"a":01}',
      '{"a":1.}',
      '{"a":tru}',
      '{"a":truex}',
      '{"a":"x"} x',
      '{"a":"\\u00e9"}',
      '{"a":{"b":1}}',
      '{"a":[1]}',
      '{"privilegeValue":"true"}',
      '{"privilegeValue":1}',
      '{"created":"2021-03-04T05:06:07Z"}',
      '{"a":"x\tb"}',
    ];
    for (const json of leftToReference) expect(quickMetadataVerdict(asWritten(json)), json).toBe(NOT_QUICK);
  });

  it('reads a repeated key as JSON.parse does: the last one counts', () => {
    expect(expectAgreesWithReference('{"username":"ann","username":""}')).toBe(CLEAN_WITHOUT_USERNAME);
    expect(expectAgreesWithReference('{"email":1,"email":"ann@example.com"}')).toBe(CLEAN_WITH_USERNAME);
  });

  it('agrees with the reference on thousands of mangled values', () => {
    const next = seededRandom(7);
    const pieces = ['"', ':', ',', '{', '}', ' ', '\\', '0', '-', '.', 'e', 'true', 'null', 'username', '\n', 'Z'];
    let quick = 0;
    for (let i = 0; i < 20_000; i++) {
      let json = EXPORT_SHAPES[i % EXPORT_SHAPES.length]!;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * json.length);
        const piece = next() < 0.3 ? '' : pieces[Math.floor(next() * pieces.length)]!;
        json = json.slice(0, at) + piece + json.slice(at + (next() < 0.5 ? 1 : 0));
      }
      if (expectAgreesWithReference(json) !== NOT_QUICK) quick++;
    }
    expect(quick).toBeGreaterThan(1000); // the mangling leaves many values valid: the comparison is not empty
  });
});
