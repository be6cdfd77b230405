# As an analyst, with psycopg2: every value arrives in its text form, as a str.
# Connection parameters come from the environment (PGHOST, PGDATABASE, PGUSER, ...).
import psycopg2
import psycopg2.extensions

conn = psycopg2.connect("")
cur = conn.cursor()

# tally as a dict of its four counts: a typecaster for its text form.
def cast_tally(value, cur):
    if value is None:
        return None
    return {name: int(count) for name, count in
            (pair.split("=") for pair in value.split(", "))}

cur.execute("SELECT 'migchain.tally'::regtype::oid")
TALLY = psycopg2.extensions.new_type((cur.fetchone()[0],), "TALLY", cast_tally)
psycopg2.extensions.register_type(TALLY, conn)

cur.execute("""
    SELECT 'terugname en overname'::migchain.request_kind AS kind,
           'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer,
           'Marokko'::migchain.country AS country,
           'GGR?G'::migchain.conditions AS conditions,
           migchain.tally(1, 2, 3, 4) AS tally""")
for column, value in zip(cur.description, cur.fetchone()):
    print(f"{column.name}: {value!r}")

# Strings bound to migchain's types: psycopg2 writes them into the query as
# quoted literals, which PostgreSQL reads with the types' input functions.
cur.execute("""
    SELECT c.year, c.kind, c.country, c.tally
      FROM migchain.period_cube(%s, %s, %s) AS p(cube),
           migchain.request_cube_by_country(p.cube) AS c
     WHERE c.country = %s
     ORDER BY c.year""", (2018, 2019, "laissez-passer", "Marokko"))
for row in cur:
    print(row)
conn.close()
