/*
 * The "telex" FTS5 tokenizer.  Each word is indexed twice at one
 * position: folded (case and accents) as written, and, colocated, as
 * "~" + its folded Snowball stem in the language the text is written in.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <sqlite3.h>
#include <utf8proc.h>

#include "lang.h"
#include "store-pack.h"
#include "store-stem.h"
#include "util.h"

#define STEM_TABLE	0x800	/* code points with a cached folding */
#define STEM_CHAR	12	/* bytes of one cached folding */
#define STEM_TOKEN	256	/* longer words are cut, and not stemmed */
#define STEM_MARK	'~'	/* starts a stem; never part of a word */
#define STEM_EXACT	'='	/* a query string that starts so is exact */
#define STEM_CACHE	8192	/* stems remembered, most words being few */
#define STEM_CACHE_WORD	32	/* longer words are stemmed every time */

/* Which stems a word gets, by the letters it is written in. */
enum stem_script {
	STEM_OTHER,		/* digits, or a script telex does not stem */
	STEM_LATIN,
	STEM_CYRILLIC
};

struct store_stem_char {
	unsigned char	 word;			/* letter, digit or mark */
	unsigned char	 lowlen;
	unsigned char	 foldlen;
	char		 low[STEM_CHAR];	/* case folded */
	char		 fold[STEM_CHAR];	/* and without accents */
};

struct store_stem_cached {
	unsigned char	 lang;
	unsigned char	 wordlen;
	unsigned char	 stemlen;
	unsigned char	 same;		/* the stem is the folded word */
	char		 word[STEM_CACHE_WORD];
	char		 stem[STEM_CACHE_WORD + 8];	/* folded, marked */
};

struct store_stem {
	struct sb_stemmer	*stemmers[LANG_COUNT];
	struct store_stem_cached cache[STEM_CACHE];
};

/* One word as it is being read. */
struct store_stem_word {
	char		 low[STEM_TOKEN + STEM_CHAR];
	size_t		 lowlen;
	char		 fold[STEM_TOKEN + STEM_CHAR];
	size_t		 foldlen;
	int		 cut;
	enum stem_script script;
};

/* The FTS5 callback and its context, as xTokenize receives them. */
struct store_stem_out {
	void	 *ctx;
	int	(*token)(void *, int, const char *, int, int, int);
	int	  query;		/* stems are also looked for as words */
	char	  seen[2 * LANG_COUNT][STEM_TOKEN + STEM_CHAR + 1];
	size_t	  seenlen[2 * LANG_COUNT];
	size_t	  nseen;
};

/* Append the UTF-8 of what utf8proc maps cp to; the length, or -1. */
static int
store_stem_map(utf8proc_int32_t cp, int options, char *out, size_t size)
{
	utf8proc_int32_t	 cps[8];
	utf8proc_ssize_t	 n, i;
	size_t			 len = 0;
	int			 last = 0;
	unsigned char		 tmp[4];
	utf8proc_ssize_t	 w;

	n = utf8proc_decompose_char(cp, cps, 8, options, &last);
	if (n < 0 || n > 8)
		return (-1);
	for (i = 0; i < n; i++) {
		w = utf8proc_encode_char(cps[i], tmp);
		if (w <= 0 || len + (size_t)w > size)
			return (-1);
		memcpy(out + len, tmp, (size_t)w);
		len += (size_t)w;
	}
	return ((int)len);
}

/* Letters, digits and combining marks make words. */
static int
store_stem_is_word(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return (1);
	default:
		return (0);
	}
}

/* Work out the folding of one code point; 0, or -1 if it has none. */
static int
store_stem_char(utf8proc_int32_t cp, struct store_stem_char *c)
{
	int	 low, fold;

	c->word = store_stem_is_word(cp);
	low = store_stem_map(cp, UTF8PROC_CASEFOLD, c->low, sizeof c->low);
	fold = store_stem_map(cp, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
	    UTF8PROC_STRIPMARK, c->fold, sizeof c->fold);
	if (low < 0 || fold < 0)
		return (-1);
	c->lowlen = (unsigned char)low;
	c->foldlen = (unsigned char)fold;
	return (0);
}

