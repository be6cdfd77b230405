#!/usr/bin/python3
"""Disclosure audit of what migchain publishes.

An attacker who reads a publication knows, per (year, kind) block, the
relations between its cells (docs/publishing.md, "The published
relations", and what the listing itself tells):

  sheet 1                 presented = positive + negative + withdrawn + pending
  sheet 2/3, country c    not_confirmed_c = negative_c + withdrawn_c
                          presented_c >= not_confirmed_c
                          presented_c >= 1 (a country is listed only when it
                          has requests, or flagged 'no process')
  sheet 2/3, total row    negative = sum negative_c, withdrawn = sum withdrawn_c,
                          not_confirmed = sum not_confirmed_c,
                          presented = sum presented_c,
                          not_confirmed = negative + withdrawn
                          (its negative, withdrawn and presented are sheet 1's)

and of each cell what its figure leaves open: a figure with flag NULL is
exact; one flagged 'rounded' (base b, threshold s) is a count x with
round(x, b) = v, x >= 1 and x not in 1..s-1; a hidden one ('suppressed') is
only known to be >= 0.  For every hidden cell the audit minimises and
maximises the cell over the LP relaxation of these relations and fails when
max - min < b (with b = 1: when the cell is determined).

With the unrounded counts (published_cells(from, to, 1, 0), which needs the
rights of the extension's owner) it also checks the model itself: the true
table satisfies every relation built, every published figure follows the
rules and contains its true count, and every true hidden count lies in the
range the LP found.  A model that is wrong fails loudly instead of passing.

Usage:
  audit.py CONNINFO [--from Y] [--to Y] [--base B] [--threshold S]
                    [--truth CONNINFO | --no-truth | --truth-cells FILE]
                    [--pattern FILE | --cells FILE] [--spec-relations]
                    [--zeros-shown] [--verbose]
      audit the cells published_cells(from, to, B, S) publishes; with
      --pattern, the cells of FILE (a JSON list of objects with sheet, year,
      kind, country_code (null: sheet 1 or the total row) and measure) are
      hidden instead, the others published by the rules from the unrounded
      counts: the audit of a suppression pattern of one's own (e.g. primary
      suppression alone).  --cells FILE and --truth-cells FILE read the
      published and the unrounded cells from JSON files (json_agg over
      published_cells) instead of the database.  --spec-relations leaves
      out presented_c >= 1 (not in the spec's list of relations);
      --zeros-shown adds that a hidden count is never 0 (for rules under
      which zeros are always shown).  --verbose prints the range of every
      hidden cell.
  audit.py --tables FILE
      the exact criterion for single two-dimensional tables with their
      margins (no rounding): a hidden cell is determined iff it is a bridge
      of the bipartite graph of rows and columns (margins included) whose
      edges are the hidden cells; checks that the LP finds exactly the
      bridges determined.  FILE: a JSON list of {"name", "cells": [[...]],
      "hidden": [[row, col], ...]}, row/col "T" for the margin.
  audit.py --random-tables N [--seed S]
      the same check on N random tables and hidden patterns.

Exit status: 0 the audit passes (or the LP and the bridges agree); 1 a
hidden cell is not protected; 2 bad usage; 3 the model or the published
figures are wrong (a relation the true table breaks, a figure against the
rules, LP and bridges disagreeing).
"""

import argparse
import json
import math
import random
import sys
from collections import defaultdict

import numpy as np
import psycopg2
from scipy.optimize import linprog

SHEET1 = ('presented', 'positive', 'negative', 'withdrawn', 'pending')
COUNTRY = ('negative', 'withdrawn', 'not_confirmed', 'presented')
SHEET_OF_KIND = {'T&O': 2, 'LP': 3}
# the total row's negative, withdrawn and presented are sheet 1's figures
TOTAL_VAR = {'negative': 's1:negative', 'withdrawn': 's1:withdrawn',
             'presented': 's1:presented', 'not_confirmed': 'total:not_confirmed'}
EPS = 1e-6


