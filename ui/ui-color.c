/*
 * Colours and attributes of the screen's elements: defaults, then the
 * config file's "color ELEMENT FG BG [ATTR...]" lines.  With NO_COLOR
 * set, only attributes (bold, reverse, underline) are used.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui-int.h"

static const char *ui_color_elements[UI_ELEMENTS] = {
	[UI_C_NORMAL] = "normal", [UI_C_TITLE] = "title",
	[UI_C_STATUS] = "status", [UI_C_SELECTED] = "selected",
	[UI_C_UNREAD] = "unread", [UI_C_ERROR] = "error",
	[UI_C_HEADING] = "heading", [UI_C_QUOTE] = "quote",
	[UI_C_LINK] = "link", [UI_C_META] = "meta", [UI_C_MATCH] = "match",
};

static const char *ui_color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct {
	const char	*name;
	int		 attr;
} ui_color_attrs[] = {
	{ "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
	{ "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
	{ "standout", A_STANDOUT }, { "blink", A_BLINK },
};

/* Defaults: element, fg, bg, attributes (fg -2: attributes alone). */
static const struct {
	enum ui_element	 e;
	short		 fg;
	short		 bg;
	int		 attr;
} ui_color_defaults[] = {
	{ UI_C_NORMAL, -2, -1, A_NORMAL },
	{ UI_C_TITLE, COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	{ UI_C_STATUS, -2, -1, A_NORMAL },
	{ UI_C_SELECTED, -2, -1, A_REVERSE },
	{ UI_C_UNREAD, -2, -1, A_BOLD },
	{ UI_C_ERROR, COLOR_RED, -1, A_BOLD },
	{ UI_C_HEADING, COLOR_YELLOW, -1, A_BOLD },
	{ UI_C_QUOTE, COLOR_GREEN, -1, A_NORMAL },
	{ UI_C_LINK, COLOR_CYAN, -1, A_UNDERLINE },
	{ UI_C_META, COLOR_BLUE, -1, A_DIM },
	{ UI_C_MATCH, -2, -1, A_REVERSE },
};

static int
ui_color_use(void)
{
	const char	*e = getenv("NO_COLOR");

	return ((e == NULL || *e == '\0') && has_colors());
}

static void
ui_color_set(struct ui *ui, enum ui_element e, short fg, short bg, int attr)
{
	if (fg == -2 || !ui_color_use()) {
		ui->attrs[e] = attr;
		return;
	}
	init_pair((short)(e + 1), fg, bg);
	/* A colour replaces reverse, which only stood in for it. */
	ui->attrs[e] = (attr & ~A_REVERSE) | COLOR_PAIR(e + 1);
}

/* A colour name or number 0-255 ("default" is -1), or -3. */
static short
ui_color_parse(const char *s)
{
	char	*end;
	long	 n;
	size_t	 i;

	if (strcmp(s, "default") == 0)
		return (-1);
	for (i = 0; i < UTIL_ARRLEN(ui_color_names); i++) {
		if (strcmp(s, ui_color_names[i]) == 0)
			return ((short)i);
	}
	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 0 || n > 255 ||
	    n >= (ui_color_use() ? COLORS : 256))
		return (-3);
	return ((short)n);
}

static int
ui_color_line(struct ui *ui, const struct conf *cf,
    const struct conf_line *l, char **cause)
{
	short	 fg, bg;
	int	 e, i, attr = A_NORMAL;
	size_t	 j;

	if (l->argc < 4) {
		*cause = xasprintf("%s, line %d: color takes an element and "
		    "two colours, as in \"color unread yellow default bold\"",
		    l->file, l->line);
		return (-1);
	}
	for (e = 0; e < UI_ELEMENTS; e++) {
		if (strcmp(ui_color_elements[e], l->argv[1]) == 0)
			break;
	}
	fg = ui_color_parse(l->argv[2]);
	bg = ui_color_parse(l->argv[3]);
	if (e == UI_ELEMENTS || fg == -3 || bg == -3) {
		*cause = xasprintf("%s, line %d: \"%s %s %s\" is not an "
		    "element and two colours; telex(1) lists them under "
		    "CONFIGURATION", l->file, l->line, l->argv[1],
		    l->argv[2], l->argv[3]);
		return (-1);
	}
	for (i = 4; i < l->argc; i++) {
		for (j = 0; j < UTIL_ARRLEN(ui_color_attrs); j++) {
			if (strcmp(ui_color_attrs[j].name, l->argv[i]) == 0)
				break;
		}
		if (j == UTIL_ARRLEN(ui_color_attrs)) {
			*cause = xasprintf("%s, line %d: \"%s\" is not an "
			    "attribute (bold, dim, underline, reverse...)",
			    l->file, l->line, l->argv[i]);
			return (-1);
		}
		attr |= ui_color_attrs[j].attr;
	}
	ui_color_set(ui, e, fg, bg, attr);
	return (0);
}

/* Set the defaults, then what the config says. */
int
ui_colors_config(struct ui *ui, const struct conf *cf, char **cause)
{
	const struct conf_line	*l;
	size_t			 i;

	if (ui_color_use()) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < UTIL_ARRLEN(ui_color_defaults); i++)
		ui_color_set(ui, ui_color_defaults[i].e,
		    ui_color_defaults[i].fg, ui_color_defaults[i].bg,
		    ui_color_defaults[i].attr);
	if (cf == NULL)
		return (0);
	i = 0;
	while ((l = conf_next(cf, "color", &i)) != NULL) {
		if (ui_color_line(ui, cf, l, cause) != 0)
			return (-1);
	}
	return (0);
}