static void
store_stem_free(struct store_stem *ss)
{
	int	 i;

	if (ss == NULL)
		return;
	for (i = 0; i < LANG_COUNT; i++) {
		if (ss->stemmers[i] != NULL)
			sb_stemmer_delete(ss->stemmers[i]);
	}
	free(ss);
}

/* FTS5 xCreate: the stemmers and the folding of the first code points. */
/* The foldings of the commonest code points, shared by every tokenizer. */
static struct store_stem_char	 store_stem_chars[STEM_TABLE];
static pthread_once_t		 store_stem_chars_once = PTHREAD_ONCE_INIT;

/* An ASCII byte folded (a letter or digit in lower case), 0 if no word. */
static unsigned char		 store_stem_ascii[0x80];

static void
store_stem_chars_fill(void)
{
	utf8proc_int32_t	 cp;

	for (cp = 0; cp < STEM_TABLE; cp++) {
		if (store_stem_char(cp, &store_stem_chars[cp]) != 0)
			memset(&store_stem_chars[cp], 0,
			    sizeof store_stem_chars[cp]);
	}
	for (cp = 0; cp < 0x80; cp++) {
		if (store_stem_chars[cp].word && store_stem_chars[cp].lowlen == 1)
			store_stem_ascii[cp] = (unsigned char)
			    store_stem_chars[cp].low[0];
	}
}

static int
store_stem_create(void *unused, const char **args, int nargs,
    Fts5Tokenizer **out)
{
	struct store_stem	*ss;
	int			 i;

	pthread_once(&store_stem_chars_once, store_stem_chars_fill);
	ss = xcalloc(1, sizeof *ss);
	for (i = 1; i < LANG_COUNT; i++) {
		ss->stemmers[i] = sb_stemmer_new(lang_stemmer(i), "UTF_8");
		if (ss->stemmers[i] == NULL) {
			store_stem_free(ss);
			return (SQLITE_ERROR);
		}
	}
	*out = (Fts5Tokenizer *)ss;
	return (SQLITE_OK);
}

static void
store_stem_delete(Fts5Tokenizer *tok)
{
	store_stem_free((struct store_stem *)tok);
}

/* Decode one code point at p; invalid bytes decode as -1, one byte. */
static size_t
store_stem_next(const unsigned char *p, size_t left, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t	 n;

	if (*p < 0x80) {
		*cp = *p;
		return (1);
	}
	/* Two bytes (accented Latin, Cyrillic) are decoded here. */
	if (*p >= 0xc2 && *p < 0xe0 && left >= 2 && (p[1] & 0xc0) == 0x80) {
		*cp = (*p & 0x1f) << 6 | (p[1] & 0x3f);
		return (2);
	}
	n = utf8proc_iterate(p, (utf8proc_ssize_t)left, cp);
	if (n <= 0) {
		*cp = -1;
		return (1);
	}
	return ((size_t)n);
}

/* Is cp part of a word?  The table answers for the common ones. */
static int
store_stem_wordchar(struct store_stem *ss, utf8proc_int32_t cp)
{
	if (cp < 0)
		return (0);
	if (cp < STEM_TABLE)
		return (store_stem_chars[cp].word);
	return (store_stem_is_word(cp));
}

static enum stem_script
store_stem_script(utf8proc_int32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp < 0x250))
		return (STEM_LATIN);
	if (cp >= 0x400 && cp < 0x530)
		return (STEM_CYRILLIC);
	return (STEM_OTHER);
}

