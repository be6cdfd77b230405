/*
 * person_cube.c
 *		person_cube(kind, country, person, presented): requests and distinct
 *		persons per year presented and kind, and the persons presented to
 *		more than one country in that year and kind, in one pass, merged
 *		across parallel workers; and country_person_cube(kind, country,
 *		person, presented): requests and distinct persons per year, kind and
 *		country, by the same machinery with the country in the key (see the
 *		end of this file).
 *
 * Counting distinct persons exactly needs every (person, year, kind) seen.
 * While rows come in, the state is an open-addressing hash table of 16-byte
 * entries keyed by them, each holding the first country seen and whether
 * another country followed, beside dense counters of requests, persons and
 * persons of several countries per (year, kind).  A row costs a counter
 * increment and one probe of the table, made a few rows later, once the
 * slot it needs has been fetched into the CPU's cache (waiting for memory is
 * most of the work).  The counters of persons are kept as entries are made,
 * so the result needs no pass over the table.  The table grows at a load
 * factor of 0.7, to twice its size.
 *
 * An entry's home slot is given by the top bits of its hash, so the table
 * holds its entries nearly in the order of their hashes: growing moves them
 * along one front, and a parallel worker sends them sorted by hash after a
 * short insertion sort.  The leader keeps the partial states as sorted
 * arrays and merges each into the first as sorted lists are merged, reading
 * and writing memory in order, rather than rebuilding and merging hash
 * tables.
 *
 * The result is a value of the type person_cube: the counts per year and
 * kind, no person numbers.  person_cube_by_year() unpacks it into rows.  A
 * person_cube value (varlena, aligned like a double) holds one row per
 * (year, kind) with requests, in strictly increasing order of year and
 * kind, each with its requests (> 0), distinct persons (> 0) and persons
 * presented to several countries (>= 0), where persons + several <=
 * requests (a person presented to several countries was presented at least
 * twice).
 *
 * Text form: "{(2018,LP,120,100,3),(2018,T&O,80,75,0)}": per row the year,
 * kind, requests, persons and persons of several countries; "{}" for none.
 *
 * Binary form (big-endian): int32 number of rows n, then n times int16
 * year, uint8 kind (0 LP, 1 T&O), int64 requests, persons and persons of
 * several countries.
 *
 * country_person_cube keys its entries by (person, year, kind, country):
 * its counters are per cell (year, kind, country) rather than per row
 * (year, kind), and "several" stays false.  The two share the table, its
 * seeding, growth, sorting, merging and serialization, and their combine,
 * serialize and deserialize functions (a state says which it is).
 *
 * Partial states, passed between the processes of one parallel query, are
 * a bytea (all integers big-endian):
 *		uint32	magic "MCP2" (person_cube) or "MCC1" (country_person_cube)
 *		uint64	the seed of the hash (every state of a statement has the same)
 *		int32	number of rows n (0 to the number of cells)
 *		n times, cells strictly increasing: int16 year, uint8 kind, int16
 *				country code (0 for person_cube), int64 requests (> 0)
 *		int64	number of entries m
 *		m times: int64 person, int16 year, uint8 kind | several << 1,
 *				int16 code of the (first) country seen;
 *				in strictly increasing order of (pcube_hash(seed, person,
 *				cell), person, year, kind[, country]), so each key at most
 *				once, each with a row for its cell.
 * The persons of a cell are counted from its entries.  Partial states only
 * pass between processes of one server, so the order may follow this
 * file's hash function.
 */
#include "postgres.h"

#include "access/xact.h"
#include "access/xlog.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "country_parse.h"
#include "cube_io.h"
#include "types.h"
#include "request_kind_parse.h"
#include "type_io.h"
#include "year.h"

#define PCUBE_MAGIC			0x4d435032	/* "MCP2" */
#define PCUBE_ROWS			(MC_NUM_YEARS * MC_NUM_KINDS)
#define PCUBE_COUNTRY_MAGIC	0x4d434331	/* "MCC1" */
#define PCUBE_COUNTRY_CELLS	(PCUBE_ROWS * mc_num_countries)
#define PCUBE_STATE_ROW_SIZE	(2 + 1 + 2 + 8)
#define PCUBE_ENTRY_SIZE	(8 + 2 + 1 + 2)
#define PCUBE_WIRE_ROW_SIZE	(2 + 1 + 3 * 8)
/*
 * The entries of a partial state with nrows rows within a value's 1 GB
 * (StringInfo keeps a byte for a NUL).
 */
#define PCUBE_MAX_STATE_ENTRIES(nrows) \
	((int) ((MaxAllocSize - VARHDRSZ - 4 - 8 - 4 - (Size) (nrows) * PCUBE_STATE_ROW_SIZE - 8 - 1) / PCUBE_ENTRY_SIZE))
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

/*
 * The aggregate's state.  Its entries are in a hash table while rows are
 * counted, and a sorted array (sorted) once a partial state has been sent
 * or received.
 */
typedef struct PersonCubeState
{
	MemoryContext context;		/* where the state and its entries live */
	uint64		seed;			/* of the hash: pcube_statement_seed() */
	uint64		probes;			/* slots looked at while adding persons */
	bool		sorted;			/* entries: a sorted array, not a table */
	void	   *table;			/* the allocation entries lie in, or NULL */
	PersonEntry *entries;		/* capacity slots, or nentries sorted */
	uint64		mask;			/* capacity - 1 (a power of two) */
	int			shift;			/* home slot of a hash: hash >> shift */
	uint64		nentries;		/* entries (slots in use) */
	uint64		grow_at;		/* nentries that makes the table grow */
	MCYearCache year_cache;		/* the year of the last date */
	/* the last rows counted, whose persons are added a few rows later */
	int			npending;
	int			oldest_pending;
	PendingRow	pending[PCUBE_PENDING];
	bool		by_country;		/* keyed by country too: country_person_cube */
	int			ncells;			/* counts: PCUBE_ROWS, or PCUBE_COUNTRY_CELLS */
	PersonCounts *counts;		/* by pcube_cell() */
} PersonCubeState;

/* The row of a year and kind in the counters. */
static inline int
pcube_row(int year, int kind)
{
	return (year - MC_MIN_YEAR) * MC_NUM_KINDS + kind;
}

