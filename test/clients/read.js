// As an analyst, with node-postgres (the npm package pg).
// Connection parameters come from the environment (PGHOST, PGDATABASE, PGUSER, ...).
const { Client } = require('pg');

const TYPES = `
  SELECT 'terugname en overname'::migchain.request_kind AS kind,
         'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer,
         'Marokko'::migchain.country AS country,
         'GGR?G'::migchain.conditions AS conditions,
         migchain.tally(1, 2, 3, 4) AS tally`;

async function main() {
  const client = new Client();
  await client.connect();

  // Text, the default: a type pg does not know arrives as a string.
  console.log('text:', (await client.query(TYPES)).rows[0]);
  // binary: true asks for binary results (on the extended protocol: a query
  // with values or a name); pg decodes the bytes of a type it does not know
  // as UTF-8 text, which garbles them, without an error.
  console.log('binary:', (await client.query({ name: 'types', text: TYPES, binary: true })).rows[0]);

  // tally as an object of its four counts: a parser for its text form.
  const tally = (await client.query("SELECT 'migchain.tally'::regtype::oid AS oid")).rows[0].oid;
  client.setTypeParser(tally, 'text', (value) =>
    Object.fromEntries(value.split(', ').map((pair) => pair.split('=')).map(([k, n]) => [k, Number(n)])));

  // Parameters are sent as text with no type: PostgreSQL reads each with the
  // input function of the type the query needs there.
  const res = await client.query(`
    SELECT c.year, c.kind, c.country, c.tally
      FROM migchain.period_cube($1, $2, $3) AS p(cube),
           migchain.request_cube_by_country(p.cube) AS c
     WHERE c.country = $4
     ORDER BY c.year`, [2018, 2019, 'laissez-passer', 'Marokko']);
  for (const row of res.rows) console.log(row);
  await client.end();
}

main().catch((e) => { console.error(e.message); process.exit(1); });