def round_count(x, base):
    """x to the nearest multiple of base, halves up."""
    return (x + base // 2) // base * base


def fmt(x):
    if x == math.inf:
        return 'inf'
    if x == -math.inf:
        return '-inf'
    if abs(x - round(x)) < EPS:
        return str(int(round(x)))
    return '%.2f' % x


class ModelError(Exception):
    pass


class LP:
    """Variables with bounds, equalities and <= inequalities; the range of
    a variable over the LP relaxation."""

    def __init__(self):
        self.index = {}
        self.lo = []
        self.hi = []
        self.eq = []
        self.ub = []

    def var(self, name):
        if name not in self.index:
            self.index[name] = len(self.lo)
            self.lo.append(0.0)
            self.hi.append(math.inf)
        return self.index[name]

    def bound(self, name, lo, hi):
        i = self.var(name)
        self.lo[i] = max(self.lo[i], lo)
        self.hi[i] = min(self.hi[i], hi)

    def equal(self, terms, rhs=0, why=''):
        """sum coef * var = rhs; terms: list of (coef, name)."""
        self.eq.append(([(c, self.var(n)) for c, n in terms], rhs, why, terms))

    def at_most(self, terms, rhs=0, why=''):
        """sum coef * var <= rhs."""
        self.ub.append(([(c, self.var(n)) for c, n in terms], rhs, why, terms))

    def _matrix(self, rows):
        if not rows:
            return None, None
        a = np.zeros((len(rows), len(self.lo)))
        b = np.zeros(len(rows))
        for k, (terms, rhs, _, _) in enumerate(rows):
            for c, i in terms:
                a[k, i] += c
            b[k] = rhs
        return a, b

    def ranges(self, names):
        """{name: (min, max)} of each variable; raises ModelError when the
        relations admit no solution."""
        a_eq, b_eq = self._matrix(self.eq)
        a_ub, b_ub = self._matrix(self.ub)
        bounds = [(lo, None if hi == math.inf else hi) for lo, hi in zip(self.lo, self.hi)]
        for i, (lo, hi) in enumerate(zip(self.lo, self.hi)):
            if lo > hi:
                name = [n for n, j in self.index.items() if j == i][0]
                raise ModelError('the published figures leave %s no value (%s > %s)'
                                 % (name, fmt(lo), fmt(hi)))
        # Without HiGHS's presolve: the HiGHS of SciPy 1.10 (Debian 12)
        # calls some feasible blocks infeasible after its presolve (e.g. a
        # block where every presented must equal its not confirmed); the
        # blocks are small, solving them whole costs little.
        solve = lambda c: linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq,
                                  bounds=bounds, method='highs', options={'presolve': False})
        out = {}
        if not names:
            return out
        # feasible at all?  (HiGHS may report an unbounded objective as
        # "infeasible or unbounded": with a feasible table that is unbounded)
        r = solve(np.zeros(len(self.lo)))
        if r.status == 2:
            raise ModelError('the published figures admit no table at all (LP infeasible)')
        if r.status != 0:
            raise ModelError('the LP solver failed: %s' % r.message)
        for name in names:
            i = self.index[name]
            ends = []
            for sign in (1, -1):
                c = np.zeros(len(self.lo))
                c[i] = sign
                r = solve(c)
                if r.status == 0:
                    ends.append(sign * r.fun)
                elif r.status in (2, 3):
                    ends.append(-sign * math.inf)
                else:
                    raise ModelError('the LP solver failed: %s' % r.message)
            out[name] = tuple(ends)
        return out

    def check(self, value):
        """The relations the values {name: int} break (exact arithmetic)."""
        broken = []
        for rows, op in ((self.eq, '='), (self.ub, '<=')):
            for _, rhs, why, terms in rows:
                lhs = sum(c * value[n] for c, n in terms)
                if (op == '=' and lhs != rhs) or (op == '<=' and lhs > rhs):
                    shown = ' + '.join('%s%s=%d' % ('' if c == 1 else '%d*' % c, n, value[n])
                                       for c, n in terms)
                    broken.append('%s: %s %s %d' % (why, shown, op, rhs))
        return broken


def cell_key(row):
    sheet, year, kind, code, _name, measure = row[:6]
    return (sheet, year, kind, code, measure)


