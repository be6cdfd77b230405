# As a loader, with psycopg2: strings in, through INSERT and COPY.
import io
import psycopg2

conn = psycopg2.connect("")
cur = conn.cursor()

# INSERT: the strings become quoted literals, read by the types' input functions.
cur.execute("""
    INSERT INTO migchain.request (kind, answer, country, presented_on, answered_on, person_id, source)
    VALUES (%s, %s, %s, %s, %s, %s, %s)""",
    ("terugname en overname", "Positief antwoord", "Marokko", "2023-01-10", "2023-02-01",
     9200001, "psycopg2"))

# COPY from CSV text: each field is read by its column's input function.
rows = io.StringIO(
    "LP,bekend gesteld,MAR,2023-03-01,,9200002,psycopg2\n"
    "T&O,no answer,504,2022-01-05,2023-01-05,9200003,psycopg2\n")
cur.copy_expert("""
    COPY migchain.request (kind, answer, country, presented_on, answered_on, person_id, source)
    FROM STDIN (FORMAT csv)""", rows)
conn.commit()

cur.execute("""
    SELECT person_id, kind, answer, country, presented_on FROM migchain.request
     WHERE source = %s ORDER BY person_id""", ("psycopg2",))
for row in cur:
    print(row)
conn.close()
