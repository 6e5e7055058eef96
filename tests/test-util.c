/*
 * Unit tests for src/util.c: the capped buffer, UTF-8 validation and
 * sanitizing, white space helpers.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

static void
test_buf_limit(void **state)
{
	struct buf	 b;

	buf_init(&b, 10);
	assert_int_equal(buf_adds(&b, "0123456789"), 0);
	assert_int_equal(buf_addc(&b, 'x'), -1);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.data, "0123456789");
	buf_reset(&b);
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "ok"), 0);
	assert_string_equal(b.data, "42-ok");
	buf_free(&b);
}

static void
test_buf_grow(void **state)
{
	struct buf	 b;
	char		*s;
	int		 i;

	buf_init(&b, 0);
	for (i = 0; i < 100000; i++)
		assert_int_equal(buf_addc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.data[b.len], '\0');
	s = buf_steal(&b);
	assert_int_equal(strlen(s), 100000);
	assert_int_equal(b.len, 0);
	free(s);
	buf_free(&b);
}

static const struct {
	const char	*in;
	int		 valid;
} utf8_cases[] = {
	{ "plain ascii", 1 },
	{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb0", 1 },
	{ "\xc3", 0 },			/* truncated */
	{ "\xc0\xaf", 0 },		/* overlong */
	{ "\xed\xa0\x80", 0 },		/* surrogate */
	{ "\xf4\x90\x80\x80", 0 },	/* past U+10FFFF */
	{ "\xe9t\xe9", 0 },		/* latin-1 */
};

/* Code points as UTF-8; what is not a character becomes U+FFFD. */
static void
test_buf_add_cp(void **state)
{
	static const struct {
		uint32_t	 cp;
		const char	*utf8;
	} cases[] = {
		{ 0x41, "A" }, { 0xe9, "\xc3\xa9" }, { 0x416, "\xd0\x96" },
		{ 0x20ac, "\xe2\x82\xac" }, { 0x1f600, "\xf0\x9f\x98\x80" },
		{ 0x10ffff, "\xf4\x8f\xbf\xbf" },
		{ 0xd800, "\xef\xbf\xbd" }, { 0xdfff, "\xef\xbf\xbd" },
		{ 0x110000, "\xef\xbf\xbd" },
	};
	struct buf	 b;
	size_t		 i;

	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		buf_init(&b, 0);
		assert_int_equal(buf_add_cp(&b, cases[i].cp), 0);
		assert_string_equal(b.data, cases[i].utf8);
		buf_free(&b);
	}
	buf_init(&b, 2);
	assert_int_equal(buf_add_cp(&b, 0x20ac), -1);
	buf_free(&b);
}

static void
test_utf8_valid(void **state)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(utf8_cases); i++)
		assert_int_equal(util_utf8_valid(utf8_cases[i].in,
		    strlen(utf8_cases[i].in)), utf8_cases[i].valid);
}

static const struct {
	const char	*in;
	const char	*out;
} sanitize_cases[] = {
	{ "Title\x1b]0;owned\x07 here", "Title]0;owned here" },
	{ "clear\x1b[2J screen", "clear[2J screen" },
	{ "bidi \xe2\x80\xae" "evil", "bidi evil" },
	{ "c1 \xc2\x9b" "31m", "c1 31m" },
	{ "zero\xe2\x80\x8bwidth", "zerowidth" },
	{ "bad \xff byte", "bad \xef\xbf\xbd byte" },
	{ "tab\tand\nnewline", "tab\tand\nnewline" },
	/* Long runs go eight bytes at a time: each byte of a run counts. */
	{ "Fifteen letters\x7f and DEL", "Fifteen letters and DEL" },
	{ "abcdefg\x1bhijklmnop", "abcdefghijklmnop" },
	{ "\x01" "bcdefghijklmnop", "bcdefghijklmnop" },
	{ "abcdefghijklmno\x1fp", "abcdefghijklmnop" },
	{ "~~~~~~~~ !!!!!!!\x80", "~~~~~~~~ !!!!!!!\xef\xbf\xbd" },
	{ "Stra\xc3\x9f" "enbahn f\xc3\xa4hrt \xd0\xb2\xd0\xbe\xd1\x82 so",
	    "Stra\xc3\x9f" "enbahn f\xc3\xa4hrt \xd0\xb2\xd0\xbe\xd1\x82 so" },
	{ "eight ok\x9b" "eight ok", "eight ok\xef\xbf\xbd" "eight ok" },
	{ "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85\xd8\x9c \xd8\xb9\xd9\x84\xd9\x8a\xd9\x83\xd9\x85",
	    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd8\xb9\xd9\x84\xd9\x8a\xd9\x83\xd9\x85" },
	{ "\xd0\x9c\xd0\xb8\xd1\x80\xc2\x85\xc2\xa0\xd0\xb8",
	    "\xd0\x9c\xd0\xb8\xd1\x80\xc2\xa0\xd0\xb8" },
};

static void
test_utf8_sanitize(void **state)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < UTIL_ARRLEN(sanitize_cases); i++) {
		s = util_utf8_sanitize(sanitize_cases[i].in,
		    strlen(sanitize_cases[i].in));
		assert_string_equal(s, sanitize_cases[i].out);
		free(s);
	}
}

static void
test_display_safe(void **state)
{
	char	*s;

	s = util_display_safe("  a\ttitle\n\x1b[31mred\x1b[0m  ");
	assert_string_equal(s, "a title [31mred[0m");
	free(s);
	s = util_collapse_space(" x  y ");
	assert_string_equal(s, "x y");
	free(s);
}

static void
test_strings(void **state)
{
	char	 s[] = "  trim me \n";

	assert_string_equal(util_trim(s), "trim me");
	assert_true(util_streq_nocase("Atom", "ATOM"));
	assert_true(util_starts_nocase("HTTP://x", "http://"));
	assert_non_null(util_strcasestr("application/RSS+xml", "rss"));
	assert_null(util_strcasestr("text/html", "rss"));
}

/* util_find looks no further than its end: the text needs no NUL. */
static void
test_find(void **state)
{
	static const char	 s[] = "a -- b --> c";
	const char		*end = s + sizeof s - 1;

	(void)state;
	assert_ptr_equal(util_find(s, end, "-->"), s + 7);
	assert_ptr_equal(util_find(s, end, "c"), s + 11);
	assert_null(util_find(s, s + 9, "-->"));
	assert_null(util_find(s, end, "--!"));
	assert_null(util_find(s, s, "a"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_limit),
		cmocka_unit_test(test_buf_grow),
		cmocka_unit_test(test_buf_add_cp),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_sanitize),
		cmocka_unit_test(test_display_safe),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_find),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
