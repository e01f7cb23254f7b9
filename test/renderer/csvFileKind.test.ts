// Unit tests for telling the entities CSV from the relations CSV by header row, then by file name.
import { describe, expect, it } from 'vitest';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../shared/balkanid/columns';
import { classifyUploads, kindFromFileName, kindFromHeader } from '../../renderer/src/features/validate/csvFileKind';

const entitiesHeader = `${ENTITY_COLUMNS.join(',')}\r\nokta,Ada,identity,okta,00u1,user,v1,{}\r\n`;
const relationsHeader = `\uFEFF${RELATION_COLUMNS.join(',')}\r\n`;

describe('kindFromHeader', () => {
  it('recognises both headers, with or without a BOM', () => {
    expect(kindFromHeader(entitiesHeader)).toBe('entities');
    expect(kindFromHeader(relationsHeader)).toBe('relations');
  });

  it('gives up on a header that is neither', () => {
    expect(kindFromHeader('a,b,c\n1,2,3')).toBeNull();
  });
});

describe('kindFromFileName', () => {
  it('reads the usual file names', () => {
    expect(kindFromFileName('entity-relations.csv')).toBe('relations');
    expect(kindFromFileName('Entities (2).csv')).toBe('entities');
    expect(kindFromFileName('export.csv')).toBeNull();
  });
});

describe('classifyUploads', () => {
  it('trusts the header over a misleading file name', () => {
    const result = classifyUploads([
      { name: 'relations.csv', head: entitiesHeader },
      { name: 'entities.csv', head: relationsHeader },
    ]);
    expect(result.entities?.name).toBe('relations.csv');
    expect(result.relations?.name).toBe('entities.csv');
  });

  it('falls back to the file name when the header is broken', () => {
    const result = classifyUploads([{ name: 'entity-relations.csv', head: 'Parent,Child\n' }]);
    expect(result.relations?.name).toBe('entity-relations.csv');
    expect(result.entities).toBeUndefined();
  });

  it('fills free slots with undecided files and reports extras', () => {
    const result = classifyUploads([
      { name: 'one.csv', head: 'x\n' },
      { name: 'two.csv', head: entitiesHeader },
      { name: 'three.csv', head: 'y\n' },
    ]);
    expect(result.entities?.name).toBe('two.csv');
    expect(result.relations?.name).toBe('one.csv');
    expect(result.ignored.map((file) => file.name)).toEqual(['three.csv']);
  });
});