def cell_label(key):
    sheet, year, kind, code, measure = key
    if sheet == 1:
        return '%d %s sheet 1 %s' % (year, kind, measure)
    return '%d %s sheet %d %s %s' % (year, kind, sheet, code or 'total', measure)


def read_cells(path):
    """Cells from a JSON file: a list of objects with the columns of
    published_cells (as json_agg(c) over it gives)."""
    with open(path) as f:
        return [(c['sheet'], c['year'], c['kind'], c.get('country_code'), c.get('country_name'),
                 c['measure'], c.get('value'), c.get('flag')) for c in json.load(f)]


def fetch(conninfo, from_year, to_year, base, threshold):
    conn = psycopg2.connect(conninfo)
    try:
        cur = conn.cursor()
        cur.execute('SELECT sheet, year, kind, country_code, country_name, measure, value, flag'
                    '  FROM migchain.published_cells(%s, %s, %s, %s)',
                    (from_year, to_year, base, threshold))
        return cur.fetchall()
    finally:
        conn.close()


def publish_pattern(truth, pattern, base, threshold):
    """The cells the rules publish from the unrounded counts when the cells
    of pattern (a set of keys) are hidden."""
    keys = {cell_key(r) for r in truth}
    unknown = pattern - keys
    if unknown:
        raise ModelError('the pattern names cells that are not published: %s'
                         % ', '.join(sorted(cell_label(k) for k in unknown)))
    out = []
    for r in truth:
        key = cell_key(r)
        x, flag = r[6], r[7]
        if flag == 'no process':
            if key in pattern:
                raise ModelError('the pattern hides %s, a no-process cell' % cell_label(key))
            out.append(r)
            continue
        if key in pattern:
            out.append(r[:6] + (None, 'suppressed'))
        elif x == 0:
            out.append(r[:6] + (0, None))
        elif x < threshold:
            raise ModelError('the pattern shows %s, a count under the threshold (%d)'
                             % (cell_label(key), x))
        else:
            out.append(r[:6] + (round_count(x, base), 'rounded' if base > 1 else None))
    return out


def cell_bounds(value, flag, base, threshold, hidden_min):
    """What a published cell leaves open of its count: (lo, hi, hidden)."""
    if flag == 'suppressed':
        if value is not None:
            raise ModelError('a suppressed cell shows a value (%d)' % value)
        return hidden_min, math.inf, True
    if value is None:
        raise ModelError('a cell without a value has flag %r' % (flag,))
    if flag is None:
        return value, value, False
    if flag == 'rounded':
        lo = value - base // 2
        return max(lo, threshold, 1), lo + base - 1, False
    raise ModelError('unknown flag %r' % (flag,))


def rule_errors(key, value, flag, x, base, threshold):
    """How the published (value, flag) of a count x breaks the rules."""
    raw = base == 1 and threshold <= 1
    if x == 0:
        # a 0 is shown exactly, or hidden to protect another cell (secondary)
        ok = (value == 0 and flag is None) or (value is None and flag == 'suppressed' and not raw)
    elif x < threshold:
        ok = value is None and flag == 'suppressed'
    else:
        shown = value == round_count(x, base) and flag == ('rounded' if base > 1 else None)
        hidden = value is None and flag == 'suppressed' and not raw
        ok = shown or hidden
    if ok and value is not None and value % base != 0:
        ok = False
    if ok:
        return []
    return ['RULE %s: true count %d published as %s (flag %s)'
            % (cell_label(key), x, 'NULL' if value is None else value, flag or 'NULL')]


