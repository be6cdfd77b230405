/*
 * persons.c
 *		person_cube(kind, country, person, presented): requests and distinct
 *		persons per year presented and kind, and the persons presented to
 *		more than one country in that year and kind, in one pass, merged
 *		across parallel workers.
 *
 * Counting distinct persons exactly needs every (person, year, kind) seen:
 * the state is an open-addressing hash table of 16-byte entries keyed by
 * them, each holding the first country seen and whether another country
 * followed, beside dense counters of requests, persons and persons of
 * several countries per (year, kind).  A row costs a counter increment and
 * one probe of the table, made a few rows later, once the slot it needs has
 * been fetched into the CPU's cache (waiting for memory is most of the
 * work).  The counters of persons are kept as entries are made, so the
 * result needs no pass over the table.  The table grows at a load factor of
 * 0.7, to twice its size.  Parallel workers send their whole table (13
 * bytes per entry); the leader merges the smaller table into the larger.
 *
 * The result is a bytea in the wire format below, with the counts only (no
 * person numbers); person_cube_by_year() unpacks it into rows.  Partial
 * states, passed between parallel processes, use the same format with the
 * entries appended.
 *
 * Wire format (all integers big-endian):
 *		uint32	magic "MCP1"
 *		uint8	form: 0 counts only (the aggregate's result), 1 counts and
 *				entries (a partial state)
 *		int32	number of rows n (0 to 600)
 *		n times, (year, kind) strictly increasing, 27 bytes each:
 *				int16 year (1900 to 2199), uint8 kind (0 LP, 1 T&O),
 *				int64 requests (> 0), int64 persons (> 0),
 *				int64 persons presented to several countries (>= 0),
 *				with persons + several <= requests (a person presented to
 *				several countries was presented at least twice)
 *		form 1 only:
 *		int64	number of entries m
 *		m times, in no particular order, 13 bytes each:
 *				int64 person, int16 year, uint8 kind | several << 1,
 *				int16 code of the first country seen;
 *				each (person, year, kind) once, each with a row for its
 *				(year, kind), and every row's persons and several are the
 *				number of its entries and of those flagged several.
 */
#include "postgres.h"

#include "common/int.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "port/pg_bswap.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "country_parse.h"
#include "migchain.h"
#include "request_kind_parse.h"

#define PCUBE_MAGIC			0x4d435031	/* "MCP1" */
#define PCUBE_FORM_COUNTS	0
#define PCUBE_FORM_STATE	1
#define PCUBE_MIN_YEAR		1900
#define PCUBE_MAX_YEAR		2199
#define PCUBE_ROWS			((PCUBE_MAX_YEAR - PCUBE_MIN_YEAR + 1) * MC_NUM_KINDS)
#define PCUBE_HEADER_SIZE	9	/* magic, form, number of rows */
#define PCUBE_ROW_SIZE		27
#define PCUBE_ENTRY_SIZE	13
#define PCUBE_MIN_CAPACITY	1024
#define PCUBE_ALIGN			64	/* entries start on a cache line */
#define PCUBE_PENDING		16	/* rows whose slot is on its way to the cache */

/* Ask the CPU to bring the memory at p into its cache, where it can. */
#if defined(__GNUC__) || defined(__clang__)
#define pcube_prefetch(p)	__builtin_prefetch(p)
#else
#define pcube_prefetch(p)	((void) (p))
#endif

/*
 * One (person, year, kind) seen.  A slot is empty when its country is 0,
 * never a valid code.
 */
typedef struct PersonEntry
{
	int64		person;
	int16		year;
	Country		country;		/* the first country seen */
	uint8		kind;
	bool		several;		/* another country seen too */
} PersonEntry;

StaticAssertDecl(sizeof(PersonEntry) == 16, "a person entry must be 16 bytes");

/* The counts of one (year, kind). */
typedef struct PersonCounts
{
	int64		requests;
	int64		persons;
	int64		several;
} PersonCounts;

/* A counted request whose person is not in the table yet. */
typedef struct PendingRow
{
	uint64		hash;
	int64		person;
	int16		year;
	Country		country;
	uint8		kind;
} PendingRow;

