/*
 * Polling from the reader: the poller's transfers are driven a few
 * milliseconds at a time from the event loop, each finished feed is
 * stored at once, and a progress bar fills the status line meanwhile.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ingest.h"
#include "lock.h"
#include "poll.h"
#include "ui.h"

struct ui_poll {
	struct poll	*p;
	struct ui	*ui;
	size_t		 total;
	size_t		 done;
	size_t		 failed;
	size_t		 new_items;
	int		 store_failed;
	int		 running;
	int		 lock;		/* the archive's poll lock, or -1 */
};

static void
ui_poll_done(const struct poll_response *r, void *arg)
{
	struct ui_poll		*up = arg;
	struct ingest_result	 res;

	memset(&res, 0, sizeof res);
	if (ingest_response(up->ui->st, r, &res) != 0)
		up->store_failed = 1;
	if (res.failed)
		up->failed++;
	up->new_items += res.new_items;
	up->done++;
	ingest_result_clear(&res);
	up->ui->dirty = 1;
}

static void
ui_poll_add(struct ui_poll *up, const struct store_feed *f)
{
	struct poll_request	 req;

	memset(&req, 0, sizeof req);
	req.feed_id = f->id;
	req.url = f->url;
	req.etag = f->etag;
	req.last_modified = f->last_modified;
	poll_add(up->p, &req);
	up->total++;
}

/* Queue one feed (feed_id), or every feed not in back-off (0). */
static int
ui_poll_queue(struct ui *ui, struct ui_poll *up, int64_t feed_id)
{
	struct store_feed	*feeds;
	size_t			 n, i;
	int64_t			 now = util_now();

	if (store_feeds_list(ui->st, &feeds, &n) != 0) {
		ui_message(ui, 1, "cannot list the feeds: %s",
		    store_errmsg(ui->st));
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if (feed_id != 0 ? feeds[i].id == feed_id :
		    feeds[i].backoff_until <= now)
			ui_poll_add(up, &feeds[i]);
	}
	store_feeds_free(feeds, n);
	return (0);
}

/* Start polling one feed or all; the interface stays usable meanwhile. */
void
ui_poll_start(struct ui *ui, int64_t feed_id)
{
	struct poll_options	 opts;
	struct ui_poll		*up;
	char			*cause = NULL;

	if (ui_poll_busy(ui)) {
		ui_message(ui, 0, "a poll is running already");
		return;
	}
	if (ui->poll == NULL) {
		if (poll_global_init(&cause) != 0) {
			ui_message(ui, 1, "cannot poll: %s", cause);
			free(cause);
			return;
		}
		ui->poll = xcalloc(1, sizeof *ui->poll);
	}
	poll_options_default(&opts);
	if (poll_options_config(ui->conf, &opts, &cause) != 0) {
		ui_message(ui, 1, "cannot poll: %s", cause);
		free(cause);
		return;
	}
	up = ui->poll;
	memset(up, 0, sizeof *up);
	up->ui = ui;
	/* One poll at a time: a poll from cron or a shell may be running. */
	if ((up->lock = lock_poll(ui->db_path, 0, &cause)) == -1) {
		ui_message(ui, 1, "cannot poll: %s", cause);
		free(cause);
		return;
	}
	up->p = poll_create(&opts, ui_poll_done, up);
	if (ui_poll_queue(ui, up, feed_id) != 0 || up->total == 0) {
		poll_free(up->p);
		up->p = NULL;
		lock_release(up->lock);
		up->lock = -1;
		if (up->total == 0)
			ui_message(ui, 0, "nothing to poll (feeds after "
			    "failures wait out a back-off; r polls one now)");
		return;
	}
	up->running = 1;
	ui->dirty = 1;
}

int
ui_poll_busy(const struct ui *ui)
{
	return (ui->poll != NULL && ui->poll->running);
}

static void
ui_poll_finish(struct ui *ui)
{
	struct ui_poll	*up = ui->poll;

	poll_free(up->p);
	up->p = NULL;
	up->running = 0;
	lock_release(up->lock);
	up->lock = -1;
	if (up->store_failed)
		ui_message(ui, 1, "polled, but the archive could not store "
		    "everything: %s", store_errmsg(ui->st));
	else
		ui_message(ui, up->failed != 0, "polled %zu feed%s: %zu new "
		    "item%s, %zu failed%s", up->total, up->total == 1 ? "" :
		    "s", up->new_items, up->new_items == 1 ? "" : "s",
		    up->failed, up->failed != 0 ? " (marked ! on the feeds "
		    "screen)" : "");
	ui_feeds_load(ui);
	/* New items are above the window: let scrolling up find them. */
	ui->list.at_start = 0;
	if (ui->list.n == 0)
		ui_list_top(ui, &ui->list);
}

/* Drive the transfers for a moment; called from the event loop. */
void
ui_poll_step(struct ui *ui)
{
	if (!ui_poll_busy(ui))
		return;
	if (poll_step(ui->poll->p, 10) == 0)
		ui_poll_finish(ui);
}

void
ui_poll_draw(struct ui *ui, int y)
{
	struct ui_poll	*up = ui->poll;
	char		 label[128];
	int		 x, bar, fill, i;

	snprintf(label, sizeof label, "polling %zu/%zu ", up->done,
	    up->total);
	x = ui_text_put(y, 0, COLS, label, ui->attrs[UI_C_STATUS]);
	bar = COLS - x - 2;
	if (bar < 1)
		return;
	fill = up->total != 0 ? (int)((size_t)bar * up->done / up->total) : 0;
	move(y, x);
	addch('[');
	for (i = 0; i < bar; i++)
		addch(i < fill ? '#' : '-');
	addch(']');
}

void
ui_poll_free(struct ui *ui)
{
	if (ui->poll == NULL)
		return;
	if (ui->poll->p != NULL) {
		poll_free(ui->poll->p);
		lock_release(ui->poll->lock);
	}
	free(ui->poll);
	ui->poll = NULL;
	poll_global_cleanup();
}
