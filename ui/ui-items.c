/*
 * The items screen's actions and those it shares with the article:
 * read, star, tags, next unread, $BROWSER, pipe, archive, and the live
 * search prompt whose results become the current list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "query.h"
#include "ui-int.h"

/* Keep rows in step with a change made to item id. */
static void
ui_items_update(struct ui *ui, int64_t id, int read, int starred)
{
	size_t	 i;

	for (i = 0; i < ui->list.n; i++) {
		if (ui->list.rows[i].id != id)
			continue;
		if (read != -1)
			ui->list.rows[i].read = read;
		if (starred != -1)
			ui->list.rows[i].starred = starred;
	}
	if (ui->have_art && ui->art.id == id) {
		if (read != -1)
			ui->art.item.read = read;
		if (starred != -1)
			ui->art.item.starred = starred;
	}
}

/* Set a flag on one item. */
int
ui_item_mark(struct ui *ui, int64_t id, enum store_mark mark)
{
	struct store_filter	 f;
	int64_t			 changed;

	memset(&f, 0, sizeof f);
	f.id = id;
	if (store_mark_items(ui->st, &f, mark, &changed) != 0) {
		ui_message(ui, 1, "cannot change item %lld: %s",
		    (long long)id, store_errmsg(ui->st));
		return (-1);
	}
	ui_items_update(ui, id, mark == STORE_MARK_READ ? 1 :
	    mark == STORE_MARK_UNREAD ? 0 : -1, mark == STORE_MARK_STAR ? 1 :
	    mark == STORE_MARK_UNSTAR ? 0 : -1);
	return (0);
}

static char **
ui_items_tag_names(struct ui *ui, size_t *n)
{
	struct store_tag_count	*tags;
	char			**names;
	size_t			  i;

	*n = 0;
	if (store_tags_counts(ui->st, &tags, n) != 0)
		return (NULL);
	names = xreallocarray(NULL, *n + 1, sizeof *names);
	for (i = 0; i < *n; i++) {
		names[i] = tags[i].name;
		tags[i].name = NULL;
	}
	store_tag_counts_free(tags, *n);
	return (names);
}

/* Split "+a -b c" into tags to add and to remove; -1 on a bad name. */
static int
ui_items_tag_words(struct ui *ui, char *line, struct query_tags *t)
{
	char	*w, *save, *cause = NULL;

	for (w = strtok_r(line, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		if (query_tags_word(t, w, 1, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			return (-1);
		}
	}
	return (0);
}

/* Prompt for "+a -b" and change the tags of item id. */
void
ui_item_tags(struct ui *ui, int64_t id)
{
	struct store_filter	 f;
	struct query_tags	 t;
	char			*line;
	int64_t			 matched;

	line = ui_prompt(ui, "tags (+add -remove, Tab completes): ", "",
	    NULL, ui_items_tag_names);
	if (line == NULL)
		return;
	memset(&t, 0, sizeof t);
	if (ui_items_tag_words(ui, line, &t) == 0 && t.nadd + t.nremove != 0) {
		memset(&f, 0, sizeof f);
		f.id = id;
		if (store_tag_items(ui->st, &f, t.add, t.nadd, t.remove,
		    t.nremove, &matched) != 0)
			ui_message(ui, 1, "cannot change the tags: %s",
			    store_errmsg(ui->st));
		else
			ui_message(ui, 0, "tags changed");
		if (ui->have_art && ui->art.id == id)
			ui_article_open(ui, id);
	}
	query_tags_free(&t);
	free(line);
}

/* Open url in $BROWSER, run as words with the URL as one more argument. */
void
ui_item_browser(struct ui *ui, const char *url)
{
	const char	*env = getenv("BROWSER");
	char		*copy, *w, *save, **argv = NULL;
	size_t		 n = 0;
	int		 rc;

	if (url == NULL || *url == '\0') {
		ui_message(ui, 1, "this item has no web address to open");
		return;
	}
	if (env == NULL || *env == '\0') {
		ui_message(ui, 1, "cannot open the link: BROWSER is not set; "
		    "set it to a program such as firefox or lynx");
		return;
	}
	copy = xstrdup(env);
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		argv = xreallocarray(argv, n + 3, sizeof *argv);
		argv[n++] = w;
	}
	argv[n++] = (char *)url;
	argv[n] = NULL;
	rc = ui_run_child(ui, argv, NULL, 0);
	if (rc != 0)
		ui_message(ui, 1, "%s could not open the link (exit status "
		    "%d); check $BROWSER", argv[0], rc);
	else
		ui_message(ui, 0, "opened in %s", argv[0]);
	free(argv);
	free(copy);
}

/* Prompt for a shell command and give it text on its standard input. */
void
ui_item_pipe(struct ui *ui, const char *text)
{
	char	*cmd, *argv[4];
	int	 rc;

	if ((cmd = ui_prompt(ui, "pipe to: ", "", NULL, NULL)) == NULL)
		return;
	if (*cmd != '\0') {
		argv[0] = (char *)"/bin/sh";
		argv[1] = (char *)"-c";
		argv[2] = cmd;
		argv[3] = NULL;
		rc = ui_run_child(ui, argv, text, 1);
		if (rc != 0)
			ui_message(ui, 1, "the command ended with status %d",
			    rc);
		else
			ui_message(ui, 0, "piped to %s", cmd);
	}
	free(cmd);
}

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

/* Mark the list read; the window stays where it is. */
static void
ui_items_mark_all(struct ui *ui)
{
	int64_t	 changed = 0;
	size_t	 i;

	if (ui->list.error != NULL)
		return;
	if (store_mark_items(ui->st, &ui->list.base, STORE_MARK_READ,
	    &changed) != 0) {
		ui_message(ui, 1, "cannot mark the list read: %s",
		    store_errmsg(ui->st));
		return;
	}
	for (i = 0; i < ui->list.n; i++)
		ui->list.rows[i].read = 1;
	ui_message(ui, 0, "%lld items marked read", (long long)changed);
}

/* n / N: in this list, else across every feed. */
void
ui_items_next_unread(struct ui *ui, int backwards)
{
	struct ui_query	 all;

	if (ui_list_next_unread(ui, &ui->list, backwards) == 0)
		return;
	if (ui->list.q.feed_id == 0 && ui->list.q.tag == NULL &&
	    ui->list.q.text == NULL) {
		ui_message(ui, 0, "no more unread items");
		return;
	}
	memset(&all, 0, sizeof all);
	all.name = (char *)"All items";
	ui_list_free(&ui->list);
	ui_list_open(ui, &ui->list, &all);
	if (ui_list_next_unread(ui, &ui->list, backwards) != 0)
		ui_message(ui, 0, "no more unread items");
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
		ui_archive_start(ui, r->id);
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
		ui->screen = UI_FEEDS;
		ui_feeds_load(ui);
		break;
	case UI_MARK_ALL_READ: ui_items_mark_all(ui); break;
	case UI_NEXT_UNREAD: ui_items_next_unread(ui, 0); break;
	case UI_PREV_UNREAD: ui_items_next_unread(ui, 1); break;
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
