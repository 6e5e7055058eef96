/*
 * Time queries inside one process, as the interface runs them: each
 * query parsed and searched (top 50 with snippets) or listed, RUNS
 * times; prints one line per query with its median and slowest run in
 * milliseconds, then the median and 95th percentile over all runs.
 *
 * usage: bench-query ARCHIVE RUNS search|list QUERY...
 * BENCH_WINDOW=N in the environment ranks the newest N matches (0: all).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "store.h"
#include "util.h"

#define BENCH_LIMIT	50

static int
bench_hit(const struct store_hit *hit, void *arg)
{
	size_t	*n = arg;

	*n += strlen(hit->snippet) > 0;
	return (0);
}

static int
bench_item(const struct store_item *it, void *arg)
{
	size_t	*n = arg;

	(*n)++;
	return (0);
}

static int
bench_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

/* One run of one query; its time in ms, or -1 on error. */
static double
bench_run(struct store *st, const char *mode, const char *text)
{
	struct store_filter	 f;
	struct query		*q = NULL;
	char			*cause = NULL;
	size_t			 n = 0;
	double			 start = util_monotonic();
	int			 rc;

	if (query_parse(text, &q, &cause) != 0) {
		fprintf(stderr, "bench-query: %s\n", cause);
		free(cause);
		return (-1);
	}
	memset(&f, 0, sizeof f);
	f.query = q;
	f.limit = BENCH_LIMIT;
	/* BENCH_WINDOW=N ranks the newest N matches (0: every one). */
	if (getenv("BENCH_WINDOW") != NULL) {
		f.window = strtoul(getenv("BENCH_WINDOW"), NULL, 10);
		if (f.window == 0)
			f.window = SIZE_MAX;
	}
	if (strcmp(mode, "search") == 0)
		rc = store_search(st, &f, bench_hit, &n);
	else
		rc = store_items_list(st, &f, bench_item, &n);
	query_free(q);
	if (rc != 0) {
		fprintf(stderr, "bench-query: %s\n", store_errmsg(st));
		return (-1);
	}
	return ((util_monotonic() - start) * 1000.0);
}

int
main(int argc, char **argv)
{
	struct store	*st;
	char		*cause = NULL;
	double		*all, *one;
	int		 runs, i, j, nall = 0;

	if (argc < 5 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: bench-query ARCHIVE RUNS search|list "
		    "QUERY...\n");
		return (1);
	}
	if (store_open(argv[1], &st, &cause) != 0) {
		fprintf(stderr, "bench-query: %s\n", cause);
		return (2);
	}
	all = xreallocarray(NULL, (size_t)(argc * runs), sizeof *all);
	one = xreallocarray(NULL, (size_t)runs, sizeof *one);
	for (i = 4; i < argc; i++) {
		for (j = 0; j < runs; j++) {
			if ((one[j] = bench_run(st, argv[3], argv[i])) < 0)
				return (2);
			all[nall++] = one[j];
		}
		qsort(one, (size_t)runs, sizeof *one, bench_cmp);
		printf("  %-32s %7.2f %7.2f\n", argv[i], one[runs / 2],
		    one[runs - 1]);
	}
	qsort(all, (size_t)nall, sizeof *all, bench_cmp);
	printf("in-process %s: median %.2f ms, p95 %.2f ms (%d runs)\n",
	    argv[3], all[nall / 2], all[(nall * 95 + 99) / 100 - 1], nall);
	free(all);
	free(one);
	store_close(st);
	return (0);
}