/* The aggregate's state. */
typedef struct PersonCube
{
	MemoryContext context;		/* where the state and its table live */
	void	   *table;			/* the allocation entries lie in */
	PersonEntry *entries;		/* capacity slots, a power of two */
	uint64		mask;			/* capacity - 1 */
	uint64		nentries;		/* slots in use */
	uint64		grow_at;		/* nentries that makes the table grow */
	/* cache of the last date's year: dates in [lo, hi) are in year */
	DateADT		cache_lo;
	DateADT		cache_hi;
	int32		cache_year;
	/* the last rows counted, whose persons are added a few rows later */
	int			npending;
	int			oldest_pending;
	PendingRow	pending[PCUBE_PENDING];
	PersonCounts counts[PCUBE_ROWS];	/* by pcube_row(year, kind) */
} PersonCube;

/* The row of a year and kind in the counters. */
static inline int
pcube_row(int year, int kind)
{
	return (year - PCUBE_MIN_YEAR) * MC_NUM_KINDS + kind;
}

/*
 * The hash of a key: the person mixed with year and kind, then scrambled by
 * the 64-bit finalizer of MurmurHash3.  Every state uses this one function.
 */
static inline uint64
pcube_hash(int64 person, int year, int kind)
{
	uint64		h = (uint64) person ^ ((uint64) pcube_row(year, kind) << 52);

	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/* Give the state an empty table of capacity slots (a power of two). */
static void
pcube_alloc_table(PersonCube *pc, uint64 capacity)
{
	pc->table = MemoryContextAllocExtended(pc->context,
										   capacity * sizeof(PersonEntry) + PCUBE_ALIGN,
										   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	pc->entries = (PersonEntry *) TYPEALIGN(PCUBE_ALIGN, pc->table);
	pc->mask = capacity - 1;
	/* grow at a load factor of 0.7: linear probes stay short */
	pc->grow_at = capacity / 10 * 7;
}

/* A new empty state with room for about expected entries. */
static PersonCube *
pcube_new(MemoryContext context, uint64 expected)
{
	PersonCube *pc = MemoryContextAllocZero(context, sizeof(PersonCube));
	uint64		capacity = PCUBE_MIN_CAPACITY;

	while (capacity / 10 * 7 <= expected)
		capacity *= 2;
	pc->context = context;
	pc->cache_lo = 1;
	pc->cache_hi = 0;			/* empty cache */
	pcube_alloc_table(pc, capacity);
	return pc;
}

/* Free a state that nothing refers to any more. */
static void
pcube_free(PersonCube *pc)
{
	pfree(pc->table);
	pfree(pc);
}

/*
 * Move the entries to a table of capacity slots (a power of two, larger
 * than the current one).  The old table is read in slot order, so the
 * entries go to a few advancing fronts of the new one, not all over it.
 */
static void
pcube_resize(PersonCube *pc, uint64 capacity)
{
	void	   *old_table = pc->table;
	PersonEntry *old = pc->entries;
	uint64		old_capacity = pc->mask + 1;
	uint64		i;

	pcube_alloc_table(pc, capacity);
	for (i = 0; i < old_capacity; i++)
	{
		uint64		j;

		if (old[i].country == 0)
			continue;
		j = pcube_hash(old[i].person, old[i].year, old[i].kind) & pc->mask;
		while (pc->entries[j].country != 0)
			j = (j + 1) & pc->mask;
		pc->entries[j] = old[i];
	}
	pfree(old_table);
}

/* Make room for more entries, so that the table does not grow meanwhile. */
static void
pcube_reserve(PersonCube *pc, uint64 more)
{
	uint64		capacity = pc->mask + 1;

	while (capacity / 10 * 7 <= pc->nentries + more)
		capacity *= 2;
	if (capacity > pc->mask + 1)
		pcube_resize(pc, capacity);
}

/*
 * Record that person was presented to country in year and kind (several:
 * to another country as well): a new entry counts a person; a second
 * country for an entry counts a person of several countries.
 */
static inline void
pcube_add_hashed(PersonCube *pc, uint64 hash, int64 person, int year, int kind,
				 Country country, bool several)
{
	PersonCounts *counts = &pc->counts[pcube_row(year, kind)];
	PersonEntry *e;
	uint64		i;

	for (i = hash & pc->mask;; i = (i + 1) & pc->mask)
	{
		e = &pc->entries[i];
		if (e->country == 0)
			break;
		if (e->person == person && e->year == year && e->kind == kind)
		{
			if (!e->several && (several || e->country != country))
			{
				e->several = true;
				counts->several++;
			}
			return;
		}
	}
	if (unlikely(pc->nentries >= pc->grow_at))
	{
		pcube_resize(pc, (pc->mask + 1) * 2);
		for (i = hash & pc->mask;; i = (i + 1) & pc->mask)
		{
			e = &pc->entries[i];
			if (e->country == 0)
				break;
		}
	}
	e->person = person;
	e->year = (int16) year;
	e->kind = (uint8) kind;
	e->country = country;
	e->several = several;
	pc->nentries++;
	counts->persons++;
	if (several)
		counts->several++;
}

/* pcube_add_hashed, with the hash computed here. */
static inline void
pcube_add(PersonCube *pc, int64 person, int year, int kind, Country country, bool several)
{
	pcube_add_hashed(pc, pcube_hash(person, year, kind), person, year, kind, country, several);
}

/*
 * pcube_add for a row of the transition function, a few rows later.  Each
 * new entry lands in a random slot of a table far larger than the CPU's
 * caches, and waiting for that memory is most of the work; so the slot is
 * asked for at once, and the row is added PCUBE_PENDING rows later, when the
 * slot has arrived.  Whatever reads the table calls pcube_flush() first.
 */
static inline void
pcube_add_later(PersonCube *pc, int64 person, int year, int kind, Country country)
{
	uint64		hash = pcube_hash(person, year, kind);
	PendingRow *p;

	pcube_prefetch(&pc->entries[hash & pc->mask]);
	if (pc->npending < PCUBE_PENDING)
		p = &pc->pending[pc->npending++];
	else
	{
		p = &pc->pending[pc->oldest_pending];
		pcube_add_hashed(pc, p->hash, p->person, p->year, p->kind, p->country, false);
		pc->oldest_pending = (pc->oldest_pending + 1) % PCUBE_PENDING;
	}
	p->hash = hash;
	p->person = person;
	p->year = (int16) year;
	p->kind = (uint8) kind;
	p->country = country;
}

/* Add the rows still pending to the table. */
static void
pcube_flush(PersonCube *pc)
{
	int			i;

	for (i = 0; i < pc->npending; i++)
	{
		PendingRow *p = &pc->pending[i];

		pcube_add_hashed(pc, p->hash, p->person, p->year, p->kind, p->country, false);
	}
	pc->npending = 0;
	pc->oldest_pending = 0;
}

/* Add count to a count of requests, with a clear error on overflow. */
static inline void
pcube_add_requests(int64 *requests, int64 count)
{
	if (unlikely(pg_add_s64_overflow(*requests, count, requests)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("request count out of range")));
}

/*
 * The year of a date, with a cache for runs of dates in the same year; only
 * years that can be counted are cached, so a hit needs no range check.
 */
static inline int32
pcube_year_of(PersonCube *pc, DateADT d)
{
	int			y,
				m,
				day;

	if (likely(d >= pc->cache_lo && d < pc->cache_hi))
		return pc->cache_year;
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("request presented on an infinite date cannot be counted"),
				 errhint("Give the date the request was presented to the country.")));
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	if (y < PCUBE_MIN_YEAR || y > PCUBE_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("request presented in year %d cannot be counted", y),
				 errhint("Requests are counted for the years %d to %d.",
						 PCUBE_MIN_YEAR, PCUBE_MAX_YEAR)));
	pc->cache_lo = date2j(y, 1, 1) - POSTGRES_EPOCH_JDATE;
	pc->cache_hi = date2j(y + 1, 1, 1) - POSTGRES_EPOCH_JDATE;
	pc->cache_year = y;
	return y;
}

