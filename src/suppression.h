/*
 * suppression.h
 *		Secondary suppression of one block of the press-answer workbook (one
 *		year and kind): plain C, no PostgreSQL, so that it can be tested alone.
 *
 * A block is the rows of its countries, each with the requests answered
 * negatively (n), withdrawn (w), not confirmed (t = n + w) and presented
 * (p >= t), their column totals N, W, T and P, and the first sheet's row of
 * that year and kind: P = positive + N + W + pending.  The workbook
 * publishes every cell rounded to a base, hides the counts from 1 to the
 * threshold less one (primary suppression), and must hide more cells
 * (secondary suppression) so that no hidden cell can be recomputed, or
 * pinned to fewer than base + 1 values, from what it shows.
 *
 * The rule: every hidden cell is part of a "move", a change of hidden cells
 * only that keeps every published figure and every relation above and
 * leaves every count >= 0, every t <= p and every p >= 1 (a country is
 * listed because it had requests), and that changes the cell by
 * exactly base.  The true block and the block after the move publish the
 * same workbook, so the cell's feasible values span at least base + 1.
 * Moves are built from two country rows (one row gains what the other
 * loses, so the totals stay), from the first sheet's positive and pending,
 * or, when nothing else works, by hiding every cell of the block that is not
 * 0 (then every cell can grow with its totals).
 */
#ifndef MIGCHAIN_SUPPRESSION_H
#define MIGCHAIN_SUPPRESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The cells of a country row, as bits of a row mask. */
#define SUP_N		0x01		/* negative */
#define SUP_W		0x02		/* withdrawn */
#define SUP_T		0x04		/* not confirmed */
#define SUP_P		0x08		/* presented */

/* The block's totals and the first sheet's cells, as bits of the total mask. */
#define SUP_TOTAL_N		0x01	/* negative, sheet 1 and the total row */
#define SUP_TOTAL_W		0x02	/* withdrawn, sheet 1 and the total row */
#define SUP_TOTAL_T		0x04	/* not confirmed, the total row */
#define SUP_TOTAL_P		0x08	/* presented, sheet 1 and the total row */
#define SUP_POSITIVE	0x10	/* positive, sheet 1 */
#define SUP_PENDING		0x20	/* pending, sheet 1 */

/* The bytes of work space suppress_block() needs for m countries. */
extern size_t suppress_block_work_size(int m);

/*
 * Decide which cells of a block to hide.  n, w and p have m entries (the
 * countries, in a fixed order); positive and pending are the first sheet's.
 * Every count must be >= 0 and n + w <= p in each row (the caller checks).
 * base >= 1; threshold <= 1 hides nothing.  work has
 * suppress_block_work_size(m) bytes.  interrupt_check, if not NULL, is
 * called before each hidden cell is worked on (it may not return).  Writes row_mask[0..m-1] and
 * *total_mask; returns true when the block had to be hidden whole.
 */
extern bool suppress_block(int m, const int64_t *n, const int64_t *w, const int64_t *p,
						   int64_t positive, int64_t pending, int64_t base, int64_t threshold,
						   void *work, void (*interrupt_check) (void),
						   uint8_t *row_mask, uint8_t *total_mask);

#endif
