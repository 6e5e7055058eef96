/*
 * The article pager: the cleaned text (an archived page's when there is
 * one) wrapped to the window, at most reader-width columns, with the
 * meta line, quotes and headings styled and the links numbered.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui-int.h"

static void
ui_article_lines_free(struct ui_article *a)
{
	size_t	 i;

	for (i = 0; i < a->nlines; i++)
		free(a->lines[i].text);
	free(a->lines);
	a->lines = NULL;
	a->nlines = 0;
}

void
ui_article_free(struct ui_article *a)
{
	ui_article_lines_free(a);
	store_item_free(&a->item);
	article_free(&a->article);
	free(a->find);
	memset(a, 0, sizeof *a);
}

static void
ui_article_add(struct ui_article *a, const char *text, size_t len,
    enum ui_element style)
{
	a->lines = xreallocarray(a->lines, a->nlines + 1, sizeof *a->lines);
	a->lines[a->nlines].text = xstrndup(text, len);
	a->lines[a->nlines++].style = style;
}

/* A short line standing alone with no closing punctuation: a heading. */
static int
ui_article_is_heading(const char *line, size_t len, int alone)
{
	char	 last;

	if (!alone || len == 0 || len > 70)
		return (0);
	last = line[len - 1];
	return (strchr(".,;:!?)\"'»”", last) == NULL && line[0] != '[' &&
	    line[0] != '-' && line[0] != '*' && !isdigit((unsigned char)line[0]));
}

/* Wrap one paragraph line into lines of at most width columns. */
static void
ui_article_wrap_line(struct ui_article *a, const char *line, int width,
    enum ui_element style)
{
	const char	*p = line, *space;
	size_t		 fit, cut;
	int		 used;

