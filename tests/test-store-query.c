/*
 * Unit tests for src/store-query.c: a small archive in several languages,
 * then a table of queries with the ids each must list (newest first),
 * filter fields that must list what the same query lists, page by page,
 * ranked search with snippets, tags by query, marks, saved searches and
 * rules for new items.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "date.h"
#include "fixture.h"
#include "query.h"
#include "store.h"
#include "util.h"

struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*st;
	int64_t		 feeds[2];
};

struct item_spec {
	int		 feed;		/* 0 or 1 */
	const char	*title;
	const char	*author;
	const char	*date;		/* NULL: a minute ago */
	const char	*text;
};

/* Ids 1 to 7, in this order. */
static const struct item_spec items[] = {
	{ 0, "Night ferry returns after a winter of repairs", "Daniel Okafor",
	  "2025-11-26T18:30:00Z", "The overnight ferry to the outer islands "
	  "sailed again on Wednesday after long negotiations with the harbour "
	  "board." },
	{ 0, "Fish market prices climb as the season ends", "Mara Quist",
	  "2025-11-20T07:05:00Z", "Mackerel prices rose at the harbour market. "
	  "Ferry crews bought less than last year." },
	{ 1, "Valmaure : les quais rendus aux piétons", "Céline Arnaud",
	  "2025-11-28T10:20:00Z", "Après six mois de travaux, une délégation "
	  "de Biélorussie a visité les quais rénovés du Rhône." },
	{ 1, "Переговоры в Минске продолжаются", "Анна Смирнова",
	  "2025-10-15T09:00:00Z", "Делегации встретились на переговорах в "
	  "Минске во вторник; паром через реку снова ходит." },
	{ 0, "Pupils build a tide gauge", NULL, "2024-05-01T12:00:00Z",
	  "Pupils at St Piran's built a tide gauge; the ferry company may "
	  "fund a second one." },
	{ 1, "Winterfahrplan der Seilbahn", "Jonas Berger",
	  "2025-11-27T11:00:00Z", "Die Seilbahn fährt ab Dezember nur noch "
	  "stündlich, am Wochenende halbstündlich." },
	{ 0, "Fresh harbour news", NULL, NULL, "A short note written a "
	  "minute ago about the quay." },
};

struct query_case {
	const char	*query;
	const char	*ids;		/* listed, newest first */
};

/* After setup: 2 read, 5 starred, 6 hidden, feed 0 tagged "local". */
static const struct query_case list_cases[] = {
	{ "", "7 3 1 2 4 5" },
	{ "ferry", "1 2 5" },
	{ "FERRY", "1 2 5" },
	{ "title:ferry", "1" },
	{ "\"night ferry\"", "1" },
	{ "\"ferry night\"", "" },
	{ "ferr*", "1 2 5" },
	{ "title:ferr*", "1" },
	{ "bielorussie", "3" },
	{ "Biélorussie", "3" },
	{ "Минске", "4" },
	{ "минске", "4" },
	{ "ferry -mackerel", "1 5" },
	{ "ferry NOT title:night", "2 5" },
	{ "-ferry", "7 3 4" },
	{ "NOT (ferry OR harbour)", "3 4" },
	{ "feed:gazette", "7 1 2 5" },
	{ "feed:Rhône", "3 4" },
	/* Feed names fold case and accents in every script, as words do. */
	{ "feed:RHÔNE", "3 4" },
	{ "feed:rhone", "3 4" },
	{ "feed:FIL", "3 4" },
	{ "feed:%", "" },
	{ "tag:local", "7 1 2 5" },
	{ "tag:LOCAL", "7 1 2 5" },
	{ "tag:nothing", "" },
	{ "ferry OR seilbahn", "1 2 5" },
	{ "ferry OR seilbahn is:hidden", "6 1 2 5" },
	{ "ferry OR tag:nothing", "1 2 5" },
	{ "ferry OR is:starred", "1 2 5" },
	{ "harbour OR is:read", "7 1 2" },
	{ "(ferry OR quais) -feed:gazette", "3" },
	{ "author:okafor", "1" },
	{ "author:Смирнова", "4" },
	{ "after:2025-11-21 before:2026", "3 1" },
	{ "before:2025", "5" },
	{ "date:2025-11", "3 1 2" },
	{ "date:2025-10-15", "4" },
	{ "date:1h", "7" },
	{ "date:100y", "7 3 1 2 4 5" },
	{ "id:4", "4" },
	{ "id:6", "" },
	{ "id:6 is:hidden", "6" },
	{ "is:hidden", "6" },
	{ "seilbahn", "" },
	{ "is:unread", "7 3 1 4 5" },
	{ "is:read", "2" },
	{ "-is:read", "7 3 1 4 5" },
	{ "is:starred", "5" },
	{ "ferry is:unread", "1 5" },
	{ "-tag:local is:unread", "3 4" },
	{ "is:archived", "" },
	{ "harbour (is:starred OR is:read)", "2" },
	{ "don't", "" },
	{ "x'; DROP TABLE items;", "" },
	{ "\"NEAR(ferry)\"", "" },
	{ "^ferry", "1 2 5" },
	{ "\"{title}:ferry\"", "" },
	{ "title:\"a\"\"b\"", "" },
};

