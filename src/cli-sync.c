/*
 * telex sync: one sync with the server of the config's sync line (the
 * core's src/sync.c), and --status: the server, its API level, the last
 * sync, the changes waiting to be sent and the tags that stay local.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "lock.h"
#include "sync.h"
#include "update.h"

/* How far a sync has got, on the bar's line (the total is unknown). */
void
cli_sync_draw(struct cli_bar *bar, size_t articles, size_t new_items)
{
	double	 now = util_monotonic();

	if (!bar->on || now - bar->last < 0.1)
		return;
	bar->last = now;
	bar->drawn = 1;
	fprintf(stderr, "\r\033[Ksyncing: %zu articles from the server, %zu "
	    "new", articles, new_items);
	fflush(stderr);
}

static void
cli_sync_progress(const struct sync_counts *c, void *arg)
{
	cli_sync_draw(arg, c->articles, c->new_items);
}

static int
cli_sync_status(struct cli *cli, struct store *st)
{
	struct sync_report	 r;
	struct sync_config	 sc;
	struct poll_options	 po;
	char			*cause = NULL, when[64];
	size_t			 i;
	int			 configured;

	if (sync_report(st, &r, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return (CLI_FAILURE);
	}
	if (r.last_sync != 0)
		date_format_iso(r.last_sync, when, sizeof when);
	/* Before a first sync, the config says which server it will be. */
	if (r.server != NULL)
		printf("server: %s\n", r.server);
	else {
		configured = cli_sync_setup(cli, &sc, &po, 1);
		if (configured == 0) {
			printf("server: %s (not synced yet)\n", sc.url);
			sync_config_free(&sc);
		} else if (configured > 0)
			printf("server: none; add \"sync ttrss URL USER\" to "
			    "the config\n");
		else
			printf("server: none (the config's sync line is "
			    "wrong)\n");
	}
	if (r.api_level > 0)
		printf("api level: %d\n", r.api_level);
	else
		printf("api level: unknown until a sync\n");
	printf("last sync: %s\n", r.last_sync != 0 ? when : "never");
	printf("queued changes: %lld\n", (long long)r.queued);
	printf("local-only tags:");
	for (i = 0; i < r.nlocal_tags; i++)
		printf(" %s", r.local_tags[i]);
	printf("%s\n", r.nlocal_tags == 0 ? " none" : "");
	sync_report_free(&r);
	return (CLI_OK);
}

/*
 * The sync line of the config: 0 when there is one, 1 when there is none
 * (said unless quiet), or -1 after saying why it is bad.
 */
int
cli_sync_setup(struct cli *cli, struct sync_config *sc,
    struct poll_options *po, int quiet)
{
	struct conf	*cf;
	char		*cause = NULL, *path;
	int		 rc;

	/* add, rm and import: a config that cannot be read holds no sync. */
	if (quiet && cli->conf == NULL) {
		path = cli->config_path != NULL ? xstrdup(cli->config_path) :
		    conf_default_path();
		rc = path != NULL ? conf_load(path, &cli->conf, &cause) : -1;
		free(path);
		free(cause);
		cause = NULL;
		if (rc != 0)
			return (1);
	}
	if ((cf = cli_conf(cli)) == NULL)
		return (-1);
	if ((rc = sync_config_get(cf, sc, &cause)) != 0) {
		if (rc > 0 && !quiet)
			cli_error("sync: no server to sync with; add \"sync "
			    "ttrss URL USER\" to the config");
		else if (rc < 0)
			cli_error("%s", cause);
		free(cause);
		return (rc);
	}
	poll_options_default(po);
	if (update_poll_options(cf, po, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		sync_config_free(sc);
		return (-1);
	}
	return (0);
}

int
cli_sync(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "status", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct sync_cbs cbs = { cli_sync_progress };
	struct sync_config	 sc;
	struct sync_counts	 c;
	struct poll_options	 po;
	struct cli_bar		 bar;
	struct store		*st;
	char			*cause = NULL;
	int			 ch, status = 0, rc, lock;

	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (ch != 's')
			return (CLI_SHOW_USAGE);
		status = 1;
	}
	if (optind != argc)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (status)
		return (cli_sync_status(cli, st));
	if (cli_sync_setup(cli, &sc, &po, 0) != 0)
		return (CLI_USAGE);
	/* One sync or poll of an archive at a time. */
	if ((lock = lock_poll(cli->db_path, 0, &cause)) == -1) {
		cli_error("%s", cause);
		free(cause);
		sync_config_free(&sc);
		return (CLI_FAILURE);
	}
	cli_bar_init(&bar, cli->tty_err);
	rc = sync_run(st, &sc, &po, &cbs, &bar, &c, &cause);
	cli_bar_clear(&bar);
	lock_release(lock);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		rc = CLI_FAILURE;
	} else {
		printf("synced with %s: %zu feeds, %zu new items, %zu changes "
		    "sent (%zu requests, %.2f s, %.2f s of it the server's)\n",
		    sc.url, c.feeds, c.new_items, c.sent, c.requests, c.seconds,
		    c.server_seconds);
		rc = CLI_OK;
	}
	sync_config_free(&sc);
	return (rc);
}