def build_block(year, kind, rows, base, threshold, hidden_min, listed):
    """The LP of one block and its cells: [(key, var, lo, hi, hidden)]."""
    lp = LP()
    cells = []
    sheet = SHEET_OF_KIND.get(kind)
    if sheet is None:
        raise ModelError('unknown kind %r' % kind)
    s1 = {}
    countries = defaultdict(dict)
    total = {}
    no_process = defaultdict(dict)
    for r in rows:
        key = cell_key(r)
        s, _, _, code, measure = key
        value, flag = r[6], r[7]
        if s == 1:
            if measure not in SHEET1 or code is not None:
                raise ModelError('unexpected cell %s' % cell_label(key))
            s1[measure] = r
            var = 's1:' + measure
        elif s == sheet:
            if measure not in COUNTRY:
                raise ModelError('unexpected cell %s' % cell_label(key))
            if flag == 'no process':
                if value is not None or code is None:
                    raise ModelError('%s: a no-process cell with a value or without a country'
                                     % cell_label(key))
                no_process[code][measure] = r
                continue
            if code is None:
                total[measure] = r
                var = TOTAL_VAR[measure]
            else:
                countries[code][measure] = r
                var = 'c:%s:%s' % (code, measure)
        else:
            raise ModelError('%s: sheet %d has %s cells' % (cell_label(key), s, kind))
        lo, hi, hidden = cell_bounds(value, flag, base, threshold, hidden_min)
        lp.bound(var, lo, hi)
        cells.append((key, var, lo, hi, hidden))
    # every row complete, a no-process country nothing else
    if set(s1) != set(SHEET1):
        raise ModelError('%d %s: sheet 1 has measures %s' % (year, kind, sorted(s1)))
    for code, ms in list(countries.items()) + list(no_process.items()):
        if set(ms) != set(COUNTRY):
            raise ModelError('%d %s sheet %d %s: measures %s' % (year, kind, sheet, code, sorted(ms)))
    for code in no_process:
        if code in countries:
            raise ModelError('%d %s sheet %d %s: no process and counts' % (year, kind, sheet, code))
    if total and set(total) != set(COUNTRY):
        raise ModelError('%d %s sheet %d total row: measures %s' % (year, kind, sheet, sorted(total)))
    if countries and not total:
        raise ModelError('%d %s sheet %d: country rows without a total row' % (year, kind, sheet))

    tag = '%d %s' % (year, kind)
    lp.equal([(1, 's1:presented'), (-1, 's1:positive'), (-1, 's1:negative'),
              (-1, 's1:withdrawn'), (-1, 's1:pending')], 0, tag + ' sheet 1 row')
    for code in sorted(countries):
        v = 'c:%s:' % code
        lp.equal([(1, v + 'not_confirmed'), (-1, v + 'negative'), (-1, v + 'withdrawn')], 0,
                 '%s %s not_confirmed = negative + withdrawn' % (tag, code))
        lp.at_most([(1, v + 'not_confirmed'), (-1, v + 'presented')], 0,
                   '%s %s presented >= not_confirmed' % (tag, code))
        if listed:
            lp.bound(v + 'presented', 1, math.inf)
    # countries not listed have no requests: the sums hold with or without
    # a total row
    for measure in ('negative', 'withdrawn', 'presented'):
        lp.equal([(1, 's1:' + measure)] + [(-1, 'c:%s:%s' % (c, measure)) for c in sorted(countries)],
                 0, '%s sum of %s over the countries' % (tag, measure))
    if total:
        lp.equal([(1, 'total:not_confirmed')]
                 + [(-1, 'c:%s:not_confirmed' % c) for c in sorted(countries)],
                 0, '%s sum of not_confirmed over the countries' % tag)
        lp.equal([(1, 'total:not_confirmed'), (-1, 's1:negative'), (-1, 's1:withdrawn')], 0,
                 '%s total not_confirmed = negative + withdrawn' % tag)
    return lp, cells