/*
 * The cell of a key in the counters: its row (year, kind) for person_cube;
 * its row and country (by the country's index in the table of countries)
 * for country_person_cube, whose key has the country too.  The hash of a
 * key mixes the person with its cell.
 */
static inline int
pcube_cell(const PersonCubeState *pc, int year, int kind, Country country)
{
	int			row = pcube_row(year, kind);

	if (!pc->by_country)
		return row;
	return row * mc_num_countries + mc_country_index[country];
}

/* Whether entry e has the key (person, year, kind[, country]). */
static inline bool
pcube_same_key(const PersonCubeState *pc, const PersonEntry *e, int64 person, int year,
			   int kind, Country country)
{
	return e->person == person && e->year == year && e->kind == kind &&
		(!pc->by_country || e->country == country);
}

/*
 * The hash of a key: the person mixed with year, kind and the statement's
 * seed, then scrambled by the 64-bit finalizer of MurmurHash3.  Without the
 * seed the hash could be inverted: whoever chooses the person numbers of
 * the data could give many persons one home slot, and make counting them
 * take time quadratic in their number.  The seed is not known before the
 * statement starts, so person numbers cannot be chosen against it.
 */
static inline uint64
pcube_hash(uint64 seed, int64 person, int cell)
{
	uint64		h = ((uint64) person ^ ((uint64) cell << 44)) ^ seed;

	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/* The hash of an entry's key. */
static inline uint64
pcube_entry_hash(const PersonCubeState *pc, const PersonEntry *e)
{
	return pcube_hash(pc->seed, e->person, pcube_cell(pc, e->year, e->kind, e->country));
}

/*
 * The seed of the hash for this statement: the same in every process of a
 * parallel query (workers take the leader's statement start time), which
 * merges partial states in the order of their hashes; another one for
 * every statement, and a third party's data cannot know it: the statement's
 * start time in microseconds, mixed with the cluster's system identifier
 * (random at initdb).
 */
static uint64
pcube_statement_seed(void)
{
	uint64		s = (uint64) GetCurrentStatementStartTimestamp() ^
		(GetSystemIdentifier() * UINT64CONST(0x9e3779b97f4a7c15));

	s ^= s >> 33;
	s *= UINT64CONST(0xff51afd7ed558ccd);
	s ^= s >> 33;
	return s;
}

/* Give the state an empty table of capacity slots (a power of two). */
static void
pcube_alloc_table(PersonCubeState *pc, uint64 capacity)
{
	pc->table = MemoryContextAllocExtended(pc->context,
										   capacity * sizeof(PersonEntry) + PCUBE_ALIGN,
										   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	pc->entries = (PersonEntry *) TYPEALIGN(PCUBE_ALIGN, pc->table);
	pc->sorted = false;
	pc->mask = capacity - 1;
	pc->shift = 64 - pg_leftmost_one_pos64(capacity);
	/* grow at a load factor of 0.7: linear probes stay short */
	pc->grow_at = capacity / 10 * 7;
}

/* The home slot of a hash: its top bits, so slots follow the hashes' order. */
static inline uint64
pcube_home(PersonCubeState *pc, uint64 hash)
{
	return hash >> pc->shift;
}

/* The capacity of a table for n entries, below the load that grows it. */
static uint64
pcube_capacity_for(uint64 n)
{
	uint64		capacity = PCUBE_MIN_CAPACITY;

	while (capacity / 10 * 7 <= n)
		capacity *= 2;
	return capacity;
}

/*
 * A new state without entries, keyed by country too when by_country: its
 * counters are zero.
 */
static PersonCubeState *
pcube_new_empty(MemoryContext context, bool by_country)
{
	PersonCubeState *pc = MemoryContextAllocZero(context, sizeof(PersonCubeState));

	pc->context = context;
	pc->seed = pcube_statement_seed();
	MC_YEAR_CACHE_INIT(&pc->year_cache);
	pc->by_country = by_country;
	pc->ncells = by_country ? PCUBE_COUNTRY_CELLS : PCUBE_ROWS;
	pc->counts = MemoryContextAllocExtended(context, (Size) pc->ncells * sizeof(PersonCounts),
											MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	return pc;
}

/* A new empty state with a table. */
static PersonCubeState *
pcube_new(MemoryContext context, bool by_country)
{
	PersonCubeState *pc = pcube_new_empty(context, by_country);

	pcube_alloc_table(pc, pcube_capacity_for(0));
	return pc;
}

/* A new state in sorted form, with room for capacity entries. */
static PersonCubeState *
pcube_new_sorted(MemoryContext context, bool by_country, uint64 capacity)
{
	PersonCubeState *pc = pcube_new_empty(context, by_country);

	pc->sorted = true;
	if (capacity > 0)
		pc->table = MemoryContextAllocExtended(context, capacity * sizeof(PersonEntry),
											   MCXT_ALLOC_HUGE);
	pc->entries = pc->table;
	return pc;
}

/* Free a state that nothing refers to any more. */
static void
pcube_free(PersonCubeState *pc)
{
	if (pc->table != NULL)
		pfree(pc->table);
	pfree(pc->counts);
	pfree(pc);
}

/*
 * Move the entries to a table of capacity slots (a power of two, larger
 * than the current one).  The old table is read in slot order, which is
 * nearly the order of the new one's slots: the entries are written along
 * the new table, not all over it.
 */
static void
pcube_resize(PersonCubeState *pc, uint64 capacity)
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
		j = pcube_home(pc, pcube_entry_hash(pc, &old[i]));
		while (pc->entries[j].country != 0)
			j = (j + 1) & pc->mask;
		pc->entries[j] = old[i];
	}
	pfree(old_table);
}

/*
 * Record that person was presented to country in year and kind (several:
 * to another country as well): a new entry counts a person; a second
 * country for an entry counts a person of several countries.
 */
static inline void
pcube_add_hashed(PersonCubeState *pc, uint64 hash, int64 person, int year, int kind,
				 Country country, bool several)
{
	PersonCounts *counts = &pc->counts[pcube_cell(pc, year, kind, country)];
	PersonEntry *e;
	uint64		i;

	for (i = pcube_home(pc, hash);; i = (i + 1) & pc->mask)
	{
		e = &pc->entries[i];
		pc->probes++;
		if (e->country == 0)
			break;
		if (pcube_same_key(pc, e, person, year, kind, country))
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
		for (i = pcube_home(pc, hash);; i = (i + 1) & pc->mask)
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
pcube_add(PersonCubeState *pc, int64 person, int year, int kind, Country country, bool several)
{
	pcube_add_hashed(pc, pcube_hash(pc->seed, person, pcube_cell(pc, year, kind, country)),
					 person, year, kind, country, several);
}

/*
 * pcube_add for a row of the transition function, a few rows later.  Each
 * new entry lands in a random slot of a table far larger than the CPU's
 * caches, and waiting for that memory is most of the work; so the slot is
 * asked for at once, and the row is added PCUBE_PENDING rows later, when the
 * slot has arrived.  Whatever reads the table calls pcube_flush() first.
 */
static inline void
pcube_add_later(PersonCubeState *pc, int64 person, int year, int kind, Country country)
{
	uint64		hash = pcube_hash(pc->seed, person, pcube_cell(pc, year, kind, country));
	PendingRow *p;

	pcube_prefetch(&pc->entries[pcube_home(pc, hash)]);
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
pcube_flush(PersonCubeState *pc)
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

/*
 * The order of sorted entries, given their hashes: by hash, then person,
 * year, kind and, for country_person_cube, country (two keys may share a
 * hash).  Negative, 0 or positive as a comes before, with or after b.
 */
static inline int
pcube_cmp(const PersonCubeState *pc, const PersonEntry *a, uint64 ha,
		  const PersonEntry *b, uint64 hb)
{
	if (ha != hb)
		return ha < hb ? -1 : 1;
	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->kind != b->kind || !pc->by_country)
		return (int) a->kind - (int) b->kind;
	return (int) a->country - (int) b->country;
}

/*
 * Resize the allocation of the state's entries to hold n of them, keeping
 * the entries it holds.  Growing a large allocation usually maps more
 * memory after it rather than copying it.
 */
static void
pcube_resize_entries(PersonCubeState *pc, uint64 n)
{
	Size		offset;
	Size		size;

	if (pc->table == NULL)
	{
		pc->table = MemoryContextAllocExtended(pc->context,
											   Max(n, 1) * sizeof(PersonEntry),
											   MCXT_ALLOC_HUGE);
		pc->entries = pc->table;
		return;
	}
	offset = (char *) pc->entries - (char *) pc->table;
	size = offset + Max(n, 1) * sizeof(PersonEntry);
	pc->table = repalloc_huge(pc->table, size);
	pc->entries = (PersonEntry *) ((char *) pc->table + offset);
}

/*
 * Turn the state's table into the sorted array of its entries, in place.
 * Slot order is nearly hash order: an entry sits in its home slot or a few
 * slots after it, except the entries that wrapped around from the end of
 * the table to its start, which belong at the end.  So the entries are
 * moved to the front in slot order, the wrapped ones put last, and an
 * insertion sort moves each entry about as far as it was pushed from its
 * home slot.
 */
static void
pcube_to_sorted(PersonCubeState *pc)
{
	PersonEntry *e = pc->entries;
	PersonEntry *wrapped = NULL;
	uint64		capacity;
	uint64		nwrapped = 0;
	uint64		run;
	uint64		n = 0;
	uint64		s;

	if (pc->sorted)
		return;
	pcube_flush(pc);
	capacity = pc->mask + 1;

	/* the wrapped entries are in the run of full slots at the start */
	for (run = 0; run < capacity && e[run].country != 0; run++)
		;
	if (run > 0)
		wrapped = palloc(run * sizeof(PersonEntry));
	for (s = 0; s < run; s++)
		if (pcube_home(pc, pcube_entry_hash(pc, &e[s])) > s)
			wrapped[nwrapped++] = e[s];
	for (s = 0; s < capacity; s++)
		if (e[s].country != 0 && pcube_home(pc, pcube_entry_hash(pc, &e[s])) <= s)
			e[n++] = e[s];		/* n <= s: nothing unread is overwritten */
	if (nwrapped > 0)
		memcpy(&e[n], wrapped, nwrapped * sizeof(PersonEntry));
	n += nwrapped;
	if (wrapped != NULL)
		pfree(wrapped);
	Assert(n == pc->nentries);

	for (s = 1; s < n; s++)
	{
		PersonEntry x = e[s];
		uint64		hx = pcube_entry_hash(pc, &x);
		uint64		j = s;

		while (j > 0 && pcube_cmp(pc, &e[j - 1], pcube_entry_hash(pc, &e[j - 1]), &x, hx) > 0)
		{
			e[j] = e[j - 1];
			j--;
		}
		e[j] = x;
	}
	pc->sorted = true;
	pc->mask = 0;
	pc->shift = 0;
	pc->grow_at = 0;
	/* give back the empty slots */
	pcube_resize_entries(pc, n);
}

/*
 * Put a sorted state's entries back into a hash table, to count more rows
 * into it (PostgreSQL does not do that with a merged state, but nothing
 * forbids it).
 */
static void
pcube_to_table(PersonCubeState *pc)
{
	void	   *old = pc->table;
	PersonEntry *sorted = pc->entries;
	uint64		n = pc->nentries;
	uint64		i;
	int			r;

	pcube_alloc_table(pc, pcube_capacity_for(n));
	pc->nentries = 0;
	for (r = 0; r < pc->ncells; r++)
	{
		pc->counts[r].persons = 0;
		pc->counts[r].several = 0;
	}
	for (i = 0; i < n; i++)
		pcube_add(pc, sorted[i].person, sorted[i].year, sorted[i].kind,
				  sorted[i].country, sorted[i].several);
	if (old != NULL)
		pfree(old);
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
 * The transition functions of person_cube and country_person_cube: count
 * one request.  Not strict, because the state starts as NULL and is made
 * here; a request with a NULL kind, country, person or date is an error, as
 * in request_cube, rather than a request silently left out of figures that
 * must be exact.
 */
static pg_attribute_always_inline Datum
pcube_trans(FunctionCallInfo fcinfo, bool by_country)
{
	MemoryContext aggcontext;
	PersonCubeState *pc;
	RequestKind kind;
	Country		country;
	int64		person;
	int32		year;

	/* The state is made on the first call (see request_cube_trans). */
	if (unlikely(PG_ARGISNULL(0)))
	{
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			elog(ERROR, "person_cube_trans called in non-aggregate context");
		pc = pcube_new(aggcontext, by_country);
	}
	else
	{
		pc = (PersonCubeState *) PG_GETARG_POINTER(0);
		if (unlikely(pc->sorted))
			pcube_to_table(pc);
	}

	if (unlikely(PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4)))
	{
		const char *what = PG_ARGISNULL(1) ? "kind" : PG_ARGISNULL(2) ? "country" :
			PG_ARGISNULL(3) ? "person" : "presentation date";

		if (by_country)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("country_person_cube cannot count a request with a NULL %s", what),
					 errhint("Every request has a kind, a country, a person and the date it was presented; filter out rows without them.")));
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("person_cube cannot count a request with a NULL %s", what),
				 errhint("Every request has a kind, a country, a person and the date it was presented; filter out rows without them.")));
	}

	kind = PG_GETARG_REQUEST_KIND(1);
	country = PG_GETARG_COUNTRY(2);
	person = PG_GETARG_INT64(3);
	year = mc_year_of(&pc->year_cache, PG_GETARG_DATEADT(4));

	if (unlikely(kind >= MC_NUM_KINDS || country <= 0 || country > MC_COUNTRY_CODE_MAX ||
				 mc_country_index[country] < 0))
		elog(ERROR, "person_cube: invalid value (kind %d, country %d)",
			 (int) kind, (int) country);

	pcube_add_requests(&pc->counts[pcube_cell(pc, year, kind, country)].requests, 1);
	pcube_add_later(pc, person, year, kind, country);

	PG_RETURN_POINTER(pc);
}

