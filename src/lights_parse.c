/*
 * lights_parse.c
 *		Parse, check and format the text form of lights (see lights_parse.h).
 */
#include "lights_parse.h"

#include <stdio.h>
#include <string.h>

#include "text_chars.h"

const char *
lights_item_name(int item)
{
	if (item == LIGHTS_ITEM_CASES)
		return "cases";
	if (item == LIGHTS_ITEM_RETURNABLE)
		return "returnable";
	return conditions_names[item - LIGHTS_ITEM_CONDITION(1)];
}

/* The item named by the len bytes at s, in any case, or -1. */
static int
lights_item_of_name(const char *s, size_t len)
{
	int			item;

	for (item = LIGHTS_ITEM_CASES; item <= LIGHTS_ITEM_RETURNABLE; item++)
	{
		const char *name = lights_item_name(item);
		size_t		i;

		if (strlen(name) != len)
			continue;
		for (i = 0; i < len; i++)
		{
			char		c = s[i];

			if (c >= 'A' && c <= 'Z')
				c = (char) (c - 'A' + 'a');
			if (c != name[i])
				break;
		}
		if (i == len)
			return item;
	}
	item = conditions_number_of_name(s, len);
	return item > 0 ? LIGHTS_ITEM_CONDITION(item) : -1;
}

/*
 * Read a count at *p (white space before it skipped) into *value: 1 when
 * done, 0 when there are no digits, -1 when it is out of range.
 */
static int
lights_read_count(const char **p, int64_t *value)
{
	const char *s = *p;
	uint64_t	v = 0;
	int			digits = 0;
	int			minus = 0;

	while (mc_is_space(*s))
		s++;
	if (*s == '+' || *s == '-')
		minus = *s++ == '-';
	while (*s >= '0' && *s <= '9')
	{
		uint64_t	digit = (uint64_t) (*s - '0');

		if (v > ((uint64_t) INT64_MAX - digit) / 10)
			return -1;
		v = v * 10 + digit;
		digits++;
		s++;
	}
	if (digits == 0)
		return 0;
	/* -0 is 0, as PostgreSQL's integers read it; below 0 is out of range */
	if (minus && v != 0)
		return -1;
	*value = (int64_t) v;
	*p = s;
	return 1;
}

LightsParseResult
lights_parse(const char *str, LightsCounts *counts, int *item, const char **detail)
{
	const char *p = str;
	int			seen[LIGHTS_NITEMS] = {0};
	int			i;

	*item = -1;
	*detail = NULL;
	memset(counts, 0, sizeof(LightsCounts));
	for (;;)
	{
		const char *name;
		int			which;
		int			got;

		while (mc_is_space(*p))
			p++;
		name = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_')
			p++;
		if (p == name)
		{
			*detail = "Expected the name of a count: cases, returnable or a condition.";
			return LIGHTS_PARSE_SYNTAX;
		}
		which = lights_item_of_name(name, (size_t) (p - name));
		if (which < 0)
		{
			*detail = "Unknown name; the names are cases, returnable and the five conditions.";
			return LIGHTS_PARSE_UNKNOWN_NAME;
		}
		*item = which;
		if (seen[which])
			return LIGHTS_PARSE_DUPLICATE;
		seen[which] = 1;

		while (mc_is_space(*p))
			p++;
		if (*p != '=' && *p != ':')
		{
			*detail = "Expected \"=\" after a name.";
			return LIGHTS_PARSE_SYNTAX;
		}
		p++;

		if (which == LIGHTS_ITEM_CASES || which == LIGHTS_ITEM_RETURNABLE)
		{
			int64_t    *target = which == LIGHTS_ITEM_CASES ?
				&counts->cases : &counts->returnable;

			got = lights_read_count(&p, target);
		}
		else
		{
			/* green/red/unknown */
			static const int codes[3] = {MC_LIGHT_GREEN, MC_LIGHT_RED, MC_LIGHT_UNKNOWN};
			int64_t    *light = counts->light[which - LIGHTS_ITEM_CONDITION(1)];
			int			k;

			got = 1;
			for (k = 0; k < 3 && got == 1; k++)
			{
				if (k > 0)
				{
					while (mc_is_space(*p))
						p++;
					if (*p != '/')
					{
						*detail = "Expected \"/\" between the green, red and unknown counts of a condition.";
						return LIGHTS_PARSE_SYNTAX;
					}
					p++;
				}
				got = lights_read_count(&p, &light[codes[k]]);
			}
		}
		if (got < 0)
			return LIGHTS_PARSE_RANGE;
		if (got == 0)
		{
			*detail = "Expected a count (a whole number).";
			return LIGHTS_PARSE_SYNTAX;
		}

		while (mc_is_space(*p))
			p++;
		if (*p == '\0')
			break;
		if (*p != ',')
		{
			*detail = "Expected \",\" between counts.";
			return LIGHTS_PARSE_SYNTAX;
		}
		p++;
	}

	for (i = 0; i < LIGHTS_NITEMS; i++)
		if (!seen[i])
		{
			*item = i;
			return LIGHTS_PARSE_MISSING;
		}
	return lights_check(counts, item);
}

LightsParseResult
lights_check(const LightsCounts *counts, int *item)
{
	int			n;
	int			k;

	*item = LIGHTS_ITEM_CASES;
	if (counts->cases < 0)
		return LIGHTS_PARSE_RANGE;
	*item = LIGHTS_ITEM_RETURNABLE;
	if (counts->returnable < 0)
		return LIGHTS_PARSE_RANGE;
	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
	{
		const int64_t *light = counts->light[n - 1];
		int64_t		left = counts->cases;

		*item = LIGHTS_ITEM_CONDITION(n);
		for (k = 0; k < 3; k++)
			if (light[k] < 0)
				return LIGHTS_PARSE_RANGE;
		/* green + red + unknown = cases, without overflowing */
		for (k = 0; k < 3; k++)
		{
			if (light[k] > left)
				return LIGHTS_PARSE_MISMATCH;
			left -= light[k];
		}
		if (left != 0)
			return LIGHTS_PARSE_MISMATCH;
	}
	for (n = 1; n <= MC_NUM_CONDITIONS; n++)
	{
		*item = LIGHTS_ITEM_CONDITION(n);
		if (counts->returnable > counts->light[n - 1][MC_LIGHT_GREEN])
			return LIGHTS_PARSE_RETURNABLE;
	}
	*item = -1;
	return LIGHTS_PARSE_OK;
}

int
lights_format(const LightsCounts *counts, char *buf)
{
	int			len;
	int			n;

	len = snprintf(buf, LIGHTS_TEXT_MAX, "cases=%lld, returnable=%lld",
				   (long long) counts->cases, (long long) counts->returnable);
	for (n = 1; n <= MC_NUM_CONDITIONS && len < LIGHTS_TEXT_MAX; n++)
	{
		const int64_t *light = counts->light[n - 1];

		len += snprintf(buf + len, LIGHTS_TEXT_MAX - len, ", %s=%lld/%lld/%lld",
						conditions_names[n - 1],
						(long long) light[MC_LIGHT_GREEN],
						(long long) light[MC_LIGHT_RED],
						(long long) light[MC_LIGHT_UNKNOWN]);
	}
	return len;
}