/* Add code point cp to the word, in both its forms. */
static void
store_stem_add(struct store_stem *ss, struct store_stem_word *w,
    utf8proc_int32_t cp)
{
	struct store_stem_char	 big;
	const struct store_stem_char *c = &big;
	enum stem_script	 script;

	if (cp < STEM_TABLE)
		c = &store_stem_chars[cp];
	else if (store_stem_char(cp, &big) != 0)
		return;
	if (w->lowlen + c->lowlen > STEM_TOKEN ||
	    w->foldlen + c->foldlen > STEM_TOKEN) {
		w->cut = 1;
		return;
	}
	/* Whole foldings are copied: the word has room for one more. */
	memcpy(w->low + w->lowlen, c->low, STEM_CHAR);
	w->lowlen += c->lowlen;
	memcpy(w->fold + w->foldlen, c->fold, STEM_CHAR);
	w->foldlen += c->foldlen;
	if ((script = store_stem_script(cp)) != STEM_OTHER &&
	    w->script == STEM_OTHER)
		w->script = script;
}

/*
 * Add the run of ASCII letters and digits at text + i to w, in both its
 * forms (the same for ASCII); returns where the run ends.
 */
static size_t
store_stem_ascii_run(const unsigned char *text, size_t len, size_t i,
    struct store_stem_word *w)
{
	char		*low = w->low + w->lowlen, *fold = w->fold + w->foldlen;
	size_t		 room;
	unsigned char	 c, seen = 0;

	room = STEM_TOKEN - (w->lowlen > w->foldlen ? w->lowlen : w->foldlen);
	for (; i < len && text[i] < 0x80; i++) {
		if ((c = store_stem_ascii[text[i]]) == 0)
			break;
		if (room == 0) {
			w->cut = 1;
			continue;
		}
		*low++ = (char)c;
		*fold++ = (char)c;
		room--;
		seen |= c;
	}
	w->lowlen = (size_t)(low - w->low);
	w->foldlen = (size_t)(fold - w->fold);
	/* Letters have 0x40 set, digits not. */
	if ((seen & 0x40) != 0 && w->script == STEM_OTHER)
		w->script = STEM_LATIN;
	return (i);
}

/*
 * Read the word that starts at text + *at into w and move *at past it
 * and the separators before the next.  Returns 0, or -1 if no word is
 * left; *start is the byte offset of the word.
 */
static int
store_stem_read(struct store_stem *ss, const unsigned char *text,
    size_t len, size_t *at, size_t *start, struct store_stem_word *w)
{
	utf8proc_int32_t	 cp;
	size_t			 i = *at, n;

	for (;; i += n) {
		if (i >= len) {
			*at = i;
			return (-1);
		}
		n = 1;
		if (text[i] < 0x80) {
			if (store_stem_ascii[text[i]] != 0)
				break;
			continue;
		}
		n = store_stem_next(text + i, len - i, &cp);
		if (store_stem_wordchar(ss, cp))
			break;
	}
	*start = i;
	w->lowlen = w->foldlen = 0;
	w->cut = 0;
	w->script = STEM_OTHER;
	while (i < len) {
		if (text[i] < 0x80) {
			if (store_stem_ascii[text[i]] == 0)
				break;
			i = store_stem_ascii_run(text, len, i, w);
			continue;
		}
		n = store_stem_next(text + i, len - i, &cp);
		if (!store_stem_wordchar(ss, cp))
			break;
		store_stem_add(ss, w, cp);
		i += n;
	}
	*at = i;
	return (0);
}

/*
 * Find the next word as store_stem_read does, without folding it: for
 * the auxiliary functions (snippets, highlights), which need only where
 * each word is.  Returns 0, or -1 if no word is left.
 */
static int
store_stem_span(struct store_stem *ss, const unsigned char *text,
    size_t len, size_t *at, size_t *start)
{
	utf8proc_int32_t	 cp;
	size_t			 n;
	int			 inside = 0;

	while (*at < len) {
		if (text[*at] < 0x80) {
			cp = text[*at];
			n = 1;
		} else if (text[*at] >= 0xc2 && text[*at] < 0xe0 &&
		    *at + 1 < len && (text[*at + 1] & 0xc0) == 0x80) {
			cp = (text[*at] & 0x1f) << 6 | (text[*at + 1] & 0x3f);
			n = 2;
		} else
			n = store_stem_next(text + *at, len - *at, &cp);
		if (store_stem_wordchar(ss, cp) != inside) {
			if (inside)
				return (0);
			inside = 1;
			*start = *at;
		}
		*at += n;
	}
	return (inside ? 0 : -1);
}

