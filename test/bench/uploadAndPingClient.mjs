// Bench client (own process, so its work never lands on the service's event loop): pings the service every 20 ms
// while it uploads an entities / relations pair through POST /api/upload and has validate.upload check them.
// Usage: node uploadAndPingClient.mjs ORIGIN SECRET ENTITIES.csv RELATIONS.csv  → one JSON line on stdout.
import fs from 'node:fs';

const [origin, secret, entitiesPath, relationsPath] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${secret}` };

async function call(method, params) {
  const response = await fetch(`${origin}/api/call`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, params }),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function upload(file) {
  const response = await fetch(`${origin}/api/upload`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/octet-stream' },
    body: await fs.openAsBlob(file),
  });
  if (response.status !== 200) throw new Error(`upload of ${file}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).uploadId;
}

const pings = [];
let pinging = true;
const pinger = (async () => {
  while (pinging) {
    const started = performance.now();
    await call('app.info', {});
    pings.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();

const started = performance.now();
const [entities, relations] = await Promise.all([upload(entitiesPath), upload(relationsPath)]);
const uploadMs = performance.now() - started;
const report = await call('validate.upload', {
  entities: { name: 'entities.csv', uploadId: entities },
  relations: { name: 'entity-relations.csv', uploadId: relations },
});
const totalMs = performance.now() - started;
pinging = false;
await pinger;
console.log(
  JSON.stringify({
    uploadMs,
    validateMs: totalMs - uploadMs,
    pings: pings.length,
    maxPingMs: Math.max(...pings),
    rows: report.files.relations.rows + report.files.entities.rows,
    errors: report.errorCount,
  }),
);
