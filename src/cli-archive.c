/*
 * telex archive: fetch the web pages of items through the poller, clean
 * each into its article and keep it offline; --reclean runs the cleaner
 * again over what is stored.  telex poll calls in for archive-feed.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cli.h"
#include "conf.h"
#include "json.h"
#include "poll.h"
#include "query.h"
#include "store.h"
#include "util.h"

#define CLI_ARCHIVE_BAR_WIDTH	30
#define CLI_ARCHIVE_MAX_PARALLEL 64
#define CLI_ARCHIVE_BATCH	100	/* items per transaction (reclean) */

/* One item whose page is fetched. */
struct cli_archive_job {
	int64_t		 item_id;
	char		*url;
	size_t		 feed_len;	/* length of the feed's text */
	int		 had_text;	/* the page had text already */
	char		*old_text;
	char		*etag;
	char		*last_modified;
};

struct cli_archive {
	struct store		*store;
	int			 progress;
	double			 last_draw;
	struct cli_archive_job	*jobs;
	size_t			 njobs;
	size_t			 done;
	size_t			 new_pages;
	size_t			 updated;
	size_t			 unchanged;
	size_t			 failed;
	size_t			 no_address;	/* items with no web page */
	int			 store_failed;
	struct buf		 failures;
};

static void
cli_archive_draw(struct cli_archive *ca, int force)
{
	double	 now = util_monotonic();
	size_t	 fill, i;
	char	 bar[CLI_ARCHIVE_BAR_WIDTH + 1];

	if (!ca->progress || (!force && now - ca->last_draw < 0.1))
		return;
	ca->last_draw = now;
	fill = ca->njobs == 0 ? 0 : ca->done * CLI_ARCHIVE_BAR_WIDTH /
	    ca->njobs;
	for (i = 0; i < CLI_ARCHIVE_BAR_WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[CLI_ARCHIVE_BAR_WIDTH] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu pages, %zu new, %zu failed",
	    bar, ca->done, ca->njobs, ca->new_pages, ca->failed);
	fflush(stderr);
}