PG_FUNCTION_INFO_V1(person_cube_trans);
/* Transition function of person_cube: keyed by (person, year, kind). */
Datum
person_cube_trans(PG_FUNCTION_ARGS)
{
	return pcube_trans(fcinfo, false);
}

PG_FUNCTION_INFO_V1(country_person_cube_trans);
/* Transition function of country_person_cube: keyed by (person, year, kind, country). */
Datum
country_person_cube_trans(PG_FUNCTION_ARGS)
{
	return pcube_trans(fcinfo, true);
}

/*
 * Merge the requests and entries of b into a, both sorted: a's array is
 * made larger, and both arrays are merged from their ends into it, reading
 * and writing memory in order.  An entry in both becomes one, of several
 * countries when either says so or their countries differ; when there were
 * such entries, the merged ones then move to the front.
 */
static void
pcube_merge_sorted(PersonCubeState *a, PersonCubeState *b)
{
	uint64		i = a->nentries;
	uint64		j = b->nentries;
	uint64		k = a->nentries + b->nentries;
	uint64		ha = 0;
	uint64		hb = 0;
	PersonEntry *e;
	int			r;

	if (a->seed != b->seed || a->by_country != b->by_country)
		elog(ERROR, "person_cube cannot merge states of two statements");
	for (r = 0; r < a->ncells; r++)
	{
		pcube_add_requests(&a->counts[r].requests, b->counts[r].requests);
		a->counts[r].persons = 0;
		a->counts[r].several = 0;
	}
	pcube_resize_entries(a, k);
	e = a->entries;
	if (i > 0)
		ha = pcube_entry_hash(a, &e[i - 1]);
	if (j > 0)
		hb = pcube_entry_hash(b, &b->entries[j - 1]);
	while (i > 0 || j > 0)
	{
		PersonEntry out;
		PersonCounts *counts;
		int			c;

		if (i == 0)
			c = -1;
		else if (j == 0)
			c = 1;
		else
			c = pcube_cmp(a, &e[i - 1], ha, &b->entries[j - 1], hb);
		if (c >= 0)
		{
			out = e[i - 1];
			if (c == 0)
			{
				PersonEntry *o = &b->entries[j - 1];

				if (o->several || o->country != out.country)
					out.several = true;
				if (--j > 0)
					hb = pcube_entry_hash(b, &b->entries[j - 1]);
			}
			if (--i > 0)
				ha = pcube_entry_hash(a, &e[i - 1]);
		}
		else
		{
			out = b->entries[j - 1];
			if (--j > 0)
				hb = pcube_entry_hash(b, &b->entries[j - 1]);
		}
		e[--k] = out;			/* k >= i + j: a's unread entries stay */
		counts = &a->counts[pcube_cell(a, out.year, out.kind, out.country)];
		counts->persons++;
		if (out.several)
			counts->several++;
		if ((k & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	a->nentries = a->nentries + b->nentries - k;
	if (k > 0)
		memmove(e, &e[k], a->nentries * sizeof(PersonEntry));
}

PG_FUNCTION_INFO_V1(person_cube_combine);
/*
 * Combine function: merge two states.  Either may be NULL (a worker that
 * saw no rows).  A state deserialized into this aggregate's memory is taken
 * over rather than copied; the second state is merged into the first, and
 * freed when it is this aggregate's, so merging needs little more than the
 * merged state.  (The leader's own partial state, and the bytea of every
 * partial state, stay in memory until the end of the query all the same.)
 */
Datum
person_cube_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	PersonCubeState *a;
	PersonCubeState *b;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "person_cube_combine called in non-aggregate context");

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = (PersonCubeState *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
	{
		if (b->context == aggcontext)
			PG_RETURN_POINTER(b);
		a = pcube_new_sorted(aggcontext, b->by_country, 0);
	}
	else
		a = (PersonCubeState *) PG_GETARG_POINTER(0);

	pcube_to_sorted(a);
	pcube_to_sorted(b);
	pcube_merge_sorted(a, b);
	if (b->context == aggcontext)
		pcube_free(b);
	PG_RETURN_POINTER(a);
}

/* One row of a person_cube value: the counts of a year and kind. */
typedef struct PersonCubeRow
{
	int16		year;
	uint8		kind;
	uint8		pad[5];			/* zero */
	int64		requests;
	int64		persons;
	int64		several;		/* persons presented to several countries */
} PersonCubeRow;

StaticAssertDecl(sizeof(PersonCubeRow) == 32, "a person cube row must be 32 bytes");

/* A value of the type person_cube. */
typedef struct PersonCube
{
	int32		vl_len_;		/* varlena header */
	int32		nrows;
	PersonCubeRow rows[FLEXIBLE_ARRAY_MEMBER];
} PersonCube;

#define PCUBE_SIZE(n)	(offsetof(PersonCube, rows) + (Size) (n) * sizeof(PersonCubeRow))
#define PG_GETARG_PERSON_CUBE_P(n)	((PersonCube *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

#define PCUBE_TEXT_HINT \
	"A person cube is written as {(year,kind,requests,persons,persons_several_countries), ...} " \
	"with its rows in increasing order of year and kind, e.g. {(2018,LP,120,100,3)}; " \
	"the aggregate migchain.person_cube() makes them."
/*
 * Write a state in the partial-state format (see the head of this file);
 * the state is then in sorted form.
 */
static bytea *
pcube_serialize_state(PersonCubeState *pc)
{
	StringInfoData buf;
	int32		nrows = 0;
	uint64		i;
	int			r;

	pcube_to_sorted(pc);
	for (r = 0; r < pc->ncells; r++)
		if (pc->counts[r].requests != 0)
			nrows++;

	/*
	 * A partial state is one value, and a value is at most 1 GB: room for
	 * some 82 million (person, year, kind) of one process.  Say so, rather
	 * than let the allocation fail with an internal error.
	 */
	if (pc->nentries > (uint64) PCUBE_MAX_STATE_ENTRIES(nrows))
	{
		if (pc->by_country)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("country_person_cube cannot pass %llu persons from one parallel worker, at most %d",
							(unsigned long long) pc->nentries, PCUBE_MAX_STATE_ENTRIES(nrows)),
					 errdetail("A parallel worker passes the persons it counted to the leader in one value of at most 1 GB."),
					 errhint("Count without parallel workers (SET max_parallel_workers_per_gather = 0), where the limit is the memory of one process, or count a shorter period.")));
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("person_cube cannot pass %llu persons from one parallel worker, at most %d",
						(unsigned long long) pc->nentries, PCUBE_MAX_STATE_ENTRIES(nrows)),
				 errdetail("A parallel worker passes the persons it counted to the leader in one value of at most 1 GB."),
				 errhint("Count without parallel workers (SET max_parallel_workers_per_gather = 0), where the limit is the memory of one process, or count a shorter period.")));
	}
	pq_begintypsend(&buf);
	/* one allocation of the exact size; it fails beyond 1 GB, a bytea's limit */
	enlargeStringInfo(&buf, 4 + 8 + 4 + nrows * PCUBE_STATE_ROW_SIZE + 8 +
					  (Size) pc->nentries * PCUBE_ENTRY_SIZE);
	pq_writeint32(&buf, pc->by_country ? PCUBE_COUNTRY_MAGIC : PCUBE_MAGIC);
	pq_writeint64(&buf, pc->seed);
	pq_writeint32(&buf, (uint32) nrows);
	for (r = 0; r < pc->ncells; r++)
	{
		int			row = pc->by_country ? r / mc_num_countries : r;

		if (pc->counts[r].requests == 0)
			continue;
		pq_writeint16(&buf, (uint16) (MC_MIN_YEAR + row / MC_NUM_KINDS));
		pq_writeint8(&buf, (uint8) (row % MC_NUM_KINDS));
		pq_writeint16(&buf, (uint16) (pc->by_country ?
									  mc_countries[r % mc_num_countries].code : 0));
		pq_writeint64(&buf, (uint64) pc->counts[r].requests);
	}
	pq_writeint64(&buf, pc->nentries);
	for (i = 0; i < pc->nentries; i++)
	{
		PersonEntry *e = &pc->entries[i];

		pq_writeint64(&buf, (uint64) e->person);
		pq_writeint16(&buf, (uint16) e->year);
		pq_writeint8(&buf, (uint8) (e->kind | (e->several ? 2 : 0)));
		pq_writeint16(&buf, (uint16) e->country);
	}
	return pq_endtypsend(&buf);
}

