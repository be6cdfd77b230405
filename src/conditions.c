/*
 * conditions.c
 *		The type conditions: the five traffic lights ("stoplichten") that must
 *		all be green before a return can happen.
 *
 * The representation is an int16 (types.h) with two bits per light; the
 * layout, the order and the text form are described in conditions_parse.h.
 * The binary form is that int16 in network byte order.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "types.h"
#include "type_support.h"
#include "type_io.h"
#include "conditions_parse.h"
#include "text_chars.h"

#define CONDITIONS_INPUT_HINT \
	"Write five lights, one per condition in the order removable, " \
	"country_cooperates, identity_established, available, person_cooperates, " \
	"each G (green), R (red) or ? (unknown; U also means unknown), in upper " \
	"or lower case, for example \"GGR?G\"."

#define CONDITIONS_NUMBER_HINT \
	"Conditions are numbered 1 (removable), 2 (country_cooperates), " \
	"3 (identity_established), 4 (available) and 5 (person_cooperates)."

/* Stop with a can't-happen error if a stored value is not valid. */
static inline Conditions
conditions_check_stored(Conditions c)
{
	if (!conditions_is_valid((uint16) c))
		elog(ERROR, "invalid conditions value %d", (int) c);
	return c;
}

/* Fetch argument n, checked. */
#define CONDITIONS_GETARG_CHECKED(n)	conditions_check_stored(PG_GETARG_CONDITIONS(n))

/* Raise the 22P02 error for the text str, with a detail of what r found. */
static void
conditions_report_bad_input(const char *str, ConditionsParseResult r)
{
	char		c = str[r.offset];
	const char *detail = NULL;

	switch (r.status)
	{
		case MC_CONDITIONS_EMPTY:
			detail = "The value has no lights.";
			break;
		case MC_CONDITIONS_TOO_FEW:
			detail = psprintf(r.lights == 1 ?
							  "The value has %d light; it needs exactly five." :
							  "The value has %d lights; it needs exactly five.",
							  r.lights);
			break;
		case MC_CONDITIONS_NOT_A_LIGHT:
			if (mc_is_space(c))
				detail = psprintf("Light %d is whitespace; the five lights are written without separators.",
								  r.lights + 1);
			else if (c > ' ' && c < 0x7f)
				detail = psprintf("Light %d is \"%c\", which is not a light.",
								  r.lights + 1, c);
			else
				detail = psprintf("Light %d is not a light.", r.lights + 1);
			break;
		case MC_CONDITIONS_TOO_MANY:
			detail = "The value has more than five lights.";
			break;
		case MC_CONDITIONS_TRAILING:
			detail = "Only whitespace may follow the fifth light.";
			break;
		case MC_CONDITIONS_OK:
			elog(ERROR, "conditions parser reported success as an error");
			break;
	}
	mc_invalid_text("conditions", str, detail, CONDITIONS_INPUT_HINT);
}

/* Raise 22023 unless n is a condition number (1..5); lights uses it too. */
void
conditions_check_number(int32 n)
{
	if (n < 1 || n > MC_NUM_CONDITIONS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("condition number %d is out of range for type conditions", n),
				 errhint(CONDITIONS_NUMBER_HINT)));
}

/* ---------- input and output ---------- */

PG_FUNCTION_INFO_V1(conditions_in);

/* Text input: five lights, see conditions_parse.h. */
Datum
conditions_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	ConditionsParseResult r = conditions_parse(str, strlen(str));

	if (r.status != MC_CONDITIONS_OK)
		conditions_report_bad_input(str, r);
	PG_RETURN_CONDITIONS((Conditions) r.value);
}

PG_FUNCTION_INFO_V1(conditions_out);

