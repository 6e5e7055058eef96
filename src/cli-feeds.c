/*
 * Managing subscriptions from the shell: add (with feed discovery), rm,
 * feeds, import and export.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "sync.h"
#include "discover.h"
#include "json.h"
#include "opml.h"
#include "parse.h"
#include "poll.h"
#include "store.h"
#include "url.h"
#include "util.h"

#define CLI_IMPORT_LIMIT (64u << 20)

/* One URL fetched and kept, for add's check and discovery. */
struct cli_fetch {
	int	 ok;
	char	*error;
	char	*body;
	size_t	 len;
	char	*final_url;
	char	*charset;
	char	*content_type;
	char	*moved_to;
};

static void
cli_fetch_done(const struct poll_response *r, void *arg)
{
	struct cli_fetch	*f = arg;

	f->ok = r->result == POLL_OK;
	if (!f->ok) {
		f->error = xstrdup(r->error != NULL ? r->error :
		    "the server sent nothing new");
		return;
	}
	f->body = xmalloc(r->len + 1);
	memcpy(f->body, r->body, r->len);
	f->body[r->len] = '\0';
	f->len = r->len;
	f->final_url = xstrdup(r->final_url != NULL ? r->final_url :
	    r->req->url);
	f->charset = r->charset != NULL ? xstrdup(r->charset) : NULL;
	f->content_type = r->content_type != NULL ?
	    xstrdup(r->content_type) : NULL;
	f->moved_to = r->moved_to != NULL ? xstrdup(r->moved_to) : NULL;
}

/* An exec: or filter: feed, whose "fetch" runs a command. */
static int
cli_is_command(const char *url)
{
	enum url_kind	 kind = url_kind(url);

	return (kind == URL_KIND_EXEC || kind == URL_KIND_FILTER);
}

/*
 * Fetch url into f.  An address the user typed may be a command or a
 * local file; one a page named (discovery) is never run, and is read
 * from a file only when the page itself was.
 */
static int
cli_fetch(const char *url, int allow_exec, int allow_file,
    struct cli_fetch *f)
{
	struct poll_options	 opts;
	struct poll_request	 req;
	struct poll		*p;
	char			*cause = NULL;

	memset(f, 0, sizeof *f);
	if (poll_global_init(&cause) != 0) {
		f->error = cause;
		return (-1);
	}
	poll_options_default(&opts);
	opts.allow_exec = allow_exec && cli_is_command(url);
	opts.allow_file = allow_file;
	p = poll_create(&opts, cli_fetch_done, f);
	memset(&req, 0, sizeof req);
	req.url = url;
	poll_add(p, &req);
	poll_run(p);
	poll_free(p);
	poll_global_cleanup();
	return (f->ok ? 0 : -1);
}

static void
cli_fetch_free(struct cli_fetch *f)
{
	free(f->error);
	free(f->body);
	free(f->final_url);
	free(f->charset);
	free(f->content_type);
	free(f->moved_to);
}

static int
cli_count_item(const struct feed_item *item, void *arg)
{
	return (0);
}

/*
 * Is what f holds a feed?  Its title goes to *title, and with why not NULL
 * the reason it is not one to *why (caller frees both).
 */
static int
cli_is_feed(const struct cli_fetch *f, char **title, char **why)
{
	struct feed_info	 info;
	char			*cause = NULL;
	int			 rc;

	memset(&info, 0, sizeof info);
	rc = feed_parse_typed(f->body, f->len, f->final_url, f->content_type,
	    f->charset, &info, cli_count_item, NULL, &cause);
	if (rc == 0 && info.title != NULL)
		*title = xstrdup(info.title);
	feed_info_free(&info);
	if (why != NULL) {
		*why = cause;
		cause = NULL;
	}
	free(cause);
	return (rc == 0);
}

/*
 * Check that url is a feed, or find the feed a page at url links to.
 * On success *feed_url and *title are set (caller frees).
 */
