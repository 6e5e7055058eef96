/*
 * Unit tests for src/query.c: each query of the table is parsed and its
 * tree printed as an S-expression, or its error compared word for word;
 * tag names are checked the same way.
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

#include "query.h"
#include "util.h"

struct query_case {
	const char	*query;
	const char	*tree;		/* NULL: an error is wanted */
	const char	*error;		/* the whole message */
};

static const struct query_case query_cases[] = {
	/* Words, phrases, prefixes; accents and scripts pass through. */
	{ "", "(all)", NULL },
	{ "   ", "(all)", NULL },
	{ "ferry", "(word \"ferry\")", NULL },
	{ "night ferry", "(and (word \"night\") (word \"ferry\"))", NULL },
	{ "Biélorussie", "(word \"Biélorussie\")", NULL },
	{ "переговоры Минск", "(and (word \"переговоры\") "
	    "(word \"Минск\"))", NULL },
	{ "\"night ferry\"", "(phrase \"night ferry\")", NULL },
	{ "\"la place du marché\" Lyon", "(and (phrase \"la place du "
	    "marché\") (word \"Lyon\"))", NULL },
	{ "negoti*", "(prefix \"negoti\")", NULL },
	{ "\"winter time\"*", "(prefix \"winter time\")", NULL },
	{ "covid-19", "(word \"covid-19\")", NULL },
	{ "12:30", "(word \"12:30\")", NULL },
	{ "\"http://example.com/a\"", "(phrase \"http://example.com/a\")",
	    NULL },
	{ "say\"hi", "(word \"say\"hi\")", NULL },
	{ "ferry & harbour", "(and (word \"ferry\") (word \"harbour\"))",
	    NULL },
	{ "ferry - harbour", "(and (word \"ferry\") (word \"harbour\"))",
	    NULL },
	{ "*", "(all)", NULL },
	/* Fields. */
	{ "title:ferry", "(word title \"ferry\")", NULL },
	{ "TITLE:ferry", "(word title \"ferry\")", NULL },
	{ "title:\"night ferry\"", "(phrase title \"night ferry\")", NULL },
	{ "title:negoti*", "(prefix title \"negoti\")", NULL },
	{ "author:okafor", "(word author \"okafor\")", NULL },
	{ "feed:gazette", "(feed \"gazette\")", NULL },
	{ "feed:\"Harbour Gazette\"", "(feed \"Harbour Gazette\")", NULL },
	{ "tag:Alps", "(tag \"Alps\")", NULL },
	{ "tag:économie", "(tag \"économie\")", NULL },
	{ "has:enclosure is:downloaded", "(and (has enclosure) (is downloaded))", NULL },
	{ "has:video", NULL, "query: unknown \"has:video\" at column 1 (try has:enclosure)" },
	{ "is:unread", "(is unread)", NULL },
	{ "is:READ", "(is read)", NULL },
	{ "is:starred is:archived is:hidden", "(and (is starred) "
	    "(is archived) (is hidden))", NULL },
	{ "id:42", "(id 42)", NULL },
	/* Dates: local midnights (TZ is UTC here). */
	{ "after:2026-11-01", "(date 2026-11-01T00:00:00Z -)", NULL },
	{ "before:2026-11-01", "(date - 2026-11-01T00:00:00Z)", NULL },
	{ "after:2026-11", "(date 2026-11-01T00:00:00Z -)", NULL },
	{ "before:2026", "(date - 2026-01-01T00:00:00Z)", NULL },
	{ "date:2026-11-28", "(date 2026-11-28T00:00:00Z "
	    "2026-11-29T00:00:00Z)", NULL },
	{ "date:2026-12", "(date 2026-12-01T00:00:00Z 2027-01-01T00:00:00Z)",
	    NULL },
	{ "date:2024-02-29", "(date 2024-02-29T00:00:00Z "
	    "2024-03-01T00:00:00Z)", NULL },
	{ "date:7d", "(within 604800s)", NULL },
	{ "date:2w", "(within 1209600s)", NULL },
	{ "date:3m", "(within 7776000s)", NULL },
	{ "date:1y", "(within 31536000s)", NULL },
	{ "date:12h", "(within 43200s)", NULL },
	/* Operators. */
	{ "ferry OR bus", "(or (word \"ferry\") (word \"bus\"))", NULL },
	{ "ferry or bus", "(and (word \"ferry\") (word \"or\") "
	    "(word \"bus\"))", NULL },
	{ "a b OR c", "(or (and (word \"a\") (word \"b\")) (word \"c\"))",
	    NULL },
	{ "a AND b", "(and (word \"a\") (word \"b\"))", NULL },
	{ "a (b OR c)", "(and (word \"a\") (or (word \"b\") (word \"c\")))",
	    NULL },
	{ "(a OR b) (c OR d)", "(and (or (word \"a\") (word \"b\")) "
	    "(or (word \"c\") (word \"d\")))", NULL },
	{ "-ferry", "(not (word \"ferry\"))", NULL },
	{ "NOT ferry", "(not (word \"ferry\"))", NULL },
	{ "ferry -tag:read-later", "(and (word \"ferry\") "
	    "(not (tag \"read-later\")))", NULL },
	{ "ferry NOT (bus OR tram)", "(and (word \"ferry\") (not (or "
	    "(word \"bus\") (word \"tram\"))))", NULL },
	{ "--ferry", "(not (not (word \"ferry\")))", NULL },
	{ "-\"night ferry\"", "(not (phrase \"night ferry\"))", NULL },
	{ "((ferry))", "(word \"ferry\")", NULL },
	{ "tag:sport OR feed:gazette is:unread", "(or (tag \"sport\") "
	    "(and (feed \"gazette\") (is unread)))", NULL },
	{ "(ferry)bus", "(and (word \"ferry\") (word \"bus\"))", NULL },
	/* Errors: the word, its column in characters, what to do. */
	{ "hello tga:x", NULL, "query: unknown field \"tga:\" at column 7 "
	    "(fields are title: author: feed: tag: is: has: after: before: "
	    "date: id:; put a word with a colon in quotes)" },
	{ "Минск tga:x", NULL, "query: unknown field \"tga:\" at column 7 "
	    "(fields are title: author: feed: tag: is: has: after: before: "
	    "date: id:; put a word with a colon in quotes)" },
	{ "(ferry OR bus", NULL, "query: unbalanced parenthesis at column 1 "
	    "(this one is never closed)" },
	{ "ferry bus) tram", NULL, "query: unbalanced parenthesis at column "
	    "10 (nothing to close)" },
	{ ")", NULL, "query: unbalanced parenthesis at column 1 (nothing to "
	    "close)" },
	{ "a ()", NULL, "query: empty parentheses at column 3" },
	{ "after:yesterday", NULL, "query: \"after:\" wants a date like "
	    "2026-11-01, not \"yesterday\" at column 1" },
	{ "x before:2026-13-01", NULL, "query: \"before:\" wants a date like "
	    "2026-11-01, not \"2026-13-01\" at column 3" },
	{ "after:2026-02-30", NULL, "query: \"after:\" wants a date like "
	    "2026-11-01, not \"2026-02-30\" at column 1" },
	{ "after:26-11-01", NULL, "query: \"after:\" wants a date like "
	    "2026-11-01, not \"26-11-01\" at column 1" },
	{ "date:7x", NULL, "query: \"date:\" wants an age like 7d, 2w, 3m or "
	    "1y, or a date like 2026-11-01, not \"7x\" at column 1" },
	{ "date:0d", NULL, "query: \"date:\" wants an age like 7d, 2w, 3m or "
	    "1y, or a date like 2026-11-01, not \"0d\" at column 1" },
	{ "is:bogus", NULL, "query: unknown state \"is:bogus\" at column 1 "
	    "(try is:unread, is:read, is:starred, is:archived, "
	    "is:downloaded or is:hidden)" },
	{ "id:x", NULL, "query: \"id:\" wants an item number like id:42, "
	    "not \"x\" at column 1" },
	{ "id:-3", NULL, "query: \"id:\" wants an item number like id:42, "
	    "not \"-3\" at column 1" },
	{ "tag:", NULL, "query: \"tag:\" needs a value right after the "
	    "colon at column 1" },
	{ "ferry title:", NULL, "query: \"title:\" needs a value right after "
	    "the colon at column 7" },
	{ "\"night ferry", NULL, "query: the quote is not closed at column 1 "
	    "(add a \" after the phrase)" },
	{ "x title:\"night", NULL, "query: the quote is not closed at "
	    "column 9 (add a \" after the phrase)" },
	{ "\"night\"ferry", NULL, "query: unexpected text after the closing "
	    "quote at column 1 (leave a space after it)" },
	{ "\"\"", NULL, "query: an empty phrase has nothing to search for at "
	    "column 1" },
	{ "x title:\"\"*", NULL, "query: an empty phrase has nothing to "
	    "search for at column 3" },
	{ "OR ferry", NULL, "query: \"OR\" needs a term on each side at "
	    "column 1" },
	{ "ferry OR", NULL, "query: \"OR\" needs a term on each side at "
	    "column 7" },
	{ "ferry OR OR bus", NULL, "query: \"OR\" needs a term on each side "
	    "at column 10" },
	{ "(ferry OR) bus", NULL, "query: \"OR\" needs a term on each side at "
	    "column 8" },
	{ "AND ferry", NULL, "query: \"AND\" needs a term on each side at "
	    "column 1" },
	{ "ferry AND", NULL, "query: \"AND\" needs a term on each side at "
	    "column 7" },
	{ "ferry NOT", NULL, "query: \"NOT\" needs a term after it at "
	    "column 7" },
	{ "ferry -OR bus", NULL, "query: \"-\" needs a term after it at "
	    "column 7" },
	{ "ferry -)", NULL, "query: unbalanced parenthesis at column 8 "
	    "(nothing to close)" },
	{ "tag:\"two words\"", NULL, "query: tag:\"two words\": a tag name "
	    "cannot hold spaces, control characters, quotes or parentheses at "
	    "column 1" },
};

