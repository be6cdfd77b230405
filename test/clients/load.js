// As a loader, with node-postgres: strings in, through INSERT.
const { Client } = require('pg');

async function main() {
  const client = new Client();
  await client.connect();
  await client.query(`
    INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id, source)
    VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    ['terugname en overname', 'Positief antwoord', 'Marokko', '2023-01-10', '2023-02-01', 9500001, 'node-postgres']);
  const res = await client.query(`
    SELECT person_id, kind, answer, country, presented_on::text FROM migchain.request
     WHERE source = $1 ORDER BY person_id`, ['node-postgres']);
  for (const row of res.rows) console.log(row);
  await client.end();
}

main().catch((e) => { console.error(e.message); process.exit(1); });
