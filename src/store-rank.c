/*
 * Ranking and snippets for search: Okapi BM25 whose document counts are
 * read only up to a cap, so a common word never walks its whole posting
 * list, and snippets built from the hits the ranking pass kept.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-stem.h"
#include "util.h"

#define RANK_K1		1.2
#define RANK_B		0.75
#define RANK_COUNT_CAP	256	/* documents counted per phrase */
#define RANK_COLUMNS	8
#define RANK_HITS	256	/* hits kept per row for its snippet */
#define RANK_SENTENCE	6	/* words further back it may start a sentence */

/* What a query's first row works out for all the others. */
struct store_rank {
	int		 nphrases;
	double		 avgdl;			/* tokens per document */
	double		*idf;			/* per phrase */
	double		 weights[RANK_COLUMNS];
};

/* Where a row matched: one of telex_hits' blob. */
struct store_rank_hit {
	int32_t		 col;
	int32_t		 phrase;
	int32_t		 off;		/* in words from the column's start */
	int32_t		 size;		/* words */
};

/* What telex_snippet needs: the archive's tokenizer, to count words. */
struct store_snippet {
	fts5_tokenizer	 tokenizer;
	void		*data;
	Fts5Tokenizer	*instance;		/* made on first use */
};

/* One word of a snippet's text: where it starts and ends. */
struct store_snippet_word {
	int		 start;
	int		 end;
};

/* The words of a snippet's text from first to last, as read. */
struct store_snippet_walk {
	int				 first;
	int				 last;
	int				 pos;
	int				 more;	/* words follow last */
	struct store_snippet_word	*words;
};

/* Counting one phrase's documents, up to the cap. */
struct store_rank_count {
	int64_t		 n;
	int64_t		 last;
};

static int
store_rank_count_cb(const Fts5ExtensionApi *api, Fts5Context *fts,
    void *arg)
{
	struct store_rank_count	*c = arg;

	c->last = api->xRowid(fts);
	if (++c->n >= RANK_COUNT_CAP)
		return (SQLITE_DONE);
	return (SQLITE_OK);
}

static void
store_rank_free(void *arg)
{
	struct store_rank	*r = arg;

	if (r != NULL) {
		free(r->idf);
		free(r);
	}
}

/*
 * How many of the archive's documents hold phrase i.  Past the cap the
 * count is stretched over the rowids not yet reached: rowids run from 1
 * to maxid, the phrase's documents being read in rowid order.
 */
static int
store_rank_documents(const Fts5ExtensionApi *api, Fts5Context *fts, int i,
    int64_t maxid, int64_t total, double *n)
{
	struct store_rank_count	 c = { 0, 0 };
	int			 rc;

	rc = api->xQueryPhrase(fts, i, &c, store_rank_count_cb);
	if (rc != SQLITE_OK)
		return (rc);
	*n = (double)c.n;
	if (c.n >= RANK_COUNT_CAP && c.last > 0 && maxid > c.last)
		*n = (double)c.n * (double)maxid / (double)c.last;
	if (*n > (double)total)
		*n = (double)total;
	return (SQLITE_OK);
}

/*
 * telex_idf(items_fts, MAXID): the inverse document frequency of each
 * phrase of the query, as a blob of doubles for telex_rank.  MAXID is the
 * largest rowid of the table.
 */
