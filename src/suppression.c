/*
 * suppression.c
 *		Secondary suppression of one block of the workbook: see suppression.h.
 */
#include "suppression.h"

#include <stddef.h>
#include <stdlib.h>

/* The cells of a row in the order of the bits: n, w, t, p. */
#define NCELLS 4
/* A row's "certified" bits (the cell is part of a chosen move) sit above
 * its hidden bits while the block is worked on. */
#define CERTIFIED(bit) ((uint8_t) ((bit) << 4))

/*
 * The changes two rows can trade, per unit, over (n, w, t, p): each keeps
 * t = n + w.  One row takes the pattern times +base, the other times -base,
 * so the column totals stay.
 */
static const int patterns[][NCELLS] = {
	{1, -1, 0, 0},				/* negative for withdrawn */
	{1, 0, 1, 0},				/* negative and not confirmed */
	{0, 1, 1, 0},				/* withdrawn and not confirmed */
	{1, 0, 1, 1},				/* negative, not confirmed, presented */
	{0, 1, 1, 1},				/* withdrawn, not confirmed, presented */
	{0, 0, 0, 1},				/* presented alone */
};
#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

/* The values of row r, in the order of the bits. */
static void
row_values(int r, const int64_t *n, const int64_t *w, const int64_t *p, int64_t v[NCELLS])
{
	v[0] = n[r];
	v[1] = w[r];
	v[2] = n[r] + w[r];
	v[3] = p[r];
}

/* Whether 1 <= x < threshold: a count that is never shown. */
static bool
is_small(int64_t x, int64_t threshold)
{
	return x >= 1 && x < threshold;
}

/*
 * How much of a pattern a row can take in the direction given (sign * the
 * pattern per unit, up to limit units) and stay valid: every count >= 0,
 * presented >= 1 (a country is listed because it has requests) and t <= p.
 */
static int64_t
row_capacity(const int64_t v[NCELLS], const int *pattern, int sign, int64_t limit)
{
	int64_t		cap = limit;
	int			slope;
	int			j;

	for (j = 0; j < NCELLS; j++)
	{
		/* a listed country has presented at least one request */
		int64_t		floor = (j == 3) ? 1 : 0;

		if (sign * pattern[j] < 0 && v[j] - floor < cap)
			cap = v[j] - floor;
	}
	/* t - p changes by sign * (pattern t - pattern p) per unit */
	slope = sign * (pattern[2] - pattern[3]);
	if (slope > 0 && (v[3] - v[2]) / slope < cap)
		cap = (v[3] - v[2]) / slope;
	return cap < 0 ? 0 : cap;
}

/* What hiding the cells a pattern touches in a row costs: the sum of those
 * not hidden yet, and how many they are. */
static void
row_move_cost(const int64_t v[NCELLS], uint8_t mask, const int *pattern,
			  uint64_t *cost, int *cells)
{
	int			j;

	for (j = 0; j < NCELLS; j++)
	{
		if (pattern[j] != 0 && !(mask & (1 << j)))
		{
			*cost += (uint64_t) v[j];
			(*cells)++;
		}
	}
}

/* Hide the cells a pattern touches in a row, certified when they move by
 * the whole base. */
static void
row_move_apply(uint8_t *mask, const int *pattern, bool certified)
{
	int			j;

	for (j = 0; j < NCELLS; j++)
		if (pattern[j] != 0)
			*mask |= (uint8_t) ((1 << j) | (certified ? CERTIFIED(1 << j) : 0));
}

/* A row that can take part of a move: its number, what it can take, and
 * what hiding its cells costs. */
typedef struct Partner
{
	int			row;
	int64_t		capacity;
	uint64_t	cost;
	int			cells;
} Partner;

/* qsort order of partners: cheaper first, then able to take more, then
 * the first row. */
static int
partner_cmp(const void *pa, const void *pb)
{
	const Partner *a = pa;
	const Partner *b = pb;

	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	if (a->capacity != b->capacity)
		return a->capacity > b->capacity ? -1 : 1;
	return (a->row > b->row) - (a->row < b->row);
}

/*
 * The partners for row r moving by sign * base * pattern: the other rows,
 * best first, that together take the opposite move, each what it can.
 * Fills partners (room for m) and returns how many are used, or 0 when all
 * of them together cannot take base; adds their cost.
 */
