/*
 * telex download: the enclosures of the items a query matches fetched
 * by the core (src/download.c) into a folder, with a progress bar, one
 * summary line and every failure with what to do.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "download.h"
#include "query.h"
#include "update.h"

struct cli_download {
	struct cli_bar	 bar;
	struct buf	 failures;
};

static void
cli_download_progress(const struct download_counts *c, void *arg)
{
	struct cli_download	*cd = arg;

	cli_bar_draw(&cd->bar, c->done, c->total, "files", c->fetched,
	    c->failed);
}

static void
cli_download_failed(const struct download_failure *f, void *arg)
{
	struct cli_download	*cd = arg;
	char			*why;

	why = util_display_safe(f->error);
	buf_printf(&cd->failures, "telex: item %lld (%s): %s \xe2\x80\x94 %s\n",
	    (long long)f->item_id, f->url, why, f->hint);
	free(why);
}

static int
cli_download_options(int argc, char **argv, int *parallel, const char **dir)
{
	int	 ch;

	while ((ch = getopt(argc, argv, "+j:o:")) != -1) {
		if (ch == 'o')
			*dir = optarg;
		else if (ch != 'j' || cli_parse_jobs(optarg,
		    UPDATE_MAX_PARALLEL, parallel) != 0)
			return (-1);
	}
	return (0);
}

/* Fetch into dir; the summary and failures after. */
static int
cli_download_fetch(struct cli *cli, struct store *st,
    const struct store_filter *f, const char *dir, int parallel)
{
	static const struct download_cbs cbs = {
		cli_download_progress, cli_download_failed
	};
	struct cli_download	 cd;
	struct download_counts	 c;
	struct poll_options	 opts;
	struct buf		 b;
	char			*cause = NULL;
	int			 rc = CLI_FAILURE;

	memset(&cd, 0, sizeof cd);
	buf_init(&cd.failures, 0);
	buf_init(&b, 0);
	cli_bar_init(&cd.bar, cli->tty_err);
	poll_options_default(&opts);
	if (parallel > 0)
		opts.parallel = parallel;
	if (update_poll_options(cli_conf(cli), &opts, &cause) != 0 ||
	    poll_global_init(&cause) != 0) {
		cli_error("%s", cause);
		goto out;
	}
	if (download_run(st, f, dir, &opts, &cbs, &cd, &c, NULL) != 0)
		cli_error("cannot record the downloads: %s", store_errmsg(st));
	else
		rc = c.failed != 0 ? CLI_PARTIAL : CLI_OK;
	poll_global_cleanup();
	cli_bar_clear(&cd.bar);
	download_summary(&c, &b);
	printf("%s\n", b.data);
	fflush(stdout);
	fputs(cd.failures.data, stderr);
out:
	free(cause);
	buf_free(&b);
	buf_free(&cd.failures);
	return (rc);
}

int
cli_download(struct cli *cli, int argc, char **argv)
{
	struct query_filter	 qf;
	struct store		*st;
	const char		*option = NULL;
	char			*dir = NULL, *cause = NULL;
	int			 parallel = 0, rc = CLI_USAGE;

	if (cli_download_options(argc, argv, &parallel, &option) != 0)
		return (CLI_SHOW_USAGE);
	if (optind == argc) {
		cli_error("download needs a query naming the items, e.g. "
		    "telex download has:enclosure feed:NAME");
		return (CLI_USAGE);
	}
	if (query_filter_words(&qf, argc - optind, argv + optind) != 0) {
		cli_error("%s", qf.error);
		goto out;
	}
	if ((dir = download_dir(cli_conf(cli), option, &cause)) == NULL) {
		cli_error("%s", cause);
		goto out;
	}
	if (util_mkdirs(dir, 0755, &cause) != 0) {
		cli_error("%s", cause);
		rc = CLI_FAILURE;
		goto out;
	}
	rc = CLI_FAILURE;
	if ((st = cli_store(cli)) != NULL)
		rc = cli_download_fetch(cli, st, &qf.f, dir, parallel);
out:
	free(cause);
	free(dir);
	query_filter_free(&qf);
	return (rc);
}
