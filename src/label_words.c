/*
 * label_words.c
 *		Normalise a label typed by a person to the words it consists of.
 *
 * label_words() reads exactly len bytes of str (it never looks for a NUL)
 * and writes the words of the label, separated by single spaces, to out:
 *
 *	- ASCII letters are lower-cased; digits are kept;
 *	- Latin-1 letters with accents in UTF-8 (U+00C0 to U+00FF, e.g. é, ë,
 *	  Ü) become the letter without its accent;
 *	- white space (text_chars.h: ASCII white space and the no-break space)
 *	  and the marks - _ / . ( ) only separate words: a run of them counts
 *	  once, and leading and trailing ones are dropped;
 *	- "&" is a word of its own, and the words "and" and "en" become "&".
 *
 * So "  Ingetrokken (Geen antwoord verkregen) " becomes "ingetrokken geen
 * antwoord verkregen" and "terug- en overname" becomes "terug & overname".
 * Any other byte (a NUL, a control character, other punctuation, any other
 * UTF-8 character or a malformed sequence) makes the label invalid.
 */
#include "label_words.h"

#include <string.h>

#include "text_chars.h"

/*
 * The letter without its accent for U+00C0 .. U+00FF, in lower case, or 0
 * for characters that are not accepted (×, ÷, Æ, Ð, Þ, ß and their kin).
 */
static const char latin1_letters[64 + 1] =
	"aaaaaa\0ceeeeiiii"		/* U+00C0 .. U+00CF: À Á Â Ã Ä Å Æ Ç È .. Ï */
	"\0nooooo\0ouuuuy\0\0"		/* U+00D0 .. U+00DF: Ð Ñ Ò .. Ö × Ø Ù .. Ü Ý Þ ß */
	"aaaaaa\0ceeeeiiii"		/* U+00E0 .. U+00EF */
	"\0nooooo\0ouuuuy\0y";		/* U+00F0 .. U+00FF */

/* Is c one of the marks that, like white space, only separate words? */
static int
words_is_mark(unsigned char c)
{
	return c == '-' || c == '_' || c == '/' || c == '.' || c == '(' || c == ')';
}

/*
 * State of the output: where the current word started, and whether a word
 * has been written already (so the next one needs a space first).
 */
typedef struct WordsOut
{
	char	   *buf;
	size_t		size;
	size_t		len;
	size_t		word_start;
	int			in_word;
} WordsOut;

/* Append one byte; 0 if it does not fit (one byte stays for the NUL). */
static int
words_put_byte(WordsOut *o, char c)
{
	if (o->len + 1 >= o->size)
		return 0;
	o->buf[o->len++] = c;
	return 1;
}

/* Start a word if none is open, with a space before it if one came before. */
static int
words_begin(WordsOut *o)
{
	if (o->in_word)
		return 1;
	if (o->len > 0 && !words_put_byte(o, ' '))
		return 0;
	o->word_start = o->len;
	o->in_word = 1;
	return 1;
}

/* Close the open word, if any; "and" and "en" become "&". */
static void
words_end(WordsOut *o)
{
	size_t		n;

	if (!o->in_word)
		return;
	o->in_word = 0;
	n = o->len - o->word_start;
	if ((n == 3 && memcmp(o->buf + o->word_start, "and", 3) == 0) ||
		(n == 2 && memcmp(o->buf + o->word_start, "en", 2) == 0))
	{
		o->buf[o->word_start] = '&';
		o->len = o->word_start + 1;
	}
}

/*
 * Normalise the len bytes at str into out (outsize bytes, NUL-terminated).
 * Returns the length of the result, or -1 if the label has a byte that is
 * not accepted or its normal form does not fit.
 */
int
label_words(const char *str, size_t len, char *out, size_t outsize)
{
	const unsigned char *s = (const unsigned char *) str;
	WordsOut	o;
	size_t		i = 0;

	if (outsize == 0)
		return -1;
	o.buf = out;
	o.size = outsize;
	o.len = 0;
	o.word_start = 0;
	o.in_word = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		space;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		{
			if (!words_begin(&o) || !words_put_byte(&o, (char) c))
				return -1;
			i++;
		}
		else if (c >= 'A' && c <= 'Z')
		{
			if (!words_begin(&o) || !words_put_byte(&o, (char) (c - 'A' + 'a')))
				return -1;
			i++;
		}
		else if (words_is_mark(c))
		{
			words_end(&o);
			i++;
		}
		else if ((space = mc_utf8_space_len(s + i, len - i)) > 0)
		{
			words_end(&o);
			i += space;
		}
		else if (c == '&')
		{
			words_end(&o);
			if (!words_begin(&o) || !words_put_byte(&o, '&'))
				return -1;
			words_end(&o);
			i++;
		}
		else if (c == 0xC3 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF)
		{
			/* U+00C0 .. U+00FF */
			char		letter = latin1_letters[s[i + 1] - 0x80];

			if (letter == '\0')
				return -1;
			if (!words_begin(&o) || !words_put_byte(&o, letter))
				return -1;
			i += 2;
		}
		else
			return -1;
	}
	words_end(&o);
	o.buf[o.len] = '\0';
	return (int) o.len;
}

/*
 * The ordinal of the name among names[0 .. count - 1] whose words are the
 * len bytes at words, or -1 when none is.
 */
int
label_lookup(const LabelName *names, size_t count, const char *words, size_t len)
{
	size_t		i;

	for (i = 0; i < count; i++)
		if (strlen(names[i].words) == len && memcmp(names[i].words, words, len) == 0)
			return names[i].ordinal;
	return -1;
}