/* Text output: always G, R and ?. */
Datum
conditions_out(PG_FUNCTION_ARGS)
{
	Conditions	c = PG_GETARG_CONDITIONS(0);
	char	   *buf = palloc(MC_CONDITIONS_TEXT_LEN + 1);

	if (!conditions_format((uint16) c, buf))
		elog(ERROR, "invalid conditions value %d", (int) c);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(conditions_recv);

/* Binary input: an int16 in network byte order, validated as in text input. */
Datum
conditions_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	uint16		v = (uint16) mc_recv_int16(buf, "conditions");
	int			n;

	if ((v & ~MC_CONDITIONS_MASK) != 0)
		mc_invalid_binary("conditions",
						  psprintf("Bits above the lowest ten of 0x%04X are set; the binary form has two bits per light, condition 1 in bits 8-9 and condition 5 in bits 0-1.",
								   v));
	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		if (MC_CONDITIONS_LIGHT(v, n) == 3)
			mc_invalid_binary("conditions",
							  psprintf("Light %d of 0x%04X has the code 3; a light is 0 (unknown), 1 (green) or 2 (red).",
									   n, v));
	PG_RETURN_CONDITIONS((Conditions) v);
}

PG_FUNCTION_INFO_V1(conditions_send);

/* Binary output: the int16 in network byte order. */
Datum
conditions_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(mc_send_int16(CONDITIONS_GETARG_CHECKED(0)));
}

/* ---------- comparison and hashing ---------- */

/*
 * Comparison and hashing in the integers' order (see conditions_parse.h):
 * the C functions 0.1.0 declared.  0.2.0 declares int2's own instead but
 * for conditions_cmp (see type_support.h).
 */
MC_INTEGER_TYPE_SUPPORT(conditions, PG_GETARG_CONDITIONS)

/* ---------- construction ---------- */

/* The light of a nullable boolean argument: NULL is unknown. */
static int
conditions_light_of_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_ARGISNULL(argno))
		return MC_LIGHT_UNKNOWN;
	return PG_GETARG_BOOL(argno) ? MC_LIGHT_GREEN : MC_LIGHT_RED;
}

PG_FUNCTION_INFO_V1(conditions_make);

/*
 * conditions(removable, country_cooperates, identity_established, available,
 * person_cooperates): true green, false red, NULL unknown.  Not STRICT,
 * since a NULL argument means an unknown light, not an unknown result.
 */
Datum
conditions_make(PG_FUNCTION_ARGS)
{
	uint16		c = 0;
	int			n;

	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		c = MC_CONDITIONS_WITH(c, n, conditions_light_of_arg(fcinfo, n - 1));
	PG_RETURN_CONDITIONS((Conditions) c);
}

PG_FUNCTION_INFO_V1(conditions_set);

/*
 * set_condition(c, n, value): c with condition n set to green (true), red
 * (false) or unknown (NULL).  Not STRICT for the sake of the NULL value; a
 * NULL c or n gives NULL, as a STRICT function would.
 */
Datum
conditions_set(PG_FUNCTION_ARGS)
{
	Conditions	c;
	int32		n;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	c = CONDITIONS_GETARG_CHECKED(0);
	n = PG_GETARG_INT32(1);
	conditions_check_number(n);
	PG_RETURN_CONDITIONS((Conditions) MC_CONDITIONS_WITH(c, n, conditions_light_of_arg(fcinfo, 2)));
}

/* ---------- access ---------- */

/* Return the light of condition n as a boolean: true, false or NULL. */
#define RETURN_LIGHT_BOOL(c, n) \
	do { \
		int			light_ = MC_CONDITIONS_LIGHT((c), (n)); \
		if (light_ == MC_LIGHT_UNKNOWN) \
			PG_RETURN_NULL(); \
		PG_RETURN_BOOL(light_ == MC_LIGHT_GREEN); \
	} while (0)

