# As a loader, with psycopg 3: strings in, through INSERT and COPY.
import psycopg

with psycopg.connect("") as conn:
    # A load batch for the rows inserted in this transaction (psycopg opens one).
    batch = conn.execute("SELECT migchain.begin_load(%s, %s)",
                         ("case system", "psycopg_load.py")).fetchone()[0]

    # INSERT: each str is sent with no type, read by its column's input function.
    conn.execute("""
        INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
        VALUES (%s, %s, %s, %s, %s, %s)""",
        ("terugname en overname", "Positief antwoord", "Marokko", "2023-01-10", "2023-02-01", 9300001))

    # COPY in text format: every value is written as text and read by its column's input function.
    with conn.cursor().copy("""
            COPY migchain.request (kind, answer, country, presented_on, answered_on, person_id)
            FROM STDIN""") as copy:
        copy.write_row(("LP", "bekend gesteld", "MAR", "2023-03-01", None, 9300002))
        copy.write_row(("T&O", "no answer", "504", "2022-01-05", "2023-01-05", 9300003))

    print("rows in the batch:", conn.execute("SELECT row_count FROM migchain.end_load()").fetchone()[0])
    conn.commit()

    for row in conn.execute("""
            SELECT person_id, kind, answer, country, presented_on FROM migchain.request
             WHERE batch_id = %s ORDER BY person_id""", (batch,)):
        print(row)
