/*
 * Unit tests for src/conf.c: splitting lines into words, comments,
 * quotes, unknown commands, a missing file and "set" numbers.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "conf.h"
#include "util.h"

static char *
conf_write(const char *text)
{
	char	 path[] = "/tmp/telex-conf-XXXXXX";
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return (xstrdup(path));
}

static void
test_words(void **state)
{
	struct conf		*cfg;
	const struct conf_line	*l;
	char			*path, *cause = NULL;
	size_t			 i = 0;

	path = conf_write("# my settings\n\nrule \"tag:news storm*\" +weather"
	    " -later   # trailing comment\nbind j 'next item'\n"
	    "rule feed:spam hide\nset width 72\n");
	assert_int_equal(conf_load(path, &cfg, &cause), 0);
	assert_int_equal(cfg->nlines, 4);
	l = conf_next(cfg, "rule", &i);
	assert_non_null(l);
	assert_int_equal(l->line, 3);
	assert_int_equal(l->argc, 4);
	assert_string_equal(l->argv[1], "tag:news storm*");
	assert_string_equal(l->argv[3], "-later");
	l = conf_next(cfg, "rule", &i);
	assert_non_null(l);
	assert_string_equal(l->argv[2], "hide");
	assert_null(conf_next(cfg, "rule", &i));
	i = 0;
	l = conf_next(cfg, "bind", &i);
	assert_string_equal(l->argv[2], "next item");
	conf_free(cfg);
	unlink(path);
	free(path);
}

static const struct {
	const char	*text;
	const char	*cause;
} bad_cases[] = {
	{ "frobnicate now\nset width 72\n", "line 1: unknown command \"frobnicate\"; the line is skipped" },
	{ "rule \"tag:x +y\nset width 72\n", "line 1: a quote is not closed; the line is skipped" },
};

static void
test_errors(void **state)
{
	struct conf	*cfg;
	char		*path, *cause;
	size_t		 i;

	for (i = 0; i < UTIL_ARRLEN(bad_cases); i++) {
		cause = NULL;
		path = conf_write(bad_cases[i].text);
		/* A bad line is skipped and said; the others still count. */
		assert_int_equal(conf_load(path, &cfg, &cause), 0);
		assert_int_equal(cfg->nwarnings, 1);
		assert_non_null(strstr(cfg->warnings[0], bad_cases[i].cause));
		assert_non_null(strstr(cfg->warnings[0], path));
		assert_int_equal(cfg->nlines, 1);
		assert_string_equal(cfg->lines[0].argv[1], "width");
		conf_free(cfg);
		unlink(path);
		free(path);
	}
}

static void
test_missing(void **state)
{
	struct conf	*cfg;
	char		*cause = NULL;

	assert_int_equal(conf_load("/nonexistent/telex/config", &cfg, &cause),
	    0);
	assert_int_equal(cfg->nlines, 0);
	conf_free(cfg);
}

/* "set NAME N": the last line wins; a bad one names its line. */
static void
test_number(void **state)
{
	static const struct {
		const char	*text;
		int		 rc;
		long		 value;
		const char	*why;		/* in the cause */
	} cases[] = {
		{ "", 0, 7, NULL },
		{ "set other 99\n", 0, 7, NULL },
		{ "set limit 30\n", 0, 30, NULL },
		{ "set limit 1\nset limit 3600\n", 0, 3600, NULL },
		{ "set limit 0\n", -1, 7, "line 1: set limit wants a number of"
		  " seconds from 1 to 3600" },
		{ "set limit 3601\n", -1, 7, "from 1 to 3600" },
		{ "\nset limit soon\n", -1, 7, "line 2: set limit" },
		{ "set limit 12s\n", -1, 7, "line 1" },
		{ "set limit\n", -1, 7, "line 1" },
		{ "set limit 5 6\n", -1, 7, "line 1" },
		{ "set limit 99999999999999999999999\n", -1, 7, "line 1" },
	};
	struct conf	*cfg;
	char		*path, *cause;
	size_t		 i;
	long		 value;
	int		 rc;

	for (i = 0; i < UTIL_ARRLEN(cases); i++) {
		path = conf_write(cases[i].text);
		cause = NULL;
		assert_int_equal(conf_load(path, &cfg, &cause), 0);
		value = 7;
		rc = conf_number(cfg, "limit", "seconds", 1, 3600, &value,
		    &cause);
		if (rc != cases[i].rc || (rc == 0 && value != cases[i].value))
			fail_msg("case %zu: rc %d, value %ld", i, rc, value);
		if (cases[i].why != NULL && (cause == NULL ||
		    strstr(cause, cases[i].why) == NULL))
			fail_msg("case %zu: cause \"%s\"", i,
			    cause != NULL ? cause : "");
		free(cause);
		conf_free(cfg);
		unlink(path);
		free(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_number),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
