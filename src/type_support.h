/*
 * type_support.h
 *		The C comparison and hash functions of the types stored as small
 *		integers, which the install script of 0.1.0 declares.
 */
#ifndef MIGCHAIN_TYPE_SUPPORT_H
#define MIGCHAIN_TYPE_SUPPORT_H

#include "postgres.h"
#include "fmgr.h"

/*
 * The comparison operators (prefix_lt ... prefix_gt), btree comparison
 * (prefix_cmp) and hash support (prefix_hash, prefix_hash_extended) of a
 * type stored as a small non-negative integer, read with getarg.  All work
 * on the stored value, so the order is the values' order and equal values
 * hash alike.  The file that uses it includes common/hashfn.h.
 *
 * Since 0.2.0 the SQL functions run PostgreSQL's own functions of "char"
 * (request_kind, answer) and int2 (country, conditions), which give the same
 * results and hash values for every value of the types (the regression test
 * support_functions compares them), except prefix_cmp of answer, country
 * and conditions: btcharcmp and btint2cmp return the difference of the two
 * values, not -1, 0 or 1.  The other symbols stay because the install
 * script of the released 0.1.0 (sql/migchain--0.1.0.sql) names them, and so
 * does every database that has not been updated.
 */
#define MC_INTEGER_TYPE_SUPPORT(prefix, getarg) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_lt, getarg, <) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_le, getarg, <=) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_eq, getarg, ==) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_ne, getarg, !=) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_ge, getarg, >=) \
	MC_INTEGER_TYPE_OPERATOR(prefix##_gt, getarg, >) \
	MC_INTEGER_TYPE_CMP(prefix, getarg) \
	PG_FUNCTION_INFO_V1(prefix##_hash); \
	Datum \
	prefix##_hash(PG_FUNCTION_ARGS) \
	{ \
		return hash_uint32((uint32) getarg(0)); \
	} \
	PG_FUNCTION_INFO_V1(prefix##_hash_extended); \
	Datum \
	prefix##_hash_extended(PG_FUNCTION_ARGS) \
	{ \
		return hash_uint32_extended((uint32) getarg(0), PG_GETARG_INT64(1)); \
	}

/*
 * The btree comparison prefix_cmp of such a type: -1, 0 or 1.  The types
 * made since 0.2.0 (case_outcome, detention_exit) declare only this one in
 * C, and "char"'s functions for the rest.
 */
#define MC_INTEGER_TYPE_CMP(prefix, getarg) \
	PG_FUNCTION_INFO_V1(prefix##_cmp); \
	Datum \
	prefix##_cmp(PG_FUNCTION_ARGS) \
	{ \
		int32		a = (int32) getarg(0); \
		int32		b = (int32) getarg(1); \
		PG_RETURN_INT32((a > b) - (a < b)); \
	}

#define MC_INTEGER_TYPE_OPERATOR(fname, getarg, op) \
	PG_FUNCTION_INFO_V1(fname); \
	Datum \
	fname(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL(getarg(0) op getarg(1)); \
	}

#endif							/* MIGCHAIN_TYPE_SUPPORT_H */
