/*
 * telex prune: delete the items a query matches for good (src/retain.c),
 * say how many and how much the archive shrank, with progress on a
 * terminal while it gives the space back.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "query.h"
#include "retain.h"

static void
cli_prune_progress(int64_t left, int64_t total, void *arg)
{
	struct cli_bar	*bar = arg;

	cli_bar_draw(bar, (size_t)(total - left), (size_t)total, "pages", 0,
	    0);
}

static void
cli_prune_say(const struct retain_counts *c, int dry_run)
{
	if (dry_run)
		printf("would prune %lld item%s (%.1f MB of text)\n",
		    (long long)c->items, c->items == 1 ? "" : "s",
		    (double)c->text_bytes / 1e6);
	else
		printf("pruned %lld item%s (%.1f MB of text); the archive is "
		    "%.1f MB smaller\n", (long long)c->items, c->items == 1 ?
		    "" : "s", (double)c->text_bytes / 1e6,
		    (double)c->freed / 1e6);
}

int
cli_prune(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct query_filter	 qf;
	struct retain_counts	 c;
	struct cli_bar		 bar;
	struct store		*st;
	int			 ch, dry_run = 0, rc = CLI_FAILURE;

	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (ch != 'n')
			return (CLI_SHOW_USAGE);
		dry_run = 1;
	}
	if (optind == argc) {
		cli_error("prune needs a query naming what to delete, e.g. "
		    "telex prune --dry-run 'feed:gazette before:2026-01-01'");
		return (CLI_USAGE);
	}
	if (query_filter_words(&qf, argc - optind, argv + optind) != 0) {
		cli_error("%s", qf.error);
		query_filter_free(&qf);
		return (CLI_USAGE);
	}
	memset(&c, 0, sizeof c);
	cli_bar_init(&bar, cli->tty_err);
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (retain_prune(st, &qf.f, dry_run, 1, cli_prune_progress, &bar,
	    &c) != 0) {
		cli_bar_clear(&bar);
		cli_error("cannot prune: %s (nothing was deleted unless the "
		    "shrinking failed)", store_errmsg(st));
		goto out;
	}
	cli_bar_clear(&bar);
	cli_prune_say(&c, dry_run);
	rc = CLI_OK;
out:
	query_filter_free(&qf);
	return (rc);
}
