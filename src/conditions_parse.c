/*
 * conditions_parse.c
 *		Text form of the type conditions: parser and formatter, in plain C.
 *
 * See conditions_parse.h for the layout and the accepted forms.
 */
#include "conditions_parse.h"

#include "text_chars.h"

/* Names of the conditions, in order, as identifiers (English snake_case). */
const char *const conditions_names[MC_NUM_CONDITIONS] = {
	"removable",
	"country_cooperates",
	"identity_established",
	"available",
	"person_cooperates"
};

/* The light code of an input character, or -1 if it is not a light. */
static int
conditions_light_of_char(char c)
{
	switch (c)
	{
		case 'G':
		case 'g':
			return MC_LIGHT_GREEN;
		case 'R':
		case 'r':
			return MC_LIGHT_RED;
		case '?':
		case 'U':
		case 'u':
			return MC_LIGHT_UNKNOWN;
		default:
			return -1;
	}
}

/* Whether c is a light character accepted by the parser. */
bool
conditions_is_light_char(char c)
{
	return conditions_light_of_char(c) >= 0;
}

/* Parse len bytes at str into a conditions value. */
ConditionsParseResult
conditions_parse(const char *str, size_t len)
{
	ConditionsParseResult res = {MC_CONDITIONS_OK, 0, 0, 0};
	size_t		i = 0;
	uint32_t	value = 0;

	while (i < len && mc_is_space(str[i]))
		i++;
	if (i == len)
	{
		res.status = MC_CONDITIONS_EMPTY;
		res.offset = i;
		return res;
	}

	for (res.lights = 0; res.lights < MC_NUM_CONDITIONS; res.lights++, i++)
	{
		int			light;
		size_t		j;

		res.offset = i;
		if (i == len)
		{
			res.status = MC_CONDITIONS_TOO_FEW;
			return res;
		}
		light = conditions_light_of_char(str[i]);
		if (light >= 0)
		{
			value = (value << 2) | (uint32_t) light;
			continue;
		}
		/* Whitespace that runs to the end: too few lights; else no light. */
		for (j = i; j < len && mc_is_space(str[j]); j++)
			;
		res.status = (j == len) ? MC_CONDITIONS_TOO_FEW : MC_CONDITIONS_NOT_A_LIGHT;
		return res;
	}

	res.offset = i;
	if (i < len && conditions_is_light_char(str[i]))
	{
		res.status = MC_CONDITIONS_TOO_MANY;
		return res;
	}
	while (i < len && mc_is_space(str[i]))
		i++;
	if (i < len)
	{
		res.status = MC_CONDITIONS_TRAILING;
		res.offset = i;
		return res;
	}

	res.value = (uint16_t) value;
	res.offset = 0;
	return res;
}

/* The output character of a light code (0..2); '\0' for anything else. */
char
conditions_light_char(int light)
{
	switch (light)
	{
		case MC_LIGHT_UNKNOWN:
			return '?';
		case MC_LIGHT_GREEN:
			return 'G';
		case MC_LIGHT_RED:
			return 'R';
		default:
			return '\0';
	}
}

/* Write the text form of v into buf; false if v is not a valid value. */
bool
conditions_format(uint32_t v, char *buf)
{
	int			n;

	if (!conditions_is_valid(v))
		return false;
	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
		buf[n - 1] = conditions_light_char(MC_CONDITIONS_LIGHT(v, n));
	buf[MC_CONDITIONS_TEXT_LEN] = '\0';
	return true;
}

int
conditions_number_of_name(const char *s, size_t len)
{
	int			n;

	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
	{
		const char *name = conditions_names[n - 1];
		size_t		i;

		for (i = 0; i < len && name[i] != '\0'; i++)
		{
			char		c = s[i];

			if (c >= 'A' && c <= 'Z')
				c = (char) (c - 'A' + 'a');
			if (c != name[i])
				break;
		}
		if (i == len && name[i] == '\0')
			return n;
	}
	return 0;
}
