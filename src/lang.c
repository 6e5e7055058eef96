/*
 * Language detection by stop words: the short words every sentence of a
 * language is full of ("the", "und", "что") are counted over the start
 * of a text, and the language with clearly the most wins.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

#define LANG_SCAN	3072	/* bytes of text looked at */
#define LANG_WORD	24	/* longest stop word, in bytes */
#define LANG_MIN_HITS	3	/* fewer stop words than this: unsure */
#define LANG_SURE_HITS	12	/* this many, far ahead: stop reading */
#define LANG_STOP_MAX	10	/* bytes of the longest stop word */
#define LANG_SLOTS	512	/* stop words by hash, most slots empty */

#define EN	(1 << LANG_EN)
#define FR	(1 << LANG_FR)
#define DE	(1 << LANG_DE)
#define ES	(1 << LANG_ES)
#define RU	(1 << LANG_RU)

/* Sorted by strcmp (bytes); a word may count for several languages. */
static const struct lang_word {
	const char	*word;
	int		 langs;
} lang_words[] = {
	{ "a", EN | ES }, { "about", EN }, { "after", EN }, { "al", ES },
	{ "als", DE }, { "an", EN | DE }, { "and", EN }, { "are", EN },
	{ "as", EN }, { "at", EN }, { "au", FR }, { "auch", DE },
	{ "auf", DE }, { "aus", DE }, { "aux", FR }, { "avec", FR },
	{ "be", EN }, { "been", EN }, { "bei", DE }, { "but", EN },
	{ "by", EN }, { "ce", FR }, { "cette", FR }, { "como", ES },
	{ "con", ES }, { "dans", FR }, { "das", DE }, { "dass", DE },
	{ "de", FR | ES }, { "del", ES }, { "dem", DE }, { "den", DE },
	{ "der", DE }, { "des", FR | DE }, { "die", DE }, { "du", FR },
	{ "ein", DE }, { "eine", DE }, { "einer", DE }, { "el", ES },
	{ "elle", FR }, { "en", FR | ES }, { "entre", FR | ES },
	{ "est", FR }, { "esta", ES }, { "este", ES }, { "et", FR },
	{ "for", EN }, { "from", EN }, { "fue", ES }, { "f\xc3\xbcr", DE },
	{ "ha", ES }, { "han", ES }, { "has", EN }, { "hat", DE },
	{ "have", EN }, { "il", FR }, { "im", DE }, { "in", EN | DE },
	{ "is", EN }, { "ist", DE }, { "it", EN }, { "its", EN },
	{ "la", FR | ES }, { "las", ES }, { "le", FR }, { "les", FR },
	{ "leur", FR }, { "lo", ES }, { "los", ES }, { "mais", FR },
	{ "mit", DE }, { "m\xc3\xa1s", ES }, { "nach", DE }, { "nicht", DE },
	{ "not", EN }, { "of", EN }, { "on", EN }, { "ont", FR },
	{ "para", ES }, { "pas", FR }, { "pero", ES }, { "plus", FR },
	{ "por", ES }, { "pour", FR }, { "que", FR | ES }, { "qui", FR },
	{ "said", EN }, { "se", FR | ES }, { "sich", DE }, { "sind", DE },
	{ "sobre", ES }, { "son", FR | ES }, { "sont", FR }, { "su", ES },
	{ "sur", FR }, { "sus", ES }, { "tambi\xc3\xa9n", ES },
	{ "that", EN }, { "the", EN }, { "their", EN }, { "they", EN },
	{ "this", EN }, { "to", EN }, { "un", FR | ES }, { "una", ES },
	{ "und", DE }, { "une", FR }, { "von", DE }, { "was", EN },
	{ "were", EN }, { "which", EN }, { "wie", DE }, { "will", EN },
	{ "wird", DE }, { "with", EN }, { "wurde", DE }, { "y", ES },
	{ "zu", DE }, { "\xc3\xa0", FR }, { "\xc3\xa9t\xc3\xa9", FR },
	{ "\xc3\xbc" "ber", DE },
	/* Russian, in Cyrillic (UTF-8 sorts after the Latin words). */
	{ "\xd0\xb1\xd1\x8b\xd0\xbb", RU },			/* был */
	{ "\xd0\xb2", RU },					/* в */
	{ "\xd0\xb4\xd0\xbb\xd1\x8f", RU },			/* для */
	{ "\xd0\xb5\xd0\xb3\xd0\xbe", RU },			/* его */
	{ "\xd0\xb7\xd0\xb0", RU },				/* за */
	{ "\xd0\xb8", RU },					/* и */
	{ "\xd0\xb8\xd0\xb7", RU },				/* из */
	{ "\xd0\xba", RU },					/* к */
	{ "\xd0\xba\xd0\xb0\xd0\xba", RU },			/* как */
	{ "\xd0\xbd\xd0\xb0", RU },				/* на */
	{ "\xd0\xbd\xd0\xb5", RU },				/* не */
	{ "\xd0\xbd\xd0\xbe", RU },				/* но */
	{ "\xd0\xbe", RU },					/* о */
	{ "\xd0\xbe\xd0\xbd", RU },				/* он */
	{ "\xd0\xbe\xd1\x82", RU },				/* от */
	{ "\xd0\xbf\xd0\xbe", RU },				/* по */
	{ "\xd0\xbf\xd1\x80\xd0\xb8", RU },			/* при */
	{ "\xd1\x81", RU },					/* с */
	{ "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5", RU },	/* также */
	{ "\xd1\x87\xd1\x82\xd0\xbe", RU },			/* что */
	{ "\xd1\x8d\xd1\x82\xd0\xbe", RU },			/* это */
};

