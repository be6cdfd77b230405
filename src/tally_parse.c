/*
 * tally_parse.c
 *		Parse and format the text form of tally (see tally_parse.h).
 */
#include "tally_parse.h"

#include <stdio.h>
#include <string.h>

#include "text_chars.h"

const char *const tally_names[TALLY_NCOUNTS] = {
	"pending", "positive", "negative", "withdrawn"
};

/* Dutch names, accepted on input. */
static const char *const tally_names_nl[TALLY_NCOUNTS] = {
	"lopend", "positief", "negatief", "ingetrokken"
};

static char
tally_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

/* Does the name at s (length len) equal word, ignoring case? */
static int
tally_name_is(const char *s, size_t len, const char *word)
{
	size_t		i;

	if (strlen(word) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (tally_lower(s[i]) != word[i])
			return 0;
	return 1;
}

TallyParseResult
tally_parse(const char *str, int64_t counts[TALLY_NCOUNTS], const char **detail)
{
	const char *p = str;
	int			seen[TALLY_NCOUNTS] = {0, 0, 0, 0};
	int			i;

	*detail = NULL;
	for (;;)
	{
		const char *name;
		size_t		namelen;
		int			which = -1;
		uint64_t	value = 0;
		int			digits = 0;
		int			minus = 0;

		while (mc_is_space(*p))
			p++;
		name = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_')
			p++;
		namelen = (size_t) (p - name);
		if (namelen == 0)
		{
			*detail = "Expected the name of a category.";
			return TALLY_PARSE_SYNTAX;
		}
		for (i = 0; i < TALLY_NCOUNTS; i++)
			if (tally_name_is(name, namelen, tally_names[i]) ||
				tally_name_is(name, namelen, tally_names_nl[i]))
				which = i;
		if (which < 0)
		{
			*detail = "Unknown category name.";
			return TALLY_PARSE_UNKNOWN_NAME;
		}
		if (seen[which])
		{
			*detail = tally_names[which];
			return TALLY_PARSE_DUPLICATE;
		}
		seen[which] = 1;

		while (mc_is_space(*p))
			p++;
		if (*p != '=' && *p != ':')
		{
			*detail = "Expected \"=\" after a category name.";
			return TALLY_PARSE_SYNTAX;
		}
		p++;
		while (mc_is_space(*p))
			p++;
		if (*p == '+' || *p == '-')
			minus = *p++ == '-';
		while (*p >= '0' && *p <= '9')
		{
			uint64_t	digit = (uint64_t) (*p - '0');

			if (value > ((uint64_t) INT64_MAX - digit) / 10)
			{
				*detail = tally_names[which];
				return TALLY_PARSE_RANGE;
			}
			value = value * 10 + digit;
			digits++;
			p++;
		}
		if (digits == 0)
		{
			*detail = "Expected a count (a whole number) after \"=\".";
			return TALLY_PARSE_SYNTAX;
		}
		/* -0 is 0, as PostgreSQL's integers read it; below 0 is out of range */
		if (minus && value != 0)
		{
			*detail = tally_names[which];
			return TALLY_PARSE_RANGE;
		}
		counts[which] = (int64_t) value;

		while (mc_is_space(*p))
			p++;
		if (*p == '\0')
			break;
		if (*p != ',')
		{
			*detail = "Expected \",\" between counts.";
			return TALLY_PARSE_SYNTAX;
		}
		p++;
	}

	for (i = 0; i < TALLY_NCOUNTS; i++)
		if (!seen[i])
		{
			*detail = tally_names[i];
			return TALLY_PARSE_MISSING;
		}
	return TALLY_PARSE_OK;
}

int
tally_format(const int64_t counts[TALLY_NCOUNTS], char *buf)
{
	return snprintf(buf, TALLY_TEXT_MAX, "%s=%lld, %s=%lld, %s=%lld, %s=%lld",
					tally_names[0], (long long) counts[0],
					tally_names[1], (long long) counts[1],
					tally_names[2], (long long) counts[2],
					tally_names[3], (long long) counts[3]);
}
