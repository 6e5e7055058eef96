/*
 * The feeds screen: every feed with unread / total counts and its last
 * error marked, saved searches below them, and a tags view; Enter opens
 * the items of the line as a window onto its query.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui-int.h"
#include "url.h"

static void
ui_feeds_clear(struct ui_feeds *fs)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++) {
		free(fs->e[i].name);
		free(fs->e[i].query);
		free(fs->e[i].error);
	}
	free(fs->e);
	fs->e = NULL;
	fs->n = 0;
}

void
ui_feeds_free(struct ui_feeds *fs)
{
	ui_feeds_clear(fs);
}

static struct ui_entry *
ui_feeds_add(struct ui_feeds *fs, enum ui_entry_kind kind, const char *name)
{
	struct ui_entry	*e;

	fs->e = xreallocarray(fs->e, fs->n + 1, sizeof *fs->e);
	e = &fs->e[fs->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->name = ui_text_safe(name);
	return (e);
}

static int	ui_feeds_sort_mode;

static int
ui_feeds_compare(const void *a, const void *b)
{
	const struct store_feed	*fa = a, *fb = b;
	const char		*ta, *tb;

	if (ui_feeds_sort_mode == 2 && fa->unread != fb->unread)
		return (fa->unread > fb->unread ? -1 : 1);
	if (ui_feeds_sort_mode >= 1) {
		ta = fa->title != NULL ? fa->title : fa->url;
		tb = fb->title != NULL ? fb->title : fb->url;
		return (strcasecmp(ta, tb));
	}
	return (fa->id < fb->id ? -1 : fa->id > fb->id);
}

static void
ui_feeds_add_feeds(struct ui_feeds *fs, struct store_feed *feeds, size_t n)
{
	struct ui_entry	*all, *e;
	size_t		 i;
	char		*shown;

	all = ui_feeds_add(fs, UI_E_ALL, "All items");
	ui_feeds_add(fs, UI_E_SAVED, "Starred")->query =
	    xstrdup("is:starred");
	ui_feeds_sort_mode = fs->sort;
	if (n > 0)
		qsort(feeds, n, sizeof *feeds, ui_feeds_compare);
	for (i = 0; i < n; i++) {
		fs->e[0].total += feeds[i].items;
		fs->e[0].unread += feeds[i].unread;
		if (fs->hide_read && feeds[i].unread == 0)
			continue;
		shown = url_mask(feeds[i].url);
		e = ui_feeds_add(fs, UI_E_FEED, feeds[i].title != NULL &&
		    *feeds[i].title != '\0' ? feeds[i].title : shown);
		free(shown);
		e->id = feeds[i].id;
		e->unread = feeds[i].unread;
		e->total = feeds[i].items;
		if (feeds[i].last_error != NULL)
			e->error = ui_text_safe(feeds[i].last_error);
	}
	(void)all;
}

static int
ui_feeds_add_saved(struct ui *ui)
{
	struct store_saved	*saved;
	size_t			 n, i;
	struct ui_entry		*e;

	if (store_saved_list(ui->st, &saved, &n) != 0)
		return (-1);
	if (n != 0)
		ui_feeds_add(&ui->feeds, UI_E_LABEL, "Saved searches");
	for (i = 0; i < n; i++) {
		e = ui_feeds_add(&ui->feeds, UI_E_SAVED, saved[i].name);
		e->query = xstrdup(saved[i].query);
		e->error = NULL;
	}
	store_saved_free(saved, n);
	return (0);
}

static int
ui_feeds_add_tags(struct ui *ui)
{
	struct store_tag_count	*tags;
	size_t			 n, i;
	struct ui_entry		*e;

	if (store_tags_counts(ui->st, &tags, &n) != 0)
		return (-1);
	for (i = 0; i < n; i++) {
		e = ui_feeds_add(&ui->feeds, UI_E_TAG, tags[i].name);
		e->query = xstrdup(tags[i].name);
		e->total = tags[i].items;
	}
	store_tag_counts_free(tags, n);
	if (n == 0)
		ui_feeds_add(&ui->feeds, UI_E_LABEL, "No tags yet: press t on "
		    "an item to tag it.");
	return (0);
}

/* (Re)read the screen's lines from the store, keeping the cursor's line. */
int
ui_feeds_load(struct ui *ui)
{
	struct ui_feeds		*fs = &ui->feeds;
	struct store_feed	*feeds;
	size_t			 n, cur = fs->cur;
	int			 rc = 0;

	if (store_feeds_list(ui->st, &feeds, &n) != 0)
		return (-1);
	ui_feeds_clear(fs);
	fs->empty = (n == 0);
	if (fs->tags_view)
		rc = ui_feeds_add_tags(ui);
	else {
		ui_feeds_add_feeds(fs, feeds, n);
		rc = ui_feeds_add_saved(ui);
	}
	store_feeds_free(feeds, n);
	fs->cur = cur < fs->n ? cur : (fs->n != 0 ? fs->n - 1 : 0);
	return (rc);
}

