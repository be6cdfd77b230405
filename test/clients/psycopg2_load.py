# As a loader, with psycopg2: strings in, through INSERT and COPY.
import io
import psycopg2

conn = psycopg2.connect("")
cur = conn.cursor()

# A load batch for the rows inserted in this transaction (psycopg2 opens one).
cur.execute("SELECT migchain.begin_load(%s, %s)", ("case system", "psycopg2_load.py"))
batch = cur.fetchone()[0]

# INSERT: the strings become quoted literals, read by the types' input functions.
cur.execute("""
    INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id)
    VALUES (%s, %s, %s, %s, %s, %s)""",
    ("terugname en overname", "Positief antwoord", "Marokko", "2023-01-10", "2023-02-01", 9200001))

# COPY from CSV text: each field is read by its column's input function.
rows = io.StringIO(
    "LP,bekend gesteld,MAR,2023-03-01,,9200002\n"
    "T&O,no answer,504,2022-01-05,2023-01-05,9200003\n")
cur.copy_expert("""
    COPY migchain.request (kind, answer, country, presented_on, answered_on, person_id)
    FROM STDIN (FORMAT csv)""", rows)

cur.execute("SELECT row_count FROM migchain.end_load()")
print("rows in the batch:", cur.fetchone()[0])
conn.commit()

cur.execute("""
    SELECT person_id, kind, answer, country, presented_on FROM migchain.request
     WHERE batch_id = %s ORDER BY person_id""", (batch,))
for row in cur:
    print(row)
conn.close()
