/*
 * Unit tests for src/conf.c: splitting lines into words, comments,
 * quotes, unknown commands and a missing file.
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
	{ "set width 72\nfrobnicate now\n", "line 2: unknown command \"frobnicate\"" },
	{ "rule \"tag:x +y\n", "line 1: a quote is not closed" },
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
		assert_int_equal(conf_load(path, &cfg, &cause), -1);
		assert_null(cfg);
		assert_non_null(strstr(cause, bad_cases[i].cause));
		assert_non_null(strstr(cause, path));
		free(cause);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_missing),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
