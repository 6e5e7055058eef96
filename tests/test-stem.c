/*
 * Unit tests for src/store-stem.c through a real archive: articles in
 * five languages are stored, then searched with FTS5 expressions; each
 * row of the table says which article a query must or must not find.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "date.h"
#include "fixture.h"
#include "store.h"
#include "util.h"

struct article {
	const char	*guid;
	const char	*title;
	const char	*text;
};

/* A word of 256 letters: longer ones are cut there, and not stemmed. */
#define LETTERS16	"hhhhhhhhhhhhhhhh"
#define LETTERS256	LETTERS16 LETTERS16 LETTERS16 LETTERS16 LETTERS16 \
	LETTERS16 LETTERS16 LETTERS16 LETTERS16 LETTERS16 LETTERS16 \
	LETTERS16 LETTERS16 LETTERS16 LETTERS16 LETTERS16

static const struct article articles[] = {
	{ "en-talks", "Peace negotiations resume in Geneva",
	    "The two delegations said on Tuesday that they will negotiate "
	    "a ceasefire this week, and that the talks were moving faster "
	    "than anyone had expected. Both sides have agreed to exchange "
	    "prisoners before the winter, according to the mediators." },
	{ "en-marathon", "Thousands running through the old town",
	    "The city marathon drew a record field this year. Runners from "
	    "forty countries crossed the bridges at dawn, and the winner "
	    "finished in two hours and nine minutes, which was a new course "
	    "record for the race." },
	{ "ru-talks", "\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb3\xd0\xbe"
	    "\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8b \xd0\xb2 \xd0\x96\xd0\xb5"
	    "\xd0\xbd\xd0\xb5\xd0\xb2\xd0\xb5 \xd0\xb2\xd0\xbe\xd0\xb7"
	    "\xd0\xbe\xd0\xb1\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb8\xd0\xbb\xd0"
	    "\xb8\xd1\x81\xd1\x8c",
	    "Делегации сообщили во вторник, что в переговорах о прекращении "
	    "огня наметился прогресс. Обе стороны также договорились об "
	    "обмене пленными до зимы, но это ещё не окончательное решение, "
	    "и посредники просят не спешить с выводами." },
	{ "fr-border", "La Biélorussie et la Pologne rouvrent la frontière",
	    "Les autorités ont annoncé que les camions pourront de nouveau "
	    "traverser la frontière dès lundi. Les transporteurs attendaient "
	    "cette décision depuis des mois, et les files d'attente se sont "
	    "allongées sur plusieurs kilomètres pendant tout l'été." },
	{ "de-harbour", "Verhandlungen über den Hafenausbau",
	    "Die Stadt und der Betreiber verhandeln seit Monaten über die "
	    "Erweiterung des Hafens. Nach Angaben der Verwaltung wurde noch "
	    "keine Einigung erzielt, aber die Gespräche sind auf einem guten "
	    "Weg und sollen im Herbst abgeschlossen werden." },
	{ "es-farmers", "Los agricultores protestan en Madrid",
	    "Miles de agricultores marcharon por el centro de la ciudad para "
	    "protestar contra los precios del combustible. Según los "
	    "organizadores, la protesta continuará durante toda la semana y "
	    "también en otras ciudades del país." },
	{ "long-word", "Ein Wort ohne Ende",
	    "Das Protokoll verzeichnet " LETTERS256 "quokkatail, dann den "
	    "sentinel und Schluss." },
};

/* A query (an FTS5 expression) and whether it finds an article. */
struct stem_case {
	const char	*match;
	const char	*guid;
	int		 found;
};