static int
choose_partners(int m, const int64_t *n, const int64_t *w, const int64_t *p,
				const uint8_t *row_mask, int r, const int *pattern, int sign,
				int64_t base, Partner *partners, uint64_t *cost, int *cells)
{
	int			count = 0,
				e,
				i;
	int64_t		taken = 0;

	for (e = 0; e < m; e++)
	{
		int64_t		v[NCELLS];
		Partner		cand;

		if (e == r)
			continue;
		row_values(e, n, w, p, v);
		cand.row = e;
		cand.capacity = row_capacity(v, pattern, -sign, base);
		if (cand.capacity <= 0)
			continue;
		cand.cost = 0;
		cand.cells = 0;
		row_move_cost(v, row_mask[e], pattern, &cand.cost, &cand.cells);
		partners[count++] = cand;
	}
	qsort(partners, count, sizeof(Partner), partner_cmp);
	for (i = 0; i < count && taken < base; i++)
	{
		taken += partners[i].capacity;
		*cost += partners[i].cost;
		*cells += partners[i].cells;
	}
	return taken >= base ? i : 0;
}

/*
 * Find the cheapest move that changes cell j of row r by base, the other
 * rows taking the opposite change, and apply it; false when there is none.
 * Cheapest: the smallest sum of the counts it hides anew, then the fewest
 * cells; ties go to the first pattern and direction, so the result depends
 * on the block alone.  The partners' cells are hidden; those that move by
 * less than base still need a move of their own.
 */
static bool
certify_by_rows(int m, const int64_t *n, const int64_t *w, const int64_t *p,
				int64_t base, uint8_t *row_mask, int r, int j, Partner *partners,
				Partner *best_partners)
{
	int64_t		vr[NCELLS];
	bool		found = false;
	uint64_t	best_cost = 0;
	int			best_cells = 0,
				best_used = 0;
	size_t		best_k = 0;
	int			sign,
				i;
	size_t		k;

	row_values(r, n, w, p, vr);
	for (k = 0; k < NPATTERNS; k++)
	{
		if (patterns[k][j] == 0)
			continue;
		for (sign = 1; sign >= -1; sign -= 2)
		{
			uint64_t	cost = 0;
			int			cells = 0,
						used;

			if (row_capacity(vr, patterns[k], sign, base) < base)
				continue;
			row_move_cost(vr, row_mask[r], patterns[k], &cost, &cells);
			used = choose_partners(m, n, w, p, row_mask, r, patterns[k], sign, base,
								   partners, &cost, &cells);
			if (used == 0)
				continue;
			if (!found || cost < best_cost || (cost == best_cost && cells < best_cells))
			{
				found = true;
				best_cost = cost;
				best_cells = cells;
				best_k = k;
				best_used = used;
				for (i = 0; i < used; i++)
					best_partners[i] = partners[i];
			}
		}
	}
	if (!found)
		return false;
	row_move_apply(&row_mask[r], patterns[best_k], true);
	for (i = 0; i < best_used; i++)
		row_move_apply(&row_mask[best_partners[i].row], patterns[best_k],
					   best_partners[i].capacity >= base && best_used == 1);
	return true;
}

/*
 * Hide the presented total and one country's presented (one already hidden
 * if any, else the smallest): positive or pending, the presented total and
 * that country's presented can then all grow by base together.
 */
static void
certify_by_presented(int m, const int64_t *p, uint8_t *row_mask, uint8_t *total_mask)
{
	int			r,
				pick = -1;

	for (r = 0; r < m && pick < 0; r++)
		if (row_mask[r] & SUP_P)
			pick = r;
	for (r = 0; r < m; r++)
		if (!(pick >= 0 && (row_mask[pick] & SUP_P)) && p[r] > 0 &&
			(pick < 0 || p[r] < p[pick]))
			pick = r;
	*total_mask |= SUP_TOTAL_P;
	if (pick >= 0)
		row_mask[pick] |= (uint8_t) (SUP_P | CERTIFIED(SUP_P));
}