static int
cli_resolve_feed(const char *url, char **feed_url, char **title)
{
	struct cli_fetch	 f, g;
	char			**urls, *why = NULL, *shown;
	size_t			 n;
	int			 rc = -1;

	*title = NULL;
	shown = url_mask(url);
	if (cli_fetch(url, 1, 1, &f) != 0) {
		cli_error("cannot %s %s: %s; to subscribe anyway, use telex "
		    "add --no-check", cli_is_command(url) ? "run" : "fetch",
		    shown, f.error);
		goto out;
	}
	if (cli_is_feed(&f, title, &why)) {
		*feed_url = xstrdup(f.moved_to != NULL ? f.moved_to : url);
		rc = 0;
		goto out;
	}
	if (cli_is_command(url)) {
		cli_error("%s: the command's output is not a feed (RSS, "
		    "Atom or JSON Feed); to subscribe anyway, use telex add "
		    "--no-check", url);
		goto out;
	}
	if ((n = discover_feeds(f.body, f.len, f.final_url, &urls)) == 0) {
		/* JSON is no web page: say what was wrong with it. */
		if (why != NULL && strstr(why, "JSON") != NULL)
			cli_error("%s: %s; check the URL", shown, why);
		else
			cli_error("%s is neither a feed nor a web page that "
			    "links to one; check the URL", shown);
		goto out;
	}
	if (cli_fetch(urls[0], 0, url_is_file(url), &g) == 0 &&
	    cli_is_feed(&g, title, NULL)) {
		*feed_url = xstrdup(g.moved_to != NULL ? g.moved_to : urls[0]);
		rc = 0;
	} else
		cli_error("%s links to %s, which is not a readable feed (%s)",
		    shown, urls[0], g.error != NULL ? g.error : "not a feed");
	cli_fetch_free(&g);
	discover_free(urls, n);
out:
	free(why);
	cli_fetch_free(&f);
	free(shown);
	return (rc);
}

/*
 * A local path becomes a file:// URL; anything else must be http(s), or
 * a command the user typed (exec:COMMAND, filter:COMMAND:URL).
 */
static char *
cli_feed_url(const char *arg)
{
	char	 cwd[PATH_MAX];

	if (url_is_http(arg) || url_is_file(arg) || cli_is_command(arg))
		return (xstrdup(arg));
	if (arg[0] == '/')
		return (xasprintf("file://%s", arg));
	if (!url_is_absolute(arg) && access(arg, R_OK) == 0 &&
	    getcwd(cwd, sizeof cwd) != NULL)
		return (xasprintf("file://%s/%s", cwd, arg));
	if (!url_is_absolute(arg))
		return (xasprintf("https://%s", arg));
	return (NULL);
}

/* Say why a command feed's address cannot be run: 0, or -1. */
static int
cli_command_check(const char *url)
{
	char	*command, *inner, *cause = NULL;

	if (url_command(url, &command, &inner, &cause) != 0) {
		cli_error("%s: %s", url, cause);
		free(cause);
		return (-1);
	}
	free(command);
	free(inner);
	return (0);
}

static int
cli_add_tags(struct store *st, int64_t id, char **tags, size_t ntags)
{
	size_t	 i;

	for (i = 0; i < ntags; i++) {
		if (store_feed_tag(st, id, tags[i]) != 0) {
			cli_error("cannot tag feed %lld: %s", (long long)id,
			    store_errmsg(st));
			return (-1);
		}
	}
	return (0);
}

/*
 * With a sync line and without --local, subscribe on the server: 0 with
 * *id, 1 when there is no sync, -1 said.
 */
static int
cli_add_synced(struct cli *cli, struct store *st, const char *url,
    int64_t *id)
{
	struct sync_config	 sc;
	struct poll_options	 po;
	char			*cause = NULL;
	int			 rc;

	if ((rc = cli_sync_setup(cli, &sc, &po, 1)) != 0)
		return (rc);
	if ((rc = sync_subscribe(st, &sc, &po, &url, 1, id, &cause)) != 0) {
		cli_error("%s (telex add --local subscribes here only)", cause);
		free(cause);
	} else if (*id == 0) {
		cli_error("sync with %s: the server subscribed to %s under "
		    "another address; telex sync brings it", sc.url, url);
		rc = -1;
	}
	sync_config_free(&sc);
	return (rc);
}

