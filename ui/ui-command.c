/*
 * The reader's ":" line: the config file's words typed at run time
 * (:set poll-interval 5m, :bind x star, :rule ..., :keep ...), and a few
 * verbs of the shell's (:tag +x, :prune QUERY, :poll); and the reader's
 * own settings, read at start and again after a ":set".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "retain.h"
#include "ui-int.h"

void
ui_settings(struct ui *ui, int start)
{
	char	*cause = NULL;
	long	 width = 80;
	int	 on_start = 0;

	if (conf_number(ui->conf, "reader-width", "columns", 20, 1000, &width,
	    &cause) != 0 ||
	    conf_duration(ui->conf, "poll-interval", 5, 7 * 86400,
	    &ui->poll_interval, &cause) != 0 ||
	    conf_bool(ui->conf, "poll-on-start", &on_start, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		ui->poll_interval = 0;
		on_start = 0;
	}
	ui->reader_width = (int)width;
	if (start && on_start)
		ui_poll_start(ui, 0);
	if (ui->poll_interval > 0)
		ui->next_poll = util_now() + ui->poll_interval;
	ui->art.width = 0;	/* laid out again at the new width */
}

/* The item the screen is on, or 0. */
static int64_t
ui_command_item(struct ui *ui)
{
	if (ui->screen == UI_ARTICLE && ui->have_art)
		return (ui->art.id);
	if (ui->screen == UI_ITEMS && ui->list.n != 0)
		return (ui->list.rows[ui->list.cur].id);
	return (0);
}

/* :prune QUERY, in the reader's own connection; the lists follow. */
static void
ui_command_prune(struct ui *ui, const char *query)
{
	struct query_filter	 qf;
	struct retain_counts	 c;

	if (query_filter_parse(&qf, query) != 0) {
		ui_message(ui, 1, "%s", qf.error);
		query_filter_free(&qf);
		return;
	}
	memset(&c, 0, sizeof c);
	if (*query == '\0')
		ui_message(ui, 1, "prune needs a query naming what to delete");
	else if (retain_prune(ui->st, &qf.f, 0, 0, NULL, NULL, &c) != 0)
		ui_message(ui, 1, "cannot prune: %s", store_errmsg(ui->st));
	else {
		ui_message(ui, 0, "pruned %lld item%s", (long long)c.items,
		    c.items == 1 ? "" : "s");
		ui_list_top(ui, &ui->list);
		ui_feeds_load(ui);
	}
	query_filter_free(&qf);
}

/* A config line: added to the config, then what it changes applied. */
static void
ui_command_config(struct ui *ui, const char *line)
{
	char	*cause = NULL;

	if (ui->conf == NULL) {
		ui_message(ui, 1, "there is no configuration to change");
		return;
	}
	if (conf_add(ui->conf, line, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_message(ui, 0, "%s", line);
	if (strncmp(line, "bind ", 5) == 0 &&
	    ui_keys_config(ui, ui->conf, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else if (strncmp(line, "color ", 6) == 0 &&
	    ui_colors_config(ui, ui->conf, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else if (strncmp(line, "set ", 4) == 0)
		ui_settings(ui, 0);
}

void
ui_command(struct ui *ui)
{
	char	*line, *copy;
	int64_t	 id;

	if ((line = ui_prompt(ui, ":", "", NULL, NULL)) == NULL)
		return;
	if (strncmp(line, "tag ", 4) == 0) {
		if ((id = ui_command_item(ui)) == 0)
			ui_message(ui, 1, ":tag works on an item: open a list "
			    "or an article first");
		else {
			copy = xstrdup(line + 4);
			if (ui_item_tag_line(ui, id, copy) == 1 &&
			    ui->screen == UI_ARTICLE)
				ui_article_open(ui, id);
			free(copy);
		}
	} else if (strncmp(line, "prune", 5) == 0 &&
	    (line[5] == ' ' || line[5] == '\0'))
		ui_command_prune(ui, line + 5 + (line[5] == ' '));
	else if (strcmp(line, "poll") == 0)
		ui_poll_start(ui, 0);
	else if (*line != '\0')
		ui_command_config(ui, line);
	free(line);
}