_Static_assert(sizeof lang_words / sizeof lang_words[0] < 255,
    "lang_slots holds indexes of one byte");

static const struct {
	const char	*code;
	const char	*stemmer;
	int		 latin;
} lang_table[LANG_COUNT] = {
	[LANG_NONE] = { NULL, NULL, 0 },
	[LANG_EN] = { "en", "english", 1 },
	[LANG_FR] = { "fr", "french", 1 },
	[LANG_DE] = { "de", "german", 1 },
	[LANG_ES] = { "es", "spanish", 1 },
	[LANG_RU] = { "ru", "russian", 0 },
};

const char *
lang_code(enum lang lang)
{
	if ((unsigned)lang >= LANG_COUNT)
		return (NULL);
	return (lang_table[lang].code);
}

const char *
lang_stemmer(enum lang lang)
{
	if ((unsigned)lang >= LANG_COUNT)
		return (NULL);
	return (lang_table[lang].stemmer);
}

int
lang_latin(enum lang lang)
{
	if ((unsigned)lang >= LANG_COUNT)
		return (0);
	return (lang_table[lang].latin);
}

/* Each stop word's place in lang_words + 1, by hash; 0 is empty. */
static unsigned char	 lang_slots[LANG_SLOTS];
static pthread_once_t	 lang_slots_once = PTHREAD_ONCE_INIT;

static uint32_t
lang_hash(const char *word, size_t len)
{
	uint32_t	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)word[i]) * 16777619u;
	return (h);
}

static void
lang_slots_fill(void)
{
	size_t		 i;
	uint32_t	 h;

	for (i = 0; i < sizeof lang_words / sizeof lang_words[0]; i++) {
		h = lang_hash(lang_words[i].word, strlen(lang_words[i].word));
		while (lang_slots[h % LANG_SLOTS] != 0)
			h++;
		lang_slots[h % LANG_SLOTS] = (unsigned char)(i + 1);
	}
}

/*
 * Lower-case one UTF-8 character of a word into out: ASCII, Latin-1
 * capitals (U+00C0-U+00DE) and Russian capitals; others are copied.
 * Returns the bytes read.
 */
