/*
 * telex archive: the pages of the items a query matches fetched, cleaned
 * and kept by the core (src/archive.c), with a progress bar, a summary
 * and every failure; --reclean runs the cleaner again over what is kept.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "cli.h"
#include "query.h"
#include "update.h"
#include "xml.h"

struct cli_archive {
	struct cli_bar	 bar;
	struct buf	 failures;
};

static void
cli_archive_progress(const struct archive_counts *c, void *arg)
{
	struct cli_archive	*ca = arg;

	cli_bar_draw(&ca->bar, c->done, c->total, "pages", c->new_pages,
	    c->failed);
}

static void
cli_archive_failed(const struct archive_failure *f, void *arg)
{
	struct cli_archive	*ca = arg;

	cli_page_failure(&ca->failures, f);
}

/* Fetch the pages of the items f matches; the summary and failures. */
static int
cli_archive_fetch(struct cli *cli, struct store *st,
    const struct store_filter *f, int parallel)
{
	static const struct archive_cbs cbs = {
		cli_archive_progress, cli_archive_failed
	};
	struct cli_archive	 ca;
	struct poll_options	 opts;
	struct archive		*ar;
	struct buf		 b;
	char			*cause = NULL;
	int			 rc = CLI_FAILURE;

	memset(&ca, 0, sizeof ca);
	buf_init(&ca.failures, 0);
	buf_init(&b, 0);
	cli_bar_init(&ca.bar, cli->tty_err);
	ar = archive_create(st, &cbs, &ca);
	poll_options_default(&opts);
	if (parallel > 0)
		opts.parallel = parallel;
	if (archive_add_filter(ar, f) != 0)
		cli_error("cannot list items: %s", store_errmsg(st));
	else if (update_poll_options(cli_conf(cli), &opts, &cause) != 0 ||
	    xml_need(&cause) != 0 || poll_global_init(&cause) != 0)
		cli_error("%s", cause);
	else {
		if (archive_run(ar, &opts, NULL) == 0)
			rc = archive_counts(ar)->failed != 0 ? CLI_PARTIAL :
			    CLI_OK;
		poll_global_cleanup();
		cli_bar_clear(&ca.bar);
		archive_summary(archive_counts(ar), &b);
		printf("%s\n", b.data);
		fflush(stdout);
		fputs(ca.failures.data, stderr);
	}
	archive_free(ar);
	free(cause);
	buf_free(&b);
	buf_free(&ca.failures);
	return (rc);
}

static int
cli_archive_reclean(struct store *st, const struct store_filter *f)
{
	size_t	 n, changed;

	if (archive_reclean(st, f, &n, &changed) != 0) {
		cli_error("cannot store the cleaned text: %s (the archive "
		    "keeps the text it had)", store_errmsg(st));
		return (CLI_FAILURE);
	}
	printf("recleaned %zu item%s: %zu changed\n", n, n == 1 ? "" : "s",
	    changed);
	return (CLI_OK);
}

static int
cli_archive_options(int argc, char **argv, int *parallel, int *reclean)
{
	static const struct option longopts[] = {
		{ "reclean", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	while ((ch = getopt_long(argc, argv, "+j:", longopts, NULL)) != -1) {
		if (ch == 'r')
			*reclean = 1;
		else if (ch != 'j' || cli_parse_jobs(optarg,
		    UPDATE_MAX_PARALLEL, parallel) != 0)
			return (-1);
	}
	return (0);
}

int
cli_archive(struct cli *cli, int argc, char **argv)
{
	struct query_filter	 qf;
	struct store		*st;
	int			 parallel = 0, reclean = 0, rc;

	if (cli_archive_options(argc, argv, &parallel, &reclean) != 0)
		return (CLI_SHOW_USAGE);
	if (!reclean && optind == argc) {
		cli_error("archive needs a query naming the items whose pages "
		    "to fetch, e.g. telex archive feed:NAME or id:42");
		return (CLI_USAGE);
	}
	if (query_filter_words(&qf, argc - optind, argv + optind) != 0) {
		cli_error("%s", qf.error);
		query_filter_free(&qf);
		return (CLI_USAGE);
	}
	if ((st = cli_store(cli)) == NULL)
		rc = CLI_FAILURE;
	else if (reclean)
		rc = cli_archive_reclean(st, &qf.f);
	else
		rc = cli_archive_fetch(cli, st, &qf.f, parallel);
	query_filter_free(&qf);
	return (rc);
}