def audit(args):
    base, threshold = args.base, args.threshold
    hidden_min = 1 if args.zeros_shown else 0
    truth_rows = None
    if args.truth_cells:
        truth_rows = read_cells(args.truth_cells)
    elif not args.no_truth:
        truth_rows = fetch(args.truth or args.conninfo, args.from_year, args.to_year, 1, 0)
    if args.pattern:
        with open(args.pattern) as f:
            pattern = {(c['sheet'], c['year'], c['kind'], c.get('country_code'), c['measure'])
                       for c in json.load(f)}
        published = publish_pattern(truth_rows, pattern, base, threshold)
        source = 'pattern %s (%d cells hidden)' % (args.pattern, len(pattern))
    elif args.cells:
        published = read_cells(args.cells)
        source = 'the cells of %s' % args.cells
    else:
        published = fetch(args.conninfo, args.from_year, args.to_year, base, threshold)
        source = 'published_cells(%s, %s, %d, %d)' % (
            'NULL' if args.from_year is None else args.from_year,
            'NULL' if args.to_year is None else args.to_year, base, threshold)
    print('audit of %s: %d cells, base %d, threshold %d' % (source, len(published), base, threshold))

    errors = []
    truth = None
    if truth_rows is not None:
        truth = {}
        for r in truth_rows:
            if r[7] not in (None, 'no process'):
                errors.append('MODEL the unrounded cells have flag %r at %s' % (r[7], cell_label(cell_key(r))))
            truth[cell_key(r)] = r
        if set(truth) != {cell_key(r) for r in published} or len(truth) != len(published):
            missing = set(truth) ^ {cell_key(r) for r in published}
            errors.append('MODEL the published and the unrounded cells differ: %s'
                          % ', '.join(sorted(cell_label(k) for k in missing)[:10]))
            truth = None

    blocks = defaultdict(list)
    for r in published:
        blocks[(r[1], r[2])].append(r)
    n_hidden = n_primary = n_leaks = 0
    for (year, kind) in sorted(blocks):
        rows = blocks[(year, kind)]
        try:
            lp, cells = build_block(year, kind, rows, base, threshold, hidden_min,
                                    not args.spec_relations)
        except ModelError as e:
            errors.append('MODEL %d %s: %s' % (year, kind, e))
            continue
        true = None
        if truth is not None:
            true = {}
            for key, var, lo, hi, hidden in cells:
                t = truth[key]
                if t[7] == 'no process' or t[6] is None:
                    errors.append('MODEL %s: published with a count, no count unrounded' % cell_label(key))
                    continue
                x = t[6]
                if var in true and true[var] != x:
                    errors.append('MODEL %s is %d, the same figure elsewhere %d'
                                  % (cell_label(key), x, true[var]))
                true[var] = x
                if not (lo <= x <= hi):
                    errors.append('MODEL %s: true count %d outside what the publication leaves open [%s, %s]'
                                  % (cell_label(key), x, fmt(lo), fmt(hi)))
                if not args.pattern:
                    pub = [r for r in rows if cell_key(r) == key][0]
                    errors.extend(rule_errors(key, pub[6], pub[7], x, base, threshold))
            for r in rows:
                t = truth[cell_key(r)]
                if (r[7] == 'no process') != (t[7] == 'no process'):
                    errors.append('MODEL %s: no process in one of published and unrounded only'
                                  % cell_label(cell_key(r)))
            if len(true) == len(lp.index):
                for b in lp.check(true):
                    errors.append('MODEL the unrounded counts break %s' % b)
            else:
                errors.append('MODEL %d %s: no true value for %s' % (
                    year, kind, ', '.join(sorted(set(lp.index) - set(true)))))
                true = None
        hidden_cells = [c for c in cells if c[4]]
        try:
            ranges = lp.ranges(sorted({c[1] for c in hidden_cells}))
        except ModelError as e:
            errors.append('MODEL %d %s: %s' % (year, kind, e))
            continue
        leaks = 0
        primary = 0
        for key, var, _, _, _ in hidden_cells:
            lo, hi = ranges[var]
            x = true.get(var) if true else None
            if x is not None and 1 <= x < threshold:
                primary += 1
            if x is not None and not (lo - EPS <= x <= hi + EPS):
                errors.append('MODEL %s: true count %d outside its feasible range [%s, %s]'
                              % (cell_label(key), x, fmt(lo), fmt(hi)))
            if args.verbose:
                print('hidden %s: feasible [%s, %s]%s' % (cell_label(key), fmt(lo), fmt(hi),
                                                           '' if x is None else ', true %d' % x))
            if hi - lo < base - EPS:
                leaks += 1
                print('LEAK %s: feasible [%s, %s] (width %s < %d)%s'
                      % (cell_label(key), fmt(lo), fmt(hi), fmt(hi - lo), base,
                         '' if x is None else ', true %d' % x))
        n_hidden += len(hidden_cells)
        n_primary += primary
        n_leaks += leaks
        split = (' (%d primary, %d secondary)' % (primary, len(hidden_cells) - primary)
                 if true is not None else '')
        print('block %d %s: %d cells, %d hidden%s: %s'
              % (year, kind, len(cells), len(hidden_cells), split,
                 'ok' if not leaks else '%d leak%s' % (leaks, '' if leaks == 1 else 's')))
    for e in errors:
        print(e)
    split = (' (%d primary, %d secondary)' % (n_primary, n_hidden - n_primary)
             if truth is not None else '')
    verdict = 'MODEL ERROR' if errors else ('FAIL' if n_leaks else 'PASS')
    print('audit: %d blocks, %d hidden cells%s, %d leaks, %d model errors: %s'
          % (len(blocks), n_hidden, split, n_leaks, len(errors), verdict))
    if truth is None and not errors:
        print('audit: no unrounded counts, the model was not checked')
    return 3 if errors else (1 if n_leaks else 0)


