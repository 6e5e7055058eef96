/*
 * Moving from newsboat, from the shell: import --newsboat [DIR] and its
 * report, import --sync FILE [--purge], export --urls.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsboat.h"
#include "opml.h"
#include "store-newsboat.h"
#include "util.h"

#define CLI_NEWSBOAT_LIMIT (64u << 20)

static void
cli_newsboat_skips(const struct newsboat_skip *v, size_t n)
{
	size_t	 i;
	char	*where, *reason;

	for (i = 0; i < n; i++) {
		where = util_display_safe(v[i].where);
		reason = util_display_safe(v[i].reason);
		printf("  %s: %s\n", where, reason);
		free(where);
		free(reason);
	}
}

static void
cli_newsboat_report(const struct newsboat_paths *p,
    const struct newsboat_report *r)
{
	const struct newsboat_config	*c = &r->config;

	printf("feeds: %zu (%zu new)\n", r->feeds, r->feeds_new);
	if (r->exec_feeds > 0)
		printf("exec and filter feeds: %zu (subscribed by their "
		    "command lines)\n", r->exec_feeds);
	if (p->cache != NULL) {
		printf("items: %zu in the cache, %zu new (%zu unread, %zu "
		    "starred, %zu flag tags, %zu hidden)\n", r->items,
		    r->items_new, r->unread, r->starred, r->flag_tags,
		    r->hidden);
		if (r->items_other > 0)
			printf("items left out: %lld of feeds no longer in "
			    "the urls file\n", (long long)r->items_other);
	} else
		printf("items: none (no cache.db found)\n");
	printf("saved searches: %zu\n", r->saved);
	if (p->config != NULL && r->config_path != NULL)
		printf("config: %zu rules, %zu binds, %zu colours, %zu "
		    "settings; %zu lines added to %s\n", c->rules, c->binds,
		    c->colors, c->settings, r->config_added, r->config_path);
	else if (p->config == NULL)
		printf("config: none (no config file found)\n");
	if (r->nskips + c->nskips == 0)
		return;
	printf("skipped %zu lines:\n", r->nskips + c->nskips);
	cli_newsboat_skips(r->skips, r->nskips);
	cli_newsboat_skips(c->skips, c->nskips);
}

/* import --newsboat [DIR] */
static int
cli_import_newsboat(struct cli *cli, int argc, char **argv)
{
	struct newsboat_paths	 p;
	struct newsboat_report	 r;
	struct store		*st;
	char			*cause = NULL, *config = NULL;
	int			 rc = CLI_FAILURE;

	if (argc > 3)
		return (CLI_SHOW_USAGE);
	if (newsboat_paths_find(argc == 3 ? argv[2] : NULL, &p, &cause) != 0) {
		cli_error("cannot import from newsboat: %s", cause);
		free(cause);
		return (CLI_FAILURE);
	}
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (cli->config_path != NULL)
		config = xstrdup(cli->config_path);
	else if ((config = conf_default_path()) == NULL)
		cli_error("no telex config to add newsboat's settings to "
		    "(HOME is not set); give one with -c");
	if (newsboat_import(st, &p, config, &r, &cause) != 0) {
		cli_error("cannot import from newsboat: %s", cause);
		free(cause);
		newsboat_report_free(&r);
		goto out;
	}
	cli_newsboat_report(&p, &r);
	newsboat_report_free(&r);
	rc = CLI_OK;
out:
	free(config);
	newsboat_paths_free(&p);
	return (rc);
}

/* An OPML file's feeds as a urls file's. */
static void
cli_newsboat_from_opml(const struct opml_feed *o, size_t n,
    struct newsboat_urls *u)
{
	size_t	 i, j;

	memset(u, 0, sizeof *u);
	u->feeds = xcalloc(n + 1, sizeof *u->feeds);
	for (i = 0; i < n; i++) {
		u->feeds[i].url = xstrdup(o[i].url);
		u->feeds[i].tags = xcalloc(o[i].ntags + 1, sizeof (char *));
		for (j = 0; j < o[i].ntags; j++)
			u->feeds[i].tags[j] = xstrdup(o[i].tags[j]);
		u->feeds[i].ntags = o[i].ntags;
	}
	u->nfeeds = n;
}

/* The feeds of FILE: OPML, else a urls file (its skips said). */
static int
cli_newsboat_list(const char *file, struct newsboat_urls *u)
{
	struct opml_feed	*o = NULL;
	struct buf		 b;
	char			*cause = NULL;
	size_t			 n = 0, i = 0;
	int			 rc = -1;

	buf_init(&b, CLI_NEWSBOAT_LIMIT);
	if (util_read_file(file, &b, &cause) != 0)
		goto out;
	while (i < b.len && strchr(" \t\r\n", b.data[i]) != NULL)
		i++;
	if (i < b.len && b.data[i] == '<') {
		if (opml_read(b.data, b.len, &o, &n, &cause) != 0)
			goto out;
		cli_newsboat_from_opml(o, n, u);
		opml_free(o, n);
	} else
		newsboat_urls_read(b.data != NULL ? b.data : "", b.len, file, u);
	for (i = 0; i < u->nskips; i++)
		cli_error("%s: %s (line left out)", u->skips[i].where,
		    u->skips[i].reason);
	rc = 0;
out:
	if (rc != 0) {
		cli_error("cannot sync with %s: %s", file, cause);
		free(cause);
	}
	buf_free(&b);
	return (rc);
}

