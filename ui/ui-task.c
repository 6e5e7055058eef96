/*
 * Long work of the reader (a poll, archiving a page) runs on a thread of
 * its own with a connection of its own to the archive, so the event
 * loop answers keys meanwhile; the loop asks each frame whether it ended.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

static void *
ui_task_main(void *arg)
{
	struct ui_task	*t = arg;
	struct store	*st;

	if (store_open(t->db_path, &st, &t->cause) != 0)
		t->status = -1;
	else {
		t->status = t->fn(t, st);
		store_close(st);
	}
	atomic_store(&t->finished, 1);
	return (NULL);
}

/*
 * Start fn on a new thread.  Returns 0, or -1 with *cause set (caller
 * frees) when no thread can be had.
 */
int
ui_task_start(struct ui_task *t, const char *db_path,
    int (*fn)(struct ui_task *, struct store *), void *arg, char **cause)
{
	int	 error;

	memset(t, 0, sizeof *t);
	t->db_path = db_path;
	t->fn = fn;
	t->arg = arg;
	if ((error = pthread_create(&t->thread, NULL, ui_task_main, t)) != 0) {
		*cause = xasprintf("cannot start the work: %s",
		    strerror(error));
		return (-1);
	}
	t->started = 1;
	return (0);
}

int
ui_task_done(struct ui_task *t)
{
	if (!t->started || !atomic_load(&t->finished))
		return (0);
	pthread_join(t->thread, NULL);
	t->started = 0;
	return (1);
}

void
ui_task_stop(struct ui_task *t)
{
	if (t->started) {
		atomic_store(&t->cancel, 1);
		pthread_join(t->thread, NULL);
		t->started = 0;
	}
	free(t->cause);
	t->cause = NULL;
}
