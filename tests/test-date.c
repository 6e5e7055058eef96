/*
 * Unit tests for src/date.c: tables of RFC 822, sloppy, ISO 8601 and
 * invalid dates, formatting, and feedparser's date cases when present.
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

#include "date.h"
#include "util.h"

struct date_case {
	const char	*in;
	const char	*want;		/* UTC, or NULL for DATE_NONE */
};

static const struct date_case rfc822_cases[] = {
	{ "Sun, 29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 +0000", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 -0000", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 +0130", "2026-11-29T06:54:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 -05:00", "2026-11-29T13:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 UT", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 UTC", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 Z", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 EST", "2026-11-29T13:24:55Z" },
	{ "Wed, 01 Jul 2026 08:24:55 EDT", "2026-07-01T12:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 CST", "2026-11-29T14:24:55Z" },
	{ "Wed, 01 Jul 2026 08:24:55 CDT", "2026-07-01T13:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 MST", "2026-11-29T15:24:55Z" },
	{ "Wed, 01 Jul 2026 08:24:55 MDT", "2026-07-01T14:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 PST", "2026-11-29T16:24:55Z" },
	{ "Wed, 01 Jul 2026 08:24:55 PDT", "2026-07-01T15:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 CET", "2026-11-29T07:24:55Z" },
	{ "Wed, 01 Jul 2026 08:24:55 CEST", "2026-07-01T06:24:55Z" },
	{ "Wed, 01 Jul 2026 08:24:55 BST", "2026-07-01T07:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 IST", "2026-11-29T02:54:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 JST", "2026-11-28T23:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 AEST", "2026-11-28T22:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 AEDT", "2026-11-28T21:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 A", "2026-11-29T07:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 M", "2026-11-28T20:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 N", "2026-11-29T09:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 Y", "2026-11-29T20:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24 GMT", "2026-11-29T08:24:00Z" },
	{ "29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 26 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Mon, 29 Nov 49 08:24:55 GMT", "2049-11-29T08:24:55Z" },
	{ "Tue, 29 Nov 50 08:24:55 GMT", "1950-11-29T08:24:55Z" },
	{ "Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z" },
	{ "Sat, 29 Feb 2020 12:00:00 GMT", "2020-02-29T12:00:00Z" },
	{ "Sun, 29 Nov 2026 23:30:00 -0100", "2026-11-30T00:30:00Z" },
	{ "Sat, 31 Dec 2026 23:30:00 -0100", "2027-01-01T00:30:00Z" },
	{ "Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z" },
	{ "Wed, 31 Dec 1969 23:59:59 GMT", "1969-12-31T23:59:59Z" },
	{ "Sun, 29 Nov 2026 08:24:55 GMT (Greenwich)", "2026-11-29T08:24:55Z" },
	{ "Sat, 30 Jun 2012 23:59:60 GMT", "2012-07-01T00:00:00Z" }
};

static const struct date_case sloppy_cases[] = {
	{ "Thursday, 29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Mon, 29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Dim, 29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun 29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun,29 Nov 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "  Sun,  9 Nov 2026 8:24:55 GMT  ", "2026-11-09T08:24:55Z" },
	{ "Sun, 29 November 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Sept 2026 08:24:55 GMT", "2026-09-29T08:24:55Z" },
	{ "Sun, 29 Sept. 2026 08:24:55 GMT", "2026-09-29T08:24:55Z" },
	{ "Sun, 29 nov 2026 08:24:55 gmt", "2026-11-29T08:24:55Z" },
	{ "Sun, 29-Nov-2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun, Nov 29 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Nov 29, 2026 08:24:55 PM EST", "2026-11-30T01:24:55Z" },
	{ "Nov 29th, 2026", "2026-11-29T00:00:00Z" },
	{ "November 29, 2026", "2026-11-29T00:00:00Z" },
	{ "Sun, 29 Nov, 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 GMT+0200", "2026-11-29T06:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 UTC-5", "2026-11-29T13:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 +02", "2026-11-29T06:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 Etc/UTC", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 12:05 AM GMT", "2026-11-29T00:05:00Z" },
	{ "Sun, 29 Nov 2026 12:05 PM GMT", "2026-11-29T12:05:00Z" },
	{ "Sun, 29 Nov 2026 08:24:55.250 GMT", "2026-11-29T08:24:55Z" },
	{ "Sun, 29 Nov 2026 08:24:55 XYZT", "2026-11-29T08:24:55Z" },
	{ "Sun Nov 29 08:24:55 2026", "2026-11-29T08:24:55Z" },
	{ "Sun Nov 29 08:24:55 +0100 2026", "2026-11-29T07:24:55Z" },
	{ "Sun Nov 29 2026 08:24:55 GMT+0100 (CET)", "2026-11-29T07:24:55Z" },
	{ "Sun, 2026/11/29 08:24:55 PST", "2026-11-29T16:24:55Z" },
	{ "So, 29 Dez 2026 08:24:55 +0100", "2026-12-29T07:24:55Z" },
	{ "dim., 29 juillet 2026 08:24:55 +0200", "2026-07-29T06:24:55Z" },
	{ "29 agosto 2026 08:24:55 GMT", "2026-08-29T08:24:55Z" },
	{ "Κυρ, 29 Νοέ 2026 08:24:55 GMT", "2026-11-29T08:24:55Z" },
	{ "2026-november-29T08:24:55Z", "2026-11-29T08:24:55Z" },
	{ "2026년 11월 29일 08:24:55", "2026-11-28T23:24:55Z" },
	{ "2026-11-29 오후 08:24:55", "2026-11-29T11:24:55Z" },
	{ "2026-11-29 오전 08:24:55", "2026-11-28T23:24:55Z" }
};

static const struct date_case iso_cases[] = {
	{ "2026-11-29T08:24:55Z", "2026-11-29T08:24:55Z" },
	{ "2026-11-29t08:24:55z", "2026-11-29T08:24:55Z" },
	{ "2026-11-29T08:24:55.123456Z", "2026-11-29T08:24:55Z" },
	{ "2026-11-29T08:24:55,5Z", "2026-11-29T08:24:55Z" },
	{ "2026-11-29T08:24:55+01:00", "2026-11-29T07:24:55Z" },
	{ "2026-11-29T08:24:55+0100", "2026-11-29T07:24:55Z" },
	{ "2026-11-29T08:24:55+01", "2026-11-29T07:24:55Z" },
	{ "2026-11-29T08:24:55-09:30", "2026-11-29T17:54:55Z" },
	{ "2026-11-29T08:24:55", "2026-11-29T08:24:55Z" },
	{ "2026-11-29T08:24Z", "2026-11-29T08:24:00Z" },
	{ "2026-11-29 08:24:55", "2026-11-29T08:24:55Z" },
	{ "2026-11-29 08:24:55 +0200", "2026-11-29T06:24:55Z" },
	{ "2026-11-29 08:24:55 UTC", "2026-11-29T08:24:55Z" },
	{ "2026-11-29", "2026-11-29T00:00:00Z" },
	{ "2026-11", "2026-11-01T00:00:00Z" },
	{ "2026", "2026-01-01T00:00:00Z" },
	{ "20261129T082455Z", "2026-11-29T08:24:55Z" },
	{ "20261129T0824Z", "2026-11-29T08:24:00Z" },
	{ "20261129T082455+0100", "2026-11-29T07:24:55Z" },
	{ "20261129", "2026-11-29T00:00:00Z" },
	{ "2026-333", "2026-11-29T00:00:00Z" },
	{ "2026333", "2026-11-29T00:00:00Z" },
	{ "2024-366", "2024-12-31T00:00:00Z" },
	{ "2026-W48-7", "2026-11-29T00:00:00Z" },
	{ "2026W487", "2026-11-29T00:00:00Z" },
	{ "2026-W01-1", "2025-12-29T00:00:00Z" },
	{ "2020-W53-5T10:00:00Z", "2021-01-01T10:00:00Z" },
	{ "2026-11-29T24:00:00Z", "2026-11-30T00:00:00Z" },
	{ "2026-1-9T8:05:00Z", "2026-01-09T08:05:00Z" },
	{ "261129", "2026-11-29T00:00:00Z" },
	{ "26-11-29", "2026-11-29T00:00:00Z" },
	{ "-2611", "2026-11-01T00:00:00Z" },
	{ "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z" },
	{ "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z" }
};

static const struct date_case invalid_cases[] = {
	{ "", NULL },
	{ "   ", NULL },
	{ "yesterday", NULL },
	{ "Sun, 29 Nov", NULL },
	{ "Sun, 31 Nov 2026 08:24:55 GMT", NULL },
	{ "Sun, 29 Feb 2026 08:24:55 GMT", NULL },
	{ "Sun, 00 Nov 2026 08:24:55 GMT", NULL },
	{ "Sun, 29 Nov 2026 25:00:00 GMT", NULL },
	{ "Sun, 29 Nov 2026 08:60:00 GMT", NULL },
	{ "Sun, 29 Nov 2026 08:24:61 GMT", NULL },
	{ "Sun, 29 Nov 2026 08:24:55 +2500", NULL },
	{ "Sun, 29 Nov 2026 08:24:55 +01:75", NULL },
	{ "Sun, 29 Nov 2026 08:24:55 GMT trailing words", NULL },
	{ "Sun, 29 Nov 2026 13:24:55 PM", NULL },
	{ "Sun, 29 Nov 20266 08:24:55 GMT", NULL },
	{ "Sun, 29 Nox 2026 08:24:55 GMT", NULL },
	{ "2026-13-01", NULL },
	{ "2026-00-10", NULL },
	{ "2026-02-29", NULL },
	{ "2026-11-31", NULL },
	{ "2026-11-29T08:24:55Zjunk", NULL },
	{ "2026-11-29T08:24:55+01:", NULL },
	{ "2026-11-29T24:00:01Z", NULL },
	{ "2026-11-29T", NULL },
	{ "2026-367", NULL },
	{ "2026-W54-1", NULL },
	{ "2026-W10-8", NULL },
	{ "12345", NULL },
	{ "99999999999999999999", NULL },
	{ "2026-11-29T08:24:55\xff", NULL }
};

static void
check_table(const struct date_case *cases, size_t n)
{
	char	 got[64];
	int64_t	 t;
	size_t	 i, bad = 0;

	for (i = 0; i < n; i++) {
		t = date_parse(cases[i].in);
		date_format_iso(t, got, sizeof got);
		if (t == DATE_NONE ? cases[i].want != NULL :
		    cases[i].want == NULL || strcmp(got, cases[i].want) != 0) {
			print_error("date_parse(\"%s\"): got %s, want %s\n",
			    cases[i].in, t == DATE_NONE ? "none" : got,
			    cases[i].want ? cases[i].want : "none");
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_rfc822(void **state)
{
	check_table(rfc822_cases, UTIL_ARRLEN(rfc822_cases));
}

static void
test_sloppy(void **state)
{
	check_table(sloppy_cases, UTIL_ARRLEN(sloppy_cases));
}

static void
test_iso8601(void **state)
{
	check_table(iso_cases, UTIL_ARRLEN(iso_cases));
}

static void
test_invalid(void **state)
{
	check_table(invalid_cases, UTIL_ARRLEN(invalid_cases));
	assert_true(date_parse(NULL) == DATE_NONE);
}

static void
test_format(void **state)
{
	char	 out[32];

	date_format_iso(0, out, sizeof out);
	assert_string_equal(out, "1970-01-01T00:00:00Z");
	date_format_iso(-1, out, sizeof out);
	assert_string_equal(out, "1969-12-31T23:59:59Z");
	date_format_iso(1795940695, out, sizeof out);
	assert_string_equal(out, "2026-11-29T08:24:55Z");
	date_format_iso(951782400, out, sizeof out);
	assert_string_equal(out, "2000-02-29T00:00:00Z");
	date_format_iso(DATE_NONE, out, sizeof out);
	assert_string_equal(out, "");
	date_format_iso(0, out, 5);
	assert_string_equal(out, "1970");

	setenv("TZ", "UTC", 1);
	date_format_short(1795940695, out, sizeof out);
	assert_string_equal(out, "2026-11-29 08:24");
	date_format_short(DATE_NONE, out, sizeof out);
	assert_string_equal(out, "-");
}

/* Parsing what date_format_iso wrote gives the same time back. */
static void
test_round_trip(void **state)
{
	char	 out[32];
	int64_t	 t;

	for (t = -4102444800LL; t < 32503680000LL; t += 86400 * 97 + 3671) {
		date_format_iso(t, out, sizeof out);
		assert_true(date_parse(out) == t);
	}
}

/*
 * A reader for just the JSON of dates.json: an array of arrays holding
 * strings, numbers, null and arrays of numbers.
 */
struct json_in {
	const char	*p;
};

static void
json_space(struct json_in *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t')
		j->p++;
}

static int
json_expect(struct json_in *j, char c)
{
	json_space(j);
	if (*j->p != c)
		return (-1);
	j->p++;
	return (0);
}

static int
json_hex4(struct json_in *j, unsigned int *cp)
{
	int	 i;
	char	 c;

	*cp = 0;
	for (i = 0; i < 4; i++) {
		c = *j->p++;
		*cp <<= 4;
		if (c >= '0' && c <= '9')
			*cp |= (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*cp |= (unsigned int)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*cp |= (unsigned int)(c - 'A' + 10);
		else
			return (-1);
	}
	return (0);
}

static int
json_escape(struct json_in *j, struct buf *b)
{
	unsigned int	 cp, lo;
	char		 c = *j->p++;

	switch (c) {
	case 'n': buf_addc(b, '\n'); return (0);
	case 't': buf_addc(b, '\t'); return (0);
	case 'r': buf_addc(b, '\r'); return (0);
	case 'b': buf_addc(b, '\b'); return (0);
	case 'f': buf_addc(b, '\f'); return (0);
	case 'u': break;
	default: buf_addc(b, c); return (0);
	}
	if (json_hex4(j, &cp) != 0)
		return (-1);
	if (cp >= 0xd800 && cp < 0xdc00 && j->p[0] == '\\' && j->p[1] == 'u') {
		j->p += 2;
		if (json_hex4(j, &lo) != 0)
			return (-1);
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	buf_add_cp(b, cp);
	return (0);
}

/* A string into a new allocation, or NULL. */
static char *
json_string(struct json_in *j)
{
	struct buf	 b;

	if (json_expect(j, '"') != 0)
		return (NULL);
	buf_init(&b, 0);
	while (*j->p != '"') {
		if (*j->p == '\0')
			goto fail;
		if (*j->p == '\\') {
			j->p++;
			if (json_escape(j, &b) != 0)
				goto fail;
		} else
			buf_addc(&b, *j->p++);
	}
	j->p++;
	return (b.data);
fail:
	buf_free(&b);
	return (NULL);
}

/*
 * The expected value of a row: null (*want empty) or a time tuple
 * [year, month, day, hour, minute, second, ...] written as ISO 8601.
 */
static int
json_tuple(struct json_in *j, char *want, size_t size)
{
	long	 v[6];
	int	 n = 0;

	json_space(j);
	*want = '\0';
	if (strncmp(j->p, "null", 4) == 0) {
		j->p += 4;
		return (0);
	}
	if (json_expect(j, '[') != 0)
		return (-1);
	for (;;) {
		json_space(j);
		if (n < 6)
			v[n] = strtol(j->p, (char **)&j->p, 10);
		else
			strtol(j->p, (char **)&j->p, 10);
		n++;
		json_space(j);
		if (*j->p == ']')
			break;
		if (json_expect(j, ',') != 0)
			return (-1);
	}
	j->p++;
	if (n < 6)
		return (-1);
	snprintf(want, size, "%04ld-%02ld-%02ldT%02ld:%02ld:%02ldZ", v[0], v[1],
	    v[2], v[3], v[4], v[5]);
	return (0);
}

/* One row: [parser, input, expected]; 1 if it passes, 0 if not, -1 bad. */
static int
json_row(struct json_in *j)
{
	char	*parser = NULL, *in = NULL, want[64], got[64];
	int64_t	 t;
	int	 rc = -1;

	if (json_expect(j, '[') != 0 || (parser = json_string(j)) == NULL ||
	    json_expect(j, ',') != 0 || (in = json_string(j)) == NULL ||
	    json_expect(j, ',') != 0 ||
	    json_tuple(j, want, sizeof want) != 0 || json_expect(j, ']') != 0)
		goto out;
	t = date_parse(in);
	date_format_iso(t, got, sizeof got);
	rc = strcmp(got, want) == 0;
	if (!rc)
		printf("# %s \"%s\": got %s, want %s\n", parser, in,
		    t == DATE_NONE ? "none" : got, *want ? want : "none");
out:
	free(parser);
	free(in);
	return (rc);
}

static char *
read_file(const char *path)
{
	struct buf	 b;
	FILE		*f;
	char		 chunk[8192];
	size_t		 n;

	if ((f = fopen(path, "r")) == NULL)
		return (NULL);
	buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return (b.data);
}

/*
 * feedparser's date cases: report the pass rate, hold a floor under it.
 * Without the data the test is skipped (tests/cmocka-tap.sh turns
 * cmocka's "not ok # SKIP" into the "ok # SKIP" TAP means).
 */
static void
test_conformance(void **state)
{
	const char	*dir;
	char		*path = NULL, *data = NULL;
	struct json_in	 j;
	int		 rows = 0, pass = 0, rc;

	if ((dir = getenv("TELEX_CONFORMANCE")) != NULL) {
		path = xasprintf("%s/feedparser/dates.json", dir);
		data = read_file(path);
	}
	if (data == NULL) {
		printf("# dates.json: not found (%s), not run\n",
		    path != NULL ? path : "TELEX_CONFORMANCE is not set");
		free(path);
		skip();
	}
	free(path);
	j.p = data;
	assert_int_equal(json_expect(&j, '['), 0);
	do {
		assert_int_not_equal(rc = json_row(&j), -1);
		pass += rc;
		rows++;
		json_space(&j);
	} while (*j.p++ == ',');
	assert_int_equal(j.p[-1], ']');
	free(data);
	printf("# dates.json: %d/%d\n", pass, rows);
	assert_true(rows >= 50);
	assert_true(pass * 100 >= rows * 95);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc822),
		cmocka_unit_test(test_sloppy),
		cmocka_unit_test(test_iso8601),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_conformance),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
