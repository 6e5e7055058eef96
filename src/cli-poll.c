/*
 * telex poll: fetch feeds in parallel, store each as it arrives, show a
 * progress bar on a terminal, then one summary line and every failure
 * with its reason and what to do.
 */
#include "config.h"

#include <getopt.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ingest.h"
#include "lock.h"
#include "poll.h"
#include "store.h"
#include "util.h"

#define CLI_POLL_BAR_WIDTH	30
#define CLI_POLL_MAX_PARALLEL	64

struct cli_poll {
	struct store	*store;
	int		 progress;	/* draw the bar on stderr */
	double		 last_draw;
	size_t		 total;
	size_t		 done;
	size_t		 new_items;
	size_t		 updated;
	size_t		 unchanged;
	size_t		 failed;
	size_t		 skipped;	/* in back-off */
	atomic_int	 archive_failed;	/* set by the storing thread */
	size_t		 abandoned;	/* not stored once it failed */
	struct buf	 failures;	/* one line per failed feed */
	struct ingest_queue *queue;
};

static void
cli_poll_draw(struct cli_poll *cp, int force)
{
	double	 now = util_monotonic();
	size_t	 fill, i;
	char	 bar[CLI_POLL_BAR_WIDTH + 1];

	if (!cp->progress || (!force && now - cp->last_draw < 0.1))
		return;
	cp->last_draw = now;
	fill = cp->total == 0 ? 0 : cp->done * CLI_POLL_BAR_WIDTH / cp->total;
	for (i = 0; i < CLI_POLL_BAR_WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[CLI_POLL_BAR_WIDTH] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu feeds, %zu new, %zu failed",
	    bar, cp->done, cp->total, cp->new_items, cp->failed);
	fflush(stderr);
}