/* Tokenize for the auxiliary functions: where the words are, as written. */
static int
store_stem_aux(struct store_stem *ss, struct store_stem_out *out,
    const char *text, size_t len)
{
	size_t	 at = 0, start = 0;
	int	 rc;

	while (store_stem_span(ss, (const unsigned char *)text, len, &at,
	    &start) == 0) {
		rc = out->token(out->ctx, 0, text + start, (int)(at - start),
		    (int)start, (int)at);
		if (rc != SQLITE_OK)
			return (rc);
	}
	return (SQLITE_OK);
}

/* Fold a stem into out after STEM_MARK; returns the length. */
static size_t
store_stem_fold(struct store_stem *ss, const unsigned char *stem,
    size_t len, char *out)
{
	struct store_stem_word	 w;
	size_t			 at = 0, start;

	memset(&w, 0, sizeof w);
	if (store_stem_read(ss, stem, len, &at, &start, &w) != 0)
		return (0);
	out[0] = STEM_MARK;
	memcpy(out + 1, w.fold, w.foldlen);
	return (w.foldlen + 1);
}

/* Emit one token colocated with the word, unless it was emitted. */
static int
store_stem_emit_once(struct store_stem_out *out, const char *token,
    size_t len, int start, int end)
{
	size_t	 i;

	if (len == 0 || len > sizeof out->seen[0])
		return (SQLITE_OK);
	for (i = 0; i < out->nseen; i++) {
		if (out->seenlen[i] == len &&
		    memcmp(out->seen[i], token, len) == 0)
			return (SQLITE_OK);
	}
	if (out->nseen < UTIL_ARRLEN(out->seen)) {
		memcpy(out->seen[out->nseen], token, len);
		out->seenlen[out->nseen++] = len;
	}
	return (out->token(out->ctx, FTS5_TOKEN_COLOCATED, token, (int)len,
	    start, end));
}

/*
 * Stem a word in one language (folded, marked) into buf, or find it
 * remembered; *stem points to it, *same says whether it is the folded
 * word itself.  Returns the length.
 */
static size_t
store_stem_stem(struct store_stem *ss, const struct store_stem_word *w,
    int lang, char *buf, const char **stem, int *same)
{
	struct store_stem_cached *c;
	const sb_symbol		*p;
	uint32_t		 h = 2166136261u ^ (uint32_t)lang;
	size_t			 i, len;

	for (i = 0; i < w->lowlen; i++)
		h = (h ^ (unsigned char)w->low[i]) * 16777619u;
	c = &ss->cache[h % STEM_CACHE];
	if (c->lang == lang && c->wordlen == w->lowlen &&
	    memcmp(c->word, w->low, w->lowlen) == 0) {
		*stem = c->stem;
		*same = c->same;
		return (c->stemlen);
	}
	*stem = buf;
	*same = 0;
	p = sb_stemmer_stem(ss->stemmers[lang], (const sb_symbol *)w->low,
	    (int)w->lowlen);
	if (p == NULL)
		return (0);
	len = store_stem_fold(ss, p, (size_t)sb_stemmer_length(
	    ss->stemmers[lang]), buf);
	*same = len - 1 == w->foldlen && memcmp(buf + 1, w->fold,
	    w->foldlen) == 0;
	if (w->lowlen <= sizeof c->word && len <= sizeof c->stem) {
		c->lang = (unsigned char)lang;
		c->wordlen = (unsigned char)w->lowlen;
		memcpy(c->word, w->low, w->lowlen);
		c->stemlen = (unsigned char)len;
		c->same = (unsigned char)*same;
		memcpy(c->stem, buf, len);
	}
	return (len);
}

