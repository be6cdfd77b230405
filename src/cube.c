/*
 * cube.c
 *		request_cube(kind, answer, country, presented): every request
 *		counted once into dense counters indexed by (year presented, kind,
 *		country, answer), in one pass, merged across parallel workers.
 *
 * The domains are tiny (2 kinds, 4 answers, country codes up to
 * MC_COUNTRY_CODE_MAX, a few dozen years), so counting is an array
 * increment per row instead of a hash-table probe per group: the BI
 * overviews cost little more than reading the table.  The result is a bytea
 * in the cube wire format below, unpacked into rows by request_cube_by_year()
 * and request_cube_by_country().
 *
 * Wire format (all integers big-endian):
 *		uint32	magic "MCQ1"
 *		int32	first year
 *		int32	number of years
 *		int32	number of non-zero cells n
 *		n times: uint32 cell index (strictly increasing), int64 count (> 0)
 * where cell index = ((year - first year) * 2 + kind) * 1024 * 4
 *					  + country code * 4 + answer ordinal.
 */
#include "postgres.h"

#include "common/int.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "country_parse.h"
#include "migchain.h"

#define CUBE_MAGIC			0x4d435131	/* "MCQ1" */
#define CUBE_COUNTRIES		(MC_COUNTRY_CODE_MAX + 1)
#define CUBE_CELLS_PER_KIND	(CUBE_COUNTRIES * MC_NUM_ANSWERS)
#define CUBE_CELLS_PER_YEAR	(MC_NUM_KINDS * CUBE_CELLS_PER_KIND)
#define CUBE_MIN_YEAR		MC_MIN_YEAR
#define CUBE_MAX_YEAR		MC_MAX_YEAR

/* The aggregate's state: dense counters for a range of years. */
typedef struct RequestCube
{
	int32		first_year;		/* year of the first block of counters */
	int32		nyears;			/* number of years with counters (0: none) */
	int64	   *cells;			/* nyears * CUBE_CELLS_PER_YEAR counters */
	MemoryContext context;		/* where cells live */
	MCYearCache year_cache;		/* the year of the last date */
} RequestCube;

static RequestCube *
cube_new(MemoryContext context)
{
	RequestCube *cube = MemoryContextAllocZero(context, sizeof(RequestCube));

	cube->context = context;
	MC_YEAR_CACHE_INIT(&cube->year_cache);
	return cube;
}

/* Make sure the cube has counters for year (within the supported range). */
static void
cube_cover_year(RequestCube *cube, int32 year)
{
	int32		lo,
				hi;
	int64	   *cells;

	if (cube->nyears > 0 && year >= cube->first_year &&
		year < cube->first_year + cube->nyears)
		return;
	Assert(year >= CUBE_MIN_YEAR && year <= CUBE_MAX_YEAR);	/* mc_year_of() */
	lo = cube->nyears > 0 ? Min(year, cube->first_year) : year;
	hi = cube->nyears > 0 ? Max(year, cube->first_year + cube->nyears - 1) : year;
	cells = MemoryContextAllocHuge(cube->context,
								   (Size) (hi - lo + 1) * CUBE_CELLS_PER_YEAR * sizeof(int64));
	memset(cells, 0, (Size) (hi - lo + 1) * CUBE_CELLS_PER_YEAR * sizeof(int64));
	if (cube->nyears > 0)
	{
		memcpy(cells + (Size) (cube->first_year - lo) * CUBE_CELLS_PER_YEAR,
			   cube->cells,
			   (Size) cube->nyears * CUBE_CELLS_PER_YEAR * sizeof(int64));
		pfree(cube->cells);
	}
	cube->cells = cells;
	cube->first_year = lo;
	cube->nyears = hi - lo + 1;
}