# --- single tables: the exact criterion ---------------------------------------

def table_lp(cells, hidden):
    """The LP of a table with its margins: cells (m x n) exact, hidden a set
    of (i, j), i = m the total row, j = n the total column."""
    m, n = len(cells), len(cells[0])
    full = [row + [sum(row)] for row in cells]
    full.append([sum(cells[i][j] for i in range(m)) for j in range(n)] + [sum(map(sum, cells))])
    lp = LP()
    name = lambda i, j: '%d,%d' % (i, j)
    for i in range(m + 1):
        for j in range(n + 1):
            if (i, j) in hidden:
                lp.var(name(i, j))
            else:
                lp.bound(name(i, j), full[i][j], full[i][j])
    for i in range(m + 1):
        lp.equal([(1, name(i, j)) for j in range(n)] + [(-1, name(i, n))], 0, 'row %d' % i)
    for j in range(n + 1):
        lp.equal([(1, name(i, j)) for i in range(m)] + [(-1, name(m, j))], 0, 'column %d' % j)
    return lp, full, name


def bridges(m, n, hidden):
    """The hidden cells that are bridges of the bipartite graph of the rows
    0..m and columns 0..n (m, n: the margins) with an edge per hidden cell."""
    out = set()
    for e in hidden:
        rest = hidden - {e}
        # is column e[1] still reachable from row e[0] without e?
        seen = {('r', e[0])}
        todo = [('r', e[0])]
        while todo:
            side, k = todo.pop()
            for (i, j) in rest:
                if side == 'r' and i == k and ('c', j) not in seen:
                    seen.add(('c', j))
                    todo.append(('c', j))
                elif side == 'c' and j == k and ('r', i) not in seen:
                    seen.add(('r', i))
                    todo.append(('r', i))
        if ('c', e[1]) not in seen:
            out.add(e)
    return out


def check_table(cells, hidden):
    """(determined by the LP, bridges) of one table and hidden pattern."""
    m, n = len(cells), len(cells[0])
    lp, full, name = table_lp(cells, hidden)
    for (i, j) in hidden:
        if full[i][j] <= 0:
            # the equivalence needs every hidden cell strictly inside its
            # bounds: a zero could pin a cycle; zeros are never hidden
            raise ModelError('hidden cell %d,%d is %d: hidden cells must be positive'
                             % (i, j, full[i][j]))
    ranges = lp.ranges([name(i, j) for (i, j) in sorted(hidden)])
    determined = {(i, j) for (i, j) in hidden
                  if ranges[name(i, j)][1] - ranges[name(i, j)][0] < EPS}
    for (i, j) in hidden:
        lo, hi = ranges[name(i, j)]
        if not (lo - EPS <= full[i][j] <= hi + EPS):
            raise ModelError('cell %d,%d: true %d outside [%s, %s]' % (i, j, full[i][j], fmt(lo), fmt(hi)))
    return determined, bridges(m, n, set(hidden))


def cells_text(m, n, cells):
    lab = lambda i, j: '%s,%s' % ('T' if i == m else i, 'T' if j == n else j)
    return ' '.join(lab(i, j) for (i, j) in sorted(cells)) or '-'