static void
store_rank_idf_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nargs, sqlite3_value **args)
{
	sqlite3_int64	 total = 0;
	double		*idf, n;
	int64_t		 maxid;
	int		 i, nphrases, rc;

	maxid = nargs > 0 ? sqlite3_value_int64(args[0]) : 0;
	nphrases = api->xPhraseCount(fts);
	idf = xreallocarray(NULL, (size_t)nphrases + 1, sizeof *idf);
	rc = api->xRowCount(fts, &total);
	if (total < 1)
		total = 1;
	for (i = 0; rc == SQLITE_OK && i < nphrases; i++) {
		if ((rc = store_rank_documents(api, fts, i, maxid, total,
		    &n)) != SQLITE_OK)
			break;
		/* As FTS5's own bm25: a floor keeps common words positive. */
		idf[i] = log((total - n + 0.5) / (n + 0.5));
		if (idf[i] <= 0.0)
			idf[i] = 1e-6;
	}
	if (rc != SQLITE_OK) {
		free(idf);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_blob(ctx, idf, nphrases * (int)sizeof *idf, free);
}

static int
store_rank_setup(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_value **args, int nargs, struct store_rank **out)
{
	struct store_rank	*r;
	sqlite3_int64		 total = 0, tokens = 0;
	const void		*blob;
	int			 i, rc, size;

	r = xcalloc(1, sizeof *r);
	r->nphrases = api->xPhraseCount(fts);
	r->idf = xcalloc((size_t)r->nphrases + 1, sizeof *r->idf);
	blob = nargs > 0 ? sqlite3_value_blob(args[0]) : NULL;
	size = nargs > 0 ? sqlite3_value_bytes(args[0]) : 0;
	if (blob != NULL && size == r->nphrases * (int)sizeof *r->idf)
		memcpy(r->idf, blob, (size_t)size);
	else {
		for (i = 0; i < r->nphrases; i++)
			r->idf[i] = 1.0;
	}
	for (i = 0; i < RANK_COLUMNS; i++)
		r->weights[i] = 1.0;
	for (i = 1; i < nargs && i - 1 < RANK_COLUMNS; i++)
		r->weights[i - 1] = sqlite3_value_double(args[i]);

	rc = api->xRowCount(fts, &total);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &tokens);
	if (total < 1)
		total = 1;
	r->avgdl = (double)tokens / (double)total;
	if (r->avgdl <= 0)
		r->avgdl = 1;
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, r, store_rank_free);
	if (rc != SQLITE_OK) {
		store_rank_free(r);
		return (rc);
	}
	*out = r;
	return (SQLITE_OK);
}

/*
 * telex_rank(items_fts, IDF, WEIGHT...): the BM25 score of this row,
 * negated so that smaller is better, as FTS5's bm25() returns it.  IDF
 * is what telex_idf gave for the same query; a weight per column.
 */
static void
store_rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nargs, sqlite3_value **args)
{
	struct store_rank	*r;
	Fts5PhraseIter		 it;
	int			 i, col, off, rc, dl = 0;
	double			 score = 0.0, f, norm;

	if ((r = api->xGetAuxdata(fts, 0)) == NULL) {
		rc = store_rank_setup(api, fts, args, nargs, &r);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
	}
	rc = api->xColumnSize(fts, -1, &dl);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	norm = RANK_K1 * (1.0 - RANK_B + RANK_B * dl / r->avgdl);
	for (i = 0; i < r->nphrases; i++) {
		f = 0.0;
		rc = api->xPhraseFirst(fts, i, &it, &col, &off);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
			if (col < RANK_COLUMNS)
				f += r->weights[col];
		}
		if (f > 0.0)
			score += r->idf[i] * f * (RANK_K1 + 1.0) / (f + norm);
	}
	sqlite3_result_double(ctx, -score);
}

/* telex_hits(items_fts): where this row matched, for telex_snippet. */
static void
store_rank_hits_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nargs, sqlite3_value **args)
{
	struct store_rank_hit	*hits;
	int			 i, n = 0, k = 0, phrase, col, off, rc;

	if ((rc = api->xInstCount(fts, &n)) != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	if (n > RANK_HITS)
		n = RANK_HITS;
	hits = xcalloc((size_t)n + 1, sizeof *hits);
	for (i = 0; i < n; i++) {
		if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK)
			break;
		hits[k].col = col;
		hits[k].phrase = phrase;
		hits[k].off = off;
		hits[k].size = api->xPhraseSize(fts, phrase);
		if (hits[k].size < 1)
			hits[k].size = 1;
		k++;
	}
	sqlite3_result_blob(ctx, hits, k * (int)sizeof *hits, free);
}

