/*
 * Polling from the reader: the core's poll session (src/update.c, the
 * one telex poll runs, rules and archive-feed included) on a thread of
 * its own, with its counts in a progress bar on the status line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "update.h"
#include "ui-int.h"

struct ui_poll {
	struct ui_task		 task;
	const struct conf	*conf;
	const char		*db_path;
	struct update_options	 opts;
	char			 feed[32];	/* r: the one feed's id */
	char			*feeds[1];
	pthread_mutex_t		 lock;		/* guards the rest */
	struct update_counts	 counts;	/* as the session goes */
	struct update_counts	 final;
	enum update_status	 status;
	char			*cause;
	char			*warning;	/* a bad config line */
};

static void
ui_poll_progress(const struct update_counts *c, void *arg)
{
	struct ui_poll	*up = arg;

	pthread_mutex_lock(&up->lock);
	up->counts = *c;
	pthread_mutex_unlock(&up->lock);
}

static void
ui_poll_warn(const char *message, void *arg)
{
	struct ui_poll	*up = arg;

	pthread_mutex_lock(&up->lock);
	if (up->warning == NULL)
		up->warning = xstrdup(message);
	pthread_mutex_unlock(&up->lock);
}

/* The session, on the task's thread with its own connection. */
static int
ui_poll_run(struct ui_task *t, struct store *st)
{
	static const struct update_cbs cbs = {
		ui_poll_progress, NULL, NULL, ui_poll_warn
	};
	struct ui_poll		*up = t->arg;
	struct update_counts	 c;
	char			*cause = NULL;
	enum update_status	 status;

	up->opts.cancel = &t->cancel;
	status = update_run(st, up->conf, up->db_path, &up->opts, &cbs, up,
	    &c, &cause);
	pthread_mutex_lock(&up->lock);
	up->final = c;
	up->status = status;
	up->cause = cause;
	pthread_mutex_unlock(&up->lock);
	return (0);
}

/* Start polling one feed (feed_id) or all (0); the reader stays usable. */
void
ui_poll_start(struct ui *ui, int64_t feed_id)
{
	struct ui_poll	*up;
	char		*cause = NULL;

	if (ui_poll_busy(ui)) {
		ui_message(ui, 0, "a poll is running already");
		return;
	}
	ui_poll_free(ui);
	up = xcalloc(1, sizeof *up);
	pthread_mutex_init(&up->lock, NULL);
	up->conf = ui->conf;
	up->db_path = ui->db_path;
	if (feed_id != 0) {
		snprintf(up->feed, sizeof up->feed, "%lld", (long long)feed_id);
		up->feeds[0] = up->feed;
		up->opts.feeds = up->feeds;
		up->opts.nfeeds = 1;
	}
	ui->poll = up;
	if (ui_task_start(&up->task, ui->db_path, ui_poll_run, up,
	    &cause) != 0) {
		ui_message(ui, 1, "cannot poll: %s", cause);
		free(cause);
		ui_poll_free(ui);
		return;
	}
	ui->dirty = 1;
}

int
ui_poll_busy(const struct ui *ui)
{
	return (ui->poll != NULL && ui->poll->task.started);
}

/* The session's end, said as telex poll says it. */
static void
ui_poll_report(struct ui *ui, struct ui_poll *up)
{
	const struct update_counts	*c = &up->final;
	struct buf			 b;

	if (up->task.cause != NULL || up->status == UPDATE_NOT_RUN ||
	    up->status == UPDATE_BAD_CONFIG) {
		ui_message(ui, 1, "cannot poll: %s", up->task.cause != NULL ?
		    up->task.cause : up->cause);
		return;
	}
	if (c->total == 0 && c->synced == 0 && up->status == UPDATE_OK) {
		ui_message(ui, 0, "nothing to poll (feeds after failures wait "
		    "out a back-off; r polls one now)");
		return;
	}
	buf_init(&b, 0);
	update_summary(c, &b);
	if (c->pages.total != 0) {
		buf_adds(&b, "; ");
		archive_summary(&c->pages, &b);
	}
	if (c->failed != 0)
		buf_adds(&b, " (marked ! on the feeds screen)");
	if (up->warning != NULL)
		buf_printf(&b, "; %s", up->warning);
	if (up->status == UPDATE_FAILED)
		ui_message(ui, 1, "the archive could not store everything: %s",
		    b.data);
	else
		ui_message(ui, up->status != UPDATE_OK, "%s", b.data);
	buf_free(&b);
}

/* From the event loop: 1 once the session has ended (said how). */
int
ui_poll_check(struct ui *ui)
{
	struct ui_poll	*up = ui->poll;

	if (up == NULL)
		return (0);
	if (!ui_task_done(&up->task)) {
		ui->dirty = 1;	/* the bar moves */
		return (0);
	}
	ui_poll_report(ui, up);
	ui_poll_free(ui);
	return (1);
}

void
ui_poll_draw(struct ui *ui, int y)
{
	struct update_counts	 c;
	char			 label[128];
	size_t			 done, total;
	int			 x, bar, fill, i;

	pthread_mutex_lock(&ui->poll->lock);
	c = ui->poll->counts;
	pthread_mutex_unlock(&ui->poll->lock);
	done = c.archiving ? c.pages.done : c.done;
	total = c.archiving ? c.pages.total : c.total;
	if (c.syncing)
		snprintf(label, sizeof label, "syncing: %zu articles from the "
		    "server, %zu new ", c.sync_articles, c.sync_new_items);
	else
		snprintf(label, sizeof label, "%s %zu/%zu, %zu new, %zu "
		    "failed ", c.archiving ? "archiving pages" : "polling",
		    done, total, c.archiving ? c.pages.new_pages :
		    c.new_items, c.archiving ? c.pages.failed : c.failed);
	x = ui_text_put(y, 0, COLS, label, ui->attrs[UI_C_STATUS]);
	bar = COLS - x - 2;
	if (bar < 1)
		return;
	fill = total != 0 ? (int)((size_t)bar * done / total) : 0;
	move(y, x);
	addch('[');
	for (i = 0; i < bar; i++)
		addch(i < fill ? '#' : '-');
	addch(']');
}

void
ui_poll_free(struct ui *ui)
{
	struct ui_poll	*up = ui->poll;

	if (up == NULL)
		return;
	ui_task_stop(&up->task);
	pthread_mutex_destroy(&up->lock);
	free(up->cause);
	free(up->warning);
	free(up);
	ui->poll = NULL;
}
