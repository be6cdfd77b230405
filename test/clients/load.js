// As a loader, with node-postgres: strings in, through INSERT.
const { Client } = require('pg');

async function main() {
  const client = new Client();
  await client.connect();
  // A load batch for the rows inserted in this transaction.
  await client.query('BEGIN');
  const begun = await client.query('SELECT migchain.begin_load($1, $2) AS batch', ['case system', 'load.js']);
  const batch = begun.rows[0].batch;
  await client.query(`
    INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
    VALUES ($1, $2, $3, $4, $5, $6)`,
    ['terugname en overname', 'Positief antwoord', 'Marokko', '2023-01-10', '2023-02-01', 9500001]);
  const ended = await client.query('SELECT row_count FROM migchain.end_load()');
  console.log('rows in the batch:', ended.rows[0].row_count);
  await client.query('COMMIT');
  const res = await client.query(`
    SELECT person_id, kind, answer, country, presented_on::text FROM migchain.request
     WHERE batch_id = $1 ORDER BY person_id`, [batch]);
  for (const row of res.rows) console.log(row);
  await client.end();
}

main().catch((e) => { console.error(e.message); process.exit(1); });