static void
ui_feeds_draw_empty(struct ui *ui)
{
	static const char *lines[] = {
		"Your archive has no feeds yet.",
		"",
		"Add one from the shell, then come back:",
		"",
		"    telex add https://example.org/feed.xml",
		"    telex import subscriptions.opml",
		"",
		"Then press R here to poll them all.  Press ? for the keys,",
		"Q to quit.",
	};
	size_t	 i;
	int	 y;

	for (y = 1; y < LINES - 1; y++) {
		i = (size_t)(y - 2);
		ui_text_put(y, 0, COLS, y >= 2 && i < UTIL_ARRLEN(lines) ?
		    "" : "", A_NORMAL);
		if (y >= 2 && i < UTIL_ARRLEN(lines))
			ui_text_put(y, 2, COLS - 2, lines[i], i == 0 ?
			    A_BOLD : A_NORMAL);
	}
}

static void
ui_feeds_draw_entry(struct ui *ui, const struct ui_entry *e, int y, int sel)
{
	char	 counts[64];
	int	 attr, x;

	attr = e->unread != 0 ? ui->attrs[UI_C_UNREAD] :
	    ui->attrs[UI_C_NORMAL];
	if (e->kind == UI_E_LABEL)
		attr = ui->attrs[UI_C_HEADING];
	if (sel)
		attr |= ui->attrs[UI_C_SELECTED];
	if (e->kind == UI_E_LABEL)
		counts[0] = '\0';
	else if (e->kind == UI_E_TAG)
		snprintf(counts, sizeof counts, "%13lld", (long long)e->total);
	else if (e->kind == UI_E_SAVED)
		snprintf(counts, sizeof counts, "%13s", "search");
	else
		snprintf(counts, sizeof counts, "%6lld/%-6lld",
		    (long long)e->unread, (long long)e->total);
	x = ui_text_put(y, 0, 2, e->error != NULL ? "! " : "  ",
	    e->error != NULL ? ui->attrs[UI_C_ERROR] | (sel ?
	    ui->attrs[UI_C_SELECTED] : 0) : attr);
	x += ui_text_put(y, x, 14, counts, attr);
	x += ui_text_put(y, x, 1, " ", attr);
	if (e->error == NULL) {
		ui_text_put(y, x, COLS - x, e->name, attr);
		return;
	}
	x += ui_text_put(y, x, COLS - x, e->name, attr) ;
	x += ui_text_put(y, x, 3, "  ", attr);
	ui_text_put(y, x, COLS - x, e->error, ui->attrs[UI_C_ERROR] |
	    (sel ? ui->attrs[UI_C_SELECTED] : 0));
}

void
ui_feeds_draw(struct ui *ui)
{
	struct ui_feeds	*fs = &ui->feeds;
	int		 rows = LINES - 2, y;
	size_t		 i;

	if (fs->empty && !fs->tags_view) {
		ui_feeds_draw_empty(ui);
		return;
	}
	if (fs->cur < fs->top)
		fs->top = fs->cur;
	if (rows > 0 && fs->cur >= fs->top + (size_t)rows)
		fs->top = fs->cur - (size_t)rows + 1;
	for (y = 0; y < rows; y++) {
		i = fs->top + (size_t)y;
		if (i < fs->n)
			ui_feeds_draw_entry(ui, &fs->e[i], y + 1, i == fs->cur);
		else
			ui_text_put(y + 1, 0, COLS, "", A_NORMAL);
	}
}

/* Open the items of the selected line. */
static void
ui_feeds_open(struct ui *ui)
{
	struct ui_entry	*e;
	struct ui_query	 q;

	if (ui->feeds.n == 0)
		return;
	e = &ui->feeds.e[ui->feeds.cur];
	if (e->kind == UI_E_LABEL)
		return;
	memset(&q, 0, sizeof q);
	q.name = e->name;
	q.unread_only = ui->feeds.hide_read;
	if (e->kind == UI_E_FEED)
		q.feed_id = e->id;
	else if (e->kind == UI_E_SAVED)
		q.text = e->query;
	else if (e->kind == UI_E_TAG)
		q.tag = e->query;
	ui_list_free(&ui->list);
	if (ui_list_open(ui, &ui->list, &q) != 0)
		ui_message(ui, 1, "%s", ui->list.error);
	ui->screen = UI_ITEMS;
}

