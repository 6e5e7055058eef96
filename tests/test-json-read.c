/*
 * Unit tests for src/json-read.c: each case is a document, the tree it
 * should give written back compactly (a container cut short ends in '~'),
 * and a word of the cause when it is broken.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json-read.h"
#include "util.h"

struct read_case {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*tree;		/* NULL: no root at all */
	const char	*cause;		/* NULL: whole; else a word of it */
};

static const struct read_case read_cases[] = {
	/* Whole documents. */
	{ "{}", 0, "{}", NULL },
	{ "[]", 0, "[]", NULL },
	{ " \n\t{ \"a\" : 1 }\r\n", 0, "{a:1}", NULL },
	{ "\xef\xbb\xbf[1,2]", 0, "[1,2]", NULL },
	{ "[true,false,null]", 0, "[true,false,null]", NULL },
	{ "{\"a\":{\"b\":[1,{\"c\":\"d\"}]},\"e\":\"f\"}", 0,
	    "{a:{b:[1,{c:\"d\"}]},e:\"f\"}", NULL },
	{ "\"alone\"", 0, "\"alone\"", NULL },
	{ "42", 0, "42", NULL },
	{ "[-7,0,3.5,1e3,-2.5E-1,12345678901234]", 0,
	    "[-7,0,3.5,1000,-0.25,12345678901234]", NULL },
	{ "[9223372036854775807]", 0, "[9223372036854775807]", NULL },
	/* Strings: escapes, surrogates, bad bytes. */
	{ "[\"a\\\"b\\\\c\\/d\\n\\t\"]", 0, "[\"a\"b\\c/d\n\t\"]", NULL },
	{ "[\"\\u00e9t\\u00C9\"]", 0, "[\"\xc3\xa9t\xc3\x89\"]", NULL },
	{ "[\"\\ud83d\\ude00\"]", 0, "[\"\xf0\x9f\x98\x80\"]", NULL },
	{ "[\"\\ud83dx\"]", 0, "[\"\xef\xbf\xbdx\"]", NULL },
	{ "[\"\\udc00\"]", 0, "[\"\xef\xbf\xbd\"]", NULL },
	{ "[\"\\u0000\"]", 0, "[\"\xef\xbf\xbd\"]", NULL },
	{ "[\"a\xffz\"]", 0, "[\"a\xef\xbf\xbdz\"]", NULL },
	{ "[\"a\0b\"]", 7, "[\"a\xef\xbf\xbd" "b\"]", NULL },
	{ "[\"\xe6\x97\xa5\xe6\x9c\xac\"]", 0,
	    "[\"\xe6\x97\xa5\xe6\x9c\xac\"]", NULL },
	/* Broken: what came before the break is kept. */
	{ "", 0, NULL, "empty" },
	{ "   ", 0, NULL, "empty" },
	{ "x", 0, NULL, "value" },
	{ "[1,2", 0, "[1,2]~", "not closed" },
	{ "[1,2,", 0, "[1,2]~", "not closed" },
	{ "{\"items\":[{\"id\":1},{\"id\":2},{\"id\"", 0,
	    "{items:[{id:1},{id:2},{}~]~}~", "ends too soon" },
	{ "{\"items\":[{\"id\":1},{\"id\":\"tw", 0,
	    "{items:[{id:1},{}~]~}~", "not closed" },
	{ "{\"a\":1 \"b\":2}", 0, "{a:1}~", "',' or '}'" },
	{ "[1 2]", 0, "[1]~", "',' or ']'" },
	{ "{a:1}", 0, "{}~", "name in quotes" },
	{ "{\"a\" 1}", 0, "{}~", "':'" },
	{ "[\"\\x\"]", 0, "[]~", "escape" },
	{ "[\"\\u12\"]", 0, "[]~", "hex" },
	{ "[-]", 0, "[]~", "digits" },
	{ "[1.]", 0, "[]~", "point" },
	{ "[1e]", 0, "[]~", "exponent" },
	{ "[tru]", 0, "[]~", "value" },
	{ "{} {}", 0, "{}", "more after" },
	{ "[1]\n\n  ]", 0, "[1]", "line 3, column 3" }
};