static const struct stem_case cases[] = {
	/* A word too long is cut, and what is cut off is not a word. */
	{ "quokkatail", "long-word", 0 },
	{ "sentinel", "long-word", 1 },
	/* English: inflections meet at the stem. */
	{ "negotiations", "en-talks", 1 },
	{ "negotiating", "en-talks", 1 },
	{ "ceasefires", "en-talks", 1 },
	{ "talk", "en-talks", 1 },
	{ "agree", "en-talks", 1 },
	{ "expect", "en-talks", 1 },
	{ "runner", "en-marathon", 1 },
	{ "run", "en-marathon", 1 },
	{ "finishing", "en-marathon", 1 },
	{ "NEGOTIATIONS", "en-talks", 1 },
	{ "talkative", "en-talks", 0 },
	{ "general", "en-talks", 0 },
	{ "negotiations", "ru-talks", 0 },
	{ "negotiations", "fr-border", 0 },
	/* Exact phrases, exact words and prefixes: as written. */
	{ "\"will negotiate\"", "en-talks", 1 },
	{ "\"will negotiating\"", "en-talks", 0 },
	{ "\"negotiate will\"", "en-talks", 0 },
	{ "\"=negotiate\"", "en-talks", 1 },
	{ "\"=negotiating\"", "en-talks", 0 },
	{ "negot*", "en-talks", 1 },
	{ "negotiations*", "en-talks", 1 },
	{ "negotiatin*", "en-talks", 0 },
	/* Russian. */
	{ "переговоры", "ru-talks", 1 },
	{ "переговорами", "ru-talks", 1 },
	{ "ПЕРЕГОВОРЫ", "ru-talks", 1 },
	{ "пленные", "ru-talks", 1 },
	{ "Женева", "ru-talks", 1 },
	{ "решения", "ru-talks", 1 },
	{ "еще", "ru-talks", 1 },
	{ "перегородка", "ru-talks", 0 },
	{ "\"в переговорах\"", "ru-talks", 1 },
	{ "\"в переговорами\"", "ru-talks", 0 },
	{ "переговоры", "en-talks", 0 },
	/* French: accents fold both ways. */
	{ "bielorussie", "fr-border", 1 },
	{ "Biélorussie", "fr-border", 1 },
	{ "BIÉLORUSSIE", "fr-border", 1 },
	{ "frontières", "fr-border", 1 },
	{ "camion", "fr-border", 1 },
	{ "décisions", "fr-border", 1 },
	{ "decision", "fr-border", 1 },
	{ "transporteur", "fr-border", 1 },
	{ "front", "fr-border", 0 },
	{ "\"la frontiere\"", "fr-border", 1 },
	/* German. */
	{ "Verhandlung", "de-harbour", 1 },
	{ "verhandlungen", "de-harbour", 1 },
	{ "Gespräch", "de-harbour", 1 },
	{ "gesprach", "de-harbour", 1 },
	{ "Erweiterungen", "de-harbour", 1 },
	{ "Hafen", "de-harbour", 1 },
	{ "uber", "de-harbour", 1 },
	{ "Einigungen", "de-harbour", 1 },
	{ "Hafenstadt", "de-harbour", 0 },
	/* Spanish. */
	{ "protestas", "es-farmers", 1 },
	{ "agricultor", "es-farmers", 1 },
	{ "ciudades", "es-farmers", 1 },
	{ "ciudad", "es-farmers", 1 },
	{ "precio", "es-farmers", 1 },
	{ "organizador", "es-farmers", 1 },
	{ "segun", "es-farmers", 1 },
	{ "continuar", "es-farmers", 1 },
	{ "combate", "es-farmers", 0 },
	/* Several terms. */
	{ "negotiations AND geneva", "en-talks", 1 },
	{ "negotiations NOT geneva", "en-talks", 0 },
	{ "title : negotiation", "en-talks", 1 },
	{ "title : ceasefire", "en-talks", 0 },
};

struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*st;
	int64_t		 ids[UTIL_ARRLEN(articles)];
};

static void
article_store(struct store *st, int64_t feed, const struct article *a,
    int64_t published, enum store_upsert expected)
{
	struct feed_item	 it;
	enum store_upsert	 outcome;

	memset(&it, 0, sizeof it);
	it.guid = (char *)a->guid;
	it.title = (char *)a->title;
	it.published = published;
	it.updated = DATE_NONE;
	assert_int_equal(store_item_upsert(st, feed, &it, a->text, &outcome),
	    0);
	assert_int_equal(outcome, expected);
}

static int
setup(void **state)
{
	struct fixture	*fx;
	int64_t		 feed;
	size_t		 i;

	fx = xcalloc(1, sizeof *fx);
	if (fixture_dir(fx->dir, sizeof fx->dir, "stem") != 0)
		return (-1);
	fx->path = xasprintf("%s/archive.db", fx->dir);
	if ((fx->st = fixture_store(fx->path)) == NULL)
		return (-1);
	if (store_feed_add(fx->st, "https://example.org/feed", "Wire",
	    &feed) < 0)
		return (-1);
	for (i = 0; i < UTIL_ARRLEN(articles); i++)
		article_store(fx->st, feed, &articles[i], 1700000000,
		    STORE_NEW);
	*state = fx;
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

struct found {
	const char	*guid;
	int		 seen;
};

static int
found_cb(const struct store_item *it, void *arg)
{
	struct found	*f = arg;

	if (strcmp(it->guid, f->guid) == 0)
		f->seen = 1;
	return (0);
}

/* Does the FTS5 expression match find the article guid? */
static int
finds(struct store *st, const char *match, const char *guid)
{
	struct store_filter	 filter;
	struct found		 f = { guid, 0 };

	memset(&filter, 0, sizeof filter);
	filter.match = match;
	if (store_items_list(st, &filter, found_cb, &f) != 0)
		fail_msg("%s: %s", match, store_errmsg(st));
	return (f.seen);
}

static void
test_cases(void **state)
{
	struct fixture	*fx = *state;
	size_t		 i;
	int		 got, failed = 0;

	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		got = finds(fx->st, cases[i].match, cases[i].guid);
		if (got == cases[i].found)
			continue;
		print_message("# %s %s %s\n", cases[i].match,
		    cases[i].found ? "misses" : "wrongly finds",
		    cases[i].guid);
		failed++;
	}
	assert_int_equal(failed, 0);
}