def tables(path):
    with open(path) as f:
        spec = json.load(f)
    bad = refused = 0
    for t in spec:
        cells = t['cells']
        m, n = len(cells), len(cells[0])
        idx = lambda v, last: last if v == 'T' else int(v)
        hidden = {(idx(i, m), idx(j, n)) for i, j in t['hidden']}
        try:
            determined, bridge = check_table(cells, hidden)
        except ModelError as e:
            print('table %s: %s' % (t['name'], e))
            refused += 1
            continue
        agree = determined == bridge
        bad += not agree
        print('table %s: %dx%d, %d hidden; determined (LP): %s; bridges: %s; %s'
              % (t['name'], m, n, len(hidden), cells_text(m, n, determined),
                 cells_text(m, n, bridge), 'agree' if agree else 'DISAGREE'))
    print('tables: %d checked, %d disagree, %d refused' % (len(spec) - refused, bad, refused))
    return 3 if bad or refused else 0


def random_tables(count, seed):
    rng = random.Random(seed)
    bad = n_hidden = n_det = 0
    for k in range(count):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        cells = [[rng.randint(1, 20) for _ in range(n)] for _ in range(m)]
        p = rng.choice((0.2, 0.35, 0.5, 0.7))
        hidden = {(i, j) for i in range(m + 1) for j in range(n + 1) if rng.random() < p}
        if not hidden:
            continue
        determined, bridge = check_table(cells, hidden)
        n_hidden += len(hidden)
        n_det += len(determined)
        if determined != bridge:
            bad += 1
            print('random table %d: %s hidden %s; determined (LP): %s; bridges: %s; DISAGREE'
                  % (k, cells, cells_text(m, n, hidden), cells_text(m, n, determined),
                     cells_text(m, n, bridge)))
    print('random tables: %d checked, %d hidden cells, %d determined, %d not determined, %d disagree'
          % (count, n_hidden, n_det, n_hidden - n_det, bad))
    return 3 if bad else 0


def main():
    p = argparse.ArgumentParser(description='Disclosure audit of migchain.published_cells.')
    p.add_argument('conninfo', nargs='?', help='libpq connection string of the publication')
    p.add_argument('--from', dest='from_year', type=int)
    p.add_argument('--to', dest='to_year', type=int)
    p.add_argument('--base', type=int, default=10)
    p.add_argument('--threshold', type=int, default=5)
    p.add_argument('--truth', metavar='CONNINFO',
                   help='connection for the unrounded counts (default: the same)')
    p.add_argument('--no-truth', action='store_true', help='do not read the unrounded counts')
    p.add_argument('--pattern', metavar='FILE', help='hide the cells of FILE (JSON) instead')
    p.add_argument('--cells', metavar='FILE',
                   help='audit the published cells of FILE (JSON) instead of reading them')
    p.add_argument('--truth-cells', metavar='FILE',
                   help='the unrounded cells from FILE (JSON) instead of the database')
    p.add_argument('--zeros-shown', action='store_true',
                   help='use also that zeros are never hidden (hidden cells >= 1)')
    p.add_argument('--spec-relations', action='store_true',
                   help='the relations the spec lists only: not that a country listed has '
                        'requests (presented >= 1)')
    p.add_argument('--verbose', action='store_true', help='print the range of every hidden cell')
    p.add_argument('--tables', metavar='FILE', help='LP against bridges on the tables of FILE')
    p.add_argument('--random-tables', metavar='N', type=int)
    p.add_argument('--seed', type=int, default=1)
    args = p.parse_args()
    try:
        if args.tables:
            return tables(args.tables)
        if args.random_tables is not None:
            return random_tables(args.random_tables, args.seed)
        if not args.conninfo and not (args.cells and (args.truth_cells or args.no_truth)) \
                and not (args.pattern and args.truth_cells):
            p.error('a connection string is needed')
        if args.base < 1 or args.threshold < 0:
            p.error('base must be >= 1 and threshold >= 0')
        if args.pattern and args.no_truth:
            p.error('--pattern needs the unrounded counts')
        if args.pattern and args.cells:
            p.error('--pattern and --cells exclude each other')
        return audit(args)
    except ModelError as e:
        print('MODEL %s' % e)
        return 3


if __name__ == '__main__':
    sys.exit(main())