static void
cli_archive_clear(struct cli_archive *ca)
{
	if (ca->progress) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

/* Keep one failure line: what failed, why and what to do. */
static void
cli_archive_failure(struct cli_archive *ca, const struct cli_archive_job *j,
    const char *why, const char *hint)
{
	char	*url, *safe;

	url = util_display_safe(j->url);
	safe = util_display_safe(why);
	buf_printf(&ca->failures, "telex: item %lld (%s): %s \xe2\x80\x94 %s\n",
	    (long long)j->item_id, url, safe, hint);
	free(url);
	free(safe);
	ca->failed++;
}

static const char *
cli_archive_http_hint(long status)
{
	if (status == 404 || status == 410)
		return ("the page is gone; the feed's text is kept");
	if (status == 401 || status == 403)
		return ("the site refuses telex (a login or a paywall?); the "
		    "feed's text is kept");
	if (status == 429 || status == 503)
		return ("the site asked telex to wait; run telex archive "
		    "again later");
	if (status >= 500)
		return ("the site is failing; run telex archive again later");
	return ("check the item's address with telex show");
}

static const char *
cli_archive_hint(const struct poll_response *r)
{
	switch (r->error_kind) {
	case POLL_ERROR_HTTP:
		return (cli_archive_http_hint(r->http_status));
	case POLL_ERROR_NETWORK:
		return ("check the network connection and run telex archive "
		    "again");
	case POLL_ERROR_TIMEOUT:
		return ("the site is slow or unreachable; try again later or "
		    "with fewer transfers (-j)");
	case POLL_ERROR_TLS:
		return ("the connection cannot be trusted; the page was not "
		    "kept");
	case POLL_ERROR_TOO_BIG:
		return ("the page is larger than telex keeps; the feed's "
		    "text is kept");
	case POLL_ERROR_REDIRECT:
		return ("the site redirects in a loop or to an address telex "
		    "does not follow");
	default:
		return ("check the item's address with telex show");
	}
}

/* Fill a page from what was fetched and what the cleaner found. */
static void
cli_archive_page(struct store_page *p, const struct cli_archive_job *j,
    const struct poll_response *r, struct clean_article *a)
{
	memset(p, 0, sizeof *p);
	p->item_id = j->item_id;
	p->url = j->url;
	p->final_url = (char *)r->final_url;
	p->html = (char *)r->body;
	p->charset = (char *)r->charset;
	p->etag = (char *)r->etag;
	p->last_modified = (char *)r->last_modified;
	p->archived = p->checked = util_now();
	p->http_status = (int)r->http_status;
	p->title = a->title;
	p->byline = a->byline;
	p->published = a->published;
	p->site_name = a->site_name;
	p->lang = a->lang;
	p->image = a->image;
	p->text = a->text;
}

/*
 * Why a page's text is not used in place of the feed's, or NULL: none
 * at all, or much less than the feed gave (a paywall, a script-built
 * page).
 */
static const char *
cli_archive_reject(int clean_rc, const char *text, size_t feed_len)
{
	if (clean_rc != 0 || text == NULL || *text == '\0')
		return ("the page holds no readable text (it may be built by "
		    "scripts or need a login)");
	if (strlen(text) * 2 < feed_len)
		return ("the page holds less text than the feed (a paywall or "
		    "a page built by scripts?)");
	return (NULL);
}

static void
cli_archive_count(struct cli_archive *ca, const struct cli_archive_job *j,
    const char *text)
{
	if (!j->had_text)
		ca->new_pages++;
	else if (j->old_text != NULL && strcmp(j->old_text, text) == 0)
		ca->unchanged++;
	else
		ca->updated++;
}

/* A page came: clean it and store it (without text if rejected). */
static void
cli_archive_fetched(struct cli_archive *ca, const struct cli_archive_job *j,
    const struct poll_response *r)
{
	struct clean_article	 a;
	struct store_page	 p;
	const char		*why;
	int			 rc;

	rc = clean_page(r->body, r->len, r->final_url != NULL ?
	    r->final_url : j->url, r->charset, &a);
	why = cli_archive_reject(rc, a.text, j->feed_len);
	cli_archive_page(&p, j, r, &a);
	if (why != NULL) {
		p.text = NULL;
		p.error = (char *)why;
	}
	if (store_page_put(ca->store, &p) != 0) {
		ca->store_failed = 1;
		cli_archive_failure(ca, j, store_errmsg(ca->store),
		    "the archive could not be written; see the message");
	} else if (why != NULL)
		cli_archive_failure(ca, j, why, "the feed's text is kept");
	else
		cli_archive_count(ca, j, a.text);
	clean_article_free(&a);
}

/* A transfer ended. */
static void
cli_archive_done(const struct poll_response *r, void *arg)
{
	struct cli_archive		*ca = arg;
	const struct cli_archive_job	*j = r->req->user;
	const char			*error = NULL;

	ca->done++;
	if (r->result == POLL_OK)
		cli_archive_fetched(ca, j, r);
	else {
		if (r->result == POLL_FAILED)
			error = r->error != NULL ? r->error :
			    "the page could not be fetched";
		if (store_page_checked(ca->store, j->item_id, j->url,
		    util_now(), (int)r->http_status, error) != 0) {
			ca->store_failed = 1;
			cli_archive_failure(ca, j, store_errmsg(ca->store),
			    "the archive could not be written");
		} else if (error != NULL)
			cli_archive_failure(ca, j, error, cli_archive_hint(r));
		else
			ca->unchanged++;
	}
	cli_archive_draw(ca, ca->done == ca->njobs);
}

static int
cli_archive_is_web(const char *url)
{
	return (url != NULL && (util_starts_nocase(url, "http://") ||
	    util_starts_nocase(url, "https://")));
}

/* Add a job for item id with what the archive knows of it. */
static int
cli_archive_add(struct cli_archive *ca, int64_t id)
{
	struct cli_archive_job	*j;
	struct store_item	 it;
	struct store_page	 p;
	int			 rc;

	if ((rc = store_item_get(ca->store, id, &it)) != 0)
		return (rc == 1 ? 0 : -1);
	if (!cli_archive_is_web(it.url)) {
		ca->no_address++;
		store_item_free(&it);
		return (0);
	}
	if ((rc = store_page_get(ca->store, id, &p)) < 0) {
		store_item_free(&it);
		return (-1);
	}
	ca->jobs = xreallocarray(ca->jobs, ca->njobs + 1, sizeof *ca->jobs);
	j = &ca->jobs[ca->njobs++];
	memset(j, 0, sizeof *j);
	j->item_id = id;
	j->url = xstrdup(it.url);
	j->feed_len = it.text != NULL ? strlen(it.text) : 0;
	j->had_text = p.text != NULL;
	j->old_text = p.text;
	if (p.html != NULL) {
		j->etag = p.etag;
		j->last_modified = p.last_modified;
		p.etag = p.last_modified = NULL;
	}
	p.text = NULL;
	store_page_free(&p);
	store_item_free(&it);
	return (0);
}

static void
cli_archive_free(struct cli_archive *ca)
{
	size_t	 i;

	for (i = 0; i < ca->njobs; i++) {
		free(ca->jobs[i].url);
		free(ca->jobs[i].old_text);
		free(ca->jobs[i].etag);
		free(ca->jobs[i].last_modified);
	}
	free(ca->jobs);
	buf_free(&ca->failures);
}

static void
cli_archive_summary(const struct cli_archive *ca)
{
	printf("archived %zu page%s: %zu new, %zu unchanged, %zu failed",
	    ca->njobs, ca->njobs == 1 ? "" : "s", ca->new_pages,
	    ca->unchanged, ca->failed);
	if (ca->updated != 0)
		printf(", %zu updated", ca->updated);
	if (ca->no_address != 0)
		printf(" (%zu without a web address skipped)",
		    ca->no_address);
	printf("\n");
	fflush(stdout);
	fputs(ca->failures.data, stderr);
}

/* Fetch every job's page, -j at once; the summary and failures follow. */
static int
cli_archive_fetch(struct cli_archive *ca, int parallel, int tty)
{
	struct poll_options	 opts;
	struct poll_request	 req;
	struct poll		*p;
	char			*cause = NULL;
	size_t			 i;

	if (poll_global_init(&cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return (CLI_FAILURE);
	}
	poll_options_default(&opts);
	opts.allow_file = 0;
	if (parallel > 0)
		opts.parallel = parallel;
	p = poll_create(&opts, cli_archive_done, ca);
	for (i = 0; i < ca->njobs; i++) {
		memset(&req, 0, sizeof req);
		req.feed_id = ca->jobs[i].item_id;
		req.url = ca->jobs[i].url;
		req.etag = ca->jobs[i].etag;
		req.last_modified = ca->jobs[i].last_modified;
		req.user = &ca->jobs[i];
		poll_add(p, &req);
	}
	ca->progress = tty && ca->njobs > 0;
	cli_archive_draw(ca, 1);
	poll_run(p);
	poll_free(p);
	poll_global_cleanup();
	cli_archive_clear(ca);
	cli_archive_summary(ca);
	if (ca->store_failed)
		return (CLI_FAILURE);
	return (ca->failed != 0 ? CLI_PARTIAL : CLI_OK);
}

/* Collect the ids of a list. */
struct cli_archive_ids {
	int64_t		*ids;
	size_t		 n;
};

static int
cli_archive_collect(const struct store_item *it, void *arg)
{
	struct cli_archive_ids	*l = arg;

	l->ids = xreallocarray(l->ids, l->n + 1, sizeof *l->ids);
	l->ids[l->n++] = it->id;
	return (0);
}

/*
 * The items the query words of argv match: 0, or (said why) CLI_USAGE
 * for a bad query, CLI_FAILURE when the archive failed.
 */
static int
cli_archive_select(struct store *st, int argc, char **argv,
    struct cli_archive_ids *l)
{
	struct query_filter	 cf;
	int			 rc = CLI_USAGE;

	memset(l, 0, sizeof *l);
	if (query_filter_words(&cf, argc, argv) != 0) {
		cli_error("%s", cf.error);
		goto out;
	}
	rc = CLI_FAILURE;
	if (store_items_list(st, &cf.f, cli_archive_collect, l) != 0) {
		cli_error("cannot list items: %s", store_errmsg(st));
		goto out;
	}
	rc = 0;
out:
	query_filter_free(&cf);
	return (rc);
}

/* Archive the pages of the items ids. */
static int
cli_archive_ids(struct store *st, const int64_t *ids, size_t n,
    int parallel, int tty)
{
	struct cli_archive	 ca;
	size_t			 i;
	int			 rc = CLI_FAILURE;

	memset(&ca, 0, sizeof ca);
	ca.store = st;
	buf_init(&ca.failures, 0);
	for (i = 0; i < n; i++) {
		if (cli_archive_add(&ca, ids[i]) != 0) {
			cli_error("cannot read item %lld: %s",
			    (long long)ids[i], store_errmsg(st));
			goto out;
		}
	}
	rc = cli_archive_fetch(&ca, parallel, tty);
out:
	cli_archive_free(&ca);
	return (rc);
}

/* Clean an item's feed HTML again; 1 if its text changed. */
static int
cli_archive_reclean_feed(struct store *st, const struct store_item *it,
    size_t *feed_len)
{
	char	*text;
	int	 rc = 0;

	*feed_len = it->text != NULL ? strlen(it->text) : 0;
	if (it->html == NULL)
		return (0);
	text = clean_fragment(it->html, strlen(it->html), it->base);
	*feed_len = strlen(text);
	if (it->text == NULL || strcmp(text, it->text) != 0)
		rc = store_item_retext(st, it->id, text) != 0 ? -1 : 1;
	free(text);
	return (rc);
}

static int
cli_archive_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == b);
	return (strcmp(a, b) == 0);
}

