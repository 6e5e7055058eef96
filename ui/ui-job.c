/*
 * Work on one item from the reader, on a thread of its own: its page
 * archived (src/archive.c, as telex archive does) or its enclosures
 * downloaded (src/download.c, as telex download does); the status line
 * shows it going, and an open article shows the page after.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "archive.h"
#include "download.h"
#include "update.h"
#include "ui-int.h"
#include "xml.h"

struct ui_job {
	struct ui_task		 task;
	enum ui_job_kind	 kind;
	const struct conf	*conf;
	int64_t			 id;
	pthread_mutex_t		 lock;		/* guards the rest */
	struct archive_counts	 pages;		/* UI_JOB_ARCHIVE */
	struct download_counts	 files;		/* UI_JOB_DOWNLOAD */
	char			*dir;
	char			*failure;	/* why the first one failed */
	char			*cause;		/* why nothing was fetched */
};

/* Keep the first failure's words. */
static void
ui_job_failed(struct ui_job *j, const char *error, const char *hint)
{
	pthread_mutex_lock(&j->lock);
	if (j->failure == NULL)
		j->failure = xasprintf("%s \xe2\x80\x94 %s", error, hint);
	pthread_mutex_unlock(&j->lock);
}

static void
ui_job_page_progress(const struct archive_counts *c, void *arg)
{
	struct ui_job	*j = arg;

	pthread_mutex_lock(&j->lock);
	j->pages = *c;
	pthread_mutex_unlock(&j->lock);
}

static void
ui_job_page_failed(const struct archive_failure *f, void *arg)
{
	ui_job_failed(arg, f->error, f->hint);
}

static void
ui_job_file_progress(const struct download_counts *c, void *arg)
{
	struct ui_job	*j = arg;

	pthread_mutex_lock(&j->lock);
	j->files = *c;
	pthread_mutex_unlock(&j->lock);
}

static void
ui_job_file_failed(const struct download_failure *f, void *arg)
{
	ui_job_failed(arg, f->error, f->hint);
}

/* The page: on the task's thread, with its own connection. */
static int
ui_job_archive(struct ui_job *j, struct store *st,
    const struct poll_options *opts, char **cause)
{
	static const struct archive_cbs cbs = {
		ui_job_page_progress, ui_job_page_failed
	};
	struct archive	*ar;
	int		 rc = -1;

	ar = archive_create(st, &cbs, j);
	if (archive_add(ar, j->id) != 0)
		*cause = xasprintf("cannot read item %lld: %s",
		    (long long)j->id, store_errmsg(st));
	else if (xml_need(cause) == 0)
		rc = archive_run(ar, opts, &j->task.cancel);
	pthread_mutex_lock(&j->lock);
	j->pages = *archive_counts(ar);
	pthread_mutex_unlock(&j->lock);
	archive_free(ar);
	return (rc);
}

/* The enclosures: on the task's thread, with its own connection. */
static int
ui_job_download(struct ui_job *j, struct store *st,
    const struct poll_options *opts, char **cause)
{
	static const struct download_cbs cbs = {
		ui_job_file_progress, ui_job_file_failed
	};
	struct download_counts	 c;
	struct store_filter	 f;
	int			 rc;

	if (util_mkdirs(j->dir, 0755, cause) != 0)
		return (-1);
	memset(&f, 0, sizeof f);
	f.id = j->id;
	f.hidden = 1;
	if ((rc = download_run(st, &f, j->dir, opts, &cbs, j, &c,
	    &j->task.cancel)) != 0)
		*cause = xasprintf("cannot record the download: %s",
		    store_errmsg(st));
	pthread_mutex_lock(&j->lock);
	j->files = c;
	pthread_mutex_unlock(&j->lock);
	return (rc);
}

static int
ui_job_run(struct ui_task *t, struct store *st)
{
	struct ui_job		*j = t->arg;
	struct poll_options	 opts;
	char			*cause = NULL;
	int			 rc = -1;

	poll_options_default(&opts);
	if (update_poll_options(j->conf, &opts, &cause) == 0 &&
	    poll_global_init(&cause) == 0) {
		rc = j->kind == UI_JOB_ARCHIVE ? ui_job_archive(j, st, &opts,
		    &cause) : ui_job_download(j, st, &opts, &cause);
		poll_global_cleanup();
	}
	pthread_mutex_lock(&j->lock);
	j->cause = cause;
	pthread_mutex_unlock(&j->lock);
	return (rc);
}