static size_t
lang_lower(const unsigned char *p, size_t left, unsigned char *out,
    size_t *outlen)
{
	size_t	 n = 1;

	if (*p >= 'A' && *p <= 'Z') {
		out[0] = *p + ('a' - 'A');
		*outlen = 1;
		return (1);
	}
	if (*p >= 0xc0 && *p < 0xe0 && left >= 2)
		n = 2;
	memcpy(out, p, n);
	*outlen = n;
	if (n != 2)
		return (n);
	if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97)
		out[1] = p[1] + 0x20;
	else if (p[0] == 0xd0 && p[1] >= 0x90 && p[1] <= 0x9f)
		out[1] = p[1] + 0x20;
	else if (p[0] == 0xd0 && p[1] >= 0xa0 && p[1] <= 0xaf) {
		out[0] = 0xd1;
		out[1] = p[1] - 0x20;
	}
	return (n);
}

/* A byte that is part of a word: a letter, or any non-ASCII byte. */
static int
lang_word_byte(unsigned char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80);
}

/*
 * Count a word (lower-cased, NUL-terminated, len bytes) for the languages
 * it is a stop word of; 1 if it is one.
 */
static int
lang_count(const char *word, size_t len, unsigned *hits)
{
	const struct lang_word	*w = NULL;
	uint32_t		 h;
	int			 i;

	if (len > LANG_STOP_MAX)
		return (0);
	for (h = lang_hash(word, len); lang_slots[h % LANG_SLOTS] != 0; h++) {
		w = &lang_words[lang_slots[h % LANG_SLOTS] - 1];
		if (strcmp(w->word, word) == 0)
			break;
		w = NULL;
	}
	if (w == NULL)
		return (0);
	for (i = 0; i < LANG_COUNT; i++) {
		if (w->langs & (1 << i))
			hits[i]++;
	}
	return (1);
}

/*
 * Is one language so far ahead that reading on cannot change the
 * answer?  Most texts settle within their first hundred words.
 */
static int
lang_clear(const unsigned *hits)
{
	unsigned	 best = 0, second = 0;
	int		 i;

	for (i = 1; i < LANG_COUNT; i++) {
		if (hits[i] > best) {
			second = best;
			best = hits[i];
		} else if (hits[i] > second)
			second = hits[i];
	}
	return (best >= LANG_SURE_HITS && best >= 4 * second);
}

/* The language with the most hits, if clearly ahead of the next. */
static enum lang
lang_best(const unsigned *hits)
{
	unsigned	 best = 0, second = 0;
	int		 i, which = LANG_NONE;

	for (i = 1; i < LANG_COUNT; i++) {
		if (hits[i] > best) {
			second = best;
			best = hits[i];
			which = i;
		} else if (hits[i] > second)
			second = hits[i];
	}
	if (best < LANG_MIN_HITS || 2 * best <= 3 * second)
		return (LANG_NONE);
	return ((enum lang)which);
}

/*
 * Guess the language of text from its stop words.  Only the first
 * LANG_SCAN bytes are read, so the cost does not grow with the text;
 * returns LANG_NONE when there are too few stop words to be sure.
 */
enum lang
lang_detect(const char *text, size_t len)
{
	const unsigned char	*p = (const unsigned char *)text, *end;
	unsigned char		 word[LANG_WORD + 4];
	unsigned		 hits[LANG_COUNT] = { 0 };
	size_t			 n, got, step;

	if (text == NULL)
		return (LANG_NONE);
	pthread_once(&lang_slots_once, lang_slots_fill);
	end = p + (len < LANG_SCAN ? len : LANG_SCAN);
	while (p < end) {
		if (!lang_word_byte(*p)) {
			p++;
			continue;
		}
		n = 0;
		while (p < end && lang_word_byte(*p)) {
			/* Lower-case ASCII letters here, the rest in lang_lower. */
			if (*p < 0x80 && n < LANG_WORD) {
				word[n++] = *p++ | 0x20;
				continue;
			}
			step = lang_lower(p, (size_t)(end - p), word + n, &got);
			p += step;
			if (n + got <= LANG_WORD)
				n += got;
			else
				n = LANG_WORD + 1;
		}
		if (n > LANG_WORD)
			continue;
		word[n] = '\0';
		if (lang_count((const char *)word, n, hits) && lang_clear(hits))
			break;
	}
	return (lang_best(hits));
}