static void
cli_newsboat_urls(const char *what, char *const *v, size_t n)
{
	size_t	 i;
	char	*safe;

	for (i = 0; i < n; i++) {
		safe = util_display_safe(v[i]);
		printf("%s %s\n", what, safe);
		free(safe);
	}
}

/* import --sync FILE [--purge] */
static int
cli_import_sync(struct cli *cli, int argc, char **argv)
{
	struct newsboat_urls	 u;
	struct newsboat_sync	 s;
	struct store		*st;
	const char		*file = NULL, *why;
	char			*cause = NULL, *safe;
	size_t			 j, refused = 0;
	int			 i, purge = 0, flags = 0, rc = CLI_FAILURE;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--purge") == 0)
			purge = 1;
		else if (strcmp(argv[i], "--allow-exec") == 0)
			flags |= OPML_ALLOW_EXEC;
		else if (strcmp(argv[i], "--allow-local") == 0)
			flags |= OPML_ALLOW_LOCAL;
		else if (strcmp(argv[i], "--sync") == 0 && i + 1 < argc &&
		    file == NULL)
			file = argv[++i];
		else
			return (CLI_SHOW_USAGE);
	}
	if (file == NULL)
		return (CLI_SHOW_USAGE);
	if (cli_newsboat_list(file, &u) != 0)
		return (CLI_FAILURE);
	/*
	 * As for a plain import, a list runs no command and reads no local
	 * file unless allowed; skipping such a feed would unsubscribe it,
	 * so the whole sync is refused instead.
	 */
	for (j = 0; j < u.nfeeds; j++) {
		if ((why = opml_refusal(u.feeds[j].url, flags)) == NULL)
			continue;
		safe = util_display_safe(u.feeds[j].url);
		cli_error("%s: %s", safe, why);
		free(safe);
		refused++;
	}
	if (refused != 0) {
		cli_error("%s lists %zu feed%s that telex takes from a file "
		    "only with --allow-exec (commands) or --allow-local "
		    "(file://); nothing was changed", file, refused,
		    refused == 1 ? "" : "s");
		goto out;
	}
	if (u.nfeeds == 0) {
		cli_error("%s lists no feeds: telex will not unsubscribe from "
		    "every feed; check the file (telex rm removes feeds one "
		    "by one)", file);
		goto out;
	}
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (newsboat_sync_feeds(st, u.feeds, u.nfeeds, purge, &s,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		goto out;
	}
	cli_newsboat_urls("added", s.added, s.nadded);
	cli_newsboat_urls(purge ? "removed (items deleted)" :
	    "removed (items kept)", s.removed, s.nremoved);
	cli_newsboat_urls("changed", s.changed, s.nchanged);
	printf("synced with %s: %zu feeds, %zu added, %zu removed, %zu "
	    "changed\n", file, u.nfeeds, s.nadded, s.nremoved, s.nchanged);
	newsboat_sync_free(&s);
	rc = CLI_OK;
out:
	newsboat_urls_free(&u);
	return (rc);
}

/* Subcommands of import that this file runs, or -1 for plain import. */
int
cli_import_newsboat_maybe(struct cli *cli, int argc, char **argv)
{
	int	 i;

	if (argc >= 2 && strcmp(argv[1], "--newsboat") == 0)
		return (cli_import_newsboat(cli, argc, argv));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--sync") == 0 ||
		    strcmp(argv[i], "--purge") == 0)
			return (cli_import_sync(cli, argc, argv));
	}
	return (-1);
}

/* export --urls: newsboat's urls file, "~Title" where the user named. */
int
cli_export_urls(struct cli *cli)
{
	struct store_feed	*feeds;
	struct store		*st;
	char			**titles;
	size_t			 n, i;
	int			 rc = CLI_OK, set;

	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (store_feeds_list(st, &feeds, &n) != 0) {
		cli_error("cannot list feeds: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	titles = xcalloc(n + 1, sizeof *titles);
	for (i = 0; i < n; i++) {
		if ((set = store_feed_title_is_set(st, feeds[i].id)) < 0) {
			cli_error("cannot list feeds: %s", store_errmsg(st));
			rc = CLI_FAILURE;
			goto out;
		}
		titles[i] = set ? feeds[i].title : NULL;
	}
	if (newsboat_urls_write(stdout, feeds, n, titles) != 0) {
		cli_error("cannot write the urls file: standard output failed");
		rc = CLI_FAILURE;
	}
out:
	free(titles);
	store_feeds_free(feeds, n);
	return (rc);
}
