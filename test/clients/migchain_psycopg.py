"""Loaders for migchain's types in psycopg 3, for text and binary results.

    import migchain_psycopg
    migchain_psycopg.register(conn)

Afterwards, in text and in binary, request_kind reads as 'LP' or 'T&O',
answer as its label, country as its code ('MA', 'XXA', 'YUCS'), conditions
as 'GGR?G' and tally as a dict of its four counts.
"""
import struct

from psycopg.adapt import Loader
from psycopg.pq import Format

KINDS = ("LP", "T&O")
ANSWERS = {
    "nl": ("bekend gesteld", "positief", "negatief", "ingetrokken"),
    "en": ("pending", "positive", "negative", "withdrawn"),
}
LIGHTS = "?GR"
COUNTS = ("pending", "positive", "negative", "withdrawn")


def register(conn, language="nl"):
    """Register the loaders on conn.  In binary an answer is its ordinal,
    which reads as its label in language ("nl" or "en"); in text the server
    writes the label in the language of its setting migchain.language."""
    oids = dict(conn.execute(
        "SELECT typname::text, oid::int FROM pg_catalog.pg_type"
        " WHERE typnamespace = 'migchain'::regnamespace"
        " AND typname IN ('request_kind', 'answer', 'country', 'conditions', 'tally')").fetchall())
    # A country is sent as its stored code (two bytes): map every code to its text form.
    countries = dict(conn.execute(
        "SELECT migchain.country_send(code), code::text FROM migchain.countries()").fetchall())
    answers = ANSWERS[language]

    class KindBinary(Loader):
        format = Format.BINARY

        def load(self, data):
            return KINDS[data[0]]

    class AnswerBinary(Loader):
        format = Format.BINARY

        def load(self, data):
            return answers[data[0]]

    class CountryBinary(Loader):
        format = Format.BINARY

        def load(self, data):
            return countries[bytes(data)]

    class ConditionsBinary(Loader):
        format = Format.BINARY

        def load(self, data):
            bits = int.from_bytes(data, "big")
            return "".join(LIGHTS[(bits >> (8 - 2 * i)) & 3] for i in range(5))

    class TallyBinary(Loader):
        format = Format.BINARY

        def load(self, data):
            return dict(zip(COUNTS, struct.unpack(">4q", data)))

    class TallyText(Loader):
        format = Format.TEXT

        def load(self, data):
            return {name: int(count) for name, count in
                    (pair.split("=") for pair in bytes(data).decode().split(", "))}

    adapters = conn.adapters
    adapters.register_loader(oids["request_kind"], KindBinary)
    adapters.register_loader(oids["answer"], AnswerBinary)
    adapters.register_loader(oids["country"], CountryBinary)
    adapters.register_loader(oids["conditions"], ConditionsBinary)
    adapters.register_loader(oids["tally"], TallyBinary)
    adapters.register_loader(oids["tally"], TallyText)