	if (*p == '\0') {
		ui_article_add(a, "", 0, style);
		return;
	}
	while (*p != '\0') {
		fit = ui_text_fit(p, width, &used);
		if (p[fit] == '\0') {
			ui_article_add(a, p, fit, style);
			break;
		}
		cut = fit;
		space = NULL;
		for (cut = fit; cut > 0; cut--) {
			if (p[cut] == ' ') {
				space = p + cut;
				break;
			}
		}
		if (space == NULL || cut == 0)
			cut = fit > 0 ? fit : 1;
		ui_article_add(a, p, cut, style);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

/* Split text into lines and wrap each to width columns. */
void
ui_article_wrap(struct ui_article *a, const char *text, int width)
{
	char		*safe, *line, *next, *t;
	size_t		 len;
	enum ui_element	 style;
	int		 alone, prev_blank = 1;

	safe = util_utf8_sanitize(text, strlen(text));
	for (t = safe; *t != '\0'; t++) {
		if (*t == '\t')
			*t = ' ';
	}
	for (line = safe; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		len = strlen(line);
		alone = prev_blank && (next == NULL || *next == '\n' ||
		    *next == '\0');
		style = UI_C_NORMAL;
		if (strncmp(line, ">", 1) == 0)
			style = UI_C_QUOTE;
		else if (ui_article_is_heading(line, len, alone))
			style = UI_C_HEADING;
		ui_article_wrap_line(a, line, width, style);
		prev_blank = (len == 0);
	}
	free(safe);
}

/* Title, meta line, address and tags above the text. */
static void
ui_article_head(struct ui_article *a, int width)
{
	struct store_item	*it = &a->item;
	struct buf		 b;
	char			*s;
	size_t			 i;

	s = ui_text_safe(it->title != NULL && *it->title != '\0' ? it->title :
	    "(untitled)");
	ui_article_wrap_line(a, s, width, UI_C_HEADING);
	free(s);
	buf_init(&b, 4096);
	article_meta(it, &b);
	buf_printf(&b, "%s%s", it->starred ? " | starred" : "",
	    it->read ? "" : " | unread");
	s = ui_text_safe(b.data);
	ui_article_wrap_line(a, s, width, UI_C_META);
	free(s);
	buf_reset(&b);
	article_page_meta(&a->article, &b);
	if (b.len != 0) {
		s = ui_text_safe(b.data);
		ui_article_wrap_line(a, s, width, UI_C_META);
		free(s);
		buf_reset(&b);
	}
	for (i = 0; i < it->ntags; i++)
		buf_printf(&b, "%s%s", i == 0 ? "tags: " : " ", it->tags[i]);
	if (b.len != 0) {
		s = ui_text_safe(b.data);
		ui_article_wrap_line(a, s, width, UI_C_META);
		free(s);
	}
	buf_free(&b);
	if (it->url != NULL) {
		s = ui_text_safe(it->url);
		ui_article_wrap_line(a, s, width, UI_C_LINK);
		free(s);
	}
	ui_article_add(a, "", 0, UI_C_NORMAL);
}

/* Link n (from 1): the text's links, then the enclosures; or NULL. */
static const char *
ui_article_url(const struct ui_article *a, size_t n)
{
	size_t	 links = a->article.nlinks;

	if (n >= 1 && n <= links)
		return (a->article.links[n - 1].url);
	if (n > links && n <= links + a->item.nenclosures)
		return (a->item.enclosures[n - links - 1].url);
	return (NULL);
}

/* "audio/mpeg, 12.3 MB" for an enclosure (type and size when known). */
static void
ui_article_enclosure(struct buf *b, const struct feed_enclosure *e)
{
	const char	*type = e->type != NULL ? e->type : "file";

	if (e->length > 1000000)
		buf_printf(b, " (%s, %.1f MB)", type, (double)e->length / 1e6);
	else if (e->length > 0)
		buf_printf(b, " (%s, %lld KB)", type,
		    (long long)(e->length + 999) / 1000);
	else
		buf_printf(b, " (%s)", type);
}

/* The numbered links, then the enclosures numbered after them. */
static void
ui_article_links(struct ui_article *a, int width)
{
	struct buf	 b;
	char		*s;
	size_t		 i, n = a->article.nlinks;

	if (n != 0) {
		ui_article_add(a, "", 0, UI_C_NORMAL);
		ui_article_add(a, "Links:", 6, UI_C_HEADING);
	}
	buf_init(&b, 0);
	for (i = 0; i < n + a->item.nenclosures; i++) {
		if (i == n) {
			ui_article_add(a, "", 0, UI_C_NORMAL);
			ui_article_add(a, "Enclosures (D downloads them):", 30,
			    UI_C_HEADING);
		}
		buf_reset(&b);
		buf_printf(&b, "[%zu] %s", i + 1, ui_article_url(a, i + 1));
		if (i >= n)
			ui_article_enclosure(&b, &a->item.enclosures[i - n]);
		s = ui_text_safe(b.data);
		ui_article_wrap_line(a, s, width, UI_C_LINK);
		free(s);
	}
	buf_free(&b);
}

#define UI_ARTICLE_UNWRAPPED	(1 << 24)	/* columns: no wrapping */

/* The article's lines for width columns. */
static void
ui_article_fill(struct ui_article *a, int width)
{
	ui_article_head(a, width);
	/* The text cleaned again for display has its links numbered. */
	if (a->article.numbered != NULL && *a->article.numbered != '\0')
		ui_article_wrap(a, a->article.numbered, width);
	else
		ui_article_wrap(a, a->item.text != NULL &&
		    *a->item.text != '\0' ? a->item.text : "(this item has no "
		    "text; o opens it in a browser, a archives its page)",
		    width);
	ui_article_links(a, width);
}

/* Lay the article out for the window's width. */
static void
ui_article_layout(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	int			 width = COLS - 2;

	if (width > ui->reader_width)
		width = ui->reader_width;
	if (width < 10)
		width = 10;
	ui_article_lines_free(a);
	a->width = width;
	ui_article_fill(a, width);
}

/*
 * The article as the pager shows it, lines unwrapped, for a pipe: title,
 * meta line, tags, address, text with its links numbered, the links.
 */
static char *
ui_article_plain(struct ui_article *a)
{
	struct ui_line	*lines = a->lines;
	struct buf	 b;
	size_t		 i, n = a->nlines;

	a->lines = NULL;
	a->nlines = 0;
	ui_article_fill(a, UI_ARTICLE_UNWRAPPED);
	buf_init(&b, 0);
	for (i = 0; i < a->nlines; i++)
		buf_printf(&b, "%s\n", a->lines[i].text);
	ui_article_lines_free(a);
	a->lines = lines;
	a->nlines = n;
	return (buf_steal(&b));
}

/* "#": ask for a link's number and open it in the browser. */
static void
ui_article_open_link(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	char			*text, *end;
	long			 n;
	size_t			 total;

	total = a->article.nlinks + a->item.nenclosures;
	if (total == 0) {
		ui_message(ui, 1, "this article has no numbered links");
		return;
	}
	if ((text = ui_prompt(ui, "open link: ", "", NULL, NULL)) == NULL)
		return;
	n = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || n < 1 || (size_t)n > total)
		ui_message(ui, 1, "give a link's number, 1 to %zu", total);
	else
		ui_item_browser(ui, ui_article_url(a, (size_t)n));
	free(text);
}

/* Open item id in the pager and mark it read. */
int
ui_article_open(struct ui *ui, int64_t id)
{
	struct ui_article	*a = &ui->art;
	int			 rc;
	size_t			 top = 0;

	if (ui->have_art && a->id == id)
		top = a->top;
	if (ui->have_art)
		ui_article_free(a);
	ui->have_art = 0;
	if ((rc = article_load(ui->st, id, ARTICLE_LINKS,
	    &a->article)) != 0) {
		ui_message(ui, 1, rc == 1 ? "item %lld is no longer in the "
		    "archive" : "cannot read item %lld: %s", (long long)id,
		    store_errmsg(ui->st));
		article_free(&a->article);
		return (-1);
	}
	/* The item lives apart, where the list's marks reach it. */
	a->item = a->article.item;
	memset(&a->article.item, 0, sizeof a->article.item);
	a->id = id;
	ui->have_art = 1;
	if (!a->item.read && ui_item_mark(ui, id, STORE_MARK_READ) == 0)
		a->item.read = 1;
	ui_article_layout(ui);
	a->top = top < a->nlines ? top : 0;
	ui->screen = UI_ARTICLE;
	return (0);
}

static void
ui_article_draw_line(struct ui *ui, const struct ui_line *l, int y)
{
	struct ui_article	*a = &ui->art;
	const char		*hit;
	int			 x = 1, attr = ui->attrs[l->style];

	if (a->find != NULL && *a->find != '\0' &&
	    (hit = util_strcasestr(l->text, a->find)) != NULL) {
		char	*pre = xstrndup(l->text, (size_t)(hit - l->text));
		char	*mid = xstrndup(hit, strlen(a->find));

		ui_text_put(y, 0, 1, "", A_NORMAL);
		x += ui_text_put(y, x, COLS - x, pre, attr);
		x += ui_text_put(y, x, ui_text_width(mid), mid,
		    ui->attrs[UI_C_MATCH]);
		ui_text_put(y, x, COLS - x, hit + strlen(a->find), attr);
		free(pre);
		free(mid);
		return;
	}
	ui_text_put(y, 0, 1, "", A_NORMAL);
	ui_text_put(y, 1, COLS - 1, l->text, attr);
}

void
ui_article_draw(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	int			 rows = LINES - 2, y, width;
	size_t			 i;

	width = COLS - 2 < ui->reader_width ? COLS - 2 : ui->reader_width;
	if (width < 10)
		width = 10;
	if (width != a->width)
		ui_article_layout(ui);
	for (y = 0; y < rows; y++) {
		i = a->top + (size_t)y;
		if (i < a->nlines)
			ui_article_draw_line(ui, &a->lines[i], y + 1);
		else
			ui_text_put(y + 1, 0, COLS, i == a->nlines ? "" : "~",
			    ui->attrs[UI_C_META]);
	}
}

static void
ui_article_scroll(struct ui *ui, long delta)
{
	struct ui_article	*a = &ui->art;
	long			 rows = LINES - 2, max, to;

	max = (long)a->nlines - rows;
	if (max < 0)
		max = 0;
	to = (long)a->top + delta;
	if (to > max)
		to = max;
	if (to < 0)
		to = 0;
	a->top = (size_t)to;
}

/* Find text from the line after the last match, wrapping round. */
static void
ui_article_find(struct ui *ui, int again)
{
	struct ui_article	*a = &ui->art;
	char			*text;
	size_t			 i, at;

	if (!again || a->find == NULL) {
		if ((text = ui_prompt(ui, "find: ", "", NULL, NULL)) == NULL)
			return;
		free(a->find);
		a->find = text;
		a->found = a->top;
	}
	for (i = 0; i < a->nlines && *a->find != '\0'; i++) {
		at = (a->found + i) % a->nlines;
		if (util_strcasestr(a->lines[at].text, a->find) != NULL) {
			a->top = at;
			a->found = at + 1;
			ui_message(ui, 0, "found on line %zu", at + 1);
			return;
		}
	}
	ui_message(ui, 1, "\"%s\" is not in this article", a->find);
}

static void
ui_article_browser(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	size_t			 n = (size_t)ui->count;

	if (n == 0) {
		ui_item_browser(ui, a->item.url);
		return;
	}
	if (ui_article_url(a, n) == NULL) {
		ui_message(ui, 1, "there is no link [%zu]; this article has "
		    "%zu", n, a->article.nlinks + a->item.nenclosures);
		return;
	}
	ui_item_browser(ui, ui_article_url(a, n));
}

/* exec from the pager: a number typed first gives that link. */
static void
ui_article_exec(struct ui *ui, int detach)
{
	struct ui_article	*a = &ui->art;
	size_t			 n = (size_t)ui->count;

	if (n != 0 && ui_article_url(a, n) == NULL) {
		ui_message(ui, 1, "there is no link [%zu]; this article has "
		    "%zu", n, a->article.nlinks + a->item.nenclosures);
		return;
	}
	ui_item_exec(ui, a->id, n != 0 ? ui_article_url(a, n) : NULL, detach);
	/* The command may have changed the item (telex mark, tag...). */
	ui_article_open(ui, a->id);
}

/* n / N from the pager: the next unread item, opened. */
static void
ui_article_next(struct ui *ui, int backwards)
{
	int64_t	 was = ui->art.id;

	ui_list_unread(ui, backwards);
	if (ui->list.n != 0 && ui->list.rows[ui->list.cur].id != was)
		ui_article_open(ui, ui->list.rows[ui->list.cur].id);
}

void
ui_article_key(struct ui *ui, enum ui_action a)
{
	struct ui_article	*art = &ui->art;
	long			 page = LINES - 2 > 1 ? LINES - 2 : 1;
	char			*text;

	switch (a) {
	case UI_DOWN: ui_article_scroll(ui, ui->count > 0 ? ui->count : 1); break;
	case UI_UP: ui_article_scroll(ui, -(ui->count > 0 ? ui->count : 1)); break;
	case UI_TOP: art->top = 0; break;
	case UI_BOTTOM: ui_article_scroll(ui, (long)art->nlines); break;
	case UI_HALF_DOWN: ui_article_scroll(ui, page / 2); break;
	case UI_HALF_UP: ui_article_scroll(ui, -page / 2); break;
	case UI_PAGE_DOWN: ui_article_scroll(ui, page); break;
	case UI_PAGE_UP: ui_article_scroll(ui, -page); break;
	case UI_BACK:
		ui->screen = UI_ITEMS;
		ui->status[0] = '\0';
		break;
	case UI_TOGGLE_READ:
		ui_item_mark(ui, art->id, art->item.read ? STORE_MARK_UNREAD :
		    STORE_MARK_READ);
		ui_article_layout(ui);
		break;
	case UI_STAR:
		ui_item_mark(ui, art->id, art->item.starred ?
		    STORE_MARK_UNSTAR : STORE_MARK_STAR);
		ui_article_layout(ui);
		break;
	case UI_TAG:
		if (ui_item_tags(ui, art->id) == 1)
			ui_article_open(ui, art->id);
		break;
	case UI_NEXT_UNREAD: ui_article_next(ui, 0); break;
	case UI_PREV_UNREAD: ui_article_next(ui, 1); break;
	case UI_SEARCH: ui_article_find(ui, 0); break;
	case UI_FIND_NEXT: ui_article_find(ui, 1); break;
	case UI_BROWSER: ui_article_browser(ui); break;
	case UI_PIPE:
		text = ui_article_plain(art);
		ui_item_pipe(ui, text);
		free(text);
		break;
	case UI_OPEN_LINK: ui_article_open_link(ui); break;
	case UI_ARCHIVE: ui_job_start(ui, UI_JOB_ARCHIVE, art->id); break;
	case UI_DOWNLOAD: ui_job_start(ui, UI_JOB_DOWNLOAD, art->id); break;
	case UI_POLL: ui_poll_start(ui, art->item.feed_id); break;
	case UI_UNDO:
		ui_item_undo(ui);
		ui_article_open(ui, art->id);
		break;
	case UI_EXEC:
	case UI_EXEC_DETACH: ui_article_exec(ui, a == UI_EXEC_DETACH); break;
	default:
		break;
	}
}
