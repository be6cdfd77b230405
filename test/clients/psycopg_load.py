# As a loader, with psycopg 3: strings in, through INSERT and COPY.
import psycopg

with psycopg.connect("") as conn:
    # INSERT: each str is sent with no type, read by its column's input function.
    conn.execute("""
        INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id, source)
        VALUES (%s, %s, %s, %s, %s, %s, %s)""",
        ("terugname en overname", "Positief antwoord", "Marokko", "2023-01-10", "2023-02-01",
         9300001, "psycopg"))

    # COPY in text format: every value is written as text and read by its column's input function.
    with conn.cursor().copy("""
            COPY migchain.request (kind, answer, country, presented_on, answered_on, person_id, source)
            FROM STDIN""") as copy:
        copy.write_row(("LP", "bekend gesteld", "MAR", "2023-03-01", None, 9300002, "psycopg"))
        copy.write_row(("T&O", "no answer", "504", "2022-01-05", "2023-01-05", 9300003, "psycopg"))
    conn.commit()

    for row in conn.execute("""
            SELECT person_id, kind, answer, country, presented_on FROM migchain.request
             WHERE source = %s ORDER BY person_id""", ("psycopg",)):
        print(row)