PG_FUNCTION_INFO_V1(person_cube_trans);
/*
 * Transition function: count one request.  Not strict, because the state
 * starts as NULL and is made here; a request with a NULL kind, country,
 * person or date is an error, as in request_cube, rather than a request
 * silently left out of figures that must be exact.
 */
Datum
person_cube_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	PersonCube *pc;
	RequestKind kind;
	Country		country;
	int64		person;
	int32		year;
	int			row;

	/* The state is made on the first call (see request_cube_trans). */
	if (unlikely(PG_ARGISNULL(0)))
	{
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			elog(ERROR, "person_cube_trans called in non-aggregate context");
		pc = pcube_new(aggcontext, 0);
	}
	else
		pc = (PersonCube *) PG_GETARG_POINTER(0);

	if (unlikely(PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("person_cube cannot count a request with a NULL %s",
						PG_ARGISNULL(1) ? "kind" : PG_ARGISNULL(2) ? "country" :
						PG_ARGISNULL(3) ? "person" : "presentation date"),
				 errhint("Every request has a kind, a country, a person and the date it was presented; filter out rows without them.")));

	kind = PG_GETARG_REQUEST_KIND(1);
	country = PG_GETARG_COUNTRY(2);
	person = PG_GETARG_INT64(3);
	year = pcube_year_of(pc, PG_GETARG_DATEADT(4));

	if (unlikely(kind >= MC_NUM_KINDS || country <= 0 || country > MC_COUNTRY_CODE_MAX))
		elog(ERROR, "person_cube: invalid value (kind %d, country %d)",
			 (int) kind, (int) country);

	row = pcube_row(year, kind);
	pcube_add_requests(&pc->counts[row].requests, 1);
	pcube_add_later(pc, person, year, kind, country);

	PG_RETURN_POINTER(pc);
}