/* The hits in column col, in order; caller frees. */
static struct store_rank_hit *
store_snippet_hits(sqlite3_value *value, int col, size_t *n)
{
	const struct store_rank_hit	*all;
	struct store_rank_hit		*hits, t;
	size_t				 i, j, count;

	all = sqlite3_value_blob(value);
	count = (size_t)sqlite3_value_bytes(value) / sizeof *all;
	hits = xcalloc(count + 1, sizeof *hits);
	*n = 0;
	for (i = 0; all != NULL && i < count; i++) {
		memcpy(&t, &all[i], sizeof t);
		if (t.col != col || t.off < 0)
			continue;
		for (j = *n; j > 0 && hits[j - 1].off > t.off; j--)
			hits[j] = hits[j - 1];
		hits[j] = t;
		(*n)++;
	}
	return (hits);
}

/*
 * The first word of the best window of size words: the one holding the
 * most different phrases, then the most hits, then the earliest.
 */
static int
store_snippet_window(const struct store_rank_hit *hits, size_t n, int size)
{
	size_t		 i, j;
	int		 from, best = 0, score, top = -1;
	uint64_t	 seen;

	for (i = 0; i < n; i++) {
		/* A quarter of the window leads up to its first hit. */
		from = hits[i].off > size / 4 ? hits[i].off - size / 4 : 0;
		seen = 0;
		score = 0;
		for (j = i; j < n && hits[j].off < from + size; j++) {
			seen |= (uint64_t)1 << (hits[j].phrase & 63);
			score++;
		}
		score += 1000 * __builtin_popcountll(seen);
		if (score > top) {
			top = score;
			best = from;
		}
	}
	return (best);
}

static int
store_snippet_cb(void *arg, int flags, const char *token, int ntoken,
    int start, int end)
{
	struct store_snippet_walk	*w = arg;

	if (flags & FTS5_TOKEN_COLOCATED)
		return (SQLITE_OK);
	if (w->pos > w->last) {
		w->more = 1;
		return (SQLITE_DONE);
	}
	if (w->pos >= w->first)
		w->words[w->pos - w->first] = (struct store_snippet_word){
		    start, end };
	w->pos++;
	return (SQLITE_OK);
}

/* Does the word at start open a sentence (or the text)? */
static int
store_snippet_opens(const char *text, int start)
{
	while (start > 0 && (text[start - 1] == ' ' ||
	    text[start - 1] == '\t'))
		start--;
	return (start == 0 || strchr(".!?:;\n", text[start - 1]) != NULL);
}

/* Append text[from, to) with every run of white space made one space. */
static void
store_snippet_copy(struct buf *b, const char *text, int from, int to)
{
	int	 space = 0;

	for (; from < to; from++) {
		if (text[from] == ' ' || text[from] == '\n' ||
		    text[from] == '\t' || text[from] == '\r') {
			space = 1;
			continue;
		}
		if (space)
			buf_addc(b, ' ');
		space = 0;
		buf_addc(b, text[from]);
	}
	if (space)
		buf_addc(b, ' ');
}

/*
 * telex_snippet(TEXT, HITS, COL, OPEN, CLOSE, ELLIPSIS, WORDS): TEXT (the
 * column COL of a row whose telex_hits were HITS) cut to its best window
 * of WORDS words, hits between OPEN and CLOSE, ELLIPSIS where it is cut.
 * WORDS 0 keeps the whole text.
 */
