/*
 * request_cube.c
 *		The type request_cube and the aggregate request_cube(kind, answer,
 *		country, presented): every request counted once into dense counters
 *		indexed by (year presented, kind, country, answer), in one pass,
 *		merged across parallel workers.
 *
 * The domains are tiny (2 kinds, 4 answers, country codes up to
 * MC_COUNTRY_CODE_MAX, a few dozen years), so counting is an array
 * increment per row instead of a hash-table probe per group: the BI
 * overviews cost little more than reading the table.  The aggregate's
 * result is a value of the type request_cube, which only the aggregate and
 * the type's input functions make; request_cube_by_year() and
 * request_cube_by_country() unpack it into rows.
 *
 * A request_cube value (varlena, aligned like a double) holds its cells, one
 * per (year, kind, country) with requests, in strictly increasing order of
 * year, kind and country, each with the count of every answer (none
 * negative, not all zero).
 *
 * Text form: "{(2018,LP,MA,0,5,1,2),(2018,T&O,MA,1,2,0,0)}": per cell the
 * year, kind, country code and the counts pending, positive, negative,
 * withdrawn, in the order above; "{}" for no requests.
 *
 * Binary form (big-endian): int32 number of cells n, then n times int16
 * year, uint8 kind (0 LP, 1 T&O), int16 country code (as country_send()
 * writes it), int64 pending, positive, negative and withdrawn counts.
 *
 * Between parallel workers the aggregate's state travels as a request_cube
 * value.
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "country_parse.h"
#include "cube_io.h"
#include "types.h"
#include "request_cube.h"
#include "request_kind_parse.h"
#include "type_io.h"
#include "year.h"

#define RCUBE_COUNTRIES			(MC_COUNTRY_CODE_MAX + 1)
#define RCUBE_CELLS_PER_KIND	(RCUBE_COUNTRIES * MC_NUM_ANSWERS)
#define RCUBE_CELLS_PER_YEAR	(MC_NUM_KINDS * RCUBE_CELLS_PER_KIND)
#define RCUBE_MAX_CELLS			(MC_NUM_YEARS * MC_NUM_KINDS * RCUBE_COUNTRIES)
#define RCUBE_WIRE_CELL_SIZE	(2 + 1 + 2 + MC_NUM_ANSWERS * 8)

#define RCUBE_TEXT_HINT \
	"A request cube is written as {(year,kind,country,pending,positive,negative,withdrawn), ...} " \
	"with its cells in increasing order of year, kind and country, e.g. {(2018,LP,MA,0,5,1,2)}; " \
	"the aggregate migchain.request_cube() makes them."
/* One cell of a request cube: the requests of a year, kind and country. */
typedef struct RequestCubeCell
{
	int16		year;
	int16		country;
	uint8		kind;
	uint8		pad[3];			/* zero */
	int64		count[MC_NUM_ANSWERS];	/* by answer ordinal */
} RequestCubeCell;

StaticAssertDecl(sizeof(RequestCubeCell) == 40, "a request cube cell must be 40 bytes");

/* A value of the type request_cube. */
typedef struct RequestCube
{
	int32		vl_len_;		/* varlena header */
	int32		ncells;
	RequestCubeCell cells[FLEXIBLE_ARRAY_MEMBER];
} RequestCube;

#define RCUBE_SIZE(n)	(offsetof(RequestCube, cells) + (Size) (n) * sizeof(RequestCubeCell))
#define DatumGetRequestCubeP(d)	((RequestCube *) PG_DETOAST_DATUM(d))
#define PG_GETARG_REQUEST_CUBE_P(n)	DatumGetRequestCubeP(PG_GETARG_DATUM(n))

/* The aggregate's state: dense counters for a range of years. */
struct RequestCubeState
{
	int32		first_year;		/* year of the first block of counters */
	int32		nyears;			/* number of years with counters (0: none) */
	int64	   *cells;			/* nyears * RCUBE_CELLS_PER_YEAR counters */
	MemoryContext context;		/* where cells live */
	MCYearCache year_cache;		/* the year of the last date */
};

/* A new state without counters, in context. */
RequestCubeState *
rcube_state_new(MemoryContext context)
{
	RequestCubeState *st = MemoryContextAllocZero(context, sizeof(RequestCubeState));

	st->context = context;
	MC_YEAR_CACHE_INIT(&st->year_cache);
	return st;
}