/* Add count to a cell, with a clear error on overflow. */
static inline void
cube_add_cell(int64 *cell, int64 count)
{
	if (unlikely(pg_add_s64_overflow(*cell, count, cell)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("request count out of range")));
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
	RequestCube *cube;
	RequestKind kind;
	Answer		answer;
	Country		country;
	int32		year;
	int64	   *cell;

	/*
	 * The state is made on the first call, in the aggregate's memory; later
	 * calls get it back (an internal argument cannot come from anywhere
	 * else), so the per-row path skips the context check.
	 */
	if (unlikely(PG_ARGISNULL(0)))
	{
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			elog(ERROR, "request_cube_trans called in non-aggregate context");
		cube = cube_new(aggcontext);
	}
	else
		cube = (RequestCube *) PG_GETARG_POINTER(0);

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
	year = mc_year_of(&cube->year_cache, PG_GETARG_DATEADT(4));

	if (unlikely(kind >= MC_NUM_KINDS || answer >= MC_NUM_ANSWERS ||
				 country <= 0 || country > MC_COUNTRY_CODE_MAX))
		elog(ERROR, "request_cube: invalid value (kind %d, answer %d, country %d)",
			 (int) kind, (int) answer, (int) country);

	if (unlikely(cube->nyears == 0 || year < cube->first_year ||
				 year >= cube->first_year + cube->nyears))
		cube_cover_year(cube, year);

	cell = cube->cells + (Size) (year - cube->first_year) * CUBE_CELLS_PER_YEAR +
		kind * CUBE_CELLS_PER_KIND + country * MC_NUM_ANSWERS + answer;
	cube_add_cell(cell, 1);

	PG_RETURN_POINTER(cube);
}

PG_FUNCTION_INFO_V1(request_cube_combine);
/*
 * Combine function: add the second cube into the first.  Either may be
 * NULL (a worker that saw no rows).
 */
Datum
request_cube_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	RequestCube *a;
	RequestCube *b;
	int32		y;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "request_cube_combine called in non-aggregate context");

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = (RequestCube *) PG_GETARG_POINTER(1);
	a = PG_ARGISNULL(0) ? cube_new(aggcontext) : (RequestCube *) PG_GETARG_POINTER(0);

	if (b->nyears == 0)
		PG_RETURN_POINTER(a);
	cube_cover_year(a, b->first_year);
	cube_cover_year(a, b->first_year + b->nyears - 1);
	for (y = 0; y < b->nyears; y++)
	{
		int64	   *dst = a->cells + (Size) (b->first_year + y - a->first_year) * CUBE_CELLS_PER_YEAR;
		int64	   *src = b->cells + (Size) y * CUBE_CELLS_PER_YEAR;
		int			i;

		for (i = 0; i < CUBE_CELLS_PER_YEAR; i++)
			if (src[i] != 0)
				cube_add_cell(&dst[i], src[i]);
	}
	PG_RETURN_POINTER(a);
}

/* Write a cube in the wire format. */
static bytea *
cube_serialize(RequestCube *cube)
{
	StringInfoData buf;
	int32		ncells = 0;
	int			count_pos;
	Size		i,
				n = (Size) cube->nyears * CUBE_CELLS_PER_YEAR;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, CUBE_MAGIC);
	pq_sendint32(&buf, cube->first_year);
	pq_sendint32(&buf, cube->nyears);
	count_pos = buf.len;
	pq_sendint32(&buf, 0);		/* number of cells, filled in below */
	for (i = 0; i < n; i++)
		if (cube->cells[i] != 0)
		{
			pq_sendint32(&buf, (uint32) i);
			pq_sendint64(&buf, cube->cells[i]);
			ncells++;
		}
	ncells = pg_hton32(ncells);
	memcpy(buf.data + count_pos, &ncells, sizeof(int32));
	return pq_endtypsend(&buf);
}

/* The error for a bytea that is not a cube. */
static void
cube_corrupt(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid request cube"),
			 errdetail("%s", detail),
			 errhint("A request cube is the result of the aggregate migchain.request_cube().")));
}

