/*
 * The help screen: every key of the screen it was called from, read
 * from the live key map (so "bind" lines show), with what it does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui-int.h"

static const char *ui_help_screens[UI_SCREENS] = {
	"feeds", "items", "article", "help"
};

/* The help text's line i into buf; -1 past the end. */
static int
ui_help_line(struct ui *ui, size_t i, char *buf, size_t size, int *attr)
{
	const struct ui_key	*k;
	enum ui_screen		 sc = ui->help_from;
	char			 name[32];

	*attr = ui->attrs[UI_C_NORMAL];
	if (i == 0) {
		snprintf(buf, size, "Keys of the %s screen (q goes back):",
		    ui_help_screens[sc]);
		*attr = ui->attrs[UI_C_HEADING];
		return (0);
	}
	if (i == 1) {
		buf[0] = '\0';
		return (0);
	}
	i -= 2;
	while (i < ui->nkeys[sc] && ui->keys[sc][i].action == UI_NONE)
		i++;
	if (i >= ui->nkeys[sc])
		return (-1);
	k = &ui->keys[sc][i];
	if (k->action == UI_SEQUENCE)
		snprintf(buf, size, "  %-10s %s", ui_keys_name(k->key, name,
		    sizeof name), k->label);
	else
		snprintf(buf, size, "  %-10s %-14s %s", ui_keys_name(k->key,
		    name, sizeof name), ui_keys_action_name(k->action),
		    ui_keys_action_help(k->action));
	return (0);
}

void
ui_help_draw(struct ui *ui)
{
	char	 line[256];
	int	 y, attr;

	for (y = 1; y < LINES - 1; y++) {
		if (ui_help_line(ui, ui->help_top + (size_t)(y - 1), line,
		    sizeof line, &attr) != 0)
			line[0] = '\0';
		ui_text_put(y, 0, COLS, line, attr);
	}
}

void
ui_help_key(struct ui *ui, enum ui_action a)
{
	size_t	 n = ui->nkeys[ui->help_from] + 2;
	long	 page = LINES - 2 > 1 ? LINES - 2 : 1;

	switch (a) {
	case UI_BACK:
		ui->screen = ui->help_from;
		break;
	case UI_DOWN:
	case UI_PAGE_DOWN:
	case UI_HALF_DOWN:
		ui->help_top += a == UI_DOWN ? 1 : (size_t)page / 2;
		if (ui->help_top >= n)
			ui->help_top = n - 1;
		break;
	case UI_UP:
	case UI_PAGE_UP:
	case UI_HALF_UP:
		ui->help_top -= ui->help_top < (a == UI_UP ? 1 :
		    (size_t)page / 2) ? ui->help_top : (a == UI_UP ? 1 :
		    (size_t)page / 2);
		break;
	case UI_TOP:
		ui->help_top = 0;
		break;
	case UI_BOTTOM:
		ui->help_top = n > (size_t)page ? n - (size_t)page : 0;
		break;
	default:
		break;
	}
}
