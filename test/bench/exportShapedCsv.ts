// Writes an entities / entity-relations pair shaped like Okta Prep's exports (same columns, quoting, metadata, CRLF,
// rows sorted as the export sorts them) straight to disk, fast: for benchmarks of the validator at any size.
import fs from 'node:fs';

const ENTITIES_HEADER = 'App,Name,Entity Type,Source System,Source ID,Source Type,Metadata Version,Metadata';
const RELATIONS_HEADER =
  'App,Parent Entity Source ID,Parent Entity Type,Entity Source ID,Entity Type,Source System,Metadata Version,Metadata';
const PROJECT = 'https://acme.okta.com';
const MEMBER =
  `"{""project"":""${PROJECT}"",""privilegeName"":""member"",""privilegeValue"":true,` +
  `""connectionType"":""group""}"`;
const ASSIGNED =
  `"{""project"":""${PROJECT}"",""privilegeName"":""assigned"",""privilegeValue"":true,""connectionType"":""group""` +
  `,""priority"":0}"`;

/** Okta-like 20-character ids that sort as their numbers do. */
const oktaId = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(17, '0')}`;

class BatchedFile {
  private readonly fd: number;
  private text = '';
  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }
  line(line: string): void {
    this.text += `${line}\r\n`;
    if (this.text.length > 4 << 20) this.flush();
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
  private flush(): void {
    fs.writeSync(this.fd, this.text);
    this.text = '';
  }
}

export interface ExportShape {
  entities: number;
  relations: number;
}

/** Entities: 2% groups, 0.1% apps, the rest users; relations: each group gets an app, users fill the rest. */
export function writeExportShapedPair(shape: ExportShape, entitiesPath: string, relationsPath: string): void {
  const apps = Math.max(1, Math.floor(shape.entities / 1000));
  const groups = Math.max(1, Math.floor(shape.entities / 50));
  const users = shape.entities - apps - groups;
  const entities = new BatchedFile(entitiesPath);
  entities.line(ENTITIES_HEADER);
  for (let g = 0; g < groups; g++)
    entities.line(
      `okta,Group ${g},connection,okta,${oktaId('00g', g)},group,v1,"{""description"":""Team ${g}"",` +
        `""groupType"":""OKTA_GROUP"",""created"":""2021-03-04 05:06:07 +0000 UTC""}"`,
    );
  for (let u = 0; u < users; u++)
    entities.line(
      `okta,User ${u},identity,okta,${oktaId('00u', u)},user,v1,"{""username"":""user${u}@acme.example"",` +
        `""email"":""user${u}@acme.example"",""status"":""ACTIVE"",""userCreatedDateTime"":""2022-01-02 03:04:05 ` +
        `+0000 UTC""}"`,
    );
  for (let a = 0; a < apps; a++)
    entities.line(`okta,App ${a},resource,okta,${oktaId('0oa', a)},app,v1,"{""appName"":""app${a}""}"`);
  entities.close();

  const relations = new BatchedFile(relationsPath);
  relations.line(RELATIONS_HEADER);
  const groupApps = Math.min(groups, shape.relations);
  for (let g = 0; g < groupApps; g++)
    relations.line(`okta,${oktaId('00g', g)},connection,${oktaId('0oa', g % apps)},resource,okta,v1,${ASSIGNED}`);
  writeMemberships(relations, shape.relations - groupApps, users, groups);
  relations.close();
}

/** Each user in an even share of the memberships, its groups in id order (as the export sorts them). */
function writeMemberships(file: BatchedFile, memberships: number, users: number, groups: number): void {
  const perUser = memberships / users;
  let written = 0;
  for (let u = 0; u < users && written < memberships; u++) {
    const count = Math.min(groups, Math.floor((u + 1) * perUser) - Math.floor(u * perUser), memberships - written);
    const first = (u * 7919) % groups;
    const picked = Array.from({ length: count }, (_, k) => (first + k * 13) % groups).sort((a, b) => a - b);
    const parent = oktaId('00u', u);
    for (const g of new Set(picked)) {
      file.line(`okta,${parent},identity,${oktaId('00g', g)},connection,okta,v1,${MEMBER}`);
      written++;
    }
  }
}
