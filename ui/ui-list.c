/*
 * The items window: a few hundred consecutive rows of a query, paged
 * from the store by (date, id) keys as the cursor nears either end, so
 * a million items open as fast as ten and memory stays flat.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "date.h"
#include "query.h"
#include "ui-int.h"

#define UI_LIST_PAGE	128	/* rows fetched at once */
#define UI_LIST_KEEP	512	/* rows kept in the window */

struct ui_list_fetch {
	struct ui_row	*rows;
	size_t		 n;
};

void
ui_query_free(struct ui_query *q)
{
	free(q->name);
	free(q->tag);
	free(q->text);
	memset(q, 0, sizeof *q);
}

static void
ui_query_copy(struct ui_query *to, const struct ui_query *from)
{
	to->name = xstrdup(from->name != NULL ? from->name : "");
	to->feed_id = from->feed_id;
	to->tag = from->tag != NULL ? xstrdup(from->tag) : NULL;
	to->text = from->text != NULL ? xstrdup(from->text) : NULL;
	to->unread_only = from->unread_only;
}

static void
ui_row_free(struct ui_row *r)
{
	free(r->feed);
	free(r->title);
}

static void
ui_list_clear_rows(struct ui_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		ui_row_free(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = l->cur = l->top = 0;
}

void
ui_list_free(struct ui_list *l)
{
	ui_list_clear_rows(l);
	ui_query_free(&l->q);
	free(l->error);
	query_filter_free(&l->qf);
	memset(l, 0, sizeof *l);
}

static int
ui_list_fetch_one(const struct store_item *it, void *arg)
{
	struct ui_list_fetch	*fe = arg;
	struct ui_row		*r;

	fe->rows = xreallocarray(fe->rows, fe->n + 1, sizeof *fe->rows);
	r = &fe->rows[fe->n++];
	r->id = it->id;
	r->feed_id = it->feed_id;
	r->date = it->date;
	r->read = it->read;
	r->starred = it->starred;
	r->feed = ui_text_safe(it->feed);
	r->title = ui_text_safe(it->title != NULL && *it->title != '\0' ?
	    it->title : "(untitled)");
	return (0);
}

static void
ui_list_fetch_free(struct ui_list_fetch *fe)
{
	size_t	 i;

	for (i = 0; i < fe->n; i++)
		ui_row_free(&fe->rows[i]);
	free(fe->rows);
}

/*
 * Fetch up to UI_LIST_PAGE rows beyond a key: older than r when older,
 * else newer (oldest first); r NULL starts at the newest (or oldest).
 */
static int
ui_list_fetch(struct ui *ui, struct ui_list *l, const struct ui_row *r,
    int older, struct ui_list_fetch *fe)
{
	struct store_filter	 f = l->base;

	memset(fe, 0, sizeof *fe);
	f.limit = UI_LIST_PAGE;
	f.oldest_first = !older;
	if (r != NULL && older) {
		f.before_date = r->date;
		f.before_id = r->id;
	} else if (r != NULL) {
		f.after_date = r->date;
		f.after_id = r->id;
	}
	if (store_items_list(ui->st, &f, ui_list_fetch_one, fe) != 0) {
		ui_message(ui, 1, "cannot read the list: %s",
		    store_errmsg(ui->st));
		return (-1);
	}
	return (0);
}

/* Build the store filter for the query; -1 with l->error set. */
static int
ui_list_filter(struct ui_list *l)
{
	memset(&l->base, 0, sizeof l->base);
	if (l->q.text != NULL && *l->q.text != '\0') {
		if (query_filter_parse(&l->qf, l->q.text) != 0) {
			l->error = xstrdup(l->qf.error);
			return (-1);
		}
		l->base = l->qf.f;
	}
	if (l->q.feed_id != 0)
		l->base.feed_id = l->q.feed_id;
	if (l->q.tag != NULL)
		l->base.tag = l->q.tag;
	if (l->q.unread_only)
		l->base.unread = 1;
	l->base.limit = 0;
	return (0);
}

/* Open the window at the query's start. */
int
ui_list_open(struct ui *ui, struct ui_list *l, const struct ui_query *q)
{
	memset(l, 0, sizeof *l);
	ui_query_copy(&l->q, q);
	if (ui_list_filter(l) != 0) {
		l->at_start = l->at_end = 1;
		return (-1);
	}
	ui_list_top(ui, l);
	return (0);
}

void
ui_list_top(struct ui *ui, struct ui_list *l)
{
	struct ui_list_fetch	 fe;

	ui_list_clear_rows(l);
	l->at_start = 1;
	l->at_end = 1;
	if (l->error != NULL || ui_list_fetch(ui, l, NULL, 1, &fe) != 0)
		return;
	l->rows = fe.rows;
	l->n = fe.n;
	l->at_end = fe.n < UI_LIST_PAGE;
}

void
ui_list_bottom(struct ui *ui, struct ui_list *l)
{
	struct ui_list_fetch	 fe;
	size_t			 i;
	struct ui_row		 t;

	if (l->at_end) {
		l->cur = l->n != 0 ? l->n - 1 : 0;
		return;
	}
	if (ui_list_fetch(ui, l, NULL, 0, &fe) != 0)
		return;
	ui_list_clear_rows(l);
	for (i = 0; i < fe.n / 2; i++) {
		t = fe.rows[i];
		fe.rows[i] = fe.rows[fe.n - 1 - i];
		fe.rows[fe.n - 1 - i] = t;
	}
	l->rows = fe.rows;
	l->n = fe.n;
	l->at_end = 1;
	l->at_start = fe.n < UI_LIST_PAGE;
	l->cur = l->n != 0 ? l->n - 1 : 0;
}

/* Drop rows from one end when the window grows past UI_LIST_KEEP. */
static void
ui_list_trim(struct ui_list *l, int front)
{
	size_t	 drop, i;

	if (l->n <= UI_LIST_KEEP)
		return;
	drop = l->n - UI_LIST_KEEP;
	if (front) {
		for (i = 0; i < drop; i++)
			ui_row_free(&l->rows[i]);
		memmove(l->rows, l->rows + drop, UI_LIST_KEEP * sizeof *l->rows);
		l->cur = l->cur >= drop ? l->cur - drop : 0;
		l->top = l->top >= drop ? l->top - drop : 0;
		l->at_start = 0;
	} else {
		for (i = UI_LIST_KEEP; i < l->n; i++)
			ui_row_free(&l->rows[i]);
		if (l->cur >= UI_LIST_KEEP)
			l->cur = UI_LIST_KEEP - 1;
		l->at_end = 0;
	}
	l->n = UI_LIST_KEEP;
}

/* Add a page of older rows at the end. */
static void
ui_list_grow_down(struct ui *ui, struct ui_list *l)
{
	struct ui_list_fetch	 fe;

	if (l->at_end || l->n == 0 ||
	    ui_list_fetch(ui, l, &l->rows[l->n - 1], 1, &fe) != 0)
		return;
	l->rows = xreallocarray(l->rows, l->n + fe.n, sizeof *l->rows);
	if (fe.n > 0)
		memcpy(l->rows + l->n, fe.rows, fe.n * sizeof *fe.rows);
	l->n += fe.n;
	l->at_end = fe.n < UI_LIST_PAGE;
	free(fe.rows);
	ui_list_trim(l, 1);
}

/* Add a page of newer rows at the start (they come oldest first). */
static void
ui_list_grow_up(struct ui *ui, struct ui_list *l)
{
	struct ui_list_fetch	 fe;
	struct ui_row		*rows;
	size_t			 i;

	if (l->at_start || l->n == 0 ||
	    ui_list_fetch(ui, l, &l->rows[0], 0, &fe) != 0)
		return;
	rows = xreallocarray(NULL, l->n + fe.n, sizeof *rows);
	for (i = 0; i < fe.n; i++)
		rows[i] = fe.rows[fe.n - 1 - i];
	if (l->n > 0)
		memcpy(rows + fe.n, l->rows, l->n * sizeof *rows);
	free(fe.rows);
	free(l->rows);
	l->rows = rows;
	l->n += fe.n;
	l->cur += fe.n;
	l->top += fe.n;
	l->at_start = fe.n < UI_LIST_PAGE;
	ui_list_trim(l, 0);
}

/* Move the cursor by delta rows, paging in what it needs. */
void
ui_list_move(struct ui *ui, struct ui_list *l, long delta)
{
	size_t	 want;

	if (l->n == 0)
		return;
	while (delta > 0) {
		if (l->cur + 1 >= l->n) {
			ui_list_grow_down(ui, l);
			if (l->cur + 1 >= l->n)
				break;
		}
		want = l->n - 1 - l->cur;
		if ((long)want > delta)
			want = (size_t)delta;
		l->cur += want;
		delta -= (long)want;
	}
	while (delta < 0) {
		if (l->cur == 0) {
			ui_list_grow_up(ui, l);
			if (l->cur == 0)
				break;
		}
		want = l->cur;
		if ((long)want > -delta)
			want = (size_t)-delta;
		l->cur -= want;
		delta += (long)want;
	}
}

/* Open the window at the item (date, id) and put the cursor on it. */
int
ui_list_goto(struct ui *ui, struct ui_list *l, int64_t date, int64_t id)
{
	struct ui_row		 key;
	struct ui_list_fetch	 fe;

	memset(&key, 0, sizeof key);
	key.date = date;
	key.id = id + 1;
	if (ui_list_fetch(ui, l, &key, 1, &fe) != 0)
		return (-1);
	if (fe.n == 0 || fe.rows[0].id != id) {
		ui_list_fetch_free(&fe);
		return (-1);
	}
	ui_list_clear_rows(l);
	l->rows = fe.rows;
	l->n = fe.n;
	l->at_start = 0;
	l->at_end = fe.n < UI_LIST_PAGE;
	ui_list_grow_up(ui, l);
	return (0);
}

static int
ui_list_first(const struct store_item *it, void *arg)
{
	struct ui_row	*r = arg;

	r->id = it->id;
	r->date = it->date;
	return (1);
}

/*
 * Put the cursor on the next (or previous) unread item of the list, from
 * the store: one indexed query however far it is.  Returns 0, 1 if there
 * is none.
 */
int
ui_list_next_unread(struct ui *ui, struct ui_list *l, int backwards)
{
	struct store_filter	 f = l->base;
	struct ui_row		 found, *r;

	memset(&found, 0, sizeof found);
	f.unread = 1;
	f.limit = 1;
	if (l->n != 0) {
		r = &l->rows[l->cur];
		if (backwards) {
			f.after_date = r->date;
			f.after_id = r->id;
			f.oldest_first = 1;
		} else {
			f.before_date = r->date;
			f.before_id = r->id;
		}
	}
	if (l->error != NULL ||
	    store_items_list(ui->st, &f, ui_list_first, &found) != 0 ||
	    found.id == 0)
		return (1);
	return (ui_list_goto(ui, l, found.date, found.id) == 0 ? 0 : 1);
}

void
ui_list_fix_top(struct ui_list *l, int rows)
{
	if (rows < 1)
		rows = 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + (size_t)rows)
		l->top = l->cur - (size_t)rows + 1;
}