/* The error for a partial state that is not one: it cannot happen. */
static void
pcube_bad_state(const char *what)
{
	elog(ERROR, "invalid person_cube partial state: %s", what);
}

/*
 * Read a partial state into a new state in context, in sorted form.  Only
 * person_cube_serial() writes them, but everything is checked all the same.
 */
static PersonCubeState *
pcube_deserialize_state(bytea *data, MemoryContext context)
{
	StringInfoData buf;
	PersonCubeState *pc;
	int32		nrows;
	int64		nentries;
	uint64		seed;
	uint32		magic;
	int			last = -1;
	int			i;
	uint64		prev_hash = 0;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (buf.len < 16)
		pcube_bad_state("no magic number");
	magic = (uint32) pq_getmsgint(&buf, 4);
	if (magic != PCUBE_MAGIC && magic != PCUBE_COUNTRY_MAGIC)
		pcube_bad_state("no magic number");
	seed = pq_getmsgint64(&buf);
	nrows = (int32) pq_getmsgint(&buf, 4);
	pc = pcube_new_sorted(context, magic == PCUBE_COUNTRY_MAGIC, 0);
	pc->seed = seed;
	if (nrows < 0 || nrows > pc->ncells ||
		buf.len - buf.cursor < nrows * PCUBE_STATE_ROW_SIZE + 8)
		pcube_bad_state("wrong number of rows");
	for (i = 0; i < nrows; i++)
	{
		int			year = (int16) pq_getmsgint(&buf, 2);
		int			kind = pq_getmsgbyte(&buf);
		int			code = (int16) pq_getmsgint(&buf, 2);
		int64		requests = (int64) pq_getmsgint64(&buf);
		int			cell;

		if (!mc_year_in_range(year) || kind >= MC_NUM_KINDS || requests <= 0 ||
			(pc->by_country ? country_get(code) == NULL : code != 0))
			pcube_bad_state("a row out of bounds");
		cell = pcube_cell(pc, year, kind, (Country) code);
		if (cell <= last)
			pcube_bad_state("rows out of order");
		pc->counts[cell].requests = requests;
		last = cell;
	}
	nentries = (int64) pq_getmsgint64(&buf);
	if (nentries < 0 || (uint64) nentries != (uint64) (buf.len - buf.cursor) / PCUBE_ENTRY_SIZE ||
		(buf.len - buf.cursor) % PCUBE_ENTRY_SIZE != 0)
		pcube_bad_state("wrong number of entries");
	pcube_resize_entries(pc, (uint64) nentries);
	while (buf.cursor < buf.len)
	{
		PersonEntry *e = &pc->entries[pc->nentries];
		int			year;
		int			flags;
		int			code;
		uint64		hash;
		PersonCounts *counts;

		e->person = (int64) pq_getmsgint64(&buf);
		year = (int16) pq_getmsgint(&buf, 2);
		flags = pq_getmsgbyte(&buf);
		code = (int16) pq_getmsgint(&buf, 2);
		if (!mc_year_in_range(year) || flags > 3 || country_get(code) == NULL)
			pcube_bad_state("an entry out of bounds");
		e->year = (int16) year;
		e->kind = (uint8) (flags & 1);
		e->several = (flags & 2) != 0;
		e->country = (Country) code;
		counts = &pc->counts[pcube_cell(pc, e->year, e->kind, e->country)];
		if (counts->requests == 0)
			pcube_bad_state("an entry without a row");
		hash = pcube_entry_hash(pc, e);
		if (pc->nentries > 0 && pcube_cmp(pc, e - 1, prev_hash, e, hash) >= 0)
			pcube_bad_state("entries out of order");
		prev_hash = hash;
		pc->nentries++;
		counts->persons++;
		if (e->several)
			counts->several++;
		if ((pc->nentries & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (i = 0; i < pc->ncells; i++)
		if (pc->counts[i].persons > pc->counts[i].requests ||
			pc->counts[i].several > pc->counts[i].requests - pc->counts[i].persons)
			pcube_bad_state("more persons than requests");
	return pc;
}

PG_FUNCTION_INFO_V1(person_cube_serial);
/* Serialize function, for parallel workers: counts and entries. */
Datum
person_cube_serial(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(pcube_serialize_state((PersonCubeState *) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(person_cube_deserial);
/* Deserialize function, for parallel workers. */
Datum
person_cube_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "person_cube_deserial called in non-aggregate context");
	PG_RETURN_POINTER(pcube_deserialize_state(PG_GETARG_BYTEA_PP(0), aggcontext));
}

PG_FUNCTION_INFO_V1(person_cube_final);
/*
 * Final function: the counts as a person_cube (no rows for no rows).  It
 * adds the rows still pending to the table first, as every reader of the
 * table does: that changes how the state holds its persons, not what it
 * counts, so more rows may be counted into it and the final function may
 * run again (as in a window) with the same result.
 */
Datum
person_cube_final(PG_FUNCTION_ARGS)
{
	PersonCubeState *pc = PG_ARGISNULL(0) ? NULL : (PersonCubeState *) PG_GETARG_POINTER(0);
	PersonCube *cube;
	int32		nrows = 0;
	int			r;

	if (pc != NULL && pc->by_country)
		elog(ERROR, "person_cube_final got the state of another aggregate");
	if (pc != NULL)
	{
		pcube_flush(pc);
		/* how well the hash spread the persons, for tests and tuning */
		elog(DEBUG1, "person_cube: " UINT64_FORMAT " persons, " UINT64_FORMAT " slots looked at",
			 pc->nentries, pc->probes);
		for (r = 0; r < PCUBE_ROWS; r++)
			if (pc->counts[r].requests != 0)
				nrows++;
	}
	cube = palloc0(PCUBE_SIZE(nrows));
	SET_VARSIZE(cube, PCUBE_SIZE(nrows));
	cube->nrows = nrows;
	nrows = 0;
	for (r = 0; pc != NULL && r < PCUBE_ROWS; r++)
	{
		PersonCubeRow *row;

		if (pc->counts[r].requests == 0)
			continue;
		row = &cube->rows[nrows++];
		row->year = (int16) (MC_MIN_YEAR + r / MC_NUM_KINDS);
		row->kind = (uint8) (r % MC_NUM_KINDS);
		row->requests = pc->counts[r].requests;
		row->persons = pc->counts[r].persons;
		row->several = pc->counts[r].several;
	}
	PG_RETURN_POINTER(cube);
}

/*
 * What is wrong with row i of a person cube's rows (the rows before it are
 * right), or NULL when it is a valid row.
 */
static const char *
pcube_row_problem(const char *records, int32 i)
{
	const PersonCubeRow *row = (const PersonCubeRow *) records + i;
	int			a;

	if (!mc_year_in_range(row->year))
		return "a row's year is out of range.";
	if (row->kind >= MC_NUM_KINDS)
		return "a row's kind is neither LP nor T&O.";
	if (row->requests <= 0 || row->persons <= 0 || row->several < 0)
		return "a row has no requests, no persons, or a negative count.";
	if (row->persons > row->requests || row->several > row->requests - row->persons)
		return "a row counts more persons than its requests allow.";
	for (a = 0; a < 5; a++)
		if (row->pad[a] != 0)
			return "a row's padding is not zero.";
	if (i > 0 && pcube_row(row[-1].year, row[-1].kind) >= pcube_row(row->year, row->kind))
		return "the rows are not in strictly increasing order of year and kind.";
	return NULL;
}

/* A row from its text fields: year, kind, requests, persons, several. */
static void
pcube_read_text(CubeTextReader *r, char **f, void *record)
{
	PersonCubeRow *row = record;

	row->year = (int16) cube_text_year(r, f[0]);
	row->kind = (uint8) cube_text_kind(r, f[1]);
	row->requests = cube_text_count(r, f[2]);
	row->persons = cube_text_count(r, f[3]);
	row->several = cube_text_count(r, f[4]);
}

/* A row's text fields. */
static void
pcube_write_text(StringInfo buf, const void *record)
{
	const PersonCubeRow *row = record;

	if (request_kind_label(row->kind) == NULL)
		elog(ERROR, "invalid person_cube row (kind %d)", (int) row->kind);
	appendStringInfo(buf, "%d,%s," INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT,
					 row->year, request_kind_label(row->kind),
					 row->requests, row->persons, row->several);
}

/* A row from its binary form (its length is checked). */
static void
pcube_read_binary(StringInfo buf, void *record)
{
	PersonCubeRow *row = record;

	row->year = (int16) pq_getmsgint(buf, 2);
	row->kind = (uint8) pq_getmsgbyte(buf);
	row->requests = (int64) pq_getmsgint64(buf);
	row->persons = (int64) pq_getmsgint64(buf);
	row->several = (int64) pq_getmsgint64(buf);
}

/* A row's binary form. */
static void
pcube_write_binary(StringInfo buf, const void *record)
{
	const PersonCubeRow *row = record;

	pq_sendint16(buf, (uint16) row->year);
	pq_sendbyte(buf, row->kind);
	pq_sendint64(buf, row->requests);
	pq_sendint64(buf, row->persons);
	pq_sendint64(buf, row->several);
}

static const CubeType pcube_type = {
	.typname = "person_cube",
	.hint = PCUBE_TEXT_HINT,
	.record_name = "Row",
	.nfields = 5,
	.record_size = sizeof(PersonCubeRow),
	.wire_size = PCUBE_WIRE_ROW_SIZE,
	.max_records = PCUBE_ROWS,
	.read_text = pcube_read_text,
	.write_text = pcube_write_text,
	.read_binary = pcube_read_binary,
	.write_binary = pcube_write_binary,
	.problem = pcube_row_problem,
};

StaticAssertDecl(offsetof(PersonCube, rows) == sizeof(CubeHeader),
				 "a person cube's rows must follow the cube header");

PG_FUNCTION_INFO_V1(person_cube_in);
/* Text input: the rows in braces, see the head of this file. */
Datum
person_cube_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_in(&pcube_type, PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(person_cube_out);
/* Text output: the rows in braces, see the head of this file. */
Datum
person_cube_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(cube_out(&pcube_type, (CubeHeader *) PG_GETARG_PERSON_CUBE_P(0)));
}

PG_FUNCTION_INFO_V1(person_cube_recv);
/* Binary input, checked as text input is. */
Datum
person_cube_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_recv(&pcube_type, (StringInfo) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(person_cube_send);
/* Binary output, see the head of this file. */
Datum
person_cube_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(cube_send(&pcube_type, (CubeHeader *) PG_GETARG_PERSON_CUBE_P(0)));
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
	PersonCube *cube = PG_GETARG_PERSON_CUBE_P(0);
	int32		i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < cube->nrows; i++)
	{
		const PersonCubeRow *row = &cube->rows[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = Int32GetDatum(row->year);
		values[1] = RequestKindGetDatum((RequestKind) row->kind);
		values[2] = Int64GetDatum(row->requests);
		values[3] = Int64GetDatum(row->persons);
		values[4] = Int64GetDatum(row->several);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * country_person_cube(kind, country, person, presented): requests and
 * distinct persons per year presented, kind and country, counted by the
 * machinery above with the country in the key of an entry.
 *
 * A country_person_cube value (varlena, aligned like a double) holds one
 * record per (year, kind, country) with requests, in strictly increasing
 * order of year, kind and country code, each with its requests (> 0) and
 * distinct persons (> 0, <= requests).
 *
 * Text form: "{(2018,LP,MA,120,100),(2018,T&O,DZ,80,75)}": per record the
 * year, kind, country, requests and persons; "{}" for none.
 *
 * Binary form (big-endian): int32 number of records n, then n times int16
 * year, uint8 kind, int16 country code (as country_send() writes it), int64
 * requests and persons.
 */
typedef struct CountryPersonRecord
{
	int16		year;
	int16		country;
	uint8		kind;
	uint8		pad[3];			/* zero */
	int64		requests;
	int64		persons;
} CountryPersonRecord;

StaticAssertDecl(sizeof(CountryPersonRecord) == 24, "a country person cube record must be 24 bytes");

typedef struct CountryPersonCube
{
	int32		vl_len_;		/* varlena header */
	int32		nrecords;
	CountryPersonRecord records[FLEXIBLE_ARRAY_MEMBER];
} CountryPersonCube;

StaticAssertDecl(offsetof(CountryPersonCube, records) == sizeof(CubeHeader),
				 "a country person cube's records must follow the cube header");

#define CPCUBE_SIZE(n)	(offsetof(CountryPersonCube, records) + (Size) (n) * sizeof(CountryPersonRecord))
#define CPCUBE_WIRE_SIZE	(2 + 1 + 2 + 2 * 8)
#define CPCUBE_MAX_RECORDS	(PCUBE_ROWS * (MC_COUNTRY_CODE_MAX + 1))
#define PG_GETARG_COUNTRY_PERSON_CUBE_P(n)	((CountryPersonCube *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

#define CPCUBE_TEXT_HINT \
	"A country person cube is written as {(year,kind,country,requests,persons), ...} " \
	"with its records in increasing order of year, kind and country, e.g. {(2018,LP,MA,120,100)}; " \
	"the aggregate migchain.country_person_cube() makes them."

PG_FUNCTION_INFO_V1(country_person_cube_final);
/*
 * Final function of country_person_cube: the counts as a
 * country_person_cube, records in order of year, kind and country code (no
 * records for no rows).  As person_cube_final, it may run again.
 */
Datum
country_person_cube_final(PG_FUNCTION_ARGS)
{
	PersonCubeState *pc = PG_ARGISNULL(0) ? NULL : (PersonCubeState *) PG_GETARG_POINTER(0);
	CountryPersonCube *cube;
	int32		nrecords = 0;
	int			pass;

	if (pc != NULL && !pc->by_country)
		elog(ERROR, "country_person_cube_final got the state of another aggregate");
	if (pc != NULL)
	{
		pcube_flush(pc);
		elog(DEBUG1, "country_person_cube: " UINT64_FORMAT " persons, " UINT64_FORMAT " slots looked at",
			 pc->nentries, pc->probes);
	}
	/* count the records, then fill them */
	cube = NULL;
	for (pass = 0; pass < 2; pass++)
	{
		int32		n = 0;
		int			r;

		if (pass == 1)
		{
			cube = palloc0(CPCUBE_SIZE(nrecords));
			SET_VARSIZE(cube, CPCUBE_SIZE(nrecords));
			cube->nrecords = nrecords;
		}
		for (r = 0; pc != NULL && r < PCUBE_ROWS; r++)
		{
			const PersonCounts *row = &pc->counts[r * mc_num_countries];
			int			code;

			for (code = 1; code <= MC_COUNTRY_CODE_MAX; code++)
			{
				int			idx = mc_country_index[code];
				CountryPersonRecord *rec;

				if (idx < 0 || row[idx].requests == 0)
					continue;
				if (pass == 0)
				{
					n++;
					continue;
				}
				rec = &cube->records[n++];
				rec->year = (int16) (MC_MIN_YEAR + r / MC_NUM_KINDS);
				rec->kind = (uint8) (r % MC_NUM_KINDS);
				rec->country = (int16) code;
				rec->requests = row[idx].requests;
				rec->persons = row[idx].persons;
			}
		}
		nrecords = n;
	}
	PG_RETURN_POINTER(cube);
}

/*
 * What is wrong with record i of a country person cube's records (those
 * before it are right), or NULL when it is a valid record.
 */
static const char *
cpcube_record_problem(const char *records, int32 i)
{
	const CountryPersonRecord *rec = (const CountryPersonRecord *) records + i;
	const CountryPersonRecord *prev = i > 0 ? rec - 1 : NULL;
	int			a;

	if (!mc_year_in_range(rec->year))
		return "a record's year is out of range.";
	if (rec->kind >= MC_NUM_KINDS)
		return "a record's kind is neither LP nor T&O.";
	if (country_get(rec->country) == NULL)
		return "a record's country is not one.";
	if (rec->requests <= 0 || rec->persons <= 0)
		return "a record has no requests or no persons.";
	if (rec->persons > rec->requests)
		return "a record counts more persons than requests.";
	for (a = 0; a < 3; a++)
		if (rec->pad[a] != 0)
			return "a record's padding is not zero.";
	if (prev != NULL &&
		(prev->year > rec->year ||
		 (prev->year == rec->year &&
		  (prev->kind > rec->kind ||
		   (prev->kind == rec->kind && prev->country >= rec->country)))))
		return "the records are not in strictly increasing order of year, kind and country.";
	return NULL;
}

/* A record from its text fields: year, kind, country, requests, persons. */
static void
cpcube_read_text(CubeTextReader *r, char **f, void *record)
{
	CountryPersonRecord *rec = record;

	rec->year = (int16) cube_text_year(r, f[0]);
	rec->kind = (uint8) cube_text_kind(r, f[1]);
	rec->country = (int16) cube_text_country(r, f[2]);
	rec->requests = cube_text_count(r, f[3]);
	rec->persons = cube_text_count(r, f[4]);
}

/* A record's text fields. */
static void
cpcube_write_text(StringInfo buf, const void *record)
{
	const CountryPersonRecord *rec = record;
	const McCountry *country = country_get(rec->country);

	if (country == NULL || request_kind_label(rec->kind) == NULL)
		elog(ERROR, "invalid country_person_cube record (kind %d, country %d)",
			 (int) rec->kind, (int) rec->country);
	appendStringInfo(buf, "%d,%s,%s," INT64_FORMAT "," INT64_FORMAT,
					 rec->year, request_kind_label(rec->kind), country->text,
					 rec->requests, rec->persons);
}

/* A record from its binary form (its length is checked). */
static void
cpcube_read_binary(StringInfo buf, void *record)
{
	CountryPersonRecord *rec = record;

	rec->year = (int16) pq_getmsgint(buf, 2);
	rec->kind = (uint8) pq_getmsgbyte(buf);
	rec->country = (int16) pq_getmsgint(buf, 2);
	rec->requests = (int64) pq_getmsgint64(buf);
	rec->persons = (int64) pq_getmsgint64(buf);
}

/* A record's binary form. */
static void
cpcube_write_binary(StringInfo buf, const void *record)
{
	const CountryPersonRecord *rec = record;

	pq_sendint16(buf, (uint16) rec->year);
	pq_sendbyte(buf, rec->kind);
	pq_sendint16(buf, (uint16) rec->country);
	pq_sendint64(buf, rec->requests);
	pq_sendint64(buf, rec->persons);
}

static const CubeType cpcube_type = {
	.typname = "country_person_cube",
	.hint = CPCUBE_TEXT_HINT,
	.record_name = "Record",
	.nfields = 5,
	.record_size = sizeof(CountryPersonRecord),
	.wire_size = CPCUBE_WIRE_SIZE,
	.max_records = CPCUBE_MAX_RECORDS,
	.read_text = cpcube_read_text,
	.write_text = cpcube_write_text,
	.read_binary = cpcube_read_binary,
	.write_binary = cpcube_write_binary,
	.problem = cpcube_record_problem,
};

PG_FUNCTION_INFO_V1(country_person_cube_in);
/* Text input: the records in braces, see above. */
Datum
country_person_cube_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_in(&cpcube_type, PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(country_person_cube_out);
/* Text output: the records in braces, see above. */
Datum
country_person_cube_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(cube_out(&cpcube_type, (CubeHeader *) PG_GETARG_COUNTRY_PERSON_CUBE_P(0)));
}

PG_FUNCTION_INFO_V1(country_person_cube_recv);
/* Binary input, checked as text input is. */
Datum
country_person_cube_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_recv(&cpcube_type, (StringInfo) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(country_person_cube_send);
/* Binary output, see above. */
Datum
country_person_cube_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(cube_send(&cpcube_type, (CubeHeader *) PG_GETARG_COUNTRY_PERSON_CUBE_P(0)));
}

PG_FUNCTION_INFO_V1(country_person_cube_rows);
/*
 * Rows (year, kind, country, presented, persons) of a country person cube,
 * for every year, kind and country with requests, in that order.
 */
Datum
country_person_cube_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CountryPersonCube *cube = PG_GETARG_COUNTRY_PERSON_CUBE_P(0);
	int32		i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < cube->nrecords; i++)
	{
		const CountryPersonRecord *rec = &cube->records[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = Int32GetDatum(rec->year);
		values[1] = RequestKindGetDatum((RequestKind) rec->kind);
		values[2] = CountryGetDatum((Country) rec->country);
		values[3] = Int64GetDatum(rec->requests);
		values[4] = Int64GetDatum(rec->persons);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
