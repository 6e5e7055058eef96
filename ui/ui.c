/*
 * The reader's frame: curses set up and always restored (also on a
 * crash or signal), the event loop that reads keys, drives polling and
 * child jobs, and the title and status lines.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "ui-int.h"

/* For the benchmark: a line in $TELEX_UI_TIMING. */
static void
ui_timing(struct ui *ui, const char *what, double ms)
{
	struct timespec	 ts;
	FILE		*f;

	if (ui->timing == NULL || (f = fopen(ui->timing, "a")) == NULL)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(f, "%s %.3f %lld.%09ld\n", what, ms, (long long)ts.tv_sec,
	    ts.tv_nsec);
	fclose(f);
}

static void
ui_draw_title(struct ui *ui)
{
	char	 title[512];
	const char *what = "";

	switch (ui->screen) {
	case UI_FEEDS:
		what = ui->feeds.tags_view ? "Tags" : "Feeds";
		break;
	case UI_ITEMS:
		what = ui->list.q.name;
		break;
	case UI_ARTICLE:
		what = "Article";
		break;
	default:
		what = "Keys";
		break;
	}
	snprintf(title, sizeof title, " telex: %s   (? keys, q back, Q quit)",
	    what != NULL ? what : "");
	ui_text_put(0, 0, COLS, title, ui->attrs[UI_C_TITLE] | A_BOLD);
}

/* "next poll at 14:05 (every 15 min)" for the status line. */
static void
ui_poll_next(struct ui *ui, char *out, size_t size)
{
	time_t		 t = (time_t)ui->next_poll;
	struct tm	 tm;
	char		 at[16];

	localtime_r(&t, &tm);
	strftime(at, sizeof at, "%H:%M:%S", &tm);
	if (ui->poll_interval % 3600 == 0)
		snprintf(out, size, "next poll at %s (every %ld h)", at,
		    ui->poll_interval / 3600);
	else if (ui->poll_interval % 60 == 0)
		snprintf(out, size, "next poll at %s (every %ld min)", at,
		    ui->poll_interval / 60);
	else
		snprintf(out, size, "next poll at %s (every %ld s)", at,
		    ui->poll_interval);
}

static void
ui_draw_status(struct ui *ui)
{
	char	 hint[256];
	int	 y = LINES - 1;

	if (ui_poll_busy(ui)) {
		ui_poll_draw(ui, y);
		return;
	}
	if (ui_job_busy(ui) && ui->status[0] == '\0') {
		ui_job_draw(ui, y);
		return;
	}
	if (ui->status[0] == '\0' && ui->poll_interval > 0 &&
	    ui->screen != UI_ARTICLE) {
		ui_poll_next(ui, hint, sizeof hint);
		ui_text_put(y, 0, COLS, hint, ui->attrs[UI_C_STATUS]);
		return;
	}
	if (ui->status[0] == '\0' && ui->screen == UI_ARTICLE) {
		snprintf(hint, sizeof hint, "item %lld  line %zu/%zu  (o "
		    "browser, | pipe, / find, a archive, q back)",
		    (long long)ui->art.id, ui->art.top + 1, ui->art.nlines);
		ui_text_put(y, 0, COLS, hint, ui->attrs[UI_C_STATUS]);
		return;
	}
	ui_text_put(y, 0, COLS, ui->status, ui->status_error ?
	    ui->attrs[UI_C_ERROR] : ui->attrs[UI_C_STATUS]);
}

static void
ui_draw(struct ui *ui)
{
	if (LINES < 3 || COLS < 10) {
		erase();
		mvaddstr(0, 0, "too small");
		refresh();
		return;
	}
	ui_draw_title(ui);
	switch (ui->screen) {
	case UI_FEEDS:
		ui_feeds_draw(ui);
		break;
	case UI_ITEMS:
		ui_list_draw(ui, &ui->list);
		break;
	case UI_ARTICLE:
		ui_article_draw(ui);
		break;
	default:
		ui_help_draw(ui);
		break;
	}
	ui_draw_status(ui);
	refresh();
	ui->dirty = 0;
}