/*
 * Emit the stems of w in the languages of mask, colocated with the word.
 * A document word whose stem is the word itself gets no stem (it is most
 * words, "the" and "of" first), so a query word also looks for each of
 * its stems as a word.
 */
static int
store_stem_emit_stems(struct store_stem *ss, struct store_stem_word *w,
    int mask, struct store_stem_out *out, int start, int end)
{
	char		 buf[STEM_TOKEN + STEM_CHAR + 1];
	const char	*stem;
	size_t		 len;
	int		 i, rc, same;

	out->nseen = 0;
	for (i = 1; i < LANG_COUNT; i++) {
		if ((mask & (1 << i)) == 0)
			continue;
		len = store_stem_stem(ss, w, i, buf, &stem, &same);
		if ((len <= 1 || same) && !out->query)
			continue;
		rc = store_stem_emit_once(out, stem, len, start, end);
		if (rc == SQLITE_OK && out->query && !same)
			rc = store_stem_emit_once(out, stem + 1, len - 1,
			    start, end);
		if (rc != SQLITE_OK)
			return (rc);
	}
	return (SQLITE_OK);
}

#define STEM_LATIN_LANGS \
	((1 << LANG_EN) | (1 << LANG_FR) | (1 << LANG_DE) | (1 << LANG_ES))

/*
 * The languages a word is stemmed in: Cyrillic words in Russian; Latin
 * words in the text's language when it is known and Latin, else in every
 * Latin language telex stems; other words not at all.
 */
static int
store_stem_langs(const struct store_stem_word *w, enum lang lang)
{
	if (w->cut)
		return (0);
	switch (w->script) {
	case STEM_CYRILLIC:
		return (1 << LANG_RU);
	case STEM_LATIN:
		if (lang != LANG_NONE && lang_latin(lang))
			return (1 << lang);
		return (STEM_LATIN_LANGS);
	default:
		return (0);
	}
}

/* Tokenize text: stemmed unless exact; lang says how (LANG_NONE: all). */
static int
store_stem_run(struct store_stem *ss, struct store_stem_out *out,
    const char *text, size_t len, int stemmed, enum lang lang)
{
	const unsigned char	*p = (const unsigned char *)text;
	struct store_stem_word	 w;
	size_t			 at = 0, start;
	int			 rc;

	while (store_stem_read(ss, p, len, &at, &start, &w) == 0) {
		rc = out->token(out->ctx, 0, w.fold, (int)w.foldlen,
		    (int)start, (int)at);
		if (rc != SQLITE_OK)
			return (rc);
		if (!stemmed)
			continue;
		rc = store_stem_emit_stems(ss, &w, store_stem_langs(&w, lang),
		    out, (int)start, (int)at);
		if (rc != SQLITE_OK)
			return (rc);
	}
	return (SQLITE_OK);
}

/* How many words text holds, counting no further than two. */
static int
store_stem_count(struct store_stem *ss, const char *text, size_t len)
{
	struct store_stem_word	 w;
	size_t			 at = 0, start;
	int			 n = 0;

	while (n < 2 && store_stem_read(ss, (const unsigned char *)text, len,
	    &at, &start, &w) == 0)
		n++;
	return (n);
}

/*
 * Documents are indexed with stems in their detected language; the
 * auxiliary functions need positions only; a query word gets its stems
 * in every language, while phrases, "=word" and prefixes match words as
 * written.
 */
static int
store_stem_choose(struct store_stem *ss, struct store_stem_out *out,
    int flags, const char *text, size_t n)
{
	if (flags == FTS5_TOKENIZE_DOCUMENT)
		return (store_stem_run(ss, out, text, n, 1,
		    lang_detect(text, n)));
	if ((flags & FTS5_TOKENIZE_QUERY) == 0)
		return (store_stem_aux(ss, out, text, n));
	if ((flags & FTS5_TOKENIZE_PREFIX) != 0)
		return (store_stem_run(ss, out, text, n, 0, LANG_NONE));
	if (n > 0 && text[0] == STEM_EXACT)
		return (store_stem_run(ss, out, text + 1, n - 1, 0,
		    LANG_NONE));
	if (store_stem_count(ss, text, n) > 1)
		return (store_stem_run(ss, out, text, n, 0, LANG_NONE));
	return (store_stem_run(ss, out, text, n, 1, LANG_NONE));
}

