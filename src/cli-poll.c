/*
 * telex poll: one poll session of the core (src/update.c), with a
 * progress bar on a terminal, then one summary line and every failure
 * with its reason and what to do.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "update.h"
#include "url.h"

struct cli_poll {
	struct cli_bar	 bar;
	struct buf	 failures;	/* one line per failed feed */
	struct buf	 page_failures;	/* one line per failed page */
};

/* Set by SIGINT or SIGTERM: the session ends, its commands stopped. */
static atomic_int	 cli_poll_stop;
static atomic_int	 cli_poll_started;	/* feeds are being fetched */

static void
cli_poll_signal(int sig)
{
	if (!atomic_load(&cli_poll_started)) {
		signal(sig, SIG_DFL);	/* still waiting: just end */
		raise(sig);
		return;
	}
	atomic_store(&cli_poll_stop, sig);
}

/*
 * Once feeds are fetched, an interrupt ends the session cleanly (what
 * was fetched is stored, commands of exec: feeds are stopped); then the
 * signal is taken again with its default action.
 */
static void
cli_poll_catch(int on)
{
	static const int	 sigs[] = { SIGINT, SIGTERM };
	static int		 ignored[2], armed;
	struct sigaction	 sa, old;
	size_t			 i;
	int			 sig;

	if (on == armed)
		return;
	armed = on;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 2; i++) {
		/* A signal ignored when telex started (nohup, &) stays so. */
		if (on && sigaction(sigs[i], NULL, &old) == 0)
			ignored[i] = old.sa_handler == SIG_IGN;
		if (ignored[i])
			continue;
		sa.sa_handler = on ? cli_poll_signal : SIG_DFL;
		sigaction(sigs[i], &sa, NULL);
	}
	if (!on && (sig = atomic_load(&cli_poll_stop)) != 0)
		raise(sig);
}

static void
cli_poll_progress(const struct update_counts *c, void *arg)
{
	struct cli_poll	*cp = arg;

	atomic_store(&cli_poll_started, 1);
	if (c->syncing)
		cli_sync_draw(&cp->bar, c->sync_articles, c->sync_new_items);
	else if (c->archiving)
		cli_bar_draw(&cp->bar, c->pages.done, c->pages.total, "pages",
		    c->pages.new_pages, c->pages.failed);
	else
		cli_bar_draw(&cp->bar, c->done, c->total, "feeds",
		    c->new_items, c->failed);
}

static void
cli_poll_feed_failed(const struct ingest_result *res, void *arg)
{
	struct cli_poll	*cp = arg;
	char		*url, *error, *shown;

	shown = url_mask(res->url);
	url = util_display_safe(shown);
	free(shown);
	error = util_display_safe(res->error);
	buf_printf(&cp->failures, "telex: feed %lld (%s): %s", (long long)
	    res->feed_id, url, error);
	if (res->hint != NULL)
		buf_printf(&cp->failures, " \xe2\x80\x94 %s", res->hint);
	buf_addc(&cp->failures, '\n');
	free(url);
	free(error);
}

static void
cli_poll_page_failed(const struct archive_failure *f, void *arg)
{
	struct cli_poll	*cp = arg;

	cli_page_failure(&cp->page_failures, f);
}

static void
cli_poll_warn(const char *message, void *arg)
{
	(void)arg;
	cli_error("%s", message);
}

static void
cli_poll_summary(struct cli_poll *cp, const struct update_counts *c)
{
	struct buf	 b;

	buf_init(&b, 0);
	update_summary(c, &b);
	printf("%s\n", b.data);
	fflush(stdout);
	fputs(cp->failures.data, stderr);
	if (c->pages.total != 0 || c->pages.no_address != 0) {
		buf_reset(&b);
		archive_summary(&c->pages, &b);
		printf("%s\n", b.data);
		fflush(stdout);
		fputs(cp->page_failures.data, stderr);
	}
	buf_free(&b);
}

static int
cli_poll_options(int argc, char **argv, struct update_options *o)
{
	static const struct option longopts[] = {
		{ "wait", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	memset(o, 0, sizeof *o);
	while ((ch = getopt_long(argc, argv, "+j:", longopts, NULL)) != -1) {
		if (ch == 'w')
			o->wait = 1;
		else if (ch != 'j' || cli_parse_jobs(optarg,
		    UPDATE_MAX_PARALLEL, &o->parallel) != 0)
			return (-1);
	}
	o->feeds = argv + optind;
	o->nfeeds = (size_t)(argc - optind);
	return (0);
}

int
cli_poll(struct cli *cli, int argc, char **argv)
{
	static const struct update_cbs cbs = {
		cli_poll_progress, cli_poll_feed_failed, cli_poll_page_failed,
		cli_poll_warn
	};
	struct update_options	 o;
	struct update_counts	 c;
	struct cli_poll		 cp;
	struct store		*st;
	struct conf		*cf;
	char			*cause = NULL;
	int			 rc = CLI_FAILURE;

	if (cli_poll_options(argc, argv, &o) != 0)
		return (CLI_SHOW_USAGE);
	memset(&cp, 0, sizeof cp);
	buf_init(&cp.failures, 0);
	buf_init(&cp.page_failures, 0);
	cli_bar_init(&cp.bar, cli->tty_err);
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if ((cf = cli_conf(cli)) == NULL) {
		rc = CLI_USAGE;
		goto out;
	}
	o.cancel = &cli_poll_stop;
	cli_poll_catch(1);
	switch (update_run(st, cf, cli->db_path, &o, &cbs, &cp, &c, &cause)) {
	case UPDATE_BAD_CONFIG:
		cli_error("%s", cause);
		rc = CLI_USAGE;
		goto out;
	case UPDATE_NOT_RUN:
		cli_error("%s", cause);
		goto out;
	case UPDATE_FAILED:
		rc = CLI_FAILURE;
		break;
	case UPDATE_PARTIAL:
		rc = CLI_PARTIAL;
		break;
	case UPDATE_OK:
		rc = CLI_OK;
		break;
	}
	cli_bar_clear(&cp.bar);
	cli_poll_summary(&cp, &c);
	if (cause != NULL)
		cli_error("%s", cause);
out:
	cli_poll_catch(0);
	free(cause);
	buf_free(&cp.failures);
	buf_free(&cp.page_failures);
	return (rc);
}