/* Keys every screen shares. */
static int
ui_global_key(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_QUIT:
		ui->quit = 1;
		return (1);
	case UI_HELP_KEYS:
		if (ui->screen != UI_HELP) {
			ui->help_from = ui->screen;
			ui->screen = UI_HELP;
			ui->help_top = 0;
		}
		return (1);
	case UI_POLL_ALL:
		ui_poll_start(ui, 0);
		return (1);
	case UI_REDRAW:
		clearok(curscr, TRUE);
		return (1);
	case UI_COMMAND:
		ui_command(ui);
		return (1);
	default:
		return (0);
	}
}

static void
ui_screen_key(struct ui *ui, enum ui_action a)
{
	switch (ui->screen) {
	case UI_FEEDS:
		ui_feeds_key(ui, a);
		break;
	case UI_ITEMS:
		ui_items_key(ui, a);
		break;
	case UI_ARTICLE:
		ui_article_key(ui, a);
		break;
	default:
		ui_help_key(ui, a);
		break;
	}
}

static void
ui_dispatch(struct ui *ui, enum ui_action a)
{
	enum ui_screen	 was = ui->screen;

	ui->dirty = 1;
	if (!ui_global_key(ui, a))
		ui_screen_key(ui, a);
	/* Back on the feeds screen: counts may have changed meanwhile. */
	if (ui->screen == UI_FEEDS && was != UI_FEEDS && was != UI_HELP)
		ui_feeds_load(ui);
}

/*
 * The work that goes on while keys are read: a poll or an archived page
 * that ended is said, and what it changed is shown.
 */
static void
ui_tick(struct ui *ui)
{
	int64_t	 id;

	if (ui->poll_interval > 0 && !ui_poll_busy(ui) &&
	    util_now() >= ui->next_poll) {
		ui->next_poll = util_now() + ui->poll_interval;
		ui_poll_start(ui, 0);
	}
	if (ui_poll_check(ui)) {
		if (ui->poll_interval > 0)
			ui->next_poll = util_now() + ui->poll_interval;
		ui_feeds_load(ui);
		/* New items are above the window: let scrolling up find them. */
		ui->list.at_start = 0;
		if (ui->list.n == 0)
			ui_list_top(ui, &ui->list);
	}
	if ((id = ui_job_check(ui)) != 0 && ui->have_art &&
	    ui->art.id == id)
		ui_article_open(ui, id);
	ui->busy = ui_poll_busy(ui) || ui_job_busy(ui);
}


/* Wheel scrolls, a click selects (a click on the selection opens). */
static void
ui_mouse(struct ui *ui)
{
	MEVENT	 ev;
	size_t	 row;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		ui_dispatch(ui, UI_UP);
		ui_dispatch(ui, UI_UP);
		ui_dispatch(ui, UI_UP);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		ui_dispatch(ui, UI_DOWN);
		ui_dispatch(ui, UI_DOWN);
		ui_dispatch(ui, UI_DOWN);
	} else if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) &&
	    ev.y >= 1 && ev.y < LINES - 1) {
		row = (size_t)(ev.y - 1);
		if (ui->screen == UI_ITEMS && ui->list.top + row < ui->list.n)
			ui->list.cur = ui->list.top + row;
		else if (ui->screen == UI_FEEDS &&
		    ui->feeds.top + row < ui->feeds.n)
			ui->feeds.cur = ui->feeds.top + row;
		ui->dirty = 1;
	}
}

/* A key bound to several actions (exec with its command): each in turn. */
static void
ui_sequence(struct ui *ui, const struct ui_key *k)
{
	size_t	 i;
	int	 count = ui->count;

	for (i = 0; i < k->nsteps && !ui->quit; i++) {
		ui->command = k->steps[i].command;
		ui->count = count;
		ui_dispatch(ui, k->steps[i].action);
	}
	ui->command = NULL;
}