static void
test_query_table(void **state)
{
	const struct query_case	*c;
	struct query		*q;
	char			*cause, *tree;
	size_t			 i;
	int			 rc;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(query_cases); i++) {
		c = &query_cases[i];
		cause = NULL;
		q = NULL;
		rc = query_parse(c->query, &q, &cause);
		if (c->tree == NULL) {
			if (rc == 0)
				fail_msg("\"%s\" parsed; wanted: %s", c->query,
				    c->error);
			assert_string_equal(cause, c->error);
			free(cause);
			continue;
		}
		if (rc != 0)
			fail_msg("\"%s\": %s", c->query, cause);
		tree = query_print(q);
		if (strcmp(tree, c->tree) != 0)
			fail_msg("\"%s\" gave %s; wanted %s", c->query, tree,
			    c->tree);
		free(tree);
		query_free(q);
	}
}

/* Deep nesting is refused, not a crashed stack. */
static void
test_query_deep(void **state)
{
	struct buf	 b;
	struct query	*q = NULL;
	char		*cause = NULL;
	int		 i;

	(void)state;
	buf_init(&b, 0);
	for (i = 0; i < 10000; i++)
		buf_addc(&b, '(');
	buf_adds(&b, "ferry");
	assert_int_equal(query_parse(b.data, &q, &cause), -1);
	assert_non_null(strstr(cause, "nests too deeply"));
	free(cause);
	buf_free(&b);
}