static void
dump(struct buf *b, const struct jv *v)
{
	size_t	 i;

	switch (v->type) {
	case JV_NULL:
		buf_adds(b, "null");
		break;
	case JV_BOOL:
		buf_adds(b, v->b ? "true" : "false");
		break;
	case JV_NUMBER:
		if ((double)v->i == v->n)
			buf_printf(b, "%lld", (long long)v->i);
		else
			buf_printf(b, "%g", v->n);
		break;
	case JV_STRING:
		buf_printf(b, "\"%s\"", v->s);
		break;
	case JV_ARRAY:
	case JV_OBJECT:
		buf_addc(b, v->type == JV_ARRAY ? '[' : '{');
		for (i = 0; i < v->len; i++) {
			if (i > 0)
				buf_addc(b, ',');
			if (v->type == JV_OBJECT)
				buf_printf(b, "%s:", v->keys[i]);
			dump(b, v->v[i]);
		}
		buf_addc(b, v->type == JV_ARRAY ? ']' : '}');
		break;
	}
	if (v->incomplete)
		buf_addc(b, '~');
}

static void
test_read_cases(void **state)
{
	const struct read_case	*c;
	struct jv		*v;
	struct buf		 b;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof read_cases / sizeof read_cases[0]; i++) {
		c = &read_cases[i];
		print_message("case %zu: %s\n", i, c->in);
		v = jv_parse(c->in, c->len != 0 ? c->len : strlen(c->in),
		    &cause);
		if (c->tree == NULL)
			assert_null(v);
		else {
			assert_non_null(v);
			buf_init(&b, 0);
			dump(&b, v);
			assert_string_equal(b.data, c->tree);
			buf_free(&b);
		}
		if (c->cause == NULL)
			assert_null(cause);
		else {
			assert_non_null(cause);
			if (strstr(cause, c->cause) == NULL)
				fail_msg("cause \"%s\" lacks \"%s\"", cause,
				    c->cause);
		}
		free(cause);
		jv_free(v);
	}
}

/* Deep nesting is a break at the limit, never a crash. */
static void
test_read_deep(void **state)
{
	struct jv	*v;
	const struct jv	*w;
	char		*doc, *cause;
	size_t		 n = 100000, depth;

	(void)state;
	doc = xmalloc(n + 1);
	memset(doc, '[', n);
	doc[n] = '\0';
	v = jv_parse(doc, n, &cause);
	assert_non_null(v);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "nested too deeply"));
	for (depth = 0, w = v; jv_at(w, 0) != NULL; w = jv_at(w, 0))
		depth++;
	assert_int_equal(depth, 511);
	assert_true(v->incomplete);
	free(cause);
	jv_free(v);
	free(doc);
}

static void
test_lookups(void **state)
{
	struct jv	*v;
	const char	*doc = "{\"id\":\"123\",\"n\":-5,\"t\":true,"
	    "\"one\":1,\"s\":\"false\",\"x\":\"12a\",\"f\":2.9,"
	    "\"list\":[\"a\",\"b\"]}";

	(void)state;
	v = jv_parse(doc, strlen(doc), NULL);
	assert_non_null(v);
	assert_int_equal(jv_int(jv_get(v, "id"), -1), 123);
	assert_int_equal(jv_int(jv_get(v, "n"), 0), -5);
	assert_int_equal(jv_int(jv_get(v, "x"), -1), -1);
	assert_int_equal(jv_int(jv_get(v, "f"), -1), 2);
	assert_int_equal(jv_int(jv_get(v, "list"), -9), -9);
	assert_int_equal(jv_int(jv_get(v, "missing"), 7), 7);
	assert_int_equal(jv_bool(jv_get(v, "t"), 0), 1);
	assert_int_equal(jv_bool(jv_get(v, "one"), 0), 1);
	assert_int_equal(jv_bool(jv_get(v, "s"), 1), 0);
	assert_int_equal(jv_bool(jv_get(v, "id"), 5), 5);
	assert_string_equal(jv_get_str(v, "id"), "123");
	assert_null(jv_get_str(v, "n"));
	assert_int_equal(jv_count(jv_get(v, "list")), 2);
	assert_int_equal(jv_count(v), 8);
	assert_int_equal(jv_count(jv_get(v, "n")), 0);
	assert_string_equal(jv_str(jv_at(jv_get(v, "list"), 1)), "b");
	assert_null(jv_at(jv_get(v, "list"), 2));
	assert_null(jv_get(jv_get(v, "list"), "a"));
	assert_null(jv_get(NULL, "a"));
	jv_free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_cases),
		cmocka_unit_test(test_read_deep),
		cmocka_unit_test(test_lookups)
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