static int64_t
fixture_date(const char *iso)
{
	return (iso == NULL ? util_now() - 60 : date_parse(iso));
}

static int
fixture_items(struct fixture *fx)
{
	enum store_upsert	 outcome;
	struct feed_item	 it;
	char			 guid[16];
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(items); i++) {
		memset(&it, 0, sizeof it);
		snprintf(guid, sizeof guid, "item-%zu", i + 1);
		it.guid = guid;
		it.title = (char *)items[i].title;
		it.author = (char *)items[i].author;
		it.published = fixture_date(items[i].date);
		it.updated = DATE_NONE;
		if (store_item_upsert(fx->st, fx->feeds[items[i].feed], &it,
		    items[i].text, &outcome) != 0)
			return (-1);
	}
	return (0);
}

/* Run a query that must parse through a store function taking a filter. */
static void
fixture_mark(struct fixture *fx, const char *text, enum store_mark mark)
{
	struct store_filter	 f;
	struct query		*q = NULL;
	char			*cause = NULL;
	int64_t			 changed;

	assert_int_equal(query_parse(text, &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	assert_int_equal(store_mark_items(fx->st, &f, mark, &changed), 0);
	assert_int_equal(changed, 1);
	query_free(q);
}

static int
setup(void **state)
{
	struct fixture	*fx;

	fx = xcalloc(1, sizeof *fx);
	if (fixture_dir(fx->dir, sizeof fx->dir, "store-query") != 0)
		return (-1);
	fx->path = xasprintf("%s/archive.db", fx->dir);
	if ((fx->st = fixture_store(fx->path)) == NULL)
		return (-1);
	if (store_feed_add(fx->st, "https://gazette.example/feed",
	    "The Harbour Gazette", &fx->feeds[0]) != 0 ||
	    store_feed_add(fx->st, "https://fil.example/rss", "Le Fil du Rhône",
	    &fx->feeds[1]) != 0 ||
	    store_feed_tag(fx->st, fx->feeds[0], "local") != 0 ||
	    fixture_items(fx) != 0)
		return (-1);
	*state = fx;
	fixture_mark(fx, "id:2", STORE_MARK_READ);
	fixture_mark(fx, "id:5", STORE_MARK_STAR);
	fixture_mark(fx, "id:6", STORE_MARK_HIDE);
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	store_close(fx->st);
	fixture_remove(fx->dir);
	free(fx->path);
	free(fx);
	return (0);
}

static int
collect_id(const struct store_item *it, void *arg)
{
	struct buf	*b = arg;

	buf_printf(b, "%s%lld", b->len > 0 ? " " : "", (long long)it->id);
	return (0);
}

/* The ids a query lists, newest first, as "1 2 3". */
static char *
list_ids(struct fixture *fx, const char *text)
{
	char	*ids;

	if ((ids = fixture_ids(fx->st, text)) == NULL)
		fail_msg("\"%s\" could not be listed", text);
	return (ids);
}

static void
test_list_table(void **state)
{
	struct fixture	*fx = *state;
	char		*got;
	size_t		 i;

	for (i = 0; i < UTIL_ARRLEN(list_cases); i++) {
		got = list_ids(fx, list_cases[i].query);
		if (strcmp(got, list_cases[i].ids) != 0)
			fail_msg("\"%s\" listed \"%s\"; wanted \"%s\"",
			    list_cases[i].query, got, list_cases[i].ids);
		free(got);
	}
}

/* A query adds to the old fields of a filter, and counts agree. */
static void
test_list_fields(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f;
	struct query		*q = NULL;
	struct buf		 b;
	char			*cause = NULL;
	int64_t			 n;

	assert_int_equal(query_parse("ferry", &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	f.unread = 1;
	f.limit = 1;
	buf_init(&b, 0);
	assert_int_equal(store_items_list(fx->st, &f, collect_id, &b), 0);
	assert_string_equal(b.data, "1");
	f.limit = 0;
	assert_int_equal(store_items_count(fx->st, &f, &n), 0);
	assert_int_equal(n, 2);
	buf_free(&b);
	query_free(q);
}

struct hits {
	struct buf	 ids;
	struct buf	 snippets;
};

static int
collect_hit(const struct store_hit *h, void *arg)
{
	struct hits	*hits = arg;
	size_t		 i, at = 0;

	buf_printf(&hits->ids, "%s%lld", hits->ids.len > 0 ? " " : "",
	    (long long)h->item->id);
	for (i = 0; i < h->nspans; i++) {
		buf_add(&hits->snippets, h->snippet + at, h->spans[i].start - at);
		buf_addc(&hits->snippets, '[');
		buf_add(&hits->snippets, h->snippet + h->spans[i].start,
		    h->spans[i].end - h->spans[i].start);
		buf_addc(&hits->snippets, ']');
		at = h->spans[i].end;
	}
	buf_adds(&hits->snippets, h->snippet + at);
	buf_addc(&hits->snippets, '\n');
	return (0);
}

/* Search for text, ranking the newest window matches, limit at most. */
static void
search_window(struct fixture *fx, const char *text, size_t window,
    size_t limit, struct hits *hits)
{
	struct store_filter	 f;
	struct query		*q = NULL;
	char			*cause = NULL;

	assert_int_equal(query_parse(text, &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	f.limit = limit;
	f.window = window;
	buf_init(&hits->ids, 0);
	buf_init(&hits->snippets, 0);
	if (store_search(fx->st, &f, collect_hit, hits) != 0)
		fail_msg("search \"%s\": %s", text, store_errmsg(fx->st));
	query_free(q);
}

static void
search(struct fixture *fx, const char *text, struct hits *hits)
{
	search_window(fx, text, 0, 50, hits);
}

static void
test_search(void **state)
{
	static const struct query_case cases[] = {
		/* The title counts most; then the newer of two alike. */
		{ "harbour", "7 2 1" },
		{ "ferry", "1 2 5" },
		{ "ferry is:unread", "1 5" },
		{ "ferry -title:night", "2 5" },
		{ "tag:local ferry", "1 2 5" },
		{ "ferry OR seilbahn", "1 2 5" },
		{ "tag:local", "7 1 2 5" },
		{ "seilbahn", "" },
	};
	struct fixture	*fx = *state;
	struct hits	 hits;
	size_t		 i;

	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		search(fx, cases[i].query, &hits);
		if (strcmp(hits.ids.data, cases[i].ids) != 0)
			fail_msg("search \"%s\" found \"%s\"; wanted \"%s\"",
			    cases[i].query, hits.ids.data, cases[i].ids);
		buf_free(&hits.ids);
		buf_free(&hits.snippets);
	}
	search(fx, "\"outer islands\" ferry", &hits);
	assert_string_equal(hits.ids.data, "1");
	if (strstr(hits.snippets.data, "[ferry] to the [outer islands]") ==
	    NULL)
		fail_msg("snippet: %s", hits.snippets.data);
	buf_free(&hits.ids);
	buf_free(&hits.snippets);
}

static void
tag(struct fixture *fx, const char *text, const char *add,
    const char *remove, int64_t want)
{
	struct store_filter	 f;
	struct query		*q = NULL;
	char			*cause = NULL, *a[1], *r[1];
	int64_t			 matched;

	a[0] = (char *)add;
	r[0] = (char *)remove;
	assert_int_equal(query_parse(text, &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	assert_int_equal(store_tag_items(fx->st, &f, a, add != NULL, r,
	    remove != NULL, &matched), 0);
	assert_int_equal(matched, want);
	query_free(q);
}

static int64_t
tag_count(struct fixture *fx, const char *name, char **spelling)
{
	struct store_tag_count	*tags;
	size_t			 n, i;
	int64_t			 count = -1;

	assert_int_equal(store_tags_counts(fx->st, &tags, &n), 0);
	for (i = 0; i < n; i++) {
		if (util_streq_nocase(tags[i].name, name)) {
			count = tags[i].items;
			if (spelling != NULL)
				*spelling = xstrdup(tags[i].name);
		}
	}
	store_tag_counts_free(tags, n);
	return (count);
}

static void
test_tags(void **state)
{
	struct fixture	*fx = *state;
	char		*spelling = NULL, *got;

	tag(fx, "ferry", "Boats", NULL, 3);
	tag(fx, "harbour", "boats", NULL, 3);
	assert_int_equal(tag_count(fx, "boats", &spelling), 4);
	assert_string_equal(spelling, "Boats");
	free(spelling);
	got = list_ids(fx, "tag:BOATS");
	assert_string_equal(got, "7 1 2 5");
	free(got);
	tag(fx, "id:2", NULL, "BOATS", 1);
	got = list_ids(fx, "tag:boats -is:starred");
	assert_string_equal(got, "7 1");
	free(got);
	assert_int_equal(tag_count(fx, "local", NULL), 4);
	tag(fx, "tag:boats", NULL, "boats", 3);
	assert_int_equal(tag_count(fx, "boats", NULL), -1);

	/* Case folds in every script; accents stay. */
	tag(fx, "id:3", "Économie", NULL, 1);
	tag(fx, "id:4", "ÉCONOMIE", NULL, 1);
	tag(fx, "id:5", "Экономика", NULL, 1);
	assert_int_equal(tag_count(fx, "Économie", &spelling), 2);
	assert_string_equal(spelling, "Économie");
	free(spelling);
	got = list_ids(fx, "tag:économie");
	assert_string_equal(got, "3 4");
	free(got);
	got = list_ids(fx, "tag:economie");
	assert_string_equal(got, "");
	free(got);
	got = list_ids(fx, "tag:ЭКОНОМИКА");
	assert_string_equal(got, "5");
	free(got);
	tag(fx, "tag:économie", NULL, "éCONOMIE", 2);
	assert_int_equal(tag_count(fx, "économie", NULL), -1);
}

/* A tag listed by its index stays in date order as dates change. */
static void
test_tag_order(void **state)
{
	struct fixture		*fx = *state;
	enum store_upsert	 outcome;
	struct feed_item	 it;
	char			*got;

	tag(fx, "ferry OR harbour", "boats", NULL, 4);
	got = list_ids(fx, "tag:boats");
	assert_string_equal(got, "7 1 2 5");
	free(got);
	memset(&it, 0, sizeof it);
	it.guid = (char *)"item-5";
	it.title = (char *)items[4].title;
	it.published = fixture_date("2030-01-01T00:00:00Z");
	it.updated = DATE_NONE;
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it,
	    items[4].text, &outcome), 0);
	assert_int_equal(outcome, STORE_UPDATED);
	got = list_ids(fx, "tag:boats");
	assert_string_equal(got, "5 7 1 2");
	free(got);
	got = list_ids(fx, "tag:boats is:unread -harbour");
	assert_string_equal(got, "5");
	free(got);
	/* A tag some feed carries takes in that feed's items too. */
	tag(fx, "id:3", "local", NULL, 1);
	got = list_ids(fx, "tag:local");
	assert_string_equal(got, "5 7 3 1 2");
	free(got);
}

/* Ids and dates of a list, in its order. */
struct rows {
	int64_t	 id[64];
	int64_t	 date[64];
	size_t	 n;
};

static int
collect_row(const struct store_item *it, void *arg)
{
	struct rows	*r = arg;

	if (r->n < UTIL_ARRLEN(r->id)) {
		r->id[r->n] = it->id;
		r->date[r->n++] = it->date;
	}
	return (0);
}

static void
list_rows(struct fixture *fx, const struct store_filter *f, struct rows *r)
{
	memset(r, 0, sizeof *r);
	if (store_items_list(fx->st, f, collect_row, r) != 0)
		fail_msg("list: %s", store_errmsg(fx->st));
}

static char *
rows_text(const struct rows *r, size_t from, size_t to, int reverse)
{
	struct buf	 b;
	size_t		 i, at;

	buf_init(&b, 0);
	for (i = from; i < to; i++) {
		at = reverse ? to - 1 - (i - from) : i;
		buf_printf(&b, "%s%lld", b.len > 0 ? " " : "",
		    (long long)r->id[at]);
	}
	return (buf_steal(&b));
}

static void
rows_equal(const struct rows *r, const char *want, const char *what)
{
	char	*got = rows_text(r, 0, r->n, 0);

	if (strcmp(got, want) != 0)
		fail_msg("%s listed \"%s\"; wanted \"%s\"", what, got, want);
	free(got);
}

/* The fields of a filter (feed: 1 or 2 for fx->feeds) and its query. */
struct same_case {
	const char	*query;
	const char	*match;
	int64_t		 id;
	int		 feed;
	const char	*feed_name;
	const char	*tag;
	int		 unread;
	int		 starred;
	const char	*ids;		/* listed, newest first */
};

/* After setup: 2 read, 5 starred, 6 hidden, feed 1 tagged "local". */
static const struct same_case same_cases[] = {
	{ "tag:local", NULL, 0, 0, NULL, "local", 0, 0, "7 1 2 5" },
	{ "tag:LOCAL", NULL, 0, 0, NULL, "LOCAL", 0, 0, "7 1 2 5" },
	{ "tag:nothing", NULL, 0, 0, NULL, "nothing", 0, 0, "" },
	{ "feed:gazette", NULL, 0, 0, "gazette", NULL, 0, 0, "7 1 2 5" },
	{ "feed:RHÔNE", NULL, 0, 0, "RHÔNE", NULL, 0, 0, "3 4" },
	{ "feed:fil.example", NULL, 0, 2, NULL, NULL, 0, 0, "3 4" },
	{ "is:unread", NULL, 0, 0, NULL, NULL, 1, 0, "7 3 1 4 5" },
	{ "is:read", NULL, 0, 0, NULL, NULL, -1, 0, "2" },
	{ "is:starred", NULL, 0, 0, NULL, NULL, 0, 1, "5" },
	{ "id:4", NULL, 4, 0, NULL, NULL, 0, 0, "4" },
	{ "id:6", NULL, 6, 0, NULL, NULL, 0, 0, "" },
	{ "ferry", "ferry", 0, 0, NULL, NULL, 0, 0, "1 2 5" },
	{ "tag:local is:unread", NULL, 0, 0, NULL, "local", 1, 0, "7 1 5" },
	{ "feed:gazette is:starred", NULL, 0, 0, "gazette", NULL, 0, 1, "5" },
	{ "ferry tag:local is:unread", "ferry", 0, 0, NULL, "local", 1, 0,
	  "1 5" },
	{ "feed:fil.example is:unread", NULL, 0, 2, NULL, NULL, 1, 0, "3 4" },
	{ "feed:gazette is:read tag:local", NULL, 0, 1, NULL, "local", -1, 0,
	  "2" },
};

static void
same_fields(struct fixture *fx, const struct same_case *sc,
    struct store_filter *f)
{
	memset(f, 0, sizeof *f);
	f->match = sc->match;
	f->id = sc->id;
	f->feed_id = sc->feed != 0 ? fx->feeds[sc->feed - 1] : 0;
	f->feed = sc->feed_name;
	f->tag = sc->tag;
	f->unread = sc->unread;
	f->starred = sc->starred;
}

/*
 * Page through a list from each of its items, both ways, one item and
 * then all at a time: each page must be the rest of the whole list.
 */
static void
check_pages(struct fixture *fx, const struct store_filter *base,
    const struct rows *whole, const char *what)
{
	struct store_filter	 f;
	struct rows		 r;
	size_t			 k, limit;
	char			*want, *got;

	for (k = 0; k < whole->n; k++) {
		for (limit = 0; limit < 2; limit++) {
			f = *base;
			f.limit = limit;
			f.before_date = whole->date[k];
			f.before_id = whole->id[k];
			list_rows(fx, &f, &r);
			want = rows_text(whole, k + 1, limit == 1 &&
			    k + 1 < whole->n ? k + 2 : whole->n, 0);
			got = rows_text(&r, 0, r.n, 0);
			if (strcmp(got, want) != 0)
				fail_msg("%s before %lld: \"%s\", not \"%s\"",
				    what, (long long)whole->id[k], got, want);
			free(got);
			free(want);

			f = *base;
			f.limit = limit;
			f.oldest_first = 1;
			f.after_date = whole->date[k];
			f.after_id = whole->id[k];
			list_rows(fx, &f, &r);
			want = rows_text(whole, limit == 1 && k > 0 ? k - 1 : 0,
			    k, 1);
			got = rows_text(&r, 0, r.n, 0);
			if (strcmp(got, want) != 0)
				fail_msg("%s after %lld: \"%s\", not \"%s\"",
				    what, (long long)whole->id[k], got, want);
			free(got);
			free(want);
		}
	}
}

/* Fields and query list the same items, page by page too. */
static void
check_same(struct fixture *fx, const struct same_case *sc)
{
	struct store_filter	 f;
	struct query		*q = NULL;
	struct rows		 by_fields, by_query;
	char			*cause = NULL, what[128];

	same_fields(fx, sc, &f);
	list_rows(fx, &f, &by_fields);
	snprintf(what, sizeof what, "fields of \"%s\"", sc->query);
	rows_equal(&by_fields, sc->ids, what);
	check_pages(fx, &f, &by_fields, what);

	if (query_parse(sc->query, &q, &cause) != 0)
		fail_msg("\"%s\": %s", sc->query, cause);
	memset(&f, 0, sizeof f);
	f.query = q;
	list_rows(fx, &f, &by_query);
	snprintf(what, sizeof what, "query \"%s\"", sc->query);
	rows_equal(&by_query, sc->ids, what);
	check_pages(fx, &f, &by_query, what);
	query_free(q);
}

static void
test_fields_as_query(void **state)
{
	struct fixture	*fx = *state;
	size_t		 i;

	for (i = 0; i < UTIL_ARRLEN(same_cases); i++)
		check_same(fx, &same_cases[i]);
}

static void
add_item(struct fixture *fx, int64_t feed_id, const char *guid,
    const char *url, const char *date, const char *text)
{
	enum store_upsert	 outcome;
	struct feed_item	 it;

	memset(&it, 0, sizeof it);
	it.guid = (char *)guid;
	it.url = (char *)url;
	it.title = (char *)guid;
	it.published = date_parse(date);
	it.updated = DATE_NONE;
	assert_int_equal(store_item_upsert(fx->st, feed_id, &it, text,
	    &outcome), 0);
	assert_int_equal(outcome, STORE_NEW);
}

/*
 * Every way of reading a tag lists the same: a tag no feed carries (read
 * by its own index), a feed's tag with few items among many (read as
 * one list) and one with many (read by date), each also on items of
 * other feeds.
 */
static void
test_tag_ways(void **state)
{
	static const struct same_case cases[] = {
		{ "tag:boats", NULL, 0, 0, NULL, "boats", 0, 0, "7 1 2 5" },
		{ "tag:Boats is:unread", NULL, 0, 0, NULL, "Boats", 1, 0,
		  "7 1 5" },
		{ "tag:lone", NULL, 0, 0, NULL, "lone", 0, 0, "3 8" },
		{ "tag:lone is:unread", NULL, 0, 0, NULL, "LONE", 1, 0,
		  "3 8" },
		{ "tag:lone feed:lone", NULL, 0, 0, "lone", "lone", 0, 0,
		  "8" },
		{ "tag:local", NULL, 0, 0, NULL, "local", 0, 0, "7 1 2 4 5" },
		{ "tag:local is:read", NULL, 0, 0, NULL, "local", -1, 0, "2" },
	};
	struct fixture	*fx = *state;
	int64_t		 lone;
	char		 guid[32];
	size_t		 i;

	tag(fx, "ferry OR harbour", "boats", NULL, 4);
	assert_int_equal(store_feed_add(fx->st, "https://lone.example/feed",
	    "Lone Post", &lone), 0);
	assert_int_equal(store_feed_tag(fx->st, lone, "lone"), 0);
	add_item(fx, lone, "lone-1", NULL, "2025-06-01T00:00:00Z", "Alone.");
	for (i = 0; i < 40; i++) {
		snprintf(guid, sizeof guid, "filler-%zu", i);
		add_item(fx, fx->feeds[1], guid, NULL, "2001-01-01T00:00:00Z",
		    "Filler.");
	}
	tag(fx, "id:3", "lone", NULL, 1);
	tag(fx, "id:4", "local", NULL, 1);
	for (i = 0; i < UTIL_ARRLEN(cases); i++)
		check_same(fx, &cases[i]);
}

struct nested {
	struct fixture	*fx;
	int		 depth;
	int		 deepest;
	size_t		 seen;
};

static int	nested_list(struct nested *);

/* At each level's first item, list again one level deeper. */
static int
nested_item(const struct store_item *it, void *arg)
{
	struct nested	*n = arg;

	n->seen++;
	if (n->seen == 1 && n->depth < n->deepest) {
		struct nested	 inner = *n;

		inner.depth++;
		inner.seen = 0;
		if (nested_list(&inner) != 0)
			return (-1);
		assert_int_equal(inner.seen, 6);
	}
	(void)it;
	return (0);
}

/*
 * A list of every item whose statement is the same at depths 2k and
 * 2k + 1 and differs from the others ("-id:999", k + 1 times).
 */
static int
nested_list(struct nested *n)
{
	struct store_filter	 f;
	struct query		*q = NULL;
	struct buf		 text;
	char			*cause = NULL;
	int			 i, rc;

	buf_init(&text, 0);
	buf_adds(&text, "-id:999");
	for (i = 0; i < n->depth / 2; i++)
		buf_adds(&text, " -id:999");
	assert_int_equal(query_parse(text.data, &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	rc = store_items_list(n->fx->st, &f, nested_item, n);
	query_free(q);
	buf_free(&text);
	return (rc);
}

/*
 * Lists started from inside a list's callback: the same filter while its
 * statement runs, then more lists running at once than statements kept.
 */
static void
test_list_inside_list(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f;
	struct rows		 r;
	struct nested		 n;
	int			 i;

	for (i = 0; i < 2; i++) {
		memset(&n, 0, sizeof n);
		n.fx = fx;
		n.deepest = i == 0 ? 1 : 80;
		assert_int_equal(nested_list(&n), 0);
		assert_int_equal(n.seen, 6);
	}
	memset(&f, 0, sizeof f);
	f.query = NULL;
	list_rows(fx, &f, &r);
	rows_equal(&r, "7 3 1 2 4 5", "every item after");
}

struct flags {
	int	 archived;
	int	 summary_only;
	size_t	 n;
};

static int
flags_item(const struct store_item *it, void *arg)
{
	struct flags	*fl = arg;

	fl->archived = it->archived;
	fl->summary_only = it->summary_only;
	fl->n++;
	return (0);
}

/* A list and store_item_get say which items are archived or summaries. */
static void
test_item_flags(void **state)
{
	static const struct {
		const char	*query;
		int		 archived;
		int		 summary_only;
	} cases[] = {
		{ "id:8", 0, 1 },
		{ "id:9", 0, 0 },
		{ "id:10", 1, 1 },
		{ "id:1", 0, 0 },
	};
	struct fixture		*fx = *state;
	struct store_filter	 f;
	struct store_page	 p;
	struct store_item	 it;
	struct query		*q = NULL;
	struct flags		 got;
	char			*cause = NULL, long_text[2048];
	int			 archived, summary_only;
	size_t			 i;

	memset(long_text, 'w', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	for (i = 0; i < sizeof long_text - 1; i += 5)
		long_text[i] = ' ';
	add_item(fx, fx->feeds[0], "short", "https://gazette.example/a",
	    "2025-01-01T00:00:00Z", "Read more on the site.");
	add_item(fx, fx->feeds[0], "long", "https://gazette.example/b",
	    "2025-01-02T00:00:00Z", long_text);
	add_item(fx, fx->feeds[0], "paged", "https://gazette.example/c",
	    "2025-01-03T00:00:00Z", NULL);
	memset(&p, 0, sizeof p);
	p.item_id = 10;
	p.url = (char *)"https://gazette.example/c";
	p.html = (char *)"<html><body><p>The whole story.</p></body></html>";
	p.archived = p.checked = 1790000000;
	p.http_status = 200;
	p.text = (char *)"The whole story.";
	assert_int_equal(store_page_put(fx->st, &p), 0);
	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		assert_int_equal(query_parse(cases[i].query, &q, &cause), 0);
		memset(&f, 0, sizeof f);
		f.query = q;
		memset(&got, 0, sizeof got);
		assert_int_equal(store_items_list(fx->st, &f, flags_item,
		    &got), 0);
		query_free(q);
		assert_int_equal(got.n, 1);
		assert_int_equal(got.archived, cases[i].archived);
		assert_int_equal(got.summary_only, cases[i].summary_only);

		memset(&f, 0, sizeof f);
		f.id = strtoll(cases[i].query + 3, NULL, 10);
		memset(&got, 0, sizeof got);
		assert_int_equal(store_items_list(fx->st, &f, flags_item,
		    &got), 0);
		assert_int_equal(got.n, 1);
		assert_int_equal(got.archived, cases[i].archived);
		assert_int_equal(got.summary_only, cases[i].summary_only);

		assert_int_equal(store_item_get(fx->st, f.id, &it), 0);
		assert_int_equal(it.archived, cases[i].archived);
		assert_int_equal(it.summary_only, cases[i].summary_only);
		store_item_free(&it);
		assert_int_equal(store_item_flags(fx->st, f.id, &archived,
		    &summary_only), 0);
		assert_int_equal(archived, cases[i].archived);
		assert_int_equal(summary_only, cases[i].summary_only);
	}
}

/* Only the newest matches are ranked unless the window says more. */
static void
test_search_window(void **state)
{
	struct fixture		*fx = *state;
	struct hits		 hits;
	size_t			 i, limit;
	static const struct {
		size_t		 window;
		const char	*ids;
	} cases[] = {
		{ 0, "1 2 5" },
		{ SIZE_MAX, "1 2 5" },
		{ 3, "1 2 5" },
		{ 2, "2 5" },
		{ 1, "5" },
	};

	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		/* No fewer matches are ranked than asked for. */
		limit = cases[i].window == 0 || cases[i].window == SIZE_MAX ?
		    50 : cases[i].window;
		search_window(fx, "ferry", cases[i].window, limit, &hits);
		if (strcmp(hits.ids.data != NULL ? hits.ids.data : "",
		    cases[i].ids) != 0)
			fail_msg("window %zu found \"%s\"; wanted \"%s\"",
			    cases[i].window, hits.ids.data, cases[i].ids);
		buf_free(&hits.ids);
		buf_free(&hits.snippets);
	}
}

static void
test_saved(void **state)
{
	struct fixture		*fx = *state;
	struct store_saved	*saved;
	size_t			 n;

	assert_int_equal(store_saved_put(fx->st, "Ferries", "ferry"), 0);
	assert_int_equal(store_saved_put(fx->st, "ferries", "ferry OR bus"),
	    1);
	assert_int_equal(store_saved_put(fx->st, "Новости", "tag:local"), 0);
	assert_int_equal(store_saved_list(fx->st, &saved, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(saved[0].name, "Ferries");
	assert_string_equal(saved[0].query, "ferry OR bus");
	store_saved_free(saved, n);
	assert_int_equal(store_saved_remove(fx->st, "FERRIES"), 0);
	assert_int_equal(store_saved_remove(fx->st, "ferries"), 1);
}

/* Rules touch the new items of the feed that was stored, only them. */
static void
test_rules(void **state)
{
	struct fixture		*fx = *state;
	struct store_rule	 rules[2];
	struct query		*q1 = NULL, *q2 = NULL;
	struct feed_item	 it;
	enum store_upsert	 outcome;
	char			*cause = NULL, *got, alps[] = "Alps";
	char			*add[] = { alps };
	int64_t			 last;

	assert_int_equal(query_parse("seilbahn", &q1, &cause), 0);
	assert_int_equal(query_parse("title:seilbahn", &q2, &cause), 0);
	memset(rules, 0, sizeof rules);
	rules[0].query = q1;
	rules[0].add = add;
	rules[0].nadd = 1;
	rules[1].query = q2;
	rules[1].hide = 1;
	rules[1].read = 1;
	store_rules_set(fx->st, rules, 2);
	memset(&it, 0, sizeof it);
	it.guid = (char *)"new-1";
	it.title = (char *)"Seilbahn: neue Kabinen";
	it.published = date_parse("2025-11-29T08:00:00Z");
	it.updated = DATE_NONE;
	assert_int_equal(store_begin(fx->st), 0);
	assert_int_equal(store_rules_mark(fx->st, &last), 0);
	assert_int_equal(last, 7);
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[1], &it,
	    "Die Seilbahn bekommt neue Kabinen.", &outcome), 0);
	assert_int_equal(store_rules_apply(fx->st, fx->feeds[1], last), 0);
	assert_int_equal(store_commit(fx->st), 0);
	store_rules_set(fx->st, NULL, 0);
	got = list_ids(fx, "tag:alps is:hidden");
	assert_string_equal(got, "8");
	free(got);
	got = list_ids(fx, "is:hidden is:read");
	assert_string_equal(got, "8");
	free(got);
	query_free(q1);
	query_free(q2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_list_table, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list_fields, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tag_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_window, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fields_as_query, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tag_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_inside_list, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_item_flags, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules, setup, teardown),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