#define CONDITIONS_ACCESSOR(name, n) \
PG_FUNCTION_INFO_V1(conditions_##name); \
Datum \
conditions_##name(PG_FUNCTION_ARGS) \
{ \
	RETURN_LIGHT_BOOL(CONDITIONS_GETARG_CHECKED(0), (n)); \
}

/* removable(c) .. person_cooperates(c): green true, red false, unknown NULL. */
CONDITIONS_ACCESSOR(removable, 1)
CONDITIONS_ACCESSOR(country_cooperates, 2)
CONDITIONS_ACCESSOR(identity_established, 3)
CONDITIONS_ACCESSOR(available, 4)
CONDITIONS_ACCESSOR(person_cooperates, 5)

PG_FUNCTION_INFO_V1(conditions_light);

/* light(c, n): the light of condition n as text, 'G', 'R' or '?'. */
Datum
conditions_light(PG_FUNCTION_ARGS)
{
	Conditions	c = CONDITIONS_GETARG_CHECKED(0);
	int32		n = PG_GETARG_INT32(1);
	char		ch;

	conditions_check_number(n);
	ch = conditions_light_char(MC_CONDITIONS_LIGHT(c, n));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(&ch, 1));
}

PG_FUNCTION_INFO_V1(conditions_condition_name);

/* condition_name(n): the name of condition n, e.g. 'removable'. */
Datum
conditions_condition_name(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);

	conditions_check_number(n);
	PG_RETURN_TEXT_P(cstring_to_text(conditions_names[n - 1]));
}

PG_FUNCTION_INFO_V1(conditions_returnable);

/* returnable(c): whether all five lights are green (unknown is not green). */
Datum
conditions_returnable(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CONDITIONS_GETARG_CHECKED(0) == MC_CONDITIONS_ALL_GREEN);
}

/* How many lights of c are the given light. */
static int32
conditions_count_lights(Conditions c, int light)
{
	int32		count = 0;
	int			n;

	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		if (MC_CONDITIONS_LIGHT(c, n) == light)
			count++;
	return count;
}

/*
 * A function of one conditions value whose result is what per_light gives
 * for one kind of light, returned with ret.
 */
#define CONDITIONS_PER_LIGHT(fname, ret, per_light, light) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	ret(per_light(CONDITIONS_GETARG_CHECKED(0), (light))); \
}

/* green_count(c), red_count(c), unknown_count(c): lights of a kind (0..5). */
CONDITIONS_PER_LIGHT(conditions_green_count, PG_RETURN_INT32, conditions_count_lights, MC_LIGHT_GREEN)
CONDITIONS_PER_LIGHT(conditions_red_count, PG_RETURN_INT32, conditions_count_lights, MC_LIGHT_RED)
CONDITIONS_PER_LIGHT(conditions_unknown_count, PG_RETURN_INT32, conditions_count_lights, MC_LIGHT_UNKNOWN)

/* The names of the conditions of c with the given light, in order. */
static ArrayType *
conditions_names_with_light(Conditions c, int light)
{
	Datum		names[MC_NUM_CONDITIONS];
	int			count = 0;
	int			n;

	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		if (MC_CONDITIONS_LIGHT(c, n) == light)
			names[count++] = PointerGetDatum(cstring_to_text(conditions_names[n - 1]));
	if (count == 0)
		return construct_empty_array(TEXTOID);
	return construct_array(names, count, TEXTOID, -1, false, TYPALIGN_INT);
}

/*
 * red_conditions(c), unknown_conditions(c): the names of the red or unknown
 * conditions, in order ('{}' if none).
 */
CONDITIONS_PER_LIGHT(conditions_red_conditions, PG_RETURN_ARRAYTYPE_P, conditions_names_with_light, MC_LIGHT_RED)
CONDITIONS_PER_LIGHT(conditions_unknown_conditions, PG_RETURN_ARRAYTYPE_P, conditions_names_with_light, MC_LIGHT_UNKNOWN)

PG_FUNCTION_INFO_V1(conditions_first_red);

/* first_red(c): the name of the first red condition, NULL if none is red. */
Datum
conditions_first_red(PG_FUNCTION_ARGS)
{
	Conditions	c = CONDITIONS_GETARG_CHECKED(0);
	int			n;

	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		if (MC_CONDITIONS_LIGHT(c, n) == MC_LIGHT_RED)
			PG_RETURN_TEXT_P(cstring_to_text(conditions_names[n - 1]));
	PG_RETURN_NULL();
}
