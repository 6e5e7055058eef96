/*
 * Unit tests for src/rules.c: rule lines read from a config file (and
 * the errors naming file and line), then applied to the items already in
 * a small archive: which items got which tags and flags, what each rule
 * touched, and hidden items leaving lists.
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

#include <cmocka.h>

#include "conf.h"
#include "date.h"
#include "fixture.h"
#include "query.h"
#include "rules.h"
#include "store.h"
#include "util.h"

struct fixture {
	char		 dir[64];
	char		*db;
	char		*conf;		/* the config file's path */
	struct store	*st;
	int64_t		 feeds[2];
};

struct item_spec {
	int		 feed;
	const char	*title;
	const char	*text;
};

/* Ids 1 to 5, each a day newer than the one before. */
static const struct item_spec items[] = {
	{ 0, "Night ferry returns", "The overnight ferry sailed again." },
	{ 0, "Fish market prices climb", "Ferry crews bought less fish." },
	{ 1, "Les quais rendus aux piétons", "Six mois de travaux." },
	{ 1, "Winterfahrplan der Seilbahn", "Die Seilbahn fährt stündlich." },
	{ 0, "Sponsored: a ferry cruise", "Book your cabin now." },
};

static const char *rules_text =
    "# filing and a killfile\n"
    "rule \"title:ferry\" +Boats read\n"
    "rule \"feed:rhône\" +fr star\n"
    "\n"
    "rule \"title:sponsored\" hide\n"
    "rule ferry +ferry-word -Boats\n";

struct applied {
	int		 lines[8];
	char		*texts[8];
	int64_t		 touched[8];
	size_t		 n;
};

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
		it.published = date_parse("2026-11-01T08:00:00Z") +
		    (int64_t)i * 86400;
		it.updated = DATE_NONE;
		if (store_item_upsert(fx->st, fx->feeds[items[i].feed], &it,
		    items[i].text, &outcome) != 0)
			return (-1);
	}
	return (0);
}

static int
setup(void **state)
{
	struct fixture	*fx;

	fx = xcalloc(1, sizeof *fx);
	if (fixture_dir(fx->dir, sizeof fx->dir, "rules") != 0)
		return (-1);
	fx->db = xasprintf("%s/archive.db", fx->dir);
	fx->conf = xasprintf("%s/config", fx->dir);
	if ((fx->st = fixture_store(fx->db)) == NULL)
		return (-1);
	if (store_feed_add(fx->st, "https://gazette.example/feed",
	    "The Harbour Gazette", &fx->feeds[0]) != 0 ||
	    store_feed_add(fx->st, "https://fil.example/rss",
	    "Le Fil du Rhône", &fx->feeds[1]) != 0 ||
	    fixture_items(fx) != 0)
		return (-1);
	*state = fx;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	store_close(fx->st);
	fixture_remove(fx->dir);
	free(fx->db);
	free(fx->conf);
	free(fx);
	return (0);
}

/* The rules of a config file holding text; fails the test if bad. */
static struct rules *
load(struct fixture *fx, const char *text)
{
	struct conf	*cf = NULL;
	struct rules	*rules = NULL;
	char		*cause = NULL;

	assert_int_equal(fixture_write(fx->dir, "config", text, strlen(text)), 0);
	if (conf_load(fx->conf, &cf, &cause) != 0 ||
	    rules_load(cf, &rules, &cause) != 0)
		fail_msg("%s", cause);
	conf_free(cf);
	return (rules);
}

/* The ids a query lists, newest first, as "3 2 1". */
static char *
list_ids(struct fixture *fx, const char *text)
{
	char	*ids;

	if ((ids = fixture_ids(fx->st, text)) == NULL)
		fail_msg("\"%s\" could not be listed", text);
	return (ids);
}

static void
on_rule(size_t i, int line, const char *query_text, int64_t touched,
    void *arg)
{
	struct applied	*a = arg;

	assert_int_equal(i, a->n);
	assert_true(a->n < UTIL_ARRLEN(a->lines));
	a->lines[a->n] = line;
	a->texts[a->n] = xstrdup(query_text);
	a->touched[a->n++] = touched;
}

static void
applied_free(struct applied *a)
{
	size_t	 i;

	for (i = 0; i < a->n; i++)
		free(a->texts[i]);
	memset(a, 0, sizeof *a);
}