/* Did the cleaner find other text or metadata than what is stored? */
static int
cli_archive_page_differs(const struct store_page *old,
    const struct store_page *p)
{
	return (!cli_archive_same(old->text, p->text) ||
	    !cli_archive_same(old->title, p->title) ||
	    !cli_archive_same(old->byline, p->byline) ||
	    !cli_archive_same(old->published, p->published) ||
	    !cli_archive_same(old->site_name, p->site_name) ||
	    !cli_archive_same(old->lang, p->lang) ||
	    !cli_archive_same(old->image, p->image));
}

/* Clean an item's stored page again; 1 if anything changed. */
static int
cli_archive_reclean_page(struct store *st, int64_t id, size_t feed_len)
{
	struct clean_article	 a;
	struct store_page	 old, p;
	int			 rc, crc;

	if ((rc = store_page_get(st, id, &old)) != 0)
		return (rc == 1 ? 0 : -1);
	rc = 0;
	if (old.html == NULL)
		goto out;
	crc = clean_page(old.html, strlen(old.html), old.final_url != NULL ?
	    old.final_url : old.url, old.charset, &a);
	p = old;
	p.title = a.title;
	p.byline = a.byline;
	p.published = a.published;
	p.site_name = a.site_name;
	p.lang = a.lang;
	p.image = a.image;
	p.text = cli_archive_reject(crc, a.text, feed_len) != NULL ? NULL :
	    a.text;
	if (cli_archive_page_differs(&old, &p))
		rc = store_page_retext(st, &p) != 0 ? -1 : 1;
	clean_article_free(&a);
out:
	store_page_free(&old);
	return (rc);
}