static void
test_query_mentions(void **state)
{
	struct query	*q = NULL;
	char		*cause = NULL;

	(void)state;
	assert_int_equal(query_parse("ferry (is:hidden OR tag:x)", &q,
	    &cause), 0);
	assert_true(query_mentions(q, QUERY_HIDDEN));
	assert_false(query_mentions(q, QUERY_STARRED));
	query_free(q);
	assert_false(query_mentions(NULL, QUERY_HIDDEN));
}

static void
test_query_tags(void **state)
{
	static const struct {
		const char	*name;
		int		 valid;
	} cases[] = {
		{ "sport", 1 }, { "read-later", 1 }, { "Économie", 1 },
		{ "新闻", 1 }, { "a:b", 1 }, { "", 0 }, { "two words", 0 },
		{ "tab\there", 0 }, { "nbsp\xc2\xa0here", 0 }, { "-x", 0 },
		{ "+x", 0 }, { "q\"uote", 0 }, { "bad\xff", 0 },
		{ "0123456789012345678901234567890123456789012345678901234567"
		    "890123456789", 0 },
	};
	char	*cause;
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		cause = NULL;
		if ((query_tag_valid(cases[i].name, &cause) == 0) !=
		    cases[i].valid)
			fail_msg("tag \"%s\": wanted %s", cases[i].name,
			    cases[i].valid ? "valid" : "invalid");
		free(cause);
	}
}