/*
 * Merge the requests and entries of b into a.  a first gets room for all of
 * b's entries: b's entries come in b's slot order, which is a's order too
 * (one hash function for all), so the merge runs along a's table instead of
 * jumping about it; but if a filled up on the way, the entries would pile
 * up into ever longer runs of full slots before the table grew.
 */
static void
pcube_merge(PersonCube *a, PersonCube *b)
{
	uint64		i;
	int			r;

	pcube_flush(a);
	pcube_flush(b);
	for (r = 0; r < PCUBE_ROWS; r++)
		if (b->counts[r].requests != 0)
			pcube_add_requests(&a->counts[r].requests, b->counts[r].requests);
	pcube_reserve(a, b->nentries);
	for (i = 0; i <= b->mask; i++)
	{
		PersonEntry *e = &b->entries[i];

		if (e->country != 0)
			pcube_add(a, e->person, e->year, e->kind, e->country, e->several);
		if ((i & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

PG_FUNCTION_INFO_V1(person_cube_combine);
/*
 * Combine function: merge two states.  Either may be NULL (a worker that
 * saw no rows).  A state deserialized into this aggregate's memory is taken
 * over rather than copied, and the smaller table is merged into the larger
 * and then freed, so merging needs little more than the merged table.  (The
 * leader's own partial state, and the bytea of every partial state, stay
 * in memory until the end of the query all the same.)
 */
Datum
person_cube_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	PersonCube *a;
	PersonCube *b;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "person_cube_combine called in non-aggregate context");

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = (PersonCube *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
	{
		if (b->context == aggcontext)
			PG_RETURN_POINTER(b);
		a = pcube_new(aggcontext, b->nentries);
	}
	else
		a = (PersonCube *) PG_GETARG_POINTER(0);

	if (b->context == aggcontext && b->nentries > a->nentries)
	{
		PersonCube *t = a;

		a = b;
		b = t;
	}
	pcube_merge(a, b);
	if (b->context == aggcontext)
		pcube_free(b);
	PG_RETURN_POINTER(a);
}

/* Big-endian writers and readers of the wire format. */
static inline char *
put16(char *p, uint16 v)
{
	v = pg_hton16(v);
	memcpy(p, &v, sizeof(v));
	return p + sizeof(v);
}

static inline char *
put32(char *p, uint32 v)
{
	v = pg_hton32(v);
	memcpy(p, &v, sizeof(v));
	return p + sizeof(v);
}

static inline char *
put64(char *p, uint64 v)
{
	v = pg_hton64(v);
	memcpy(p, &v, sizeof(v));
	return p + sizeof(v);
}

static inline uint16
get16(const char **p)
{
	uint16		v;

	memcpy(&v, *p, sizeof(v));
	*p += sizeof(v);
	return pg_ntoh16(v);
}

static inline uint32
get32(const char **p)
{
	uint32		v;

	memcpy(&v, *p, sizeof(v));
	*p += sizeof(v);
	return pg_ntoh32(v);
}

static inline uint64
get64(const char **p)
{
	uint64		v;

	memcpy(&v, *p, sizeof(v));
	*p += sizeof(v);
	return pg_ntoh64(v);
}

/*
 * Write a state in the wire format: the counts, and with entries the whole
 * table too (form 1, for parallel workers).
 */
static bytea *
pcube_serialize(PersonCube *pc, bool with_entries)
{
	int32		nrows = 0;
	Size		size;
	bytea	   *result;
	char	   *p;
	int			r;

	pcube_flush(pc);
	for (r = 0; r < PCUBE_ROWS; r++)
		if (pc->counts[r].requests != 0)
			nrows++;
	size = PCUBE_HEADER_SIZE + (Size) nrows * PCUBE_ROW_SIZE;
	if (with_entries)
		size += sizeof(int64) + (Size) pc->nentries * PCUBE_ENTRY_SIZE;
	/* palloc refuses more than 1 GB, the limit of a bytea */
	result = (bytea *) palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	p = VARDATA(result);

	p = put32(p, PCUBE_MAGIC);
	*p++ = with_entries ? PCUBE_FORM_STATE : PCUBE_FORM_COUNTS;
	p = put32(p, (uint32) nrows);
	for (r = 0; r < PCUBE_ROWS; r++)
	{
		PersonCounts *c = &pc->counts[r];

		if (c->requests == 0)
			continue;
		p = put16(p, (uint16) (PCUBE_MIN_YEAR + r / MC_NUM_KINDS));
		*p++ = (char) (r % MC_NUM_KINDS);
		p = put64(p, (uint64) c->requests);
		p = put64(p, (uint64) c->persons);
		p = put64(p, (uint64) c->several);
	}
	if (with_entries)
	{
		uint64		i;

		p = put64(p, pc->nentries);
		for (i = 0; i <= pc->mask; i++)
		{
			PersonEntry *e = &pc->entries[i];

			if (e->country == 0)
				continue;
			p = put64(p, (uint64) e->person);
			p = put16(p, (uint16) e->year);
			*p++ = (char) (e->kind | (e->several ? 2 : 0));
			p = put16(p, (uint16) e->country);
		}
	}
	Assert(p == VARDATA(result) + size);
	return result;
}

/* The error for a bytea that is not a person cube. */
static void
pcube_corrupt(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid person cube"),
			 errdetail("%s", detail),
			 errhint("A person cube is the result of the aggregate migchain.person_cube().")));
}

/*
 * Read a person cube in the wire format into a new state in context,
 * checking everything: a user may pass any bytea.  A partial state
 * (need_entries) must carry its entries.
 */
static PersonCube *
pcube_deserialize(bytea *data, MemoryContext context, bool need_entries)
{
	const char *p = VARDATA_ANY(data);
	Size		len = VARSIZE_ANY_EXHDR(data);
	const char *end = p + len;
	PersonCube *pc;
	int			form;
	int32		nrows;
	int			last = -1;
	int			i;
	int64		nentries = 0;
	int64		persons[PCUBE_ROWS];
	int64		several[PCUBE_ROWS];

	if (len < PCUBE_HEADER_SIZE)
		pcube_corrupt("The value is too short.");
	if (get32(&p) != PCUBE_MAGIC)
		pcube_corrupt("The value does not start with the person cube's magic number.");
	form = (uint8) *p++;
	if (form != PCUBE_FORM_COUNTS && form != PCUBE_FORM_STATE)
		pcube_corrupt("The form of the value is neither counts (0) nor a partial state (1).");
	if (need_entries && form != PCUBE_FORM_STATE)
		pcube_corrupt("The value is not a partial state.");
	nrows = (int32) get32(&p);
	if (nrows < 0 || nrows > PCUBE_ROWS ||
		(Size) (end - p) < (Size) nrows * PCUBE_ROW_SIZE + (form == PCUBE_FORM_STATE ? sizeof(int64) : 0))
		pcube_corrupt("The number of rows does not match the length.");
	if (form == PCUBE_FORM_STATE)
	{
		const char *q = p + (Size) nrows * PCUBE_ROW_SIZE;

		nentries = (int64) get64(&q);
		if (nentries < 0 || (uint64) nentries > (Size) (end - q) / PCUBE_ENTRY_SIZE ||
			(Size) nentries * PCUBE_ENTRY_SIZE != (Size) (end - q))
			pcube_corrupt("The number of entries does not match the length.");
	}
	else if ((Size) (end - p) != (Size) nrows * PCUBE_ROW_SIZE)
		pcube_corrupt("The number of rows does not match the length.");

	pc = pcube_new(context, (uint64) nentries);
	memset(persons, 0, sizeof(persons));
	memset(several, 0, sizeof(several));
	for (i = 0; i < nrows; i++)
	{
		int			year = (int16) get16(&p);
		int			kind = (uint8) *p++;
		int64		r_requests = (int64) get64(&p);
		int64		r_persons = (int64) get64(&p);
		int64		r_several = (int64) get64(&p);
		int			row;

		if (year < PCUBE_MIN_YEAR || year > PCUBE_MAX_YEAR || kind >= MC_NUM_KINDS)
			pcube_corrupt("A row's year or kind is out of bounds.");
		row = pcube_row(year, kind);
		if (row <= last)
			pcube_corrupt("The rows are out of order.");
		if (r_requests <= 0 || r_persons <= 0 || r_several < 0 ||
			r_persons > r_requests || r_several > r_requests - r_persons)
			pcube_corrupt("A row counts more persons than its requests allow.");
		pc->counts[row].requests = r_requests;
		persons[row] = r_persons;
		several[row] = r_several;
		last = row;
	}
	if (form == PCUBE_FORM_COUNTS)
	{
		for (i = 0; i < PCUBE_ROWS; i++)
		{
			pc->counts[i].persons = persons[i];
			pc->counts[i].several = several[i];
		}
		return pc;
	}

	p += sizeof(int64);			/* the number of entries, read above */
	while (p < end)
	{
		int64		person = (int64) get64(&p);
		int			year = (int16) get16(&p);
		int			flags = (uint8) *p++;
		int			code = (int16) get16(&p);
		int			kind = flags & 1;
		uint64		before = pc->nentries;

		if (year < PCUBE_MIN_YEAR || year > PCUBE_MAX_YEAR || flags > 3)
			pcube_corrupt("An entry's year or kind is out of bounds.");
		if (pc->counts[pcube_row(year, kind)].requests == 0)
			pcube_corrupt("An entry has no row for its year and kind.");
		if (code <= 0 || code > MC_COUNTRY_CODE_MAX || country_get(code) == NULL)
			pcube_corrupt("An entry has no valid country.");
		pcube_add(pc, person, year, kind, (Country) code, (flags & 2) != 0);
		if (pc->nentries == before)
			pcube_corrupt("An entry appears twice.");
		if ((before & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (i = 0; i < PCUBE_ROWS; i++)
		if (pc->counts[i].persons != persons[i] || pc->counts[i].several != several[i])
			pcube_corrupt("A row's counts of persons do not match its entries.");
	return pc;
}

PG_FUNCTION_INFO_V1(person_cube_serial);
/* Serialize function, for parallel workers: counts and entries. */
Datum
person_cube_serial(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(pcube_serialize((PersonCube *) PG_GETARG_POINTER(0), true));
}

PG_FUNCTION_INFO_V1(person_cube_deserial);
/* Deserialize function, for parallel workers. */
Datum
person_cube_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "person_cube_deserial called in non-aggregate context");
	PG_RETURN_POINTER(pcube_deserialize(PG_GETARG_BYTEA_PP(0), aggcontext, true));
}

PG_FUNCTION_INFO_V1(person_cube_final);
/*
 * Final function: the counts in the wire format, without entries (no
 * person numbers); no rows give a cube without rows.
 */
Datum
person_cube_final(PG_FUNCTION_ARGS)
{
	PersonCube *pc;

	if (PG_ARGISNULL(0))
		pc = palloc0(sizeof(PersonCube));	/* no counts, no table */
	else
		pc = (PersonCube *) PG_GETARG_POINTER(0);
	PG_RETURN_BYTEA_P(pcube_serialize(pc, false));
}

PG_FUNCTION_INFO_V1(person_cube_by_year);
/*
 * Rows (year, kind, presented, persons, persons_several_countries) of a
 * person cube, for every year and kind with requests, in that order.
 */
Datum
person_cube_by_year(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	PersonCube *pc;
	int			r;

	InitMaterializedSRF(fcinfo, 0);
	pc = pcube_deserialize(PG_GETARG_BYTEA_PP(0), CurrentMemoryContext, false);
	for (r = 0; r < PCUBE_ROWS; r++)
	{
		PersonCounts *c = &pc->counts[r];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		if (c->requests == 0)
			continue;
		values[0] = Int32GetDatum(PCUBE_MIN_YEAR + r / MC_NUM_KINDS);
		values[1] = CStringGetTextDatum(request_kind_label(r % MC_NUM_KINDS));
		values[2] = Int64GetDatum(c->requests);
		values[3] = Int64GetDatum(c->persons);
		values[4] = Int64GetDatum(c->several);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