static void
ui_key(struct ui *ui, int ch)
{
	const struct ui_key	*k;
	enum ui_action	 a;
	double		 start = util_monotonic();

	if (ch == KEY_RESIZE) {
		ui->dirty = 1;
		clearok(curscr, TRUE);
		return;
	}
	if (ch == KEY_MOUSE) {
		ui_mouse(ui);
		return;
	}
	if (ch >= '0' && ch <= '9' && ui->screen != UI_HELP) {
		ui->count = ui->count * 10 + (ch - '0');
		if (ui->count > 99999)
			ui->count = 0;
		ui_message(ui, 0, "%d", ui->count);
		return;
	}
	if (ch == '\r')
		ch = '\n';
	ui->status[0] = '\0';
	ui->status_error = 0;
	k = ui_keys_find(ui, ui->screen, ch);
	a = k != NULL ? k->action : UI_NONE;
	if (a == UI_SEQUENCE)
		ui_sequence(ui, k);
	else if (a != UI_NONE)
		ui_dispatch(ui, a);
	ui->count = 0;
	if (ui->timing != NULL) {
		ui_draw(ui);
		ui_timing(ui, ui_keys_action_name(a),
		    (util_monotonic() - start) * 1000.0);
	}
}

/* How long to wait for a key: a frame while work goes on, else until
 * the next poll is due, else for ever. */
static int
ui_wait_ms(struct ui *ui)
{
	int64_t	 left;

	if (ui->busy)
		return (50);
	if (ui->poll_interval <= 0)
		return (-1);
	left = ui->next_poll - util_now();
	return (left <= 0 ? 0 : left > 60 ? 60000 : (int)left * 1000);
}

static void
ui_loop(struct ui *ui)
{
	int	 ch, first = 1;

	while (!ui->quit) {
		if (ui->dirty || first)
			ui_draw(ui);
		if (first && ui->timing != NULL)
			ui_timing(ui, "first-screen", 0);
		first = 0;
		timeout(ui_wait_ms(ui));
		ch = getch();
		if (ch != ERR)
			ui_key(ui, ch);
		ui_tick(ui);
	}
}

static void
ui_free(struct ui *ui)
{
	ui_poll_free(ui);
	ui_job_free(ui);
	ui_undo_clear(&ui->undo);
	ui_feeds_free(&ui->feeds);
	ui_list_free(&ui->list);
	if (ui->have_saved_list)
		ui_list_free(&ui->saved_list);
	if (ui->have_art)
		ui_article_free(&ui->art);
	ui_keys_free(ui);
}

int
ui_main(struct store *st, struct conf *cf, const char *db_path,
    char **cause)
{
	struct ui	 ui;
	char		*why = NULL;

	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.db_path = db_path;
	ui.redraw = ui_draw;
	ui.tick = ui_tick;
	ui.timing = getenv("TELEX_UI_TIMING");
	ui.conf = cf;
	ui.undo.mark = -1;
	setlocale(LC_ALL, "");
	ui_term_signals();
	atexit(ui_term_restore);
	ui_term_start();
	ui_keys_default(&ui);
	if (ui_colors_config(&ui, cf, &why) != 0 ||
	    ui_keys_config(&ui, cf, &why) != 0) {
		ui_message(&ui, 1, "%s", why);
		free(why);
	}
	if (ui_feeds_load(&ui) != 0) {
		ui_term_restore();
		*cause = xasprintf("cannot read the feeds: %s",
		    store_errmsg(st));
		ui_free(&ui);
		return (-1);
	}
	if (cf != NULL && cf->nwarnings != 0)
		ui_message(&ui, 1, "%s%s", cf->warnings[0], cf->nwarnings > 1 ?
		    " (and more: telex stats lists them)" : "");
	ui_settings(&ui, 1);
	ui.busy = ui_poll_busy(&ui);
	ui_loop(&ui);
	ui_term_restore();
	ui_free(&ui);
	return (0);
}
