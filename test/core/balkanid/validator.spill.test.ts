// Memory-bounded cross-file checks: the same pair validated with everything in memory and with every index forced
// to spill (tiny limits, partitions split again) gives the same report; a hash collision neither hides nor invents a
// finding; the spill folder is always removed.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/balkanid/columns';
import { formatCsvRecord } from '../../../electron/core/balkanid/csvDialect';
import {
  validateCsvFiles,
  ValidationCancelledError,
  type MemoryLimits,
} from '../../../electron/core/balkanid/validator';
import { PairKeySet } from '../../../electron/core/balkanid/validator/spill/pairKeySet';
import { SpillFolder } from '../../../electron/core/balkanid/validator/spill/spillFolder';
import { hashString } from '../../../electron/core/balkanid/validator/spill/hashing';
import { seededRandom } from '../../helpers/seededRandom';

const TINY: MemoryLimits = { entityIndexBytes: 600, maxPairKeysInMemory: 40, maxTextKeyBytesInMemory: 1_500 };
/** Entities stay in memory, so relation keys are entity-number pairs: those spill. */
const PAIRS_SPILL: MemoryLimits = { ...TINY, entityIndexBytes: 40 * 1024 * 1024 };

let dir: string;
let spillDir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'balkanid-spill-'));
  spillDir = path.join(dir, 'spill');
  await import('node:fs/promises').then((fs) => fs.mkdir(spillDir));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entity = (id: string, type: string) => [
  'okta',
  `Name ${id}`,
  type,
  'okta',
  id,
  type === 'identity' ? 'user' : 'group',
  'v1',
  type === 'identity' ? `{"username":"${id}@example.com"}` : '',
];
const relation = (parent: string, parentType: string, child: string, childType: string, privilege = 'member') => [
  'okta',
  parent,
  parentType,
  child,
  childType,
  'okta',
  'v1',
  `{"privilegeName":"${privilege}","privilegeValue":true}`,
];

/** A pair with faults of every cross-file kind, near and far apart, first in order, then out of order. */
async function writeFaultyPair(seed: number): Promise<{ entitiesPath: string; relationsPath: string }> {
  const next = seededRandom(seed);
  const users = Array.from({ length: 600 }, (_, i) => `00u${String(i).padStart(5, '0')}`);
  const groups = Array.from({ length: 60 }, (_, i) => `00g${String(i).padStart(5, '0')}`);
  const entities: string[][] = [
    ...groups.map((g) => entity(g, 'connection')),
    ...users.map((u) => entity(u, 'identity')),
  ];
  entities.push(entity(users[5]!, 'identity'), entity(groups[59]!, 'connection')); // duplicates, far apart
  entities.splice(100, 0, entity(users[99]!, 'identity')); // a duplicate listed before its first... row order decides
  entities.push(entity(groups[3]!, 'resource')); // the same id under another type: a different entity
  const relations: string[][] = [];
  for (const user of users) {
    const picked = new Set<number>();
    for (let k = 0; k < 4; k++) picked.add(Math.floor(next() * groups.length));
    for (const g of [...picked].sort((a, b) => a - b))
      relations.push(relation(user, 'identity', groups[g]!, 'connection'));
    if (next() < 0.05) relations.push(relations.at(-1)!); // a repeat right after
  }
  relations.push(relation(users[10]!, 'identity', 'nope', 'connection')); // unknown end
  relations.push(relation(users[11]!, 'identity', groups[3]!, 'identity')); // wrong type
  relations.push(relation(users[0]!, 'identity', relations[0]![3]!, 'connection', 'admin')); // out of order, repeat
  for (let i = 0; i < 300; i++) {
    const copy = relations[Math.floor(next() * 2000)]!;
    relations.push(
      next() < 0.5 ? copy : relation(users[Math.floor(next() * 600)]!, 'identity', `ghost${i % 7}`, 'connection'),
    );
  }
  const entitiesPath = path.join(dir, `entities-${seed}.csv`);
  const relationsPath = path.join(dir, `relations-${seed}.csv`);
  await writeFile(entitiesPath, [ENTITY_COLUMNS, ...entities].map(formatCsvRecord).join(''));
  await writeFile(relationsPath, [RELATION_COLUMNS, ...relations].map(formatCsvRecord).join(''));
  return { entitiesPath, relationsPath };
}