static void
cli_poll_clear(struct cli_poll *cp)
{
	if (cp->progress) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

static void
cli_poll_failure(struct cli_poll *cp, const struct ingest_result *res)
{
	char	*url, *error;

	url = util_display_safe(res->url);
	error = util_display_safe(res->error);
	buf_printf(&cp->failures, "telex: feed %lld (%s): %s", (long long)
	    res->feed_id, url, error);
	if (res->hint != NULL)
		buf_printf(&cp->failures, " \xe2\x80\x94 %s", res->hint);
	buf_addc(&cp->failures, '\n');
	free(url);
	free(error);
}

/* A feed is stored (in the writer thread): count it and redraw. */
static void
cli_poll_stored(const struct ingest_result *res, int status, void *arg)
{
	struct cli_poll		*cp = arg;
	struct ingest_result	 copy;

	cp->done++;
	if (status != 0) {
		cp->archive_failed = 1;
		cp->failed++;
		copy = *res;
		copy.error = xasprintf("cannot store it: %s",
		    store_errmsg(cp->store));
		cli_poll_failure(cp, &copy);
		free(copy.error);
	} else if (res->failed) {
		cp->failed++;
		cli_poll_failure(cp, res);
	} else if (res->new_items == 0 && res->updated_items == 0)
		cp->unchanged++;
	cp->new_items += res->new_items;
	cp->updated += res->updated_items;
	cli_poll_draw(cp, cp->done == cp->total);
}

/* A transfer ended: parse and clean it here, store it in the writer. */
static void
cli_poll_done(const struct poll_response *r, void *arg)
{
	struct cli_poll		*cp = arg;

	/* Once the archive cannot be written, the rest would fail alike. */
	if (atomic_load(&cp->archive_failed)) {
		cp->abandoned++;
		return;
	}
	ingest_queue_push(cp->queue, ingest_prepare(r));
}

static void
cli_poll_queue(struct cli_poll *cp, struct poll *p,
    const struct store_feed *f)
{
	struct poll_request	 req;

	memset(&req, 0, sizeof req);
	req.feed_id = f->id;
	req.url = f->url;
	req.etag = f->etag;
	req.last_modified = f->last_modified;
	poll_add(p, &req);
	cp->total++;
}

/* Queue the named feeds, back-off or not; -1 if one is unknown. */
static int
cli_poll_named(struct cli_poll *cp, struct poll *p, int argc, char **argv)
{
	struct store_feed	 f;
	int64_t			 id;
	int			 i, rc;

	for (i = 0; i < argc; i++) {
		if ((rc = store_feed_find(cp->store, argv[i], &id)) != 0) {
			cli_error(rc > 0 ? "no feed \"%s\"; telex feeds lists "
			    "them" : "cannot find feed \"%s\"", argv[i]);
			return (-1);
		}
		memset(&f, 0, sizeof f);
		if (store_feed_get(cp->store, id, &f) != 0) {
			cli_error("cannot read feed %lld: %s", (long long)id,
			    store_errmsg(cp->store));
			return (-1);
		}
		cli_poll_queue(cp, p, &f);
		store_feed_free(&f);
	}
	return (0);
}

/* Queue every feed that is not waiting out a back-off. */
static int
cli_poll_all(struct cli_poll *cp, struct poll *p)
{
	struct store_feed	*feeds;
	size_t			 n, i;
	int64_t			 now = util_now();

	if (store_feeds_list(cp->store, &feeds, &n) != 0) {
		cli_error("cannot list feeds: %s", store_errmsg(cp->store));
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if (feeds[i].backoff_until > now)
			cp->skipped++;
		else
			cli_poll_queue(cp, p, &feeds[i]);
	}
	store_feeds_free(feeds, n);
	return (0);
}

static void
cli_poll_summary(const struct cli_poll *cp)
{
	printf("polled %zu feed%s: %zu new, %zu unchanged, %zu failed",
	    cp->total, cp->total == 1 ? "" : "s", cp->new_items,
	    cp->unchanged, cp->failed);
	if (cp->updated != 0)
		printf(", %zu items updated", cp->updated);
	if (cp->skipped != 0)
		printf(" (%zu in back-off skipped; telex poll FEED forces one)",
		    cp->skipped);
	if (cp->abandoned != 0)
		printf("; %zu not stored: the archive could not be written",
		    cp->abandoned);
	printf("\n");
	fflush(stdout);
	fputs(cp->failures.data, stderr);
}

static int
cli_poll_options(int argc, char **argv, struct poll_options *opts,
    int *wait)
{
	static const struct option longopts[] = {
		{ "wait", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	long	 j;
	int	 ch;

	poll_options_default(opts);
	*wait = 0;
	while ((ch = getopt_long(argc, argv, "+j:", longopts, NULL)) != -1) {
		if (ch == 'w') {
			*wait = 1;
			continue;
		}
		if (ch != 'j')
			return (-1);
		j = strtol(optarg, &end, 10);
		if (*end != '\0' || j < 1 || j > CLI_POLL_MAX_PARALLEL) {
			cli_error("-j wants a number from 1 to %d, not \"%s\"",
			    CLI_POLL_MAX_PARALLEL, optarg);
			return (-1);
		}
		opts->parallel = (int)j;
	}
	return (0);
}

/*
 * The time limits of the configuration: "set poll-timeout S" bounds the
 * whole fetch of a feed, "set poll-low-speed-time S" how long its server
 * may send less than the low-speed limit.  A bad value names its file
 * and line: -1.
 */
static int
cli_poll_settings(struct cli *cli, struct poll_options *opts)
{
	struct conf	*cf;
	char		*cause = NULL;

	if ((cf = cli_conf(cli)) == NULL)
		return (-1);
	if (poll_options_config(cf, opts, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

int
cli_poll(struct cli *cli, int argc, char **argv)
{
	struct poll_options	 opts;
	struct cli_poll		 cp;
	struct poll		*p = NULL;
	char			*cause = NULL;
	int64_t			 started = util_now();
	int			 rc = CLI_FAILURE, archived, wait, lock = -1;

	if (cli_poll_options(argc, argv, &opts, &wait) != 0)
		return (cli_usage("poll"));
	memset(&cp, 0, sizeof cp);
	buf_init(&cp.failures, 0);
	if ((cp.store = cli_store(cli)) == NULL)
		goto out;
	if (cli_rules_load(cli, cp.store) != 0 ||
	    cli_poll_settings(cli, &opts) != 0) {
		rc = CLI_USAGE;
		goto out;
	}
	if ((lock = lock_poll(cli->db_path, wait, &cause)) == -1) {
		cli_error("%s", cause);
		goto out;
	}
	if (poll_global_init(&cause) != 0) {
		cli_error("%s", cause);
		goto out;
	}
	p = poll_create(&opts, cli_poll_done, &cp);
	if ((optind < argc ? cli_poll_named(&cp, p, argc - optind,
	    argv + optind) : cli_poll_all(&cp, p)) != 0)
		goto out;
	cp.progress = cli->tty_err && cp.total > 0;
	cli_poll_draw(&cp, 1);
	cp.queue = ingest_queue_start(cp.store, cli_poll_stored, &cp);
	poll_run(p);
	ingest_queue_finish(cp.queue);
	cli_poll_clear(&cp);
	cli_poll_summary(&cp);
	if (cp.archive_failed)
		rc = CLI_FAILURE;
	else
		rc = cp.failed != 0 ? CLI_PARTIAL : CLI_OK;
	if (!cp.archive_failed &&
	    (archived = cli_archive_after_poll(cli, started)) != CLI_OK)
		rc = archived;
out:
	if (p != NULL) {
		poll_free(p);
		poll_global_cleanup();
	}
	lock_release(lock);
	free(cause);
	buf_free(&cp.failures);
	return (rc);
}