/* Hide every cell of the block that is not 0. */
static void
hide_all(int m, const int64_t *n, const int64_t *w, const int64_t *p,
		 int64_t positive, int64_t pending, uint8_t *row_mask, uint8_t *total_mask)
{
	int64_t		total_n = 0,
				total_w = 0,
				total_p = 0;
	int			r;

	for (r = 0; r < m; r++)
	{
		row_mask[r] = 0;
		if (n[r] > 0)
			row_mask[r] |= SUP_N;
		if (w[r] > 0)
			row_mask[r] |= SUP_W;
		if (n[r] + w[r] > 0)
			row_mask[r] |= SUP_T;
		if (p[r] > 0)
			row_mask[r] |= SUP_P;
		total_n += n[r];
		total_w += w[r];
		total_p += p[r];
	}
	*total_mask = 0;
	if (total_n > 0)
		*total_mask |= SUP_TOTAL_N;
	if (total_w > 0)
		*total_mask |= SUP_TOTAL_W;
	if (total_n + total_w > 0)
		*total_mask |= SUP_TOTAL_T;
	if (total_p > 0)
		*total_mask |= SUP_TOTAL_P;
	if (positive > 0)
		*total_mask |= SUP_POSITIVE;
	if (pending > 0)
		*total_mask |= SUP_PENDING;
}

/* See suppression.h. */
size_t
suppress_block_work_size(int m)
{
	return sizeof(Partner) * 2 * (size_t) (m > 0 ? m : 1);
}

/* See suppression.h. */
bool
suppress_block(int m, const int64_t *n, const int64_t *w, const int64_t *p,
			   int64_t positive, int64_t pending, int64_t base, int64_t threshold,
			   void *work, void (*interrupt_check) (void),
			   uint8_t *row_mask, uint8_t *total_mask)
{
	Partner    *partners = work;
	Partner    *best_partners = partners + (m > 0 ? m : 1);
	int64_t		total_n = 0,
				total_w = 0,
				total_p = 0;
	bool		changed;
	int			r,
				j;

	*total_mask = 0;
	for (r = 0; r < m; r++)
	{
		int64_t		v[NCELLS];

		row_values(r, n, w, p, v);
		row_mask[r] = 0;
		for (j = 0; j < NCELLS; j++)
			if (is_small(v[j], threshold))
				row_mask[r] |= (uint8_t) (1 << j);
		total_n += n[r];
		total_w += w[r];
		total_p += p[r];
	}

	/* A small total: the totals must be hidden, and with them the block. */
	if (is_small(total_n, threshold) || is_small(total_w, threshold) ||
		is_small(total_n + total_w, threshold) || is_small(total_p, threshold))
	{
		hide_all(m, n, w, p, positive, pending, row_mask, total_mask);
		return true;
	}

	/*
	 * Every hidden country cell in a move with other rows, until every cell
	 * hidden on the way has one too.
	 */
	do
	{
		changed = false;
		for (r = 0; r < m; r++)
		{
			for (j = 0; j < NCELLS; j++)
			{
				uint8_t		bit = (uint8_t) (1 << j);

				if (!(row_mask[r] & bit) || (row_mask[r] & CERTIFIED(bit)))
					continue;
				if (interrupt_check)
					interrupt_check();
				if (!certify_by_rows(m, n, w, p, base, row_mask, r, j, partners, best_partners))
				{
					hide_all(m, n, w, p, positive, pending, row_mask, total_mask);
					return true;
				}
				changed = true;
			}
		}
	} while (changed);

	/*
	 * A small positive or pending on the first sheet: trade it with the
	 * other when that one can give base, else grow it with the presented
	 * total and one country's presented.
	 */
	if (is_small(pending, threshold))
	{
		*total_mask |= SUP_PENDING;
		if (positive >= base)
			*total_mask |= SUP_POSITIVE;
		else
			certify_by_presented(m, p, row_mask, total_mask);
	}
	if (is_small(positive, threshold))
	{
		*total_mask |= SUP_POSITIVE;
		if (pending >= base)
			*total_mask |= SUP_PENDING;
		else
			certify_by_presented(m, p, row_mask, total_mask);
	}

	for (r = 0; r < m; r++)
		row_mask[r] &= (SUP_N | SUP_W | SUP_T | SUP_P);
	return false;
}