describe('cross-file checks that spill to disk', () => {
  it('give exactly the report of the in-memory checks, with partitions split again', async () => {
    for (const seed of [1, 2, 3]) {
      const paths = await writeFaultyPair(seed);
      const inMemory = await validateCsvFiles(paths, { maxFindingsPerRule: 5000 });
      expect(inMemory.countsByRule['duplicate-relation']).toBeGreaterThan(100);
      expect(inMemory.countsByRule['unknown-relation-end']).toBeGreaterThan(100);
      expect(inMemory.countsByRule['duplicate-entity']).toBe(3);
      for (const memoryLimits of [TINY, PAIRS_SPILL]) {
        const spilled = await validateCsvFiles(paths, { maxFindingsPerRule: 5000, memoryLimits, tempDir: spillDir });
        expect(spilled).toEqual(inMemory);
        expect(await readdir(spillDir)).toEqual([]);
      }
    }
  });

  it('keep the findings on the lowest lines when only a few are kept, whatever order they are found in', async () => {
    const paths = await writeFaultyPair(4);
    const all = await validateCsvFiles(paths, { maxFindingsPerRule: 5000 });
    const capped = await validateCsvFiles(paths, { maxFindingsPerRule: 3, memoryLimits: TINY, tempDir: spillDir });
    for (const rule of ['duplicate-relation', 'unknown-relation-end'] as const) {
      const lowest = all.findings.filter((f) => f.rule === rule).slice(0, 3);
      expect(capped.findings.filter((f) => f.rule === rule)).toEqual(lowest);
      expect(capped.countsByRule[rule]).toBe(all.countsByRule[rule]);
    }
  });

  it('are exact when two Source IDs share a hash: no finding hidden, none invented', async () => {
    const [a, b] = findHashCollision();
    expect(a).not.toBe(b);
    expect(hashString(a)).toBe(hashString(b));
    const entitiesPath = path.join(dir, 'collision-entities.csv');
    const relationsPath = path.join(dir, 'collision-relations.csv');
    await writeFile(
      entitiesPath,
      [ENTITY_COLUMNS, entity(a, 'identity'), entity('00g1', 'connection')].map(formatCsvRecord).join(''),
    );
    await writeFile(
      relationsPath,
      [RELATION_COLUMNS, relation(a, 'identity', '00g1', 'connection'), relation(b, 'identity', '00g1', 'connection')]
        .map(formatCsvRecord)
        .join(''),
    );
    for (const memoryLimits of [undefined, TINY]) {
      const report = await validateCsvFiles({ entitiesPath, relationsPath }, { memoryLimits, tempDir: spillDir });
      expect(report.findings.map(({ rule, line, value }) => ({ rule, line, value }))).toEqual([
        { rule: 'unknown-relation-end', line: 3, value: b },
      ]);
    }
  });

  it('remove the spill folder when the validation is cancelled half-way', async () => {
    const paths = await writeFaultyPair(5);
    const controller = new AbortController();
    const run = validateCsvFiles(paths, {
      memoryLimits: TINY,
      tempDir: spillDir,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'relations') controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ValidationCancelledError);
    expect(await readdir(spillDir)).toEqual([]);
  });
});

/** Two different Okta-like ids with the same 32-bit hash (found by the birthday bound, in a few hundred thousand). */
function findHashCollision(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `00u${i.toString(36).padStart(17, '0')}`;
    const hash = hashString(id);
    const other = seen.get(hash);
    if (other !== undefined) return [other, id];
    seen.set(hash, id);
  }
}

describe('PairKeySet', () => {
  const order = (h1: number, l1: number, h2: number, l2: number) => h1 - h2 || l1 - l2;

  async function repeats(keys: [number, number][], maxInMemory: number) {
    const folder = new SpillFolder(spillDir);
    const set = new PairKeySet(folder, maxInMemory, order);
    const found: [number, number][] = [];
    keys.forEach(([high, low], i) => {
      const first = set.add(high, low, i + 2);
      if (first !== 0) found.push([i + 2, first]);
    });
    await set.finish(({ line, firstLine }) => found.push([line, firstLine]));
    folder.remove();
    return found.sort((x, y) => x[0] - y[0]);
  }

  it('finds repeats in order, out of order, kept in memory or spilled, with the line each repeats', async () => {
    const inOrder: [number, number][] = [
      [1, 1],
      [1, 2],
      [1, 2],
      [2, 1],
      [3, 5],
      [3, 5],
      [3, 5],
    ];
    const outOfOrder: [number, number][] = [
      [1, 1],
      [2, 2],
      [1, 1],
      [0, 9],
      [2, 2],
      [5, 5],
      [0, 9],
    ];
    for (const maxInMemory of [1000, 2]) {
      expect(await repeats(inOrder, maxInMemory)).toEqual([
        [4, 3],
        [7, 6],
        [8, 6],
      ]);
      expect(await repeats(outOfOrder, maxInMemory)).toEqual([
        [4, 2],
        [6, 3],
        [8, 5],
      ]);
    }
  });
});