/* Make sure the state has counters for year (within the supported range). */
static void
rcube_state_cover_year(RequestCubeState *st, int32 year)
{
	int32		lo,
				hi;
	int64	   *cells;

	if (st->nyears > 0 && year >= st->first_year &&
		year < st->first_year + st->nyears)
		return;
	Assert(mc_year_in_range(year));
	lo = st->nyears > 0 ? Min(year, st->first_year) : year;
	hi = st->nyears > 0 ? Max(year, st->first_year + st->nyears - 1) : year;
	cells = MemoryContextAllocExtended(st->context,
									   (Size) (hi - lo + 1) * RCUBE_CELLS_PER_YEAR * sizeof(int64),
									   MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	if (st->nyears > 0)
	{
		memcpy(cells + (Size) (st->first_year - lo) * RCUBE_CELLS_PER_YEAR,
			   st->cells,
			   (Size) st->nyears * RCUBE_CELLS_PER_YEAR * sizeof(int64));
		pfree(st->cells);
	}
	st->cells = cells;
	st->first_year = lo;
	st->nyears = hi - lo + 1;
}

/* The counters of a year (covered), kind and country. */
static inline int64 *
rcube_state_counts(RequestCubeState *st, int year, int kind, int country)
{
	return st->cells + (Size) (year - st->first_year) * RCUBE_CELLS_PER_YEAR +
		kind * RCUBE_CELLS_PER_KIND + country * MC_NUM_ANSWERS;
}

/* Add count to a counter, with a clear error on overflow. */
static inline void
rcube_add_count(int64 *counter, int64 count)
{
	if (unlikely(pg_add_s64_overflow(*counter, count, counter)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("request count out of range")));
}

/*
 * Add n (which may be negative) to the requests of a year (in the range),
 * kind, country and answer: for the rollup's deltas (request_rollup.c).
 */
void
rcube_state_add(RequestCubeState *st, int32 year, int kind, int country, int answer, int64 n)
{
	Assert(kind >= 0 && kind < MC_NUM_KINDS && answer >= 0 && answer < MC_NUM_ANSWERS &&
		   country > 0 && country <= MC_COUNTRY_CODE_MAX);
	rcube_state_cover_year(st, year);
	rcube_add_count(rcube_state_counts(st, year, kind, country) + answer, n);
}

/*
 * The next cell of a state, from position *pos on (start at 0), whose
 * counts are not all zero: its year, kind, country and counts (by answer
 * ordinal).  False when there is none.
 */
bool
rcube_state_next(RequestCubeState *st, int64 *pos, int32 *year, int *kind, int *country,
				 int64 counts[MC_NUM_ANSWERS])
{
	int64		end = (int64) st->nyears * MC_NUM_KINDS * RCUBE_COUNTRIES;

	for (; *pos < end; (*pos)++)
	{
		int32		y = st->first_year + (int32) (*pos / (MC_NUM_KINDS * RCUBE_COUNTRIES));
		int			k = (int) ((*pos / RCUBE_COUNTRIES) % MC_NUM_KINDS);
		int			c = (int) (*pos % RCUBE_COUNTRIES);
		int64	   *n;

		if (c == 0)
			continue;
		n = rcube_state_counts(st, y, k, c);
		if (n[0] | n[1] | n[2] | n[3])
		{
			*year = y;
			*kind = k;
			*country = c;
			memcpy(counts, n, sizeof(int64) * MC_NUM_ANSWERS);
			(*pos)++;
			return true;
		}
	}
	return false;
}

/* The state's counters as a request_cube value. */
static RequestCube *
rcube_from_state(RequestCubeState *st)
{
	int32		ncells = 0;
	RequestCube *cube;
	int32		y;
	int			k,
				c;

	for (y = 0; y < st->nyears; y++)
		for (k = 0; k < MC_NUM_KINDS; k++)
			for (c = 1; c < RCUBE_COUNTRIES; c++)
			{
				int64	   *n = rcube_state_counts(st, st->first_year + y, k, c);

				if (n[0] | n[1] | n[2] | n[3])
					ncells++;
			}
	cube = palloc0(RCUBE_SIZE(ncells));
	SET_VARSIZE(cube, RCUBE_SIZE(ncells));
	cube->ncells = ncells;
	ncells = 0;
	for (y = 0; y < st->nyears; y++)
		for (k = 0; k < MC_NUM_KINDS; k++)
			for (c = 1; c < RCUBE_COUNTRIES; c++)
			{
				int64	   *n = rcube_state_counts(st, st->first_year + y, k, c);
				RequestCubeCell *cell;

				if (!(n[0] | n[1] | n[2] | n[3]))
					continue;
				cell = &cube->cells[ncells++];
				cell->year = (int16) (st->first_year + y);
				cell->kind = (uint8) k;
				cell->country = (Country) c;
				memcpy(cell->count, n, sizeof(cell->count));
			}
	return cube;
}

/* Add the cells of a cube into a state. */
static void
rcube_add_to_state(RequestCubeState *st, const RequestCube *cube)
{
	int32		i;

	if (cube->ncells == 0)
		return;
	rcube_state_cover_year(st, cube->cells[0].year);
	rcube_state_cover_year(st, cube->cells[cube->ncells - 1].year);
	for (i = 0; i < cube->ncells; i++)
	{
		const RequestCubeCell *cell = &cube->cells[i];
		int64	   *n = rcube_state_counts(st, cell->year, cell->kind, cell->country);
		int			a;

		for (a = 0; a < MC_NUM_ANSWERS; a++)
			rcube_add_count(&n[a], cell->count[a]);
	}
}

/*
 * What is wrong with cell i of a cube's cells (the cells before it are
 * right), or NULL when it is a valid cell.
 */
static const char *
rcube_cell_problem(const char *records, int32 i)
{
	const RequestCubeCell *cell = (const RequestCubeCell *) records + i;
	const RequestCubeCell *prev = i > 0 ? cell - 1 : NULL;
	int			a;

	if (!mc_year_in_range(cell->year))
		return "a cell's year is out of range.";
	if (cell->kind >= MC_NUM_KINDS)
		return "a cell's kind is neither LP nor T&O.";
	if (cell->country <= 0 || country_get(cell->country) == NULL)
		return "a cell's country is not a country.";
	if (cell->count[0] < 0 || cell->count[1] < 0 || cell->count[2] < 0 || cell->count[3] < 0)
		return "a cell has a negative count.";
	if (!(cell->count[0] | cell->count[1] | cell->count[2] | cell->count[3]))
		return "a cell has no requests.";
	for (a = 0; a < 3; a++)
		if (cell->pad[a] != 0)
			return "a cell's padding is not zero.";
	if (prev != NULL &&
		(prev->year > cell->year ||
		 (prev->year == cell->year &&
		  (prev->kind > cell->kind ||
		   (prev->kind == cell->kind && prev->country >= cell->country)))))
		return "the cells are not in strictly increasing order of year, kind and country.";
	return NULL;
}

/* A cell from its text fields: year, kind, country and the four counts. */
static void
rcube_read_text(CubeTextReader *r, char **f, void *record)
{
	RequestCubeCell *cell = record;
	int			a;

	cell->year = (int16) cube_text_year(r, f[0]);
	cell->kind = (uint8) cube_text_kind(r, f[1]);
	cell->country = (Country) cube_text_country(r, f[2]);
	for (a = 0; a < MC_NUM_ANSWERS; a++)
		cell->count[a] = cube_text_count(r, f[3 + a]);
}

/* A cell's text fields. */
static void
rcube_write_text(StringInfo buf, const void *record)
{
	const RequestCubeCell *cell = record;
	const McCountry *country = country_get(cell->country);

	if (country == NULL || request_kind_label(cell->kind) == NULL)
		elog(ERROR, "invalid request_cube cell (kind %d, country %d)",
			 (int) cell->kind, (int) cell->country);
	appendStringInfo(buf, "%d,%s,%s," INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT,
					 cell->year, request_kind_label(cell->kind), country->text,
					 cell->count[0], cell->count[1], cell->count[2], cell->count[3]);
}

/* A cell from its binary form (its length is checked). */
static void
rcube_read_binary(StringInfo buf, void *record)
{
	RequestCubeCell *cell = record;
	int			a;

	cell->year = (int16) pq_getmsgint(buf, 2);
	cell->kind = (uint8) pq_getmsgbyte(buf);
	cell->country = (int16) pq_getmsgint(buf, 2);
	for (a = 0; a < MC_NUM_ANSWERS; a++)
		cell->count[a] = pq_getmsgint64(buf);
}

/* A cell's binary form. */
static void
rcube_write_binary(StringInfo buf, const void *record)
{
	const RequestCubeCell *cell = record;
	int			a;

	pq_sendint16(buf, (uint16) cell->year);
	pq_sendbyte(buf, cell->kind);
	pq_sendint16(buf, (uint16) cell->country);
	for (a = 0; a < MC_NUM_ANSWERS; a++)
		pq_sendint64(buf, cell->count[a]);
}

static const CubeType rcube_type = {
	.typname = "request_cube",
	.hint = RCUBE_TEXT_HINT,
	.record_name = "Cell",
	.nfields = 3 + MC_NUM_ANSWERS,
	.record_size = sizeof(RequestCubeCell),
	.wire_size = RCUBE_WIRE_CELL_SIZE,
	.max_records = RCUBE_MAX_CELLS,
	.read_text = rcube_read_text,
	.write_text = rcube_write_text,
	.read_binary = rcube_read_binary,
	.write_binary = rcube_write_binary,
	.problem = rcube_cell_problem,
};

StaticAssertDecl(offsetof(RequestCube, cells) == sizeof(CubeHeader),
				 "a request cube's cells must follow the cube header");

PG_FUNCTION_INFO_V1(request_cube_in);
/* Text input: the cells in braces, see the head of this file. */
Datum
request_cube_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_in(&rcube_type, PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(request_cube_out);
/* Text output: the cells in braces, see the head of this file. */
Datum
request_cube_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(cube_out(&rcube_type, (CubeHeader *) PG_GETARG_REQUEST_CUBE_P(0)));
}

PG_FUNCTION_INFO_V1(request_cube_recv);
/* Binary input, checked as text input is. */
Datum
request_cube_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(cube_recv(&rcube_type, (StringInfo) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(request_cube_send);
/* Binary output, see the head of this file. */
Datum
request_cube_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(cube_send(&rcube_type, (CubeHeader *) PG_GETARG_REQUEST_CUBE_P(0)));
}

PG_FUNCTION_INFO_V1(request_cube_trans);
/*
 * Transition function: count one request.  Not strict, because the state
 * starts as NULL and is made here; a NULL kind, answer, country or date
 * cannot be placed in any cell, so it is an error rather than a silently
 * dropped request.
 */
Datum
request_cube_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RequestCubeState *st;
	RequestKind kind;
	Answer		answer;
	Country		country;
	int32		year;

	/*
	 * The state is made on the first call, in the aggregate's memory; later
	 * calls get it back (an internal argument cannot come from anywhere
	 * else), so the per-row path skips the context check.
	 */
	if (unlikely(PG_ARGISNULL(0)))
	{
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			elog(ERROR, "request_cube_trans called in non-aggregate context");
		st = rcube_state_new(aggcontext);
	}
	else
		st = (RequestCubeState *) PG_GETARG_POINTER(0);

	if (unlikely(PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("request_cube cannot count a request with a NULL %s",
						PG_ARGISNULL(1) ? "kind" : PG_ARGISNULL(2) ? "answer" :
						PG_ARGISNULL(3) ? "country" : "presentation date"),
				 errhint("Every request has a kind, an answer (pending until one is received), a country and the date it was presented.")));

	kind = PG_GETARG_REQUEST_KIND(1);
	answer = PG_GETARG_ANSWER(2);
	country = PG_GETARG_COUNTRY(3);
	year = mc_year_of(&st->year_cache, PG_GETARG_DATEADT(4));

	if (unlikely(kind >= MC_NUM_KINDS || answer >= MC_NUM_ANSWERS ||
				 country <= 0 || country > MC_COUNTRY_CODE_MAX))
		elog(ERROR, "request_cube: invalid value (kind %d, answer %d, country %d)",
			 (int) kind, (int) answer, (int) country);

	if (unlikely(st->nyears == 0 || year < st->first_year ||
				 year >= st->first_year + st->nyears))
		rcube_state_cover_year(st, year);

	rcube_add_count(rcube_state_counts(st, year, kind, country) + answer, 1);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(request_cube_combine);
/*
 * Combine function: add the second state into the first.  Either may be
 * NULL (a worker that saw no rows).
 */
Datum
request_cube_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RequestCubeState *a;
	RequestCubeState *b;
	int32		y;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "request_cube_combine called in non-aggregate context");

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = (RequestCubeState *) PG_GETARG_POINTER(1);
	a = PG_ARGISNULL(0) ? rcube_state_new(aggcontext) : (RequestCubeState *) PG_GETARG_POINTER(0);

	if (b->nyears == 0)
		PG_RETURN_POINTER(a);
	rcube_state_cover_year(a, b->first_year);
	rcube_state_cover_year(a, b->first_year + b->nyears - 1);
	for (y = 0; y < b->nyears; y++)
	{
		int64	   *dst = a->cells + (Size) (b->first_year + y - a->first_year) * RCUBE_CELLS_PER_YEAR;
		int64	   *src = b->cells + (Size) y * RCUBE_CELLS_PER_YEAR;
		int			i;

		for (i = 0; i < RCUBE_CELLS_PER_YEAR; i++)
			if (src[i] != 0)
				rcube_add_count(&dst[i], src[i]);
	}
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(request_cube_serial);
/* Serialize function, for parallel workers: the state as a request_cube. */
Datum
request_cube_serial(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(rcube_from_state((RequestCubeState *) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(request_cube_deserial);
/* Deserialize function, for parallel workers. */
Datum
request_cube_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RequestCube *cube;
	RequestCubeState *st;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "request_cube_deserial called in non-aggregate context");
	cube = (RequestCube *) PG_GETARG_BYTEA_P(0);
	if (VARSIZE(cube) < RCUBE_SIZE(0) || VARSIZE(cube) != RCUBE_SIZE(cube->ncells))
		elog(ERROR, "invalid request_cube partial state of %u bytes", VARSIZE(cube));
	cube_check_binary(&rcube_type, (CubeHeader *) cube);
	st = rcube_state_new(aggcontext);
	rcube_add_to_state(st, cube);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(request_cube_final);
/* Final function: the counters as a request_cube (no cells for no rows). */
Datum
request_cube_final(PG_FUNCTION_ARGS)
{
	RequestCubeState *st;

	if (PG_ARGISNULL(0))
		st = rcube_state_new(CurrentMemoryContext);
	else
		st = (RequestCubeState *) PG_GETARG_POINTER(0);
	PG_RETURN_POINTER(rcube_from_state(st));
}

/* Emit one row (year, kind[, country], tally) into the SRF's tuplestore. */
static void
rcube_emit(ReturnSetInfo *rsinfo, int32 year, int kind, int country, const int64 *counts)
{
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	Tally	   *t = palloc(sizeof(Tally));
	int			col = 0;

	memcpy(t->count, counts, sizeof(t->count));
	values[col++] = Int32GetDatum(year);
	values[col++] = RequestKindGetDatum((RequestKind) kind);
	if (country > 0)
		values[col++] = CountryGetDatum((Country) country);
	values[col++] = TallyPGetDatum(t);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	pfree(t);
}

PG_FUNCTION_INFO_V1(request_cube_by_year);
/* Rows (year, kind, tally) of a cube, for every year and kind with requests. */
Datum
request_cube_by_year(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RequestCube *cube = PG_GETARG_REQUEST_CUBE_P(0);
	int32		i = 0;

	InitMaterializedSRF(fcinfo, 0);
	while (i < cube->ncells)
	{
		int32		year = cube->cells[i].year;
		int			kind = cube->cells[i].kind;
		int64		sums[MC_NUM_ANSWERS] = {0, 0, 0, 0};

		/* the cells of a year and kind are next to each other */
		for (; i < cube->ncells && cube->cells[i].year == year && cube->cells[i].kind == kind; i++)
		{
			int			a;

			for (a = 0; a < MC_NUM_ANSWERS; a++)
				rcube_add_count(&sums[a], cube->cells[i].count[a]);
		}
		rcube_emit(rsinfo, year, kind, 0, sums);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(request_cube_by_country);
/* Rows (year, kind, country, tally) of a cube, one per cell. */
Datum
request_cube_by_country(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RequestCube *cube = PG_GETARG_REQUEST_CUBE_P(0);
	int32		i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < cube->ncells; i++)
		rcube_emit(rsinfo, cube->cells[i].year, cube->cells[i].kind,
				   cube->cells[i].country, cube->cells[i].count);
	return (Datum) 0;
}