/* Reclean one item: 1 if it changed, 0 if not, -1 on error. */
static int
cli_archive_reclean_one(struct store *st, int64_t id)
{
	struct store_item	 it;
	size_t			 feed_len;
	int			 rc, feed, page;

	if ((rc = store_item_get(st, id, &it)) != 0)
		return (rc == 1 ? 0 : -1);
	feed = cli_archive_reclean_feed(st, &it, &feed_len);
	store_item_free(&it);
	if (feed < 0)
		return (-1);
	if ((page = cli_archive_reclean_page(st, id, feed_len)) < 0)
		return (-1);
	return (feed || page);
}

/* Run the cleaner over the stored HTML of the items ids. */
static int
cli_archive_reclean(struct store *st, const int64_t *ids, size_t n)
{
	size_t	 i, changed = 0;
	int	 rc = 0, one;

	for (i = 0; i < n && rc == 0; i++) {
		if (i % CLI_ARCHIVE_BATCH == 0 && ((i != 0 &&
		    store_commit(st) != 0) || store_begin(st) != 0)) {
			rc = -1;
			break;
		}
		if ((one = cli_archive_reclean_one(st, ids[i])) < 0)
			rc = -1;
		else
			changed += (size_t)one;
	}
	if (rc == 0 && n != 0)
		rc = store_commit(st);
	if (rc != 0) {
		store_rollback(st);
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
	char	*end;
	long	 j;
	int	 ch;

	while ((ch = getopt_long(argc, argv, "+j:", longopts, NULL)) != -1) {
		if (ch == 'r') {
			*reclean = 1;
			continue;
		}
		if (ch != 'j')
			return (-1);
		j = strtol(optarg, &end, 10);
		if (*end != '\0' || j < 1 || j > CLI_ARCHIVE_MAX_PARALLEL) {
			cli_error("-j wants a number from 1 to %d, not \"%s\"",
			    CLI_ARCHIVE_MAX_PARALLEL, optarg);
			return (-1);
		}
		*parallel = (int)j;
	}
	return (0);
}

int
cli_archive(struct cli *cli, int argc, char **argv)
{
	struct cli_archive_ids	 l;
	struct store		*st;
	int			 parallel = 0, reclean = 0, rc;

	if (cli_archive_options(argc, argv, &parallel, &reclean) != 0)
		return (cli_usage("archive"));
	if (!reclean && optind == argc) {
		cli_error("archive needs a query naming the items whose pages "
		    "to fetch, e.g. telex archive feed:NAME or id:42");
		return (CLI_USAGE);
	}
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if ((rc = cli_archive_select(st, argc - optind, argv + optind,
	    &l)) != 0) {
		free(l.ids);
		return (rc);
	}
	if (reclean)
		rc = cli_archive_reclean(st, l.ids, l.n);
	else
		rc = cli_archive_ids(st, l.ids, l.n, parallel, cli->tty_err);
	free(l.ids);
	return (rc);
}

/* The feed an archive-feed line names: id, URL or title substring. */
static int
cli_archive_feed(struct store *st, const char *name, int64_t *id)
{
	struct store_feed	*feeds;
	size_t			 n, i;
	int			 rc;

	if ((rc = store_feed_find(st, name, id)) <= 0)
		return (rc);
	if (store_feeds_list(st, &feeds, &n) != 0)
		return (-1);
	rc = 1;
	for (i = 0; i < n && rc == 1; i++) {
		if (feeds[i].title != NULL &&
		    util_strcasestr(feeds[i].title, name) != NULL) {
			*id = feeds[i].id;
			rc = 0;
		}
	}
	store_feeds_free(feeds, n);
	return (rc);
}

/* Add the new items of the feed an archive-feed line names to l. */
static int
cli_archive_line(struct store *st, const struct conf *cf,
    const struct conf_line *cl, int64_t since, struct cli_archive_ids *l)
{
	int64_t	*ids;
	int64_t	 id;
	size_t	 n;
	int	 rc;

	if (cl->argc != 2) {
		cli_error("%s, line %d: archive-feed wants one feed (an id, "
		    "a URL or words of its title)", cf->path, cl->line);
		return (1);
	}
	if ((rc = cli_archive_feed(st, cl->argv[1], &id)) != 0) {
		if (rc > 0)
			cli_error("%s, line %d: archive-feed: no feed \"%s\"; "
			    "telex feeds lists them", cf->path, cl->line,
			    cl->argv[1]);
		return (rc < 0 ? -1 : 1);
	}
	if (store_pages_pending(st, id, since, &ids, &n) != 0)
		return (-1);
	l->ids = xreallocarray(l->ids, l->n + n + 1, sizeof *l->ids);
	if (n > 0)
		memcpy(l->ids + l->n, ids, n * sizeof *ids);
	l->n += n;
	free(ids);
	return (0);
}

/*
 * After a poll that began at since: archive the new items of the feeds
 * named by archive-feed lines of the configuration.  CLI_OK when there
 * is nothing to do.
 */
int
cli_archive_after_poll(struct cli *cli, int64_t since)
{
	const struct conf_line	*cl;
	struct cli_archive_ids	 l;
	struct conf		*cf;
	struct store		*st;
	size_t			 i = 0;
	int			 rc = CLI_OK, one;

	if ((cf = cli_conf(cli)) == NULL ||
	    conf_next(cf, "archive-feed", &i) == NULL)
		return (CLI_OK);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	memset(&l, 0, sizeof l);
	for (i = 0; (cl = conf_next(cf, "archive-feed", &i)) != NULL;) {
		if ((one = cli_archive_line(st, cf, cl, since, &l)) < 0) {
			cli_error("cannot find the items to archive: %s",
			    store_errmsg(st));
			rc = CLI_FAILURE;
			goto out;
		}
		if (one > 0)
			rc = CLI_PARTIAL;
	}
	if (l.n != 0) {
		one = cli_archive_ids(st, l.ids, l.n, 0, cli->tty_err);
		if (one != CLI_OK)
			rc = one;
	}
out:
	free(l.ids);
	return (rc);
}

/*
 * For show: put the archived page's text (and title) in place of the
 * feed's when the item has a page with text.  Returns 0 or -1.
 */
int
cli_archive_show_page(struct store *st, struct store_item *it)
{
	struct store_page	 p;
	int			 rc;

	if ((rc = store_page_get(st, it->id, &p)) != 0)
		return (rc == 1 ? 0 : -1);
	if (p.text != NULL) {
		free(it->text);
		it->text = p.text;
		p.text = NULL;
		if (p.title != NULL && *p.title != '\0') {
			free(it->title);
			it->title = p.title;
			p.title = NULL;
		}
	}
	store_page_free(&p);
	return (0);
}

static void
cli_archive_print_article(const struct clean_article *a)
{
	char	*s;
	size_t	 i;

	s = a->numbered != NULL ? util_utf8_sanitize(a->numbered,
	    strlen(a->numbered)) : util_utf8_sanitize(a->text, strlen(a->text));
	if (*s != '\0')
		printf("%s\n", s);
	free(s);
	for (i = 0; i < a->nlinks; i++) {
		s = util_display_safe(a->links[i].url);
		printf("%s[%zu] %s\n", i == 0 ? "\n" : "", i + 1, s);
		free(s);
	}
}

/*
 * For show --links: clean the item's stored page (else its feed HTML)
 * now and print the text with its numbered links after it.
 */
int
cli_archive_show_links(struct store *st, const struct store_item *it)
{
	struct clean_article	 a;
	struct store_page	 p;
	int			 rc;

	if ((rc = store_page_get(st, it->id, &p)) < 0)
		return (-1);
	if (rc == 0 && p.text != NULL && p.html != NULL)
		clean_page(p.html, strlen(p.html), p.final_url != NULL ?
		    p.final_url : p.url, p.charset, &a);
	else
		clean_fragment_article(it->html != NULL ? it->html : "",
		    it->html != NULL ? strlen(it->html) : 0, it->base, &a);
	cli_archive_print_article(&a);
	clean_article_free(&a);
	store_page_free(&p);
	return (0);
}

/* For show: a note when the feed gave only a summary not yet archived. */
void
cli_archive_show_note(struct store *st, const struct store_item *it)
{
	int	 archived, summary_only;

	if (store_item_flags(st, it->id, &archived, &summary_only) == 0 &&
	    summary_only && !archived)
		printf("\n(the feed gives only a summary; telex archive id:%lld "
		    "fetches the whole article)\n", (long long)it->id);
}

/* For list --json: the "archived" and "summary_only" keys. */
void
cli_archive_json_flags(struct store *st, struct buf *b, int *first,
    int64_t id)
{
	int	 archived, summary_only;

	if (store_item_flags(st, id, &archived, &summary_only) != 0)
		archived = summary_only = 0;
	json_key_bool(b, first, "archived", archived);
	json_key_bool(b, first, "summary_only", summary_only);
}