static int
cli_add_feed(struct cli *cli, const char *url, const char *title,
    char **tags, size_t ntags, int local)
{
	struct store	*st;
	int64_t		 id;
	int		 rc = 1;
	char		*shown;

	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	shown = url_mask(url);
	/* The server fetches web feeds only; file:, exec: stay here. */
	if (!local && strncmp(url, "http", 4) == 0 &&
	    (rc = cli_add_synced(cli, st, url, &id)) < 0) {
		free(shown);
		return (CLI_FAILURE);
	}
	if (rc == 0) {
		rc = cli_add_tags(st, id, tags, ntags);
		if (rc == 0)
			printf("added feed %lld: %s (%s), on the sync server "
			    "too\n", (long long)id, title != NULL ? title :
			    "untitled", shown);
		free(shown);
		return (rc == 0 ? CLI_OK : CLI_FAILURE);
	}
	if ((rc = store_feed_add(st, url, title, &id)) < 0) {
		cli_error("cannot add %s: %s", shown, store_errmsg(st));
		free(shown);
		return (CLI_FAILURE);
	}
	if (cli_add_tags(st, id, tags, ntags) != 0) {
		free(shown);
		return (CLI_FAILURE);
	}
	if (rc == 1)
		printf("already subscribed: feed %lld (%s)\n", (long long)id,
		    shown);
	else
		printf("added feed %lld: %s (%s)\n", (long long)id,
		    title != NULL ? title : "untitled", shown);
	if (url_has_password(url))
		cli_error("warning: the URL of feed %lld holds a password, "
		    "kept in the archive as written; better: add the URL "
		    "without it and put \"feed %lld auth basic USER\" and "
		    "\"feed %lld password-command 'COMMAND'\" in the config",
		    (long long)id, (long long)id, (long long)id);
	free(shown);
	return (CLI_OK);
}

int
cli_add(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "no-check", no_argument, NULL, 'n' },
		{ "tag", required_argument, NULL, 't' },
		{ "local", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	char	**tags = NULL, *url = NULL, *feed_url = NULL, *title = NULL;
	size_t	  ntags = 0;
	int	  ch, check = 1, local = 0, rc = CLI_FAILURE;

	while ((ch = getopt_long(argc, argv, "+t:", longopts, NULL)) != -1) {
		if (ch == 'n')
			check = 0;
		else if (ch == 'l')
			local = 1;
		else if (ch == 't') {
			tags = xreallocarray(tags, ntags + 1, sizeof *tags);
			tags[ntags++] = optarg;
		} else {
			rc = CLI_SHOW_USAGE;
			goto out;
		}
	}
	if (argc - optind != 1) {
		rc = CLI_SHOW_USAGE;
		goto out;
	}
	if ((url = cli_feed_url(argv[optind])) == NULL) {
		cli_error("%s: telex reads feeds over http, https, from files "
		    "or from commands (exec:COMMAND, filter:COMMAND:URL)",
		    argv[optind]);
		rc = CLI_USAGE;
		goto out;
	}
	if (cli_is_command(url) && cli_command_check(url) != 0) {
		rc = CLI_USAGE;
		goto out;
	}
	if (!check)
		feed_url = xstrdup(url);
	else if (cli_resolve_feed(url, &feed_url, &title) != 0)
		goto out;
	rc = cli_add_feed(cli, feed_url, title, tags, ntags, local);
out:
	free(tags);
	free(url);
	free(feed_url);
	free(title);
	return (rc);
}

/* With a sync line, unsubscribe a synced feed on the server too. */
static int
cli_rm_synced(struct cli *cli, struct store *st, int64_t id)
{
	struct sync_config	 sc;
	struct poll_options	 po;
	char			*cause = NULL;
	int			 rc;

	if ((rc = cli_sync_setup(cli, &sc, &po, 1)) != 0)
		return (rc < 0 ? -1 : 0);
	if ((rc = sync_unsubscribe(st, &sc, &po, id, &cause)) < 0) {
		cli_error("%s (telex rm --local unsubscribes here only)",
		    cause);
		free(cause);
	}
	sync_config_free(&sc);
	return (rc < 0 ? -1 : 0);
}

