/*
 * request_kind.c
 *		The type request_kind: LP (laissez-passer) or T&O (terugname en
 *		overname, readmission).
 *
 * One byte, passed by value, the ordinal of types.h (LP = 0, T&O = 1),
 * so LP < T&O.  The text forms are in request_kind_parse.c; the output is
 * the same in every language, so every function here is IMMUTABLE.  The
 * binary form is that one byte.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "types.h"
#include "type_support.h"
#include "type_io.h"
#include "request_kind_parse.h"

StaticAssertDecl(MC_KIND_LP == REQUEST_KIND_ORD_LP &&
				 MC_KIND_TO == REQUEST_KIND_ORD_TO &&
				 MC_NUM_KINDS == REQUEST_KIND_NUM,
				 "request_kind ordinals of types.h and request_kind_parse.h differ");

#define REQUEST_KIND_HINT \
	"Valid values are \"LP\" (laissez-passer) and \"T&O\" (terugname en overname, readmission)."

/* The request_kind named by str (text input, the cast from text), or 22P02. */
static inline RequestKind
request_kind_from_cstring(const char *str)
{
	return (RequestKind) mc_label_input(str, request_kind_parse, "request_kind", REQUEST_KIND_HINT);
}

/* The label of a kind; a value outside the domain cannot happen. */
static const char *
request_kind_cstring(RequestKind k)
{
	const char *label = request_kind_label(k);

	if (label == NULL)
		elog(ERROR, "invalid request_kind value %d", (int) k);
	return label;
}

PG_FUNCTION_INFO_V1(request_kind_in);

/* Text input. */
Datum
request_kind_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_REQUEST_KIND(request_kind_from_cstring(str));
}

PG_FUNCTION_INFO_V1(request_kind_out);

/* Text output: "LP" or "T&O". */
Datum
request_kind_out(PG_FUNCTION_ARGS)
{
	RequestKind k = PG_GETARG_REQUEST_KIND(0);

	PG_RETURN_CSTRING(pstrdup(request_kind_cstring(k)));
}

PG_FUNCTION_INFO_V1(request_kind_recv);

/* Binary input: exactly one byte, the ordinal. */
Datum
request_kind_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			k = mc_recv_ordinal(buf, "request_kind", MC_NUM_KINDS,
									"a request kind", "0 (LP) and 1 (T&O)");

	PG_RETURN_REQUEST_KIND((RequestKind) k);
}

PG_FUNCTION_INFO_V1(request_kind_send);

/* Binary output: one byte, the ordinal. */
Datum
request_kind_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(mc_send_one_byte(PG_GETARG_REQUEST_KIND(0)));
}

PG_FUNCTION_INFO_V1(request_kind_from_text);

/* Cast from text, by the rules of text input. */
Datum
request_kind_from_text(PG_FUNCTION_ARGS)
{
	char	   *str = text_to_cstring(PG_GETARG_TEXT_PP(0));

	PG_RETURN_REQUEST_KIND(request_kind_from_cstring(str));
}

PG_FUNCTION_INFO_V1(request_kind_to_text);

/* Cast to text: the output label. */
Datum
request_kind_to_text(PG_FUNCTION_ARGS)
{
	RequestKind k = PG_GETARG_REQUEST_KIND(0);

	PG_RETURN_TEXT_P(cstring_to_text(request_kind_cstring(k)));
}

/*
 * Comparison and hashing, on the ordinal: the C functions 0.1.0 declared.
 * 0.2.0 declares "char"'s own instead (see type_support.h).
 */
MC_INTEGER_TYPE_SUPPORT(request_kind, PG_GETARG_REQUEST_KIND)