/* One row: date, feed, flags, title; unread in bold. */
static void
ui_list_draw_row(struct ui *ui, const struct ui_row *r, int y, int sel)
{
	char	 date[32], flags[4];
	int	 attr, x = 0, feedw;

	attr = r->read ? ui->attrs[UI_C_NORMAL] : ui->attrs[UI_C_UNREAD];
	if (sel)
		attr |= ui->attrs[UI_C_SELECTED];
	date_format_short(r->date, date, sizeof date);
	if (COLS < 100)
		memmove(date, date + 5, strlen(date + 5) + 1);
	x += ui_text_put(y, x, COLS, date, attr);
	x += ui_text_put(y, x, 1, " ", attr);
	feedw = COLS >= 100 ? 20 : 14;
	x += ui_text_put(y, x, feedw, r->feed, attr);
	snprintf(flags, sizeof flags, " %c%c", r->read ? ' ' : 'N',
	    r->starred ? '*' : ' ');
	x += ui_text_put(y, x, 3, flags, attr);
	x += ui_text_put(y, x, 1, " ", attr);
	ui_text_put(y, x, COLS - x, r->title, attr);
}

void
ui_list_draw(struct ui *ui, struct ui_list *l)
{
	int	 rows = LINES - 2, y;
	size_t	 i;

	ui_list_fix_top(l, rows);
	for (y = 0; y < rows; y++) {
		i = l->top + (size_t)y;
		if (i < l->n)
			ui_list_draw_row(ui, &l->rows[i], y + 1, i == l->cur);
		else
			ui_text_put(y + 1, 0, COLS, "", A_NORMAL);
	}
	if (l->error != NULL)
		ui_text_put(2, 2, COLS - 4, l->error, ui->attrs[UI_C_ERROR]);
	else if (l->n == 0)
		ui_text_put(2, 2, COLS - 4, "No items match.",
		    ui->attrs[UI_C_META]);
}

/* n / N: in this list, else across every feed. */
void
ui_list_unread(struct ui *ui, int backwards)
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