/* Read a cube in the wire format, checking everything. */
static RequestCube *
cube_deserialize(bytea *data, MemoryContext context)
{
	RequestCube *cube = cube_new(context);
	StringInfoData buf;
	int32		first_year,
				nyears,
				ncells,
				i;
	int64		last = -1;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;

	if (buf.len < 16)
		cube_corrupt("The value is too short.");
	if ((uint32) pq_getmsgint(&buf, 4) != CUBE_MAGIC)
		cube_corrupt("The value does not start with the cube's magic number.");
	first_year = pq_getmsgint(&buf, 4);
	nyears = pq_getmsgint(&buf, 4);
	ncells = pq_getmsgint(&buf, 4);
	if (nyears < 0 || (nyears > 0 && (first_year < CUBE_MIN_YEAR ||
									  first_year > CUBE_MAX_YEAR ||
									  nyears > CUBE_MAX_YEAR - first_year + 1)))
		cube_corrupt("The range of years is out of bounds.");
	if (ncells < 0 || (int64) ncells * 12 != buf.len - buf.cursor)
		cube_corrupt("The number of cells does not match the length.");
	if (nyears > 0)
	{
		cube_cover_year(cube, first_year);
		cube_cover_year(cube, first_year + nyears - 1);
	}
	for (i = 0; i < ncells; i++)
	{
		uint32		index = (uint32) pq_getmsgint(&buf, 4);
		int64		count = pq_getmsgint64(&buf);

		if ((int64) index <= last || index >= (uint64) nyears * CUBE_CELLS_PER_YEAR)
			cube_corrupt("A cell index is out of order or out of bounds.");
		if (count <= 0)
			cube_corrupt("A cell count is not positive.");
		if (country_get((int) ((index / MC_NUM_ANSWERS) % CUBE_COUNTRIES)) == NULL)
			cube_corrupt("A cell has no valid country.");
		cube->cells[index] = count;
		last = index;
	}
	return cube;
}

PG_FUNCTION_INFO_V1(request_cube_serial);
/* Serialize function, for parallel workers. */
Datum
request_cube_serial(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(cube_serialize((RequestCube *) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(request_cube_deserial);
/* Deserialize function, for parallel workers. */
Datum
request_cube_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "request_cube_deserial called in non-aggregate context");
	PG_RETURN_POINTER(cube_deserialize(PG_GETARG_BYTEA_PP(0), aggcontext));
}

PG_FUNCTION_INFO_V1(request_cube_final);
/* Final function: the cube in its wire format (an empty cube for no rows). */
Datum
request_cube_final(PG_FUNCTION_ARGS)
{
	RequestCube *cube;

	if (PG_ARGISNULL(0))
		cube = cube_new(CurrentMemoryContext);
	else
		cube = (RequestCube *) PG_GETARG_POINTER(0);
	PG_RETURN_BYTEA_P(cube_serialize(cube));
}

/* Emit one row (year, kind[, country], tally) into the SRF's tuplestore. */
static void
cube_emit(ReturnSetInfo *rsinfo, int32 year, int kind, int country, const int64 *counts)
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
	RequestCube *cube;
	int32		y;
	int			k,
				c,
				a;

	InitMaterializedSRF(fcinfo, 0);
	cube = cube_deserialize(PG_GETARG_BYTEA_PP(0), CurrentMemoryContext);
	for (y = 0; y < cube->nyears; y++)
		for (k = 0; k < MC_NUM_KINDS; k++)
		{
			int64	   *block = cube->cells + (Size) y * CUBE_CELLS_PER_YEAR + k * CUBE_CELLS_PER_KIND;
			int64		sums[MC_NUM_ANSWERS] = {0, 0, 0, 0};
			bool		any = false;

			for (c = 1; c < CUBE_COUNTRIES; c++)
				for (a = 0; a < MC_NUM_ANSWERS; a++)
					if (block[c * MC_NUM_ANSWERS + a] != 0)
					{
						cube_add_cell(&sums[a], block[c * MC_NUM_ANSWERS + a]);
						any = true;
					}
			if (any)
				cube_emit(rsinfo, cube->first_year + y, k, 0, sums);
		}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(request_cube_by_country);
/* Rows (year, kind, country, tally) of a cube, for every non-empty cell. */
Datum
request_cube_by_country(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RequestCube *cube;
	int32		y;
	int			k,
				c;

	InitMaterializedSRF(fcinfo, 0);
	cube = cube_deserialize(PG_GETARG_BYTEA_PP(0), CurrentMemoryContext);
	for (y = 0; y < cube->nyears; y++)
		for (k = 0; k < MC_NUM_KINDS; k++)
			for (c = 1; c < CUBE_COUNTRIES; c++)
			{
				int64	   *counts = cube->cells + (Size) y * CUBE_CELLS_PER_YEAR +
					k * CUBE_CELLS_PER_KIND + c * MC_NUM_ANSWERS;

				if (counts[0] | counts[1] | counts[2] | counts[3])
					cube_emit(rsinfo, cube->first_year + y, k, c, counts);
			}
	return (Datum) 0;
}
