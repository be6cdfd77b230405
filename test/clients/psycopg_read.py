# As an analyst, with psycopg 3 (the package psycopg).
# Connection parameters come from the environment (PGHOST, PGDATABASE, PGUSER, ...).
import psycopg

import migchain_psycopg

TYPES = """
    SELECT 'terugname en overname'::migchain.request_kind AS kind,
           'Ingetrokken (Geen antwoord verkregen)'::migchain.answer AS answer,
           'Marokko'::migchain.country AS country,
           'GGR?G'::migchain.conditions AS conditions,
           migchain.tally(1, 2, 3, 4) AS tally"""

with psycopg.connect("") as conn:
    # Text, the default: a type psycopg does not know arrives as a str.
    print("text:", conn.execute(TYPES).fetchone())
    # Binary: without loaders, the bytes of the binary form.
    print("binary:", conn.cursor(binary=True).execute(TYPES).fetchone())

    migchain_psycopg.register(conn)
    print("text, registered:", conn.execute(TYPES).fetchone())
    print("binary, registered:", conn.cursor(binary=True).execute(TYPES).fetchone())

    # Strings bound to migchain's types: psycopg sends a str with no type
    # (OID 0), so PostgreSQL reads it with the parameter's type's input function.
    cur = conn.cursor(binary=True)
    cur.execute("""
        SELECT c.year, c.kind, c.country, c.tally
          FROM migchain.period_cube(%s, %s, %s) AS p(cube),
               migchain.request_cube_by_country(p.cube) AS c
         WHERE c.country = %s
         ORDER BY c.year""", (2018, 2019, "laissez-passer", "Marokko"))
    for row in cur:
        print(row)
