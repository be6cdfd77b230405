/*
 * delays_parse.c
 *		Parse, check and format the text form of delays (see delays_parse.h).
 */
#include "delays_parse.h"

#include <stdio.h>
#include <string.h>

#include "text_chars.h"

static const char *const delays_names[DELAYS_NITEMS] = {
	"answered", "withdrawn", "pending", "days", "beyond", "beyond_min", "beyond_max"
};

const char *
delays_item_name(int item)
{
	return delays_names[item];
}

/* The item named by the len bytes at s, in any case, or -1. */
static int
delays_item_of_name(const char *s, size_t len)
{
	int			item;

	for (item = 0; item < DELAYS_NITEMS; item++)
	{
		const char *name = delays_names[item];
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
	return -1;
}

/*
 * Read a whole number from 0 to max at *p (white space before it skipped)
 * into *value: 1 when done, 0 when there are no digits, -1 when it is out
 * of range.
 */
static int
delays_read_number(const char **p, int64_t max, int64_t *value)
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

		if (v > ((uint64_t) max - digit) / 10)
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

/*
 * Read the day counts "{day:count, ...}" at *p into counts->day.  On
 * failure, *day is set where a day is concerned.
 */
static DelaysParseResult
delays_read_days(const char **p, DelaysCounts *counts, int64_t *day,
				 const char **detail)
{
	static const char seen_init[DELAYS_EXACT_DAYS];
	char		seen[DELAYS_EXACT_DAYS];
	const char *s = *p;

	memcpy(seen, seen_init, sizeof(seen));
	while (mc_is_space(*s))
		s++;
	if (*s != '{')
	{
		*detail = "Expected \"{\" to open the day counts, as in days={0:2, 5:7}.";
		return DELAYS_PARSE_SYNTAX;
	}
	s++;
	while (mc_is_space(*s))
		s++;
	if (*s == '}')
	{
		*p = s + 1;
		return DELAYS_PARSE_OK;
	}
	for (;;)
	{
		int64_t		d;
		int64_t		n;
		int			got;

		got = delays_read_number(&s, INT32_MAX, &d);
		if (got == 0)
		{
			*detail = "Expected a day (a whole number) in the day counts.";
			return DELAYS_PARSE_SYNTAX;
		}
		if (got < 0 || d > DELAYS_LAST_EXACT_DAY)
		{
			/* the day as written is not kept when it is out of int32 */
			*day = got < 0 ? -1 : d;
			return DELAYS_PARSE_DAY_RANGE;
		}
		*day = d;
		if (seen[d])
			return DELAYS_PARSE_DUPLICATE;
		seen[d] = 1;
		while (mc_is_space(*s))
			s++;
		if (*s != ':')
		{
			*detail = "Expected \":\" between a day and its count.";
			return DELAYS_PARSE_SYNTAX;
		}
		s++;
		got = delays_read_number(&s, INT32_MAX, &n);
		if (got < 0)
			return DELAYS_PARSE_RANGE;
		if (got == 0)
		{
			*detail = "Expected a count (a whole number) after \":\".";
			return DELAYS_PARSE_SYNTAX;
		}
		counts->day[d] = (int32_t) n;
		while (mc_is_space(*s))
			s++;
		if (*s == '}')
			break;
		if (*s != ',')
		{
			*detail = "Expected \",\" or \"}\" after a day count.";
			return DELAYS_PARSE_SYNTAX;
		}
		s++;
	}
	*day = -1;
	*p = s + 1;
	return DELAYS_PARSE_OK;
}

DelaysParseResult
delays_parse(const char *str, DelaysCounts *counts, int *item, int64_t *day,
			 const char **detail)
{
	const char *p = str;
	int			seen[DELAYS_NITEMS] = {0};
	int			i;

	*item = -1;
	*day = -1;
	*detail = NULL;
	memset(counts, 0, sizeof(DelaysCounts));
	for (;;)
	{
		const char *name;
		int			which;

		while (mc_is_space(*p))
			p++;
		name = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_')
			p++;
		if (p == name)
		{
			*detail = "Expected the name of a count: answered, withdrawn, pending, days or beyond.";
			return DELAYS_PARSE_SYNTAX;
		}
		which = delays_item_of_name(name, (size_t) (p - name));
		if (which < 0)
		{
			*detail = "Unknown name; the names are answered, withdrawn, pending, days, beyond, beyond_min and beyond_max.";
			return DELAYS_PARSE_UNKNOWN_NAME;
		}
		*item = which;
		if (seen[which])
			return DELAYS_PARSE_DUPLICATE;
		seen[which] = 1;

		while (mc_is_space(*p))
			p++;
		if (*p != '=' && *p != ':')
		{
			*detail = "Expected \"=\" after a name.";
			return DELAYS_PARSE_SYNTAX;
		}
		p++;

		if (which == DELAYS_ITEM_DAYS)
		{
			DelaysParseResult r = delays_read_days(&p, counts, day, detail);

			if (r != DELAYS_PARSE_OK)
				return r;
		}
		else
		{
			int64_t		v = 0;
			int			got;

			if (which == DELAYS_ITEM_BEYOND_MIN || which == DELAYS_ITEM_BEYOND_MAX)
				got = delays_read_number(&p, INT32_MAX, &v);
			else
				got = delays_read_number(&p, INT64_MAX, &v);
			if (got < 0)
				return DELAYS_PARSE_RANGE;
			if (got == 0)
			{
				*detail = "Expected a count (a whole number).";
				return DELAYS_PARSE_SYNTAX;
			}
			switch (which)
			{
				case DELAYS_ITEM_ANSWERED:
					counts->answered = v;
					break;
				case DELAYS_ITEM_WITHDRAWN:
					counts->withdrawn = v;
					break;
				case DELAYS_ITEM_PENDING:
					counts->pending = v;
					break;
				case DELAYS_ITEM_BEYOND:
					counts->beyond = v;
					break;
				case DELAYS_ITEM_BEYOND_MIN:
					counts->beyond_min = (int32_t) v;
					break;
				default:
					counts->beyond_max = (int32_t) v;
					break;
			}
		}

		while (mc_is_space(*p))
			p++;
		if (*p == '\0')
			break;
		if (*p != ',')
		{
			*detail = "Expected \",\" between counts.";
			return DELAYS_PARSE_SYNTAX;
		}
		p++;
	}

	for (i = DELAYS_ITEM_ANSWERED; i <= DELAYS_ITEM_BEYOND; i++)
		if (!seen[i])
		{
			*item = i;
			return DELAYS_PARSE_MISSING;
		}
	/* the bounds are given exactly when there are answers beyond */
	for (i = DELAYS_ITEM_BEYOND_MIN; i <= DELAYS_ITEM_BEYOND_MAX; i++)
	{
		*item = i;
		if (counts->beyond > 0 && !seen[i])
			return DELAYS_PARSE_MISSING;
		if (counts->beyond == 0 && seen[i])
		{
			*detail = "beyond_min and beyond_max are given only when beyond is not 0.";
			return DELAYS_PARSE_BEYOND;
		}
	}
	return delays_check(counts, item, day, detail);
}

DelaysParseResult
delays_check(const DelaysCounts *counts, int *item, int64_t *day, const char **detail)
{
	int64_t		left;
	int			d;

	*day = -1;
	*detail = NULL;
	*item = DELAYS_ITEM_ANSWERED;
	if (counts->answered < 0)
		return DELAYS_PARSE_RANGE;
	*item = DELAYS_ITEM_WITHDRAWN;
	if (counts->withdrawn < 0)
		return DELAYS_PARSE_RANGE;
	*item = DELAYS_ITEM_PENDING;
	if (counts->pending < 0)
		return DELAYS_PARSE_RANGE;
	*item = DELAYS_ITEM_BEYOND;
	if (counts->beyond < 0)
		return DELAYS_PARSE_RANGE;
	*item = DELAYS_ITEM_BEYOND_MIN;
	if (counts->beyond_min < 0)
		return DELAYS_PARSE_RANGE;
	*item = DELAYS_ITEM_BEYOND_MAX;
	if (counts->beyond_max < 0)
		return DELAYS_PARSE_RANGE;
	*item = DELAYS_ITEM_DAYS;
	for (d = 0; d < DELAYS_EXACT_DAYS; d++)
		if (counts->day[d] < 0)
		{
			*day = d;
			return DELAYS_PARSE_RANGE;
		}

	/* answered = day counts + beyond, without overflowing */
	*item = DELAYS_ITEM_ANSWERED;
	left = counts->answered;
	for (d = 0; d < DELAYS_EXACT_DAYS; d++)
	{
		if (counts->day[d] > left)
			return DELAYS_PARSE_MISMATCH;
		left -= counts->day[d];
	}
	if (left != counts->beyond)
		return DELAYS_PARSE_MISMATCH;

	*item = DELAYS_ITEM_BEYOND;
	if (counts->beyond == 0)
	{
		if (counts->beyond_min != 0 || counts->beyond_max != 0)
		{
			*detail = "beyond_min and beyond_max are 0 when beyond is 0.";
			return DELAYS_PARSE_BEYOND;
		}
	}
	else if (counts->beyond_min <= DELAYS_LAST_EXACT_DAY)
	{
		*detail = "beyond_min must be above 731, the last day counted exactly.";
		return DELAYS_PARSE_BEYOND;
	}
	else if (counts->beyond_min > counts->beyond_max)
	{
		*detail = "beyond_min is more than beyond_max.";
		return DELAYS_PARSE_BEYOND;
	}
	else if (counts->beyond == 1 && counts->beyond_min != counts->beyond_max)
	{
		*detail = "beyond_min and beyond_max differ, but there is only one answer beyond.";
		return DELAYS_PARSE_BEYOND;
	}
	*item = -1;
	return DELAYS_PARSE_OK;
}

int
delays_format(const DelaysCounts *counts, char *buf)
{
	int			len;
	int			d;
	const char *sep = "";

	len = snprintf(buf, DELAYS_TEXT_MAX, "answered=%lld, withdrawn=%lld, pending=%lld, days={",
				   (long long) counts->answered, (long long) counts->withdrawn,
				   (long long) counts->pending);
	for (d = 0; d < DELAYS_EXACT_DAYS && len < DELAYS_TEXT_MAX; d++)
	{
		if (counts->day[d] == 0)
			continue;
		len += snprintf(buf + len, DELAYS_TEXT_MAX - len, "%s%d:%ld", sep, d,
						(long) counts->day[d]);
		sep = ", ";
	}
	if (len < DELAYS_TEXT_MAX)
	{
		if (counts->beyond == 0)
			len += snprintf(buf + len, DELAYS_TEXT_MAX - len, "}, beyond=0");
		else
			len += snprintf(buf + len, DELAYS_TEXT_MAX - len,
							"}, beyond=%lld, beyond_min=%ld, beyond_max=%ld",
							(long long) counts->beyond, (long) counts->beyond_min,
							(long) counts->beyond_max);
	}
	return len;
}
