/*
 * From a finished transfer to the archive: parse the feed, clean each
 * item's HTML, store items and the feed's poll state in one transaction,
 * and say in words what went wrong and what to do about it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "ingest.h"
#include "util.h"

#define INGEST_BACKOFF_FIRST	(15 * 60)
#define INGEST_BACKOFF_MAX	(24 * 60 * 60)

struct ingest_ctx {
	struct store		*store;
	struct ingest_result	*res;
	int			 store_failed;
};

/*
 * Seconds to wait before polling a feed again: what the server asked for,
 * else nothing after one failure, then 15 minutes doubling up to a day.
 */
int64_t
ingest_backoff(int failures, int64_t retry_after)
{
	int64_t	 wait;

	if (retry_after > 0)
		return (retry_after < INGEST_BACKOFF_MAX ?
		    retry_after : INGEST_BACKOFF_MAX);
	if (failures < 2)
		return (0);
	if (failures > 12)
		return (INGEST_BACKOFF_MAX);
	wait = (int64_t)INGEST_BACKOFF_FIRST << (failures - 2);
	return (wait < INGEST_BACKOFF_MAX ? wait : INGEST_BACKOFF_MAX);
}

static const char *
ingest_http_hint(long status)
{
	if (status == 404 || status == 410)
		return ("check the URL or remove it with telex rm");
	if (status == 401 || status == 403)
		return ("the server refuses access; check the URL or remove "
		    "it with telex rm");
	if (status == 429 || status == 503)
		return ("the server asked telex to wait; it will be polled "
		    "again after the back-off");
	if (status >= 500)
		return ("the server is failing; telex will try again later");
	return ("check the URL with telex feeds");
}

static char *
ingest_hint(const struct poll_response *r)
{
	const char	*fmt;

	switch (r->error_kind) {
	case POLL_ERROR_HTTP:
		fmt = ingest_http_hint(r->http_status);
		break;
	case POLL_ERROR_NETWORK:
		fmt = "check the network connection and the URL";
		break;
	case POLL_ERROR_TIMEOUT:
		fmt = "the server is slow or unreachable; telex will try "
		    "again later";
		break;
	case POLL_ERROR_TLS:
		fmt = "the connection cannot be trusted; check the URL";
		break;
	case POLL_ERROR_TOO_BIG:
		fmt = "this is not an ordinary feed; check the URL";
		break;
	case POLL_ERROR_FILE:
		fmt = "check the file's path and permissions";
		break;
	default:
		fmt = "check the URL with telex feeds";
		break;
	}
	if (strcmp(fmt + strlen(fmt) - 8, "telex rm") == 0)
		return (xasprintf("%s %lld", fmt, (long long)r->req->feed_id));
	return (xstrdup(fmt));
}

static int
ingest_item(const struct feed_item *item, void *arg)
{
	struct ingest_ctx	*ctx = arg;
	enum store_upsert	 outcome;
	char			*text = NULL;
	int			 rc;

	if (item->html != NULL)
		text = clean_fragment(item->html, strlen(item->html),
		    item->base);
	rc = store_item_upsert(ctx->store, ctx->res->feed_id, item, text,
	    &outcome);
	free(text);
	if (rc != 0) {
		ctx->store_failed = 1;
		return (1);
	}
	ctx->res->items++;
	if (outcome == STORE_NEW)
		ctx->res->new_items++;
	else if (outcome == STORE_UPDATED)
		ctx->res->updated_items++;
	return (0);
}

/* Record a failed poll of the feed, with its back-off. */
static int
ingest_failure(struct store *st, const struct poll_response *r,
    struct ingest_result *res, const char *error)
{
	struct store_feed	 feed;
	struct store_poll_update u;
	int			 failures = 1;

	res->failed = 1;
	res->error = xstrdup(error);
	if (res->hint == NULL)
		res->hint = ingest_hint(r);
	memset(&feed, 0, sizeof feed);
	if (store_feed_get(st, res->feed_id, &feed) == 0)
		failures = feed.failures + 1;
	store_feed_free(&feed);
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.http_status = (int)r->http_status;
	u.error = error;
	u.backoff_until = ingest_backoff(failures, r->retry_after);
	if (u.backoff_until != 0)
		u.backoff_until += u.when;
	return (store_feed_update_poll(st, res->feed_id, &u));
}

static int
ingest_not_modified(struct store *st, const struct poll_response *r,
    struct ingest_result *res)
{
	struct store_poll_update u;

	res->not_modified = 1;
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.http_status = (int)r->http_status;
	u.new_url = r->moved_to;
	return (store_feed_update_poll(st, res->feed_id, &u));
}

/* Parse and store a new document; everything in one transaction. */
static int
ingest_document(struct store *st, const struct poll_response *r,
    struct ingest_result *res)
{
	struct ingest_ctx	 ctx = { st, res, 0 };
	struct feed_info	 info;
	struct store_poll_update u;
	char			*cause = NULL;
	int			 rc = -1;

	memset(&info, 0, sizeof info);
	if (store_begin(st) != 0)
		return (-1);
	if (feed_parse(r->body, r->len, r->final_url, r->charset, &info,
	    ingest_item, &ctx, &cause) != 0) {
		store_rollback(st);
		res->hint = xasprintf("check that the URL points to a feed; "
		    "given a web page, telex add finds its feed");
		rc = ingest_failure(st, r, res, cause);
		goto out;
	}
	if (ctx.store_failed)
		goto fail;
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.http_status = (int)r->http_status;
	u.title = info.title;
	u.site_url = info.site_url;
	u.new_url = r->moved_to;
	u.clear_validators = 1;
	if (info.damaged) {
		/* Keep no validators, so the next poll reads it whole. */
		res->damaged = 1;
		res->failed = 1;
		res->error = xasprintf("the feed is damaged: %s; kept the %zu "
		    "items before the damage", info.damage != NULL ?
		    info.damage : "it could not be read to the end",
		    info.nitems);
		res->hint = xstrdup("telex will read it again at the next "
		    "poll; tell the site if it stays broken");
		u.error = res->error;
	} else {
		u.etag = r->etag;
		u.last_modified = r->last_modified;
	}
	if (store_feed_update_poll(st, res->feed_id, &u) != 0 ||
	    store_commit(st) != 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	store_rollback(st);
out:
	free(cause);
	feed_info_free(&info);
	return (rc);
}

int
ingest_response(struct store *st, const struct poll_response *r,
    struct ingest_result *res)
{
	memset(res, 0, sizeof *res);
	res->feed_id = r->req->feed_id;
	res->url = r->req->url;
	switch (r->result) {
	case POLL_NOT_MODIFIED:
		return (ingest_not_modified(st, r, res));
	case POLL_FAILED:
		return (ingest_failure(st, r, res, r->error != NULL ?
		    r->error : "the transfer failed"));
	case POLL_OK:
		break;
	}
	return (ingest_document(st, r, res));
}

void
ingest_result_clear(struct ingest_result *res)
{
	free(res->error);
	free(res->hint);
	res->error = res->hint = NULL;
}