/* Tag words: what each word does to the lists, with and without bare adds. */
static void
test_query_tag_words(void **state)
{
	static const struct {
		const char	*words[4];
		int		 bare;
		int		 rc;		/* of the last word */
		const char	*add;		/* joined by spaces */
		const char	*remove;
	} cases[] = {
		{ { "+a", "-b", "+c" }, 0, 0, "a c", "b" },
		{ { "+a", "word" }, 0, 1, "a", "" },
		{ { "a", "-b" }, 1, 0, "a", "b" },
		{ { "+a", "+two\tx" }, 1, -1, "a", "" },
		{ { "-" }, 0, -1, "", "" },
		{ { "+\xc3\x89" "conomie" }, 0, 0, "\xc3\x89" "conomie", "" },
	};
	struct query_tags	 t;
	struct buf		 add, remove;
	char			*cause;
	size_t			 i, j;
	int			 rc;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		memset(&t, 0, sizeof t);
		rc = 0;
		for (j = 0; j < 4 && cases[i].words[j] != NULL; j++) {
			cause = NULL;
			rc = query_tags_word(&t, cases[i].words[j],
			    cases[i].bare, &cause);
			if (rc == -1)
				assert_non_null(strstr(cause, "is not a tag"));
			free(cause);
			if (rc != 0)
				break;
		}
		assert_int_equal(rc, cases[i].rc);
		buf_init(&add, 0);
		buf_init(&remove, 0);
		for (j = 0; j < t.nadd; j++)
			buf_printf(&add, "%s%s", j ? " " : "", t.add[j]);
		for (j = 0; j < t.nremove; j++)
			buf_printf(&remove, "%s%s", j ? " " : "", t.remove[j]);
		assert_string_equal(add.data, cases[i].add);
		assert_string_equal(remove.data, cases[i].remove);
		buf_free(&add);
		buf_free(&remove);
		query_tags_free(&t);
	}
}

/* A filter from words: the tree, or an error naming the word. */
static void
test_query_filter(void **state)
{
	struct query_filter	 qf;
	char			*words[] = { (char *)"tag:x", (char *)"ferry" };
	char			*bad[] = { (char *)"ferry", (char *)"after:nope" };
	char			*tree;

	(void)state;
	assert_int_equal(query_filter_words(&qf, 2, words), 0);
	assert_string_equal(qf.text, "tag:x ferry");
	assert_ptr_equal(qf.f.query, qf.query);
	tree = query_print(qf.query);
	assert_non_null(strstr(tree, "tag"));
	free(tree);
	query_filter_free(&qf);
	assert_int_equal(query_filter_words(&qf, 2, bad), -1);
	assert_non_null(qf.error);
	assert_non_null(strstr(qf.error, "column 7"));
	query_filter_free(&qf);
	assert_int_equal(query_filter_parse(&qf, ""), 0);
	assert_null(qf.f.query);
	query_filter_free(&qf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_table),
		cmocka_unit_test(test_query_deep),
		cmocka_unit_test(test_query_mentions),
		cmocka_unit_test(test_query_tags),
		cmocka_unit_test(test_query_tag_words),
		cmocka_unit_test(test_query_filter),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