/* Archive item id's page, or download its enclosures, meanwhile. */
void
ui_job_start(struct ui *ui, enum ui_job_kind kind, int64_t id)
{
	struct ui_job	*j;
	char		*cause = NULL, *dir = NULL;

	if (ui_job_busy(ui)) {
		ui_message(ui, 0, "an item's %s is being fetched already",
		    ui->job->kind == UI_JOB_ARCHIVE ? "page" : "enclosure");
		return;
	}
	if (kind == UI_JOB_DOWNLOAD &&
	    (dir = download_dir(ui->conf, NULL, &cause)) == NULL) {
		ui_message(ui, 1, "cannot download: %s", cause);
		free(cause);
		return;
	}
	ui_job_free(ui);
	j = xcalloc(1, sizeof *j);
	pthread_mutex_init(&j->lock, NULL);
	j->kind = kind;
	j->conf = ui->conf;
	j->id = id;
	j->dir = dir;
	ui->job = j;
	if (ui_task_start(&j->task, ui->db_path, ui_job_run, j, &cause) != 0) {
		ui_message(ui, 1, "cannot start: %s", cause);
		free(cause);
		ui_job_free(ui);
		return;
	}
	ui->dirty = 1;
}

int
ui_job_busy(const struct ui *ui)
{
	return (ui->job != NULL && ui->job->task.started);
}

/* Say how the page went: kept, unchanged, or why not. */
static void
ui_job_report_page(struct ui *ui, struct ui_job *j)
{
	const struct archive_counts	*c = &j->pages;

	if (c->no_address != 0)
		ui_message(ui, 1, "item %lld has no web page to archive",
		    (long long)j->id);
	else if (j->failure != NULL)
		ui_message(ui, 1, "the page of item %lld was not kept: %s",
		    (long long)j->id, j->failure);
	else if (c->new_pages + c->updated != 0)
		ui_message(ui, 0, "page archived: item %lld now shows the "
		    "whole article", (long long)j->id);
	else
		ui_message(ui, 0, "page archived already and unchanged");
}

/* Say how the enclosures went, as telex download does. */
static void
ui_job_report_files(struct ui *ui, struct ui_job *j)
{
	struct buf	 b;

	if (j->files.total + j->files.already == 0) {
		ui_message(ui, 1, "item %lld has no enclosure to download",
		    (long long)j->id);
		return;
	}
	buf_init(&b, 0);
	download_summary(&j->files, &b);
	if (j->failure != NULL)
		ui_message(ui, 1, "%s: %s", b.data, j->failure);
	else
		ui_message(ui, 0, "%s, in %s", b.data, j->dir);
	buf_free(&b);
}

/* From the event loop: the item's id once done (said how), else 0. */
int64_t
ui_job_check(struct ui *ui)
{
	struct ui_job	*j = ui->job;
	const char	*why;
	int64_t		 id;

	if (j == NULL)
		return (0);
	if (!ui_task_done(&j->task)) {
		ui->dirty = 1;
		return (0);
	}
	id = j->id;
	why = j->task.cause != NULL ? j->task.cause : j->cause;
	if (why != NULL)
		ui_message(ui, 1, "item %lld: %s", (long long)id, why);
	else if (j->kind == UI_JOB_ARCHIVE)
		ui_job_report_page(ui, j);
	else
		ui_job_report_files(ui, j);
	ui_job_free(ui);
	return (id);
}

void
ui_job_draw(struct ui *ui, int y)
{
	struct ui_job	*j = ui->job;
	char		 line[160];

	pthread_mutex_lock(&j->lock);
	if (j->kind == UI_JOB_ARCHIVE)
		snprintf(line, sizeof line, "archiving the page of item "
		    "%lld: fetching...", (long long)j->id);
	else
		snprintf(line, sizeof line, "downloading the enclosures of "
		    "item %lld: %zu/%zu", (long long)j->id, j->files.done,
		    j->files.total);
	pthread_mutex_unlock(&j->lock);
	ui_text_put(y, 0, COLS, line, ui->attrs[UI_C_STATUS]);
}

void
ui_job_free(struct ui *ui)
{
	struct ui_job	*j = ui->job;

	if (j == NULL)
		return;
	ui_task_stop(&j->task);
	pthread_mutex_destroy(&j->lock);
	free(j->failure);
	free(j->cause);
	free(j->dir);
	free(j);
	ui->job = NULL;
}