struct load_error {
	const char	*text;
	int		 line;
	const char	*why;		/* what follows "rule: " */
};

static const struct load_error load_errors[] = {
	{ "rule \"tga:x\" +oops\n", 1, "query: unknown field \"tga:\"" },
	{ "# one\n\nrule ferry +\n", 3, "\"+\" is not a tag: a tag name" },
	{ "rule ferry\n", 1, "a rule is: rule \"QUERY\"" },
	{ "rule ferry +ok frob\n", 1, "\"frob\" is not an action" },
	{ "rule ferry +ok\nrule \"(ferry\" read\n", 2, "query: unbalanced" },
	{ "rule ferry \"-two words\"\n", 1,
	  "\"-two words\" is not a tag: a tag name cannot hold spaces" },
};

static void
test_load_errors(void **state)
{
	struct fixture		*fx = *state;
	struct conf		*cf;
	struct rules		*rules;
	char			*cause, *want;
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(load_errors); i++) {
		cf = NULL;
		cause = NULL;
		assert_int_equal(fixture_write(fx->dir, "config",
		    load_errors[i].text, strlen(load_errors[i].text)), 0);
		if (conf_load(fx->conf, &cf, &cause) != 0)
			fail_msg("%s", cause);
		rules = NULL;
		assert_int_equal(rules_load(cf, &rules, &cause), -1);
		assert_null(rules);
		want = xasprintf("%s, line %d: rule: %s", fx->conf,
		    load_errors[i].line, load_errors[i].why);
		if (strncmp(cause, want, strlen(want)) != 0)
			fail_msg("case %zu: \"%s\", wanted \"%s...\"", i, cause,
			    want);
		free(want);
		free(cause);
		conf_free(cf);
	}
}

static void
test_load(void **state)
{
	struct fixture		*fx = *state;
	const struct store_rule	*r;
	struct rules		*rules;
	struct buf		 b;
	char			*cause = NULL;
	int			 line;

	rules = load(fx, rules_text);
	assert_int_equal(rules_count(rules), 4);
	r = rules_get(rules, 0, &line);
	assert_int_equal(line, 2);
	assert_int_equal(r->nadd, 1);
	assert_string_equal(r->add[0], "Boats");
	assert_true(r->read && !r->star && !r->hide);
	assert_string_equal(rules_query_text(rules, 1), "feed:rhône");
	r = rules_get(rules, 2, &line);
	assert_int_equal(line, 5);
	assert_true(r->hide);
	buf_init(&b, 0);
	rules_actions(rules, 3, &b);
	assert_string_equal(b.data, "+ferry-word -Boats");
	buf_free(&b);
	assert_null(rules_get(rules, 4, &line));
	assert_null(rules_query_text(rules, 4));
	rules_free(rules);

	assert_int_equal(rules_load(NULL, &rules, &cause), 0);
	assert_int_equal(rules_count(rules), 0);
	rules_free(rules);
	rules = load(fx, "set reader-width 70\n");
	assert_int_equal(rules_count(rules), 0);
	rules_free(rules);
}

struct list_case {
	const char	*query;
	const char	*ids;		/* newest first */
};

/* After rules_text applied to everything. */
static const struct list_case after_apply[] = {
	{ "", "4 3 2 1" },
	{ "is:hidden", "5" },
	{ "tag:boats", "" },
	{ "tag:ferry-word", "2 1" },
	{ "tag:ferry-word is:hidden", "5" },
	{ "is:read", "1" },
	{ "is:read is:hidden", "5" },
	{ "is:starred", "4 3" },
	{ "tag:fr", "4 3" },
	{ "is:unread", "4 3 2" },
};

static void
check_lists(struct fixture *fx, const struct list_case *cases, size_t n)
{
	char	*got;
	size_t	 i;

	for (i = 0; i < n; i++) {
		got = list_ids(fx, cases[i].query);
		if (strcmp(got, cases[i].ids) != 0)
			fail_msg("\"%s\" listed \"%s\"; wanted \"%s\"",
			    cases[i].query, got, cases[i].ids);
		free(got);
	}
}