/* Run sql on the archive through a connection of the test's own. */
static int
sql_exec(const char *path, const char *sql)
{
	sqlite3	*db;
	int	 rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return (-1);
	sqlite3_busy_timeout(db, 2000);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return (rc == SQLITE_OK ? 0 : -1);
}

/* The first column of the first row of sql, or -1. */
static int64_t
sql_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*s = NULL;
	int64_t		 v = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return (-1);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return (v);
}

/* The index agrees with the articles, also after an article changes. */
static void
test_integrity(void **state)
{
	struct fixture	*fx = *state;
	struct article	 changed = articles[0];
	int64_t		 feed;

	assert_int_equal(sql_exec(fx->path, "INSERT INTO items_fts"
	    " (items_fts, rank) VALUES ('integrity-check', 1)"), 0);
	changed.text = "The mediators postponed the negotiations.";
	assert_int_equal(store_feed_find(fx->st, "https://example.org/feed",
	    &feed), 0);
	article_store(fx->st, feed, &changed, 1700000001, STORE_UPDATED);
	assert_int_equal(finds(fx->st, "postpone", "en-talks"), 1);
	assert_int_equal(finds(fx->st, "ceasefire", "en-talks"), 0);
	assert_int_equal(sql_exec(fx->path, "INSERT INTO items_fts"
	    " (items_fts, rank) VALUES ('integrity-check', 1)"), 0);
}

/* The archive indexes with the tokenizer and can rebuild the index. */
static void
test_rebuild(void **state)
{
	struct fixture	*fx = *state;

	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'items_fts' AND sql LIKE '%tokenize = ''telex''%'"),
	    1);
	assert_int_equal(sql_exec(fx->path, "INSERT INTO items_fts"
	    " (items_fts) VALUES ('delete-all');"
	    "INSERT INTO items_fts (items_fts) VALUES ('rebuild')"), 0);
	assert_int_equal(finds(fx->st, "переговоры", "ru-talks"), 1);
	assert_int_equal(finds(fx->st, "negotiating", "en-talks"), 1);
	assert_int_equal(finds(fx->st, "Biélorussie", "fr-border"), 1);
	assert_int_equal(sql_exec(fx->path, "INSERT INTO items_fts"
	    " (items_fts, rank) VALUES ('integrity-check', 1)"), 0);
}

/* Odd text: bad UTF-8, a huge word, lone marks, mixed scripts. */
static void
test_odd_text(void **state)
{
	struct fixture	*fx = *state;
	struct article	 odd = { "odd",
	    "iPhone15 Москва2024 \xcc\x81\xcc\x81", NULL };
	struct buf	 b;
	int64_t		 feed;
	int		 i;

	buf_init(&b, 0);
	buf_adds(&b, "bad \xff\xfe\xc3 bytes, \xe2\x80\x8b zero width, ");
	for (i = 0; i < 2000; i++)
		buf_adds(&b, "\xc3\xa9");
	buf_adds(&b, " then ΚΑΛΗΜΕΡΑ 東京都 and straße.");
	odd.text = b.data;
	assert_int_equal(store_feed_find(fx->st, "https://example.org/feed",
	    &feed), 0);
	article_store(fx->st, feed, &odd, 1700000002, STORE_NEW);
	assert_int_equal(finds(fx->st, "москва2024", "odd"), 1);
	assert_int_equal(finds(fx->st, "iphone15", "odd"), 1);
	assert_int_equal(finds(fx->st, "καλημερα", "odd"), 1);
	assert_int_equal(finds(fx->st, "STRASSE", "odd"), 1);
	assert_int_equal(finds(fx->st, "東京都", "odd"), 1);
	assert_int_equal(finds(fx->st, "bytes", "odd"), 1);
	assert_int_equal(sql_exec(fx->path, "INSERT INTO items_fts"
	    " (items_fts, rank) VALUES ('integrity-check', 1)"), 0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_integrity, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_odd_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rebuild, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
