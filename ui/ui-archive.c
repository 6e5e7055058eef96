/*
 * Archiving from the reader: the core fetches and cleans an item's page
 * (src/archive.c, as telex archive does) on a thread of its own, the
 * status line shows it going, and an open article shows the page after.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "archive.h"
#include "update.h"
#include "xml.h"
#include "ui-int.h"

struct ui_archive {
	struct ui_task		 task;
	const struct conf	*conf;
	int64_t			 id;
	pthread_mutex_t		 lock;		/* guards the rest */
	struct archive_counts	 counts;
	char			*failure;	/* why the page failed */
	char			*cause;		/* why nothing was fetched */
};

static void
ui_archive_progress(const struct archive_counts *c, void *arg)
{
	struct ui_archive	*ua = arg;

	pthread_mutex_lock(&ua->lock);
	ua->counts = *c;
	pthread_mutex_unlock(&ua->lock);
}

static void
ui_archive_failed(const struct archive_failure *f, void *arg)
{
	struct ui_archive	*ua = arg;

	pthread_mutex_lock(&ua->lock);
	if (ua->failure == NULL)
		ua->failure = xasprintf("%s \xe2\x80\x94 %s", f->error, f->hint);
	pthread_mutex_unlock(&ua->lock);
}

/* On the task's thread, with its own connection. */
static int
ui_archive_run(struct ui_task *t, struct store *st)
{
	static const struct archive_cbs cbs = {
		ui_archive_progress, ui_archive_failed
	};
	struct ui_archive	*ua = t->arg;
	struct poll_options	 opts;
	struct archive		*ar;
	char			*cause = NULL;
	int			 rc = -1;

	ar = archive_create(st, &cbs, ua);
	poll_options_default(&opts);
	if (archive_add(ar, ua->id) != 0)
		cause = xasprintf("cannot read item %lld: %s",
		    (long long)ua->id, store_errmsg(st));
	else if (update_poll_options(ua->conf, &opts, &cause) == 0 &&
	    xml_need(&cause) == 0 && poll_global_init(&cause) == 0) {
		rc = archive_run(ar, &opts, &t->cancel);
		poll_global_cleanup();
	}
	pthread_mutex_lock(&ua->lock);
	ua->counts = *archive_counts(ar);
	ua->cause = cause;
	pthread_mutex_unlock(&ua->lock);
	archive_free(ar);
	return (rc);
}

/* Fetch item id's page in the background. */
void
ui_archive_start(struct ui *ui, int64_t id)
{
	struct ui_archive	*ua;
	char			*cause = NULL;

	if (ui_archive_busy(ui)) {
		ui_message(ui, 0, "a page is being archived already");
		return;
	}
	ui_archive_free(ui);
	ua = xcalloc(1, sizeof *ua);
	pthread_mutex_init(&ua->lock, NULL);
	ua->conf = ui->conf;
	ua->id = id;
	ui->archive = ua;
	if (ui_task_start(&ua->task, ui->db_path, ui_archive_run, ua,
	    &cause) != 0) {
		ui_message(ui, 1, "cannot archive: %s", cause);
		free(cause);
		ui_archive_free(ui);
		return;
	}
	ui->dirty = 1;
}

int
ui_archive_busy(const struct ui *ui)
{
	return (ui->archive != NULL && ui->archive->task.started);
}

/* Say how it went: the page kept, unchanged, or why not. */
static void
ui_archive_report(struct ui *ui, struct ui_archive *ua)
{
	const struct archive_counts	*c = &ua->counts;
	const char			*why;

	why = ua->task.cause != NULL ? ua->task.cause : ua->cause;
	if (why != NULL)
		ui_message(ui, 1, "cannot archive item %lld: %s",
		    (long long)ua->id, why);
	else if (c->no_address != 0)
		ui_message(ui, 1, "item %lld has no web page to archive",
		    (long long)ua->id);
	else if (ua->failure != NULL)
		ui_message(ui, 1, "the page of item %lld was not kept: %s",
		    (long long)ua->id, ua->failure);
	else if (c->new_pages + c->updated != 0)
		ui_message(ui, 0, "page archived: item %lld now shows the "
		    "whole article", (long long)ua->id);
	else
		ui_message(ui, 0, "page archived already and unchanged");
}

/* From the event loop: the item's id once done (said how), else 0. */
int64_t
ui_archive_check(struct ui *ui)
{
	struct ui_archive	*ua = ui->archive;
	int64_t			 id;

	if (ua == NULL)
		return (0);
	if (!ui_task_done(&ua->task)) {
		ui->dirty = 1;
		return (0);
	}
	id = ua->id;
	ui_archive_report(ui, ua);
	ui_archive_free(ui);
	return (id);
}

void
ui_archive_draw(struct ui *ui, int y)
{
	struct archive_counts	 c;
	char			 line[128];

	pthread_mutex_lock(&ui->archive->lock);
	c = ui->archive->counts;
	pthread_mutex_unlock(&ui->archive->lock);
	snprintf(line, sizeof line, "archiving the page of item %lld: %s",
	    (long long)ui->archive->id, c.done < c.total || c.total == 0 ?
	    "fetching..." : "cleaning...");
	ui_text_put(y, 0, COLS, line, ui->attrs[UI_C_STATUS]);
}

void
ui_archive_free(struct ui *ui)
{
	struct ui_archive	*ua = ui->archive;

	if (ua == NULL)
		return;
	ui_task_stop(&ua->task);
	pthread_mutex_destroy(&ua->lock);
	free(ua->failure);
	free(ua->cause);
	free(ua);
	ui->archive = NULL;
}