static void
test_apply(void **state)
{
	static const int	 lines[] = { 2, 3, 5, 6 };
	static const int64_t	 touched[] = { 2, 2, 1, 3 };
	struct fixture		*fx = *state;
	struct applied		 a;
	struct rules		*rules;
	size_t			 i, round;

	rules = load(fx, rules_text);
	/* Twice: the second finds the same items (hidden ones too). */
	for (round = 0; round < 2; round++) {
		memset(&a, 0, sizeof a);
		assert_int_equal(rules_apply(fx->st, rules, NULL, on_rule, &a),
		    0);
		assert_int_equal(a.n, 4);
		for (i = 0; i < a.n; i++) {
			assert_int_equal(a.lines[i], lines[i]);
			assert_int_equal(a.touched[i], touched[i]);
			assert_string_equal(a.texts[i],
			    rules_query_text(rules, i));
		}
		applied_free(&a);
		check_lists(fx, after_apply, UTIL_ARRLEN(after_apply));
	}
	rules_free(rules);
}

static const struct list_case after_filter[] = {
	{ "", "5 4 3 2 1" },
	{ "tag:ferry", "1" },
	{ "is:read", "1" },
	{ "is:starred", "" },
	{ "tag:fr", "" },
	{ "is:hidden", "" },
};

/* Only the items the filter matches are touched. */
static void
test_apply_filter(void **state)
{
	static const int64_t	 touched[] = { 1, 0, 0 };
	struct fixture		*fx = *state;
	struct applied		 a;
	struct rules		*rules;
	struct query		*filter = NULL;
	char			*cause = NULL;
	size_t			 i;

	rules = load(fx, "rule title:ferry +ferry read\n"
	    "rule feed:rhône +fr star\nrule title:sponsored hide\n");
	assert_int_equal(query_parse("id:1 OR id:2", &filter, &cause), 0);
	memset(&a, 0, sizeof a);
	assert_int_equal(rules_apply(fx->st, rules, filter, on_rule, &a), 0);
	assert_int_equal(a.n, 3);
	for (i = 0; i < a.n; i++)
		assert_int_equal(a.touched[i], touched[i]);
	applied_free(&a);
	check_lists(fx, after_filter, UTIL_ARRLEN(after_filter));
	query_free(filter);
	rules_free(rules);
}

/* No rules, and no callback: nothing happens, and that is no error. */
static void
test_apply_none(void **state)
{
	struct fixture	*fx = *state;
	struct rules	*rules;
	char		*got;

	rules = load(fx, "# nothing\n");
	assert_int_equal(rules_apply(fx->st, rules, NULL, NULL, NULL), 0);
	rules_free(rules);
	rules = load(fx, "rule \"\" +all\n");
	assert_int_equal(rules_apply(fx->st, rules, NULL, NULL, NULL), 0);
	got = list_ids(fx, "tag:all");
	assert_string_equal(got, "5 4 3 2 1");
	free(got);
	rules_free(rules);
}

/* Attached rules reach the new items a poll stores, and only those. */
static void
test_attach(void **state)
{
	struct fixture		*fx = *state;
	struct feed_item	 it;
	enum store_upsert	 outcome;
	struct rules		*rules;
	int64_t			 last;
	char			*got;

	rules = load(fx, rules_text);
	rules_attach(fx->st, rules);
	memset(&it, 0, sizeof it);
	it.guid = (char *)"new-1";
	it.title = (char *)"Sponsored: ferry deals";
	it.published = date_parse("2026-11-20T08:00:00Z");
	it.updated = DATE_NONE;
	assert_int_equal(store_begin(fx->st), 0);
	assert_int_equal(store_rules_mark(fx->st, &last), 0);
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it,
	    "Cheap cabins.", &outcome), 0);
	assert_int_equal(store_rules_apply(fx->st, fx->feeds[0], last), 0);
	assert_int_equal(store_commit(fx->st), 0);
	rules_attach(fx->st, NULL);
	rules_free(rules);
	got = list_ids(fx, "is:hidden");
	assert_string_equal(got, "6");
	free(got);
	got = list_ids(fx, "tag:ferry-word OR is:read");
	assert_string_equal(got, "");
	free(got);
	got = list_ids(fx, "is:hidden is:read tag:ferry-word");
	assert_string_equal(got, "6");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_errors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_apply, setup, teardown),
		cmocka_unit_test_setup_teardown(test_apply_filter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_apply_none, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_attach, setup, teardown),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