static void
store_snippet_fn(sqlite3_context *ctx, int nargs, sqlite3_value **args)
{
	struct store_snippet		*sn = sqlite3_user_data(ctx);
	struct store_snippet_walk	 w;
	struct store_rank_hit		*hits;
	struct buf			 b;
	const char			*text, *open, *close, *dots;
	size_t				 nhits, h = 0;
	int				 size, len, i, end, first, base = 0, rc;

	if (nargs != 7 || (text = (const char *)sqlite3_value_text(args[0])) ==
	    NULL)
		return;
	len = sqlite3_value_bytes(args[0]);
	open = (const char *)sqlite3_value_text(args[3]);
	close = (const char *)sqlite3_value_text(args[4]);
	dots = (const char *)sqlite3_value_text(args[5]);
	size = sqlite3_value_int(args[6]);
	if (open == NULL || close == NULL || dots == NULL)
		return;
	if (sn->instance == NULL && (rc = sn->tokenizer.xCreate(sn->data,
	    NULL, 0, &sn->instance)) != SQLITE_OK) {
		sn->instance = NULL;
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	hits = store_snippet_hits(args[1], sqlite3_value_int(args[2]), &nhits);

	memset(&w, 0, sizeof w);
	if (size <= 0) {
		w.first = 0;
		w.last = INT32_MAX - 1;
	} else {
		w.first = store_snippet_window(hits, nhits, size);
		w.last = w.first + size - 1;
		for (h = 0; h < nhits; h++) {
			end = hits[h].off + hits[h].size - 1;
			if (hits[h].off <= w.last && end > w.last)
				w.last = end;
		}
		base = w.first;
		w.first = w.first > RANK_SENTENCE ? w.first - RANK_SENTENCE : 0;
	}
	first = w.first;
	w.words = xreallocarray(NULL, size <= 0 ? (size_t)len + 1 :
	    (size_t)(w.last - w.first + 1), sizeof *w.words);
	rc = sn->tokenizer.xTokenize(sn->instance, &w, FTS5_TOKENIZE_AUX,
	    text, len, store_snippet_cb);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		free(w.words);
		free(hits);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	if (w.pos <= w.first) {
		/* Fewer words than the window starts at: the text's end. */
		free(w.words);
		free(hits);
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	if (w.last >= w.pos)
		w.last = w.pos - 1;
	/* Start at a sentence if one opens just before the window. */
	if (size > 0) {
		if (base > w.last)
			base = w.last;
		w.first = base;
		i = base + size / 4 > w.last ? w.last : base + size / 4;
		for (; i >= first; i--) {
			if (store_snippet_opens(text, w.words[i - first].start)) {
				w.first = i;
				break;
			}
		}
	}

	buf_init(&b, 0);
	if (w.first > 0)
		buf_adds(&b, dots);
	for (h = 0; h < nhits && hits[h].off + hits[h].size <= w.first; h++)
		;
	for (i = w.first; i <= w.last; i++) {
		if (i > w.first)
			store_snippet_copy(&b, text, w.words[i - 1 - first].end,
			    w.words[i - first].start);
		if (h < nhits && (hits[h].off == i ||
		    (hits[h].off < i && i == w.first)))
			buf_adds(&b, open);
		buf_add(&b, text + w.words[i - first].start,
		    (size_t)(w.words[i - first].end - w.words[i - first].start));
		if (h < nhits && hits[h].off <= i &&
		    i >= hits[h].off + hits[h].size - 1) {
			buf_adds(&b, close);
			while (h < nhits && hits[h].off <= i)
				h++;
		}
	}
	if (size <= 0)
		store_snippet_copy(&b, text, w.words[w.last - first].end, len);
	else if (w.more)
		buf_adds(&b, dots);
	free(w.words);
	free(hits);
	sqlite3_result_text(ctx, b.data != NULL ? b.data : "", (int)b.len,
	    SQLITE_TRANSIENT);
	buf_free(&b);
}

static void
store_snippet_free(void *arg)
{
	struct store_snippet	*sn = arg;

	if (sn->instance != NULL)
		sn->tokenizer.xDelete(sn->instance);
	free(sn);
}

int
store_rank_register(sqlite3 *db, fts5_api *api)
{
	struct store_snippet	*sn;
	void			*data = NULL;
	int			 rc;

	rc = api->xCreateFunction(api, "telex_rank", NULL, store_rank_fn,
	    NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "telex_idf", NULL,
		    store_rank_idf_fn, NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "telex_hits", NULL,
		    store_rank_hits_fn, NULL);
	if (rc != SQLITE_OK)
		return (rc);
	sn = xcalloc(1, sizeof *sn);
	rc = api->xFindTokenizer(api, "telex", &data, &sn->tokenizer);
	sn->data = data;
	if (rc != SQLITE_OK) {
		free(sn);
		return (rc);
	}
	return (sqlite3_create_function_v2(db, "telex_snippet", 7,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, sn, store_snippet_fn, NULL,
	    NULL, store_snippet_free));
}