/* FTS5 xTokenize. */
static int
store_stem_tokenize(Fts5Tokenizer *tok, void *ctx, int flags,
    const char *text, int len,
    int (*token)(void *, int, const char *, int, int, int))
{
	struct store_stem_out	 out;

	if (text == NULL)
		return (SQLITE_OK);
	/* Not the words seen (kBs): only the first nseen are read. */
	out.nseen = 0;
	out.ctx = ctx;
	out.token = token;
	out.query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	return (store_stem_choose((struct store_stem *)tok, &out, flags, text,
	    len > 0 ? (size_t)len : 0));
}

char *
store_stem_fold_text(const char *text)
{
	utf8proc_uint8_t	*out = NULL;

	if (utf8proc_map((const utf8proc_uint8_t *)text, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0 || out == NULL) {
		free(out);
		return (xstrdup(text));
	}
	return ((char *)out);
}

/* telex_fold(TEXT): TEXT with case and accents folded, as words are. */
static void
store_stem_fold_fn(sqlite3_context *ctx, int nargs, sqlite3_value **args)
{
	const char	*text;

	if (nargs != 1 || (text = (const char *)sqlite3_value_text(args[0])) ==
	    NULL)
		return;
	sqlite3_result_text(ctx, store_stem_fold_text(text), -1, free);
}

/* Fold case alone (tags keep their accents); caller frees, NULL if bad. */
static char *
store_stem_casefold(const void *text, int len)
{
	utf8proc_uint8_t	*out = NULL;

	if (utf8proc_map(text, len, &out, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0) {
		free(out);
		return (NULL);
	}
	return ((char *)out);
}

/*
 * The "telex_nocase" collation: case folded in every script, as tag
 * names compare ("Économie" is "économie"); SQLite's NOCASE folds ASCII
 * only.  Text that is not UTF-8 compares byte by byte.
 */
static int
store_stem_nocase(void *unused, int alen, const void *a, int blen,
    const void *b)
{
	char	*fa, *fb;
	int	 rc;

	fa = store_stem_casefold(a, alen);
	fb = store_stem_casefold(b, blen);
	if (fa != NULL && fb != NULL)
		rc = strcmp(fa, fb);
	else {
		rc = memcmp(a, b, (size_t)(alen < blen ? alen : blen));
		if (rc == 0)
			rc = alen - blen;
	}
	free(fa);
	free(fb);
	return (rc);
}

/* Register the tokenizer with the FTS5 of one connection. */
static int
store_stem_register(sqlite3 *db)
{
	static fts5_tokenizer	 tokenizer = {
		store_stem_create, store_stem_delete, store_stem_tokenize
	};
	sqlite3_stmt		*s = NULL;
	fts5_api		*api = NULL;
	int			 rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK || api == NULL || api->iVersion < 2)
		return (SQLITE_ERROR);
	rc = api->xCreateTokenizer(api, "telex", NULL, &tokenizer, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "telex_fold", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
		    store_stem_fold_fn, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation_v2(db, "telex_nocase",
		    SQLITE_UTF8, NULL, store_stem_nocase, NULL);
	if (rc == SQLITE_OK)
		rc = store_pack_register(db);
	if (rc != SQLITE_OK)
		return (rc);
	return (store_rank_register(db, api));
}

static int
store_stem_entry(sqlite3 *db, char **error,
    const struct sqlite3_api_routines *routines)
{
	return (store_stem_register(db));
}

int
store_stem_setup(void)
{
	/*
	 * telex never asks SQLite how much memory it holds: without the
	 * count, no allocation takes a lock.  Too late once SQLite has
	 * started, which is harmless.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_auto_extension((void (*)(void))store_stem_entry) !=
	    SQLITE_OK)
		return (-1);
	return (0);
}