static void
ui_feeds_move(struct ui *ui, long delta)
{
	struct ui_feeds	*fs = &ui->feeds;
	long		 to = (long)fs->cur + delta;

	if (fs->n == 0)
		return;
	if (to < 0)
		to = 0;
	if (to >= (long)fs->n)
		to = (long)fs->n - 1;
	fs->cur = (size_t)to;
}

/* The next feed (or previous) with unread items, wrapping round. */
static void
ui_feeds_next_unread(struct ui *ui, int backwards)
{
	struct ui_feeds	*fs = &ui->feeds;
	size_t		 i, at;

	for (i = 1; i <= fs->n; i++) {
		at = backwards ? (fs->cur + fs->n - i) % fs->n :
		    (fs->cur + i) % fs->n;
		if (fs->e[at].kind == UI_E_FEED && fs->e[at].unread != 0) {
			fs->cur = at;
			return;
		}
	}
	ui_message(ui, 0, "no feed has unread items");
}

static void
ui_feeds_poll_one(struct ui *ui)
{
	struct ui_entry	*e;

	if (ui->feeds.n == 0)
		return;
	e = &ui->feeds.e[ui->feeds.cur];
	if (e->kind != UI_E_FEED) {
		ui_message(ui, 0, "r polls the feed under the cursor; R polls "
		    "them all");
		return;
	}
	ui_poll_start(ui, e->id);
}

static void
ui_feeds_mark_read(struct ui *ui)
{
	struct ui_query	 q;
	struct ui_list	 l;

	memset(&q, 0, sizeof q);
	if (ui->feeds.n == 0 || ui->feeds.e[ui->feeds.cur].kind != UI_E_FEED)
		return;
	q.feed_id = ui->feeds.e[ui->feeds.cur].id;
	memset(&l, 0, sizeof l);
	if (ui_list_open(ui, &l, &q) == 0) {
		ui_list_free(&ui->list);
		ui->list = l;
		ui_items_key(ui, UI_MARK_ALL_READ);
	} else
		ui_list_free(&l);
	ui_feeds_load(ui);
}

void
ui_feeds_key(struct ui *ui, enum ui_action a)
{
	int	 page = LINES - 2 > 1 ? LINES - 2 : 1;

	switch (a) {
	case UI_DOWN: ui_feeds_move(ui, 1); break;
	case UI_UP: ui_feeds_move(ui, -1); break;
	case UI_TOP: ui->feeds.cur = 0; break;
	case UI_BOTTOM: ui_feeds_move(ui, (long)ui->feeds.n); break;
	case UI_HALF_DOWN: ui_feeds_move(ui, page / 2); break;
	case UI_HALF_UP: ui_feeds_move(ui, -page / 2); break;
	case UI_PAGE_DOWN: ui_feeds_move(ui, page); break;
	case UI_PAGE_UP: ui_feeds_move(ui, -page); break;
	case UI_OPEN: ui_feeds_open(ui); break;
	case UI_BACK:
		if (ui->feeds.tags_view) {
			ui->feeds.tags_view = 0;
			ui->feeds.cur = 0;
			ui_feeds_load(ui);
		} else
			ui->quit = 1;
		break;
	case UI_NEXT_UNREAD: ui_feeds_next_unread(ui, 0); break;
	case UI_PREV_UNREAD: ui_feeds_next_unread(ui, 1); break;
	case UI_POLL: ui_feeds_poll_one(ui); break;
	case UI_SEARCH: ui_items_search(ui); break;
	case UI_MARK_ALL_READ: ui_feeds_mark_read(ui); break;
	case UI_TAGS_VIEW:
		ui->feeds.tags_view = !ui->feeds.tags_view;
		ui->feeds.cur = ui->feeds.top = 0;
		ui_feeds_load(ui);
		break;
	case UI_SORT:
		ui->feeds.sort = (ui->feeds.sort + 1) % 3;
		ui_feeds_load(ui);
		ui_message(ui, 0, "feeds sorted by %s", ui->feeds.sort == 0 ?
		    "the order they were added" : ui->feeds.sort == 1 ?
		    "title" : "unread items");
		break;
	case UI_HIDE_READ:
		ui->feeds.hide_read = !ui->feeds.hide_read;
		ui_feeds_load(ui);
		ui_message(ui, 0, ui->feeds.hide_read ? "showing feeds with "
		    "unread items only" : "showing every feed");
		break;
	default:
		break;
	}
}
