/*
 * The items screen's keys: moving, opening, the actions on an item
 * (src/ui-item.c), archive, mark all read, and the live search prompt
 * whose results become the current list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "query.h"
#include "ui-int.h"

static void
ui_items_search_changed(struct ui *ui, const char *text)
{
	struct ui_query	 q;

	memset(&q, 0, sizeof q);
	q.name = xasprintf("search: %s", text);
	q.text = (char *)text;
	ui_list_free(&ui->list);
	ui_list_open(ui, &ui->list, &q);
	if (ui->list.error != NULL)
		ui_message(ui, 1, "%s", ui->list.error);
	else
		ui->status[0] = '\0';
	free(q.name);
}

/* The "/" prompt: results live as you type, Enter keeps them. */
void
ui_items_search(struct ui *ui)
{
	enum ui_screen	 from = ui->screen;
	char		*text;

	ui->saved_list = ui->list;
	ui->have_saved_list = 1;
	memset(&ui->list, 0, sizeof ui->list);
	ui_items_search_changed(ui, "");
	ui->screen = UI_ITEMS;
	text = ui_prompt(ui, "search: ", "", ui_items_search_changed, NULL);
	if (text == NULL) {
		ui_list_free(&ui->list);
		ui->list = ui->saved_list;
		ui->screen = from;
		ui->status[0] = '\0';
	} else {
		ui_list_free(&ui->saved_list);
		free(text);
	}
	ui->have_saved_list = 0;
	memset(&ui->saved_list, 0, sizeof ui->saved_list);
}

static struct ui_row *
ui_items_current(struct ui *ui)
{
	if (ui->list.n == 0)
		return (NULL);
	return (&ui->list.rows[ui->list.cur]);
}


static void
ui_items_act(struct ui *ui, enum ui_action a, struct ui_row *r)
{
	switch (a) {
	case UI_OPEN:
		ui_article_open(ui, r->id);
		break;
	case UI_TOGGLE_READ:
		ui_item_mark(ui, r->id, r->read ? STORE_MARK_UNREAD :
		    STORE_MARK_READ);
		break;
	case UI_STAR:
		ui_item_mark(ui, r->id, r->starred ? STORE_MARK_UNSTAR :
		    STORE_MARK_STAR);
		break;
	case UI_TAG:
		ui_item_tags(ui, r->id);
		break;
	case UI_BROWSER:
	case UI_PIPE:
		if (ui_article_open(ui, r->id) == 0)
			ui_article_key(ui, a);
		break;
	case UI_ARCHIVE:
		ui_job_start(ui, UI_JOB_ARCHIVE, r->id);
		break;
	case UI_DOWNLOAD:
		ui_job_start(ui, UI_JOB_DOWNLOAD, r->id);
		break;
	case UI_POLL:
		ui_poll_start(ui, ui->list.q.feed_id != 0 ? ui->list.q.feed_id :
		    r->feed_id);
		break;
	case UI_EXEC:
	case UI_EXEC_DETACH:
		ui_item_exec(ui, r->id, NULL, a == UI_EXEC_DETACH);
		break;
	default:
		break;
	}
}

void
ui_items_key(struct ui *ui, enum ui_action a)
{
	struct ui_list	*l = &ui->list;
	long		 page = LINES - 2 > 1 ? LINES - 2 : 1;
	struct ui_row	*r;

	switch (a) {
	case UI_DOWN: ui_list_move(ui, l, ui->count > 0 ? ui->count : 1); break;
	case UI_UP: ui_list_move(ui, l, -(ui->count > 0 ? ui->count : 1)); break;
	case UI_TOP: ui_list_top(ui, l); break;
	case UI_BOTTOM: ui_list_bottom(ui, l); break;
	case UI_HALF_DOWN: ui_list_move(ui, l, page / 2); break;
	case UI_HALF_UP: ui_list_move(ui, l, -page / 2); break;
	case UI_PAGE_DOWN: ui_list_move(ui, l, page); break;
	case UI_PAGE_UP: ui_list_move(ui, l, -page); break;
	case UI_BACK:
		ui->screen = UI_FEEDS;	/* ui.c reloads the feeds */
		break;
	case UI_MARK_ALL_READ: ui_item_mark_list(ui, &ui->list); break;
	case UI_UNDO: ui_item_undo(ui); break;
	case UI_NEXT_UNREAD: ui_list_unread(ui, 0); break;
	case UI_PREV_UNREAD: ui_list_unread(ui, 1); break;
	case UI_SEARCH: ui_items_search(ui); break;
	case UI_HIDE_READ:
		l->q.unread_only = !l->q.unread_only;
		l->base.unread = l->q.unread_only;
		ui_list_top(ui, l);
		ui_message(ui, 0, l->q.unread_only ? "unread items only" :
		    "every item");
		break;
	default:
		if ((r = ui_items_current(ui)) != NULL)
			ui_items_act(ui, a, r);
		break;
	}
}