int
cli_rm(struct cli *cli, int argc, char **argv)
{
	struct store_feed	 feed;
	struct store		*st;
	int64_t			 id;
	int			 purge = 0, local = 0, i, rc;
	char			*shown;

	for (i = 1; i < argc - 1; i++) {
		if (strcmp(argv[i], "--purge") == 0)
			purge = 1;
		else if (strcmp(argv[i], "--local") == 0)
			local = 1;
		else
			return (CLI_SHOW_USAGE);
	}
	if (argc < 2 || strcmp(argv[argc - 1], "--purge") == 0 ||
	    strcmp(argv[argc - 1], "--local") == 0)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if ((rc = store_feed_find(st, argv[argc - 1], &id)) != 0) {
		if (rc > 0)
			cli_error("no feed \"%s\"; telex feeds lists them",
			    argv[argc - 1]);
		else
			cli_error("%s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	if (!local && cli_rm_synced(cli, st, id) != 0)
		return (CLI_FAILURE);
	memset(&feed, 0, sizeof feed);
	store_feed_get(st, id, &feed);
	shown = url_mask(feed.url != NULL ? feed.url : "");
	if (store_feed_remove(st, id, purge) != 0) {
		cli_error("cannot remove feed %lld: %s", (long long)id,
		    store_errmsg(st));
		free(shown);
		store_feed_free(&feed);
		return (CLI_FAILURE);
	}
	if (purge)
		printf("removed feed %lld (%s) and its %lld items\n",
		    (long long)id, shown, (long long)feed.items);
	else
		printf("removed feed %lld (%s); its %lld items stay in the "
		    "archive (--purge deletes them)\n", (long long)id,
		    shown, (long long)feed.items);
	free(shown);
	store_feed_free(&feed);
	return (CLI_OK);
}

static const char *
cli_feed_status(const struct store_feed *f, char *buf, size_t size)
{
	if (f->synced)
		return ("synced: the sync server fetches it");
	if (f->last_poll == 0)
		return ("never polled");
	if (f->last_error != NULL) {
		snprintf(buf, size, "failing: %s", f->last_error);
		return (buf);
	}
	return ("ok");
}

static void
cli_feed_json(const struct store_feed *f)
{
	struct buf	 b;
	int		 first = 1;
	char		*shown;

	buf_init(&b, 0);
	buf_addc(&b, '{');
	json_key_int(&b, &first, "id", f->id);
	shown = url_mask(f->url);
	json_key_string(&b, &first, "url", shown);
	free(shown);
	json_key_string(&b, &first, "kind", url_kind_name(url_kind(f->url)));
	json_key_string(&b, &first, "title", f->title);
	json_key_string(&b, &first, "site_url", f->site_url);
	json_key_int(&b, &first, "items", f->items);
	json_key_int(&b, &first, "unread", f->unread);
	json_key_int(&b, &first, "status", f->http_status);
	json_key_string(&b, &first, "error", f->last_error);
	json_key_date(&b, &first, "last_poll", f->last_poll == 0 ?
	    INT64_MIN : f->last_poll);
	json_key_date(&b, &first, "backoff_until", f->backoff_until == 0 ?
	    INT64_MIN : f->backoff_until);
	json_key_bool(&b, &first, "synced", f->synced);
	json_key_strings(&b, &first, "tags", f->tags, f->ntags);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

static void
cli_feed_line(const struct store_feed *f)
{
	char	 status[512];
	char	*title, *url, *state, *shown;

	shown = url_mask(f->url);
	url = util_display_safe(shown);
	free(shown);
	title = util_display_safe(f->title != NULL ? f->title : "");
	state = util_display_safe(cli_feed_status(f, status, sizeof status));
	printf("%lld\t%s\t%s\t%lld\t%lld\t%s\t%s\n", (long long)f->id, url,
	    title, (long long)f->items, (long long)f->unread, state,
	    url_kind_name(url_kind(f->url)));
	free(url);
	free(title);
	free(state);
}

int
cli_feeds(struct cli *cli, int argc, char **argv)
{
	struct store_feed	*feeds;
	struct store		*st;
	size_t			 n, i;
	int			 json = 0;

	if ((json = cli_json_only(argc, argv)) < 0)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (store_feeds_list(st, &feeds, &n) != 0) {
		cli_error("cannot list feeds: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	for (i = 0; i < n; i++) {
		if (json)
			cli_feed_json(&feeds[i]);
		else
			cli_feed_line(&feeds[i]);
	}
	if (n == 0 && cli->tty_out && !json)
		printf("no feeds yet: telex add URL subscribes to one\n");
	store_feeds_free(feeds, n);
	return (CLI_OK);
}

static int
cli_import_all(struct store *st, const struct opml_feed *feeds, size_t n,
    size_t *added)
{
	int64_t	 id;
	size_t	 i;
	int	 rc;

	*added = 0;
	if (store_begin(st) != 0)
		return (-1);
	for (i = 0; i < n; i++) {
		if ((rc = store_feed_add(st, feeds[i].url, feeds[i].title,
		    &id)) < 0 ||
		    cli_add_tags(st, id, feeds[i].tags, feeds[i].ntags) != 0)
			goto fail;
		if (rc == 0)
			(*added)++;
	}
	if (store_commit(st) == 0)
		return (0);
fail:
	store_rollback(st);
	return (-1);
}

/* With a sync line, the server subscribes to the imported web feeds. */
static int
cli_import_synced(struct cli *cli, struct store *st,
    const struct opml_feed *feeds, size_t n)
{
	struct sync_config	 sc;
	struct poll_options	 po;
	const char		**urls;
	int64_t			*ids;
	char			*cause = NULL;
	size_t			 i, k = 0;
	int			 rc;

	if ((rc = cli_sync_setup(cli, &sc, &po, 1)) != 0)
		return (rc < 0 ? -1 : 0);
	urls = xreallocarray(NULL, n + 1, sizeof *urls);
	ids = xreallocarray(NULL, n + 1, sizeof *ids);
	for (i = 0; i < n; i++) {
		if (strncmp(feeds[i].url, "http", 4) == 0)
			urls[k++] = feeds[i].url;
	}
	if (k != 0 && (rc = sync_subscribe(st, &sc, &po, urls, k, ids,
	    &cause)) != 0) {
		cli_error("%s (the feeds are subscribed here; telex import "
		    "--local does not ask the server)", cause);
		free(cause);
	}
	free(urls);
	free(ids);
	sync_config_free(&sc);
	return (rc);
}

static int
cli_import_options(int argc, char **argv, int *flags, int *local)
{
	static const struct option longopts[] = {
		{ "allow-exec", no_argument, NULL, 'x' },
		{ "allow-local", no_argument, NULL, 'l' },
		{ "local", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	*flags = 0;
	*local = 0;
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (ch == 'x')
			*flags |= OPML_ALLOW_EXEC;
		else if (ch == 'l')
			*flags |= OPML_ALLOW_LOCAL;
		else if (ch == 'L')
			*local = 1;
		else
			return (-1);
	}
	return (argc - optind == 1 ? 0 : -1);
}

/* One line for each feed the list held that was not subscribed. */
static void
cli_import_skipped(const struct opml_skip *skipped, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		printf("skipped %s: %s\n", skipped[i].url, skipped[i].why);
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	struct opml_feed	*feeds = NULL;
	struct opml_skip	*skipped = NULL;
	struct store		*st;
	struct buf		 b;
	const char		*file;
	char			*cause = NULL;
	size_t			 n = 0, nskipped = 0, added;
	int			 flags, local, rc = CLI_FAILURE;

	if ((rc = cli_import_newsboat_maybe(cli, argc, argv)) != -1)
		return (rc);
	rc = CLI_FAILURE;
	if (cli_import_options(argc, argv, &flags, &local) != 0)
		return (CLI_SHOW_USAGE);
	file = argv[optind];
	buf_init(&b, CLI_IMPORT_LIMIT);
	if (util_read_file(file, &b, &cause) != 0 ||
	    opml_read(b.data, b.len, &feeds, &n, &cause) != 0) {
		cli_error("cannot import %s: %s", file, cause);
		goto out;
	}
	opml_screen(feeds, &n, flags, &skipped, &nskipped);
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (cli_import_all(st, feeds, n, &added) != 0) {
		cli_error("cannot import %s: %s", file, store_errmsg(st));
		goto out;
	}
	cli_import_skipped(skipped, nskipped);
	printf("imported %zu feeds (%zu new, %zu already subscribed)", n,
	    added, n - added);
	if (nskipped != 0)
		printf("; %zu skipped", nskipped);
	printf("\n");
	rc = CLI_OK;
	if (!local && cli_import_synced(cli, st, feeds, n) != 0)
		rc = CLI_PARTIAL;
out:
	opml_skips_free(skipped, nskipped);
	opml_free(feeds, n);
	free(cause);
	buf_free(&b);
	return (rc);
}

int
cli_export(struct cli *cli, int argc, char **argv)
{
	struct store_feed	*feeds;
	struct opml_feed	*out;
	struct store		*st;
	size_t			 n, i;
	int			 rc = CLI_OK;

	if (argc == 2 && strcmp(argv[1], "--urls") == 0)
		return (cli_export_urls(cli));
	if (argc != 1)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (store_feeds_list(st, &feeds, &n) != 0) {
		cli_error("cannot list feeds: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	out = xcalloc(n, sizeof *out);
	for (i = 0; i < n; i++) {
		out[i].url = feeds[i].url;
		out[i].title = feeds[i].title;
		out[i].site_url = feeds[i].site_url;
		out[i].tags = feeds[i].tags;
		out[i].ntags = feeds[i].ntags;
	}
	if (opml_write(stdout, out, n, "telex subscriptions") != 0 ||
	    fflush(stdout) != 0) {
		cli_error("cannot write the OPML file");
		rc = CLI_FAILURE;
	}
	free(out);
	store_feeds_free(feeds, n);
	return (rc);
}
